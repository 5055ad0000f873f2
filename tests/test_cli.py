"""The command line against the worked examples of tests/data/examples (the contract)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import ALERTS_CASES, EXAMPLES, POINTS_CASES

#: Seven words: the CNIL's second criterion.
STRONG = "cheval agrafe batterie correct lune vent soir"
#: Five words, no capital, no digit: neither criterion.
WEAK = "cheval agrafe batterie correct lune"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(store_url: str) -> str:
    """The store given to --db: a SQLite file, then a PostgreSQL database."""
    return store_url


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    """A store file, for what only a file has (its WAL, its encryption)."""
    return str(tmp_path / "store.sqlite3")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`suivi-fsl --version`: the name and desktop_app.__version__ (pyproject reads it too)."""
    from desktop_app import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"Suivi FSL {__version__}\n"


def test_window_timings_with_a_wrong_epoch_exit_2_in_french(
        capsys: pytest.CaptureFixture[str], db_file: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SUIVI_FSL_TIMINGS_SINCE (benchmarks/bench_startup.py) must be seconds: else said, code 2,
    and no window opens."""
    monkeypatch.setenv("SUIVI_FSL_TIMINGS_SINCE", "hier")
    code, _out, err = run(capsys, "--db", db_file)
    assert code == 2
    assert err == ("Erreur : SUIVI_FSL_TIMINGS_SINCE doit être une date en secondes "
                   "(époque Unix).\n")


def test_screenshots_without_the_sources_exit_2_in_french(
        capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`screenshots` is a development tool (devtools/, not shipped): the installed program
    says so and names its own check of the screens, with no traceback and no folder made."""
    monkeypatch.setitem(sys.modules, "devtools", None)  # as where the program is installed
    monkeypatch.setitem(sys.modules, "devtools.screenshots", None)
    code, out, err = run(capsys, "--db", db_file, "screenshots", "--out", str(tmp_path / "png"))
    assert (code, out) == (2, "")
    assert err == ("Erreur : la commande « screenshots » sert au développement : lancez-la "
                   "depuis une copie des sources de Suivi FSL (dossier devtools/). Pour "
                   "vérifier l'affichage du programme installé : suivi-fsl screens --out "
                   "DOSSIER.\n")
    assert not (tmp_path / "png").exists()


def _expected(name: str) -> dict[str, object]:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("example", "month"), POINTS_CASES)
def test_points_of_the_worked_examples(
    capsys: pytest.CaptureFixture[str], db: str, example: str, month: str
) -> None:
    assert run(capsys, "--db", db, "import", str(EXAMPLES / f"{example}.json"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "points", "--month", month, "--json")
    assert code == 0
    assert json.loads(out) == _expected(f"{example}.points-{month}.json")


@pytest.mark.parametrize(("example", "day"), ALERTS_CASES)
def test_alerts_of_the_worked_examples(
    capsys: pytest.CaptureFixture[str], db: str, example: str, day: str
) -> None:
    assert run(capsys, "--db", db, "import", str(EXAMPLES / f"{example}.json"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "alerts", "--on", day, "--json")
    assert code == 0
    got = json.loads(out)
    for alert in got["alerts"]:
        assert alert.pop("message")  # free French text, never empty
    assert got == _expected(f"{example}.alerts-{day}.json")


def test_french_tables_without_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))
    code, out, _ = run(capsys, "--db", db, "points", "--month", "2025-09")
    assert code == 0
    assert "589,78\u00a0€" in out  # total of the example
    code, out, _ = run(capsys, "--db", db, "alerts", "--on", "2025-09-20")
    assert code == 0 and "23/09/2025" in out  # the closed doors' due date


