"""`staff --year AAAA --out DOSSIER` (docs/echange.md): the staff table of
tests/domain/indicators/test_staff.py written by the command line, and what it refuses."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from desktop_app import cli_staff
from desktop_app.cli import main
from desktop_app.domain.model import Absence
from desktop_app.store.repository import open_store
from tests.domain.indicators.builders import caseload
from tests.domain.indicators.test_staff import _measures, _team
from tests.reports.helpers import flat, pdf_text, workbook


@pytest.fixture
def db(store_url: str) -> str:
    """A SQLite file, then a PostgreSQL database, holding the team of the domain's tests."""
    absence = Absence(date(2026, 4, 27), date(2026, 6, 1), replacement="w2")
    store = open_store(store_url)
    store.import_caseload(caseload(*_measures(), workers=_team([absence])))
    store.close()
    return store_url


def _on(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(cli_staff, "today", lambda: day)


def test_staff_writes_both_files(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    _on(monkeypatch, date(2027, 3, 1))
    out = tmp_path / "envoi" / "2026"  # made, with its parent
    capsys.readouterr()
    assert main(["--db", db, "staff", "--year", "2026", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    pdf, xlsx = out / "tableau-salaries-2026.pdf", out / "tableau-salaries-2026.xlsx"
    assert captured.out.splitlines() == ["Tableau des salariés 2026 écrit : 2 salarié(s).",
                                         str(pdf), str(xlsx)]
    assert "PROVISOIRE" not in captured.err
    for written in (pdf, xlsx):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = flat(pdf_text(pdf))
    assert "Bruno Petit Assistant(e) de service social 1,00 2 0 1 1 6 16 2,67" in text
    assert "Établi le 01/03/2027." in text
    assert "remplacé(e) par Bruno Petit" in text
    assert workbook(xlsx)["Salariés"]["A3"].value == "Établi le 01/03/2027."


def test_staff_of_the_year_under_way_is_provisional(
        db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _on(monkeypatch, date(2026, 10, 30))
    assert main(["--db", db, "staff", "--year", "2026", "--out", str(tmp_path)]) == 0
    assert ("Année 2026 en cours : tableau PROVISOIRE, chiffres arrêtés au 30/10/2026."
            in capsys.readouterr().err)
    assert "PROVISOIRE" in pdf_text(tmp_path / "tableau-salaries-2026.pdf")


def test_staff_refuses_a_year_not_started(db: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _on(monkeypatch, date(2026, 10, 30))
    out = tmp_path / "dossier"
    assert main(["--db", db, "staff", "--year", "2027", "--out", str(out)]) == 2
    assert ("Erreur : L'année 2027 n'a pas commencé : le tableau des salariés porte sur une "
            "année commencée (2026 au plus tard).") in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(("value", "said"), [("2101", "année hors des limites « 2101 »"),
                                             ("1899", "année hors des limites « 1899 »"),
                                             ("26", "année invalide « 26 »"),
                                             ("deux-mille", "année invalide")])
def test_staff_refuses_a_year_out_of_range(db: str, tmp_path: Path, value: str, said: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", db, "staff", "--year", value, "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert raised.value.code == 2 and said in err and "Traceback" not in err


def test_staff_folder_that_is_a_file(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _on(monkeypatch, date(2027, 3, 1))
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    assert main(["--db", db, "staff", "--year", "2026", "--out", str(blocker / "sous")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Impossible d'écrire") and "Traceback" not in err, err
    assert blocker.read_text() == "x"


def test_staff_file_name_taken_by_a_folder(db: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _on(monkeypatch, date(2027, 3, 1))
    (tmp_path / "tableau-salaries-2026.xlsx").mkdir()
    assert main(["--db", db, "staff", "--year", "2026", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "ce nom est celui d'un dossier" in err, err
    assert not (tmp_path / "tableau-salaries-2026.pdf").exists()  # nothing half-written


def test_staff_full_disk_keeps_the_old_files_whole(
        db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import errno
    import os

    from desktop_app import private_files

    _on(monkeypatch, date(2027, 3, 1))
    folder = tmp_path / "envoi"
    argv = ["--db", db, "staff", "--year", "2026", "--out", str(folder)]
    assert main(argv) == 0
    pdf = folder / "tableau-salaries-2026.pdf"
    good = pdf.read_bytes()

    def full(path: Path) -> None:  # what the disk says when the data reaches it
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(private_files, "_sync_file", full)
    capsys.readouterr()
    assert main(argv) == 1
    assert (f"Impossible d'écrire « {pdf} » : le disque est plein. Libérez de la place sur le "
            "disque ou choisissez-en un autre, puis recommencez : l'ancien fichier, s'il y en "
            "avait un, est intact.") in capsys.readouterr().err
    assert pdf.read_bytes() == good
    assert sorted(os.listdir(folder)) == ["tableau-salaries-2026.pdf",
                                            "tableau-salaries-2026.xlsx"]
