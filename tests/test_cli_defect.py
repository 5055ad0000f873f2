"""A defect of the program on the command line: an exception nothing foresaw is
said in French, exit code 70, its traceback in a private file of the data folder — never a
traceback on the screen; `SUIVI_FSL_DEBUG=1` lets it through for developers."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from desktop_app import cli_batches
from desktop_app.cli import DEFECT, DEFECT_NO_REPORT, EXIT_DEFECT
from desktop_app.domain.model import Household
from desktop_app.store.repository import open_store
from tests.test_cli_hostile import assert_french, run


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "donnees"
    monkeypatch.setenv("SUIVI_FSL_DATA_DIR", str(folder))
    monkeypatch.delenv("SUIVI_FSL_DEBUG", raising=False)
    return folder


def _boom(*_args: object) -> int:
    raise RuntimeError("boom")


def test_a_defect_is_said_in_french_and_its_detail_kept_in_a_private_file(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
        tmp_path: Path) -> None:
    monkeypatch.setattr(cli_batches, "run_imports", _boom)
    db = tmp_path / "base.sqlite3"
    code, out, err = run(capsys, ["--db", str(db), "imports"])
    reports = list((data / "journal").iterdir())
    assert len(reports) == 1
    report = reports[0]
    assert re.fullmatch(rf"erreur-\d{{8}}-\d{{6}}-{os.getpid()}\.txt", report.name)
    assert (code, out) == (EXIT_DEFECT, "") and EXIT_DEFECT == 70
    assert err == (f"{DEFECT} Le détail technique est dans {report} : transmettez-le à votre "
                   "responsable informatique.\n")
    assert err.startswith("Erreur inattendue : Suivi FSL a rencontré un défaut")
    assert_french(out, err, str(report))
    if os.name == "posix":
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
        assert stat.S_IMODE((data / "journal").stat().st_mode) == 0o700
    text = report.read_text(encoding="utf-8")
    assert text.startswith(f"Commande : --db {db} imports\n")
    assert "Traceback (most recent call last)" in text and "RuntimeError: boom" in text


def test_a_defect_inside_a_write_leaves_the_store_as_it_was(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
        tmp_path: Path) -> None:
    """What the message says: the write under way is rolled back."""
    from desktop_app.store.engine import write
    from desktop_app.store.tables import HOUSEHOLDS

    db = tmp_path / "base.sqlite3"
    open_store(f"sqlite:///{db}").close()

    def half_written(store: object, _args: object) -> int:
        with write(store.engine) as connection:  # type: ignore[attr-defined]
            connection.execute(HOUSEHOLDS.insert().values(id="h1", name="MOITIÉ Écrit",
                                                       search_text="moitie ecrit"))
            written = connection.execute(HOUSEHOLDS.select()).all()
            assert [row.id for row in written] == ["h1"]  # written, not yet committed
            raise RuntimeError("boom")

    monkeypatch.setattr(cli_batches, "run_imports", half_written)
    code, _out, err = run(capsys, ["--db", str(db), "imports"])
    assert code == EXIT_DEFECT and err.startswith(DEFECT)
    [report] = (data / "journal").iterdir()
    assert "RuntimeError: boom" in report.read_text(encoding="utf-8")  # not a failed check
    store = open_store(f"sqlite:///{db}")
    try:
        assert store.export_caseload().households == []
        store.save_household(Household("h2", "APRÈS Tout"))  # the store is not locked
    finally:
        store.close()


def test_when_the_report_cannot_be_written_the_message_is_still_french(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
        tmp_path: Path) -> None:
    data.parent.mkdir(exist_ok=True)
    data.write_text("un fichier, pas un dossier", encoding="utf-8")  # journal/ cannot be made
    monkeypatch.setattr(cli_batches, "run_imports", _boom)
    code, out, err = run(capsys, ["--db", str(tmp_path / "base.sqlite3"), "imports"])
    assert (code, out) == (EXIT_DEFECT, "")
    assert err == f"{DEFECT} {DEFECT_NO_REPORT}\n"
    assert_french(out, err)


def test_with_suivi_fsl_debug_the_exception_goes_through(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
        tmp_path: Path) -> None:
    monkeypatch.setenv("SUIVI_FSL_DEBUG", "1")
    monkeypatch.setattr(cli_batches, "run_imports", _boom)
    with pytest.raises(RuntimeError, match=r"^boom$"):
        run(capsys, ["--db", str(tmp_path / "base.sqlite3"), "imports"])
    assert not (data / "journal").exists()