def test_export_import_export_is_identical(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-2.json"))
    assert run(capsys, "--db", db, "export", str(first))[0] == 0
    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "import", str(first))[0] == 0
    assert run(capsys, "--db", other, "export", str(second))[0] == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_a_command_leaves_the_store_file_whole(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    db = db_file
    # The command closes its store: the WAL is folded back into the file, so a plain copy
    # of the file alone (a user's copy to a USB key) holds what was imported.
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-2.json"))[0] == 0
    wal = Path(db + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copie.sqlite3"
    copy.write_bytes(Path(db).read_bytes())
    out_a, out_b = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "--db", db, "export", str(out_a))[0] == 0
    assert run(capsys, "--db", str(copy), "export", str(out_b))[0] == 0
    assert out_a.read_bytes() == out_b.read_bytes()


def test_a_file_that_cannot_be_read_is_said_in_french(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    missing = tmp_path / "absent.json"
    code, out, err = run(capsys, "--db", db, "import", str(missing))
    assert (code, out) == (3, "")
    assert err == (f"Impossible de lire {missing} : le fichier ou le dossier n'existe pas "
                   "(clé USB ou lecteur réseau débranché ?).\n")


def test_rejected_file_exits_3_and_leaves_store_as_it_was(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))
    before = tmp_path / "before.json"
    run(capsys, "--db", db, "export", str(before))
    bad = json.loads((EXAMPLES / "exemple-1.json").read_text(encoding="utf-8"))
    bad["measures"][0]["periods"][0]["end"] = "2025-06-30"  # before its start
    bad["measures"][1]["referent"] = "w9"  # unknown worker
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(bad_file))
    assert code == 3
    assert "measures[0].periods[0].end" in err and "measures[1].referent" in err
    # same ids as stored: rejected too, with the path of each clash
    code, _, err = run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))
    assert code == 3 and "households[0].id" in err
    after = tmp_path / "after.json"
    run(capsys, "--db", db, "export", str(after))
    assert before.read_text(encoding="utf-8") == after.read_text(encoding="utf-8")


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "points", "--month", "2025-13"])
    assert exit_info.value.code == 2
    assert "mois invalide" in capsys.readouterr().err


def test_encrypted_store_wrong_passphrase_exits_4(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    db = db_file
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", STRONG)
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
    assert b"DURAND" not in Path(db).read_bytes()  # encrypted on disk
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", STRONG.replace("soir", "soiR"))
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "out.json"))
    assert code == 4
    assert "Mot de passe incorrect" in err and "not a database" not in err
    assert not (tmp_path / "out.json").exists()


def test_weak_passphrase_for_a_new_encrypted_store_exits_2_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], db_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = db_file  # encryption is of a store file
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", WEAK)
    code, out, err = run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))
    # 35 characters but no capital and no digit; 5 words of the 7 of a passphrase.
    assert (code, out) == (2, "")
    assert err == (f"Erreur : le mot de passe de SUIVI_FSL_PASSPHRASE est trop faible pour "
                   f"créer la base chiffrée {db}. Trop faible. Il manque une majuscule et un "
                   "chiffre ; ou bien écrivez une phrase d'au moins 7 mots (5 mots pour "
                   "l'instant). Choisissez-en un plus fort, ou relancez avec "
                   "SUIVI_FSL_PASSPHRASE_FAIBLE=1 pour le garder malgré tout. Rien n'a été "
                   "créé.\n")
    assert not Path(db).exists()
    # The same for a one-character passphrase and any command that would create the store.
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "x")
    assert run(capsys, "--db", db, "demo", "--households", "2")[0] == 2
    assert not Path(db).exists()


def test_weak_passphrase_forced_then_reopened_without_the_force(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    db = db_file  # encryption is of a store file
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", WEAK)
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE_FAIBLE", "1")
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
    assert b"DURAND" not in Path(db).read_bytes()  # encrypted with the weak passphrase
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE_FAIBLE")
    # An existing store is opened with its passphrase, whatever its strength.
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "out.json"))
    assert (code, err) == (0, "")
    assert "DURAND" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_import_of_a_device_exits_3_at_once_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, "--db", db, "import", "/dev/zero")
    assert (code, out) == (3, "")
    assert err == ("Le fichier /dev/zero n'est pas valide :\n"
                   "  - (fichier) : ce n'est pas un fichier ordinaire (un périphérique, un "
                   "tube, une socket…) : choisissez le fichier .json exporté\n"
                   "Rien n'a été enregistré : corrigez le fichier puis relancez l'import.\n")
    assert run(capsys, "--db", db, "imports")[1].startswith("Aucun import")


def test_import_of_a_file_with_households_written_twice_exits_3(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    # The second, empty, list won silently: « Import terminé : 0 ménages », exit 0.
    text = (EXAMPLES / "exemple-1.json").read_text(encoding="utf-8").rstrip()
    twice = tmp_path / "deux-fois.json"
    twice.write_text(text[:-1] + ', "households": []}', encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(twice))
    assert code == 3
    assert err.splitlines()[1] == ("  - households : clé « households » écrite plusieurs fois "
                                   "dans ce fichier : gardez-en une seule (sinon seule la "
                                   "dernière compterait)")
