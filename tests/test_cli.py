"""The command line against the worked examples of tests/data/examples (the contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import ALERTS_CASES, EXAMPLES, POINTS_CASES


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
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "cheval agrafe batterie correct lune")
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
    assert b"DURAND" not in Path(db).read_bytes()  # encrypted on disk
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "cheval agrafe batterie correct lunE")
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "out.json"))
    assert code == 4
    assert "Mot de passe incorrect" in err and "not a database" not in err
    assert not (tmp_path / "out.json").exists()
