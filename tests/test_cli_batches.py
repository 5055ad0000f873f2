"""`suivi-fsl imports` and `suivi-fsl undo-import ID`; `import` keeps its contract
output and records the file's name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import EXAMPLES
from tests.test_cli import run

DATE = r"\d{2}/\d{2}/\d{4} à \d{2}:\d{2}"


@pytest.fixture
def db(store_url: str) -> str:
    """The store given to --db: a SQLite file, then a PostgreSQL database."""
    return store_url


def _export(capsys: pytest.CaptureFixture[str], db: str, out: Path) -> str:
    assert run(capsys, "--db", db, "export", str(out))[0] == 0
    return out.read_text(encoding="utf-8")


def test_import_list_undo(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    before = _export(capsys, db, tmp_path / "before.json")
    code, out, err = run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))
    assert (code, err) == (0, "")
    assert out.startswith("Import terminé : ")  # the contract's line, unchanged
    code, out, _ = run(capsys, "--db", db, "imports")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(rf"n° 1 — {DATE} — import de exemple-1\.json \(profil système\) : "
                        r".* — annulable", lines[0])
    code, out, _ = run(capsys, "--db", db, "undo-import", "1")
    assert code == 0 and out.startswith("Import n° 1 (exemple-1.json) annulé : ")
    assert _export(capsys, db, tmp_path / "after.json") == before
    code, out, _ = run(capsys, "--db", db, "imports")
    assert re.fullmatch(rf"n° 1 — {DATE} — .* — annulé le {DATE}\n", out)


def test_undo_refused_exits_1_with_the_reason(capsys: pytest.CaptureFixture[str], db: str,
                                              tmp_path: Path) -> None:
    assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
    from desktop_app.store.repository import open_store

    store = open_store(db)
    household = store.export_caseload().households[0]
    household.phone = "0799999999"
    store.save_household(household)
    store.close()
    code, out, err = run(capsys, "--db", db, "undo-import", "1")
    assert (code, out) == (1, "")
    assert err.startswith("Erreur : L'import n° 1 (exemple-1.json) ne peut pas être annulé : "
                          f"ménage {household.id} ({household.name}) modifié(e) depuis")
    code, out, _ = run(capsys, "--db", db, "imports")
    assert f"non annulable : ménage {household.id} ({household.name}) modifié(e) depuis" in out


def test_wrong_usage(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", db, "undo-import", "abc"])
    assert exited.value.code == 2
    assert "numéro d'import attendu" in capsys.readouterr().err
    code, _out, err = run(capsys, "--db", db, "undo-import", "7")
    assert code == 1 and "Aucun import n° 7" in err
    code, out, _ = run(capsys, "--db", db, "imports")
    assert (code, out) == (0, "Aucun import enregistré dans cette base.\n")
