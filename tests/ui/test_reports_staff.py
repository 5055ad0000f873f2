"""The « Salariés » tab of the « Rapports » screen: the staff table of
tests/domain/indicators/test_staff.py previewed, then its PDF and XLSX written side by side in
the background; a year under way said PROVISOIRE."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.model import Absence
from desktop_app.ui.reports.screen import TABS
from tests.domain.indicators.builders import caseload
from tests.domain.indicators.test_staff import _measures, _team
from tests.reports.helpers import flat, pdf_text, workbook
from tests.ui.conftest import settle


@pytest.fixture
def open_window(app, qtbot, tmp_path: Path) -> Iterator[Callable]:  # type: ignore[no-untyped-def]
    """Opens the window on the Rapports screen of a store holding the team, on a given day."""
    from desktop_app.store.repository import open_store
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    store = open_store(f"sqlite:///{tmp_path / 'suivi.sqlite3'}")
    absence = Absence(date(2026, 4, 27), date(2026, 6, 1), replacement="w2")
    store.import_caseload(caseload(*_measures(), workers=_team([absence])))
    windows = []

    def opened(today: date):  # type: ignore[no-untyped-def]
        win = MainWindow(AppContext(store, today=lambda: today), "Base : test")
        qtbot.addWidget(win)
        win.show()
        win.start()
        settle(qtbot, win)
        win.show_screen("rapports")
        settle(qtbot, win)
        windows.append(win)
        return win

    yield opened
    for win in windows:
        settle(qtbot, win)


def _cells(panel) -> list[list[str]]:  # type: ignore[no-untyped-def]
    view = panel.view
    return [[view.item(r, c).text() for c in range(view.columnCount())]
            for r in range(view.rowCount())]


def test_preview_then_both_files(qtbot, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(date(2027, 3, 1))
    screen = window.screens["rapports"]
    assert screen.tabs.tabText(len(TABS) - 1) == "Salariés"
    panel = screen.staff
    assert panel.year.value() == 2026  # last year, the one to send
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    rows = _cells(panel)
    assert [row[0] for row in rows] == ["Bruno Petit", "Claire Martin", "Ensemble"]
    assert rows[0][:10] == ["Bruno Petit", "Assistant(e) de service social", "1,00", "2", "0",
                            "1", "1", "6", "16", "2,67"]
    assert rows[1][2] == "0,50" and rows[1][9] == "4,00"
    assert panel.absences.text() == (
        "Absences de plus de 21 jours ouvrés :\n• Claire Martin : du 27/04/2026 au 01/06/2026 "
        "(22 jours ouvrés) : remplacé(e) par Bruno Petit")
    assert rows[2][9] == "3,33"
    assert panel.progress_text.text() == "Tableau 2026 calculé (2 salarié(s))."
    folder = tmp_path / "envoi"
    panel.export(folder)
    settle(qtbot, window)
    pdf, xlsx = folder / "tableau-salaries-2026.pdf", folder / "tableau-salaries-2026.xlsx"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert stat.S_IMODE(xlsx.stat().st_mode) == 0o600
    assert "Claire Martin CESF 0,50 1 1 0 0 12 24 4,00" in flat(pdf_text(pdf))
    assert workbook(xlsx)["Salariés"]["A3"].value == "Établi le 01/03/2027."
    assert panel.progress_text.text() == "Document écrit : tableau-salaries-2026.pdf"
    assert panel.job.last_box is not None
    assert "tableau-salaries-2026.xlsx" in panel.job.last_box.text()
    panel.job.last_box.close()


def test_year_under_way_is_provisional(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(date(2026, 10, 30))
    panel = window.screens["rapports"].staff
    assert panel.year.maximum() == 2026  # a year not started is not offered
    panel.year.setValue(2026)
    panel.preview()
    settle(qtbot, window)
    assert panel.progress_text.text() == ("Année 2026 en cours : tableau PROVISOIRE, chiffres "
                                          "arrêtés au 30/10/2026 (2 salarié(s)).")
    assert _cells(panel)[0][7] == "4"  # Bruno Petit: July to October


def test_a_folder_that_cannot_be_made_is_said_in_french(qtbot, open_window,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    window = open_window(date(2027, 3, 1))
    panel = window.screens["rapports"].staff
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    panel.export(blocker / "sous")
    settle(qtbot, window)
    assert panel.progress_text.text() == "Le document n'a pas été écrit."
    box = panel.job.last_box
    assert box is not None and box.text().startswith("Impossible d'écrire")
    box.close()
