"""The « Aperçu » of the statement, ALT occupancy and convention tabs of « Rapports »: the
document's tables shown before any file is written, on `small_caseload`
(tests/app/small_caseload.py; window's day 16/09/2025), every cell worked out by hand (point
85,95 €, FAL 1 562,80 €/an, management 500 €/an, 365 days in 2025)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.dates import Month
from desktop_app.store.repository import SqlStore, open_store
from tests.app.small_caseload import small_caseload
from tests.ui.conftest import settle

SEPTEMBER = Month(2025, 9)
EUR = "\u00a0€"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'suivi.sqlite3'}")
    opened.import_caseload(small_caseload())
    yield opened
    opened.close()


def _cells(panel, table: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = panel.preview_models[table]
    return [[model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
             for c in range(model.columnCount())] for r in range(model.rowCount())]


def _choose(combo, month: Month) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == month))


def _preview(qtbot, window, panel) -> None:  # type: ignore[no-untyped-def]
    assert window.show_screen("rapports")
    window.screens["rapports"].tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.buttons["apercu"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=15000)
    settle(qtbot, window)


def test_statement_preview_of_september(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = window.screens["rapports"].statement
    _choose(panel.month, SEPTEMBER)
    _preview(qtbot, window, panel)
    assert panel.preview_title.text() == "Relevé mensuel — septembre 2025"
    titles = [panel.tables.tabText(i) for i in range(panel.tables.count())]
    assert titles == ["Totaux par type de mesure", "Par travailleur social", "Détail des lignes"]
    # P1: m1 ASLL renforce 2 points = 171,90 €, m2 ASLL simple 1 point = 85,95 €: 257,85 €.
    # P5: m3 in u1 the 30 days of September: 1 562,80 × 30 / 365 = 128,449… → 128,45 € and
    # u1's management 500 × 30 / 365 = 41,095… → 41,10 €: FAL 169,55 €; total 427,40 €.
    types = _cells(panel, 0)
    assert types[0] == ["ASLL", "3", f"257,85{EUR}"]
    assert types[3] == ["FAL", "0", f"169,55{EUR}"]
    assert types[-1] == ["Total", "3", f"427,40{EUR}"]
    # Q1: 50 × 1,0 = 50 and 50 × 0,8 = 40; Claire Martin 171,90 + 128,45 = 300,35 €.
    assert _cells(panel, 1) == [
        ["Claire Martin", "1", "2", "50", "1", "30", f"300,35{EUR}"],
        ["Karim Benali", "0,8", "1", "40", "0", "24", f"85,95{EUR}"],
        ["Gestion des logements ALT (sans référent)", "", "", "", "", "", f"41,10{EUR}"],
        ["Association", "1,8", "3", "90", "1", "54", f"427,40{EUR}"]]
    assert len(_cells(panel, 2)) == 4
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.xlsx")) == []
    # Another month chosen: the preview shown is no longer the document's.
    _choose(panel.month, Month(2025, 8))
    assert panel.preview is None and panel.tables.count() == 0


def test_occupancy_preview_of_september(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.screens["rapports"].occupancy
    _choose(panel.month, SEPTEMBER)
    _preview(qtbot, window, panel)
    # u1: MOREAU Paul (no FSL reference) 01/09–30/09, 30 days, all paid, 169,55 €.
    assert _cells(panel, 0) == [
        ["3 place d'Armes, Béthune", "30", "0", "(sans référence)",
         "01/09/2025 ((sans référence))", "30/09/2025 ((sans référence))", "0", "0", "",
         f"169,55{EUR}"],
        ["Total", "30", "0", "", "", "", "0", "0", "", f"169,55{EUR}"]]


def test_convention_preview_of_2025(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.screens["rapports"].convention
    assert panel.year.value() == 2025
    _preview(qtbot, window, panel)
    rows = _cells(panel, 0)
    # The 2025 convention covers 01/07–31/12: 40 ASLL points × 6 months = 240 agreed; carried
    # out m1 2 × 6 + m2 1 × 4 (September–December) = 16 points, 6,7 %, 16 × 85,95 = 1 375,20 €.
    assert rows[0][:6] == ["ASLL", "Points ASLL", "240", "16", "6,7 %", f"1\u00a0375,20{EUR}"]
    # 6 AML points × 6 months = 36, none carried out.
    assert rows[2][:5] == ["AML", "Points AML", "36", "0", "0,0 %"]
    assert rows[-1][0] == "Total"
    assert panel.preview_notes.text().startswith("Remboursement attendu : ")
