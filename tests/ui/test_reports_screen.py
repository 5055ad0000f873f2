"""The « Rapports » screen on the worked example 2 (2025 beside 2024): preview, exports,
progress, a window that keeps running during a slow export, the day the grid was sent."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop_app.domain.dates import Month
from desktop_app.domain.indicators.year import STEPS
from desktop_app.domain.model import GridSent
from desktop_app.reports import grid_document
from desktop_app.ui.reports.model import BLOCK, HEADER, KIND_ROLE, GridSheetModel
from tests.domain.indicators.builders import example
from tests.reports.helpers import pdf_text, row_of, workbook
from tests.ui.conftest import settle

#: After 2025 ends, before the grid is due (01/02/2026).
TODAY = date(2026, 1, 20)


@pytest.fixture(scope="module")
def example_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the worked example 2, made once; each test works on a copy."""
    from desktop_app.store.repository import open_store

    path = tmp_path_factory.mktemp("exemple-2") / "suivi.sqlite3"
    store = open_store(f"sqlite:///{path}")
    store.import_caseload(example("exemple-2.json"))
    store.close()
    return path


@pytest.fixture
def window(app, qtbot, tmp_path: Path, example_store_file: Path) -> Iterator:  # type: ignore[no-untyped-def]
    """The window over a store holding the worked example 2, on the Rapports screen."""
    from desktop_app.store.repository import open_store
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    shutil.copyfile(example_store_file, tmp_path / "suivi.sqlite3")
    store = open_store(f"sqlite:///{tmp_path / 'suivi.sqlite3'}")
    win = MainWindow(AppContext(store, today=lambda: TODAY), "Base : test")
    qtbot.addWidget(win)
    win.show()
    win.start()
    settle(qtbot, win)
    win.show_screen("rapports")
    settle(qtbot, win)
    yield win
    settle(qtbot, win)


def _rows(model: GridSheetModel) -> dict[str, tuple[str, ...]]:
    """Each label's first row (« Décembre » of the points, before that of the amounts)."""
    rows: dict[str, tuple[str, ...]] = {}
    for row in model.rows:
        rows.setdefault(row.cells[0].strip(), row.cells)
    return rows


def _close_box(panel) -> None:  # type: ignore[no-untyped-def]
    if panel.job.last_box is not None:
        panel.job.last_box.close()


def test_preview_of_2025_beside_2024_with_its_checks(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.screens["rapports"].grid
    assert panel.year.value() == 2025  # last year by default
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    tabs = [panel.sheets.tabText(i) for i in range(panel.sheets.count())]
    assert tabs == ["Synthèse", "Points et montants", "ASLL", "Diagnostics ASLL", "AML", "FAL",
                    "DSF", "Manquements"]
    fal = _rows(panel.models[tabs.index("FAL")])
    # u1 occupied by h4 from 01/02/2025 to the end of 2025: 28 + 31 + 30 + 31 + 30 + 31 + 31
    # + 30 + 31 + 30 + 31 = 334 days in 2025, none in 2024: a gap of +334, an evolution
    # from 0 not significant.
    assert fal["Jours d'occupation des logements"] == ("Jours d'occupation des logements",
                                                        "334", "0", "+334", "n.s.")
    assert _rows(panel.models[tabs.index("FAL")])["Indicateur"] == (
        "Indicateur", "2025", "2024", "Écart", "Évolution")
    points = panel.models[tabs.index("Points et montants")]
    # December: ASLL 2 (m1) + 1 (m2) = 3 points; diagnostic (m7) 2; total 5; none in 2024.
    december = _rows(points)["Décembre"]
    assert december[1:5] == ("3", "0", "2", "0") and december[11:13] == ("5", "0")
    assert points.data(points.index(0, 0), KIND_ROLE) == BLOCK
    assert points.data(points.index(2, 1), KIND_ROLE) == HEADER
    assert points.index(2, 1).data() == "2025" and points.index(2, 2).data() == "2024"
    # Amounts read the French way: 3 339,28 € for the year (no-break spaces).
    synthese = _rows(panel.models[0])
    assert synthese["Montant total de l'activité"][1:] == (
        "3\u00a0339,28\u00a0€", "0,00\u00a0€", "+3\u00a0339,28\u00a0€", "n.s.")
    assert panel.checks.text() == "Contrôles : tout est cohérent."
    # The bar was determinate and went up to the last step: 2 × STEPS + 1.
    total = 2 * STEPS + 1
    steps = panel.job.steps
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert [d for d, _t in steps] == sorted(d for d, _t in steps)
    assert not panel.bar.isVisible()


def test_export_xlsx_written_in_the_background_and_read_back(qtbot, window,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    panel = window.screens["rapports"].grid
    out = tmp_path / "grille-2025.xlsx"
    panel.export(".xlsx", out)
    assert panel.bar.isVisible() and not panel.xlsx_button.isEnabled()
    settle(qtbot, window)
    sheets = workbook(out)
    assert row_of(sheets["FAL"], "Jours d'occupation des logements")[:3] == \
        ["Jours d'occupation des logements", 334, 0]
    total = row_of(sheets["Synthèse"], "Montant total de l'activité")
    assert Decimal(str(total[1])) == Decimal("3339.28")
    assert panel.job.last_box is not None and str(out) in panel.job.last_box.text()
    assert [b.text() for b in panel.job.last_box.buttons()] == ["Ouvrir", "Fermer"]
    assert panel.xlsx_button.isEnabled()
    _close_box(panel)


def test_a_slow_export_never_freezes_the_window(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The export runs while the window keeps going: at each of its steps the work waits,
    in its thread, until the window (its event loop, on the GUI thread) has shown that step
    on the bar. An export run on the GUI thread, or a frozen window, could never go on."""
    panel = window.screens["rapports"].grid
    gui_thread = threading.get_ident()
    shown = [threading.Event() for _ in range(3)]
    work_threads: list[int] = []

    def slow(store, year, out, today, doc, progress):  # type: ignore[no-untyped-def]
        work_threads.append(threading.get_ident())
        for step, seen in enumerate(shown, start=1):
            progress(step, 3)
            if not seen.wait(timeout=60):  # a generous bound: a hang fails, never a slow machine
                raise RuntimeError(f"la fenêtre n'a jamais affiché l'étape {step}")
        out.write_bytes(b"grille")
        return []

    seen_on_bar: list[tuple[int, int, bool]] = []

    def look_at_the_bar() -> None:  # on the GUI thread, whenever its event loop is free
        value, maximum = panel.bar.value(), panel.bar.maximum()
        if maximum == 3 and 1 <= value <= 3 and not shown[value - 1].is_set():
            seen_on_bar.append((value, maximum, panel.job.running))
            shown[value - 1].set()

    panel.export_work = slow
    timer = QTimer(window)
    timer.setInterval(0)
    timer.timeout.connect(look_at_the_bar)
    timer.start()
    try:
        panel.export(".pdf", tmp_path / "lente.pdf")
        qtbot.waitUntil(lambda: not panel.job.running, timeout=60_000)
    finally:
        timer.stop()
        for seen in shown:  # never leave the worker thread waiting if the test failed
            seen.set()
    assert work_threads and work_threads[0] != gui_thread
    # Each step shown on the bar while the export was still running, in order.
    assert seen_on_bar == [(1, 3, True), (2, 3, True), (3, 3, True)]
    assert panel.job.steps == [(1, 3), (2, 3), (3, 3)]
    assert (tmp_path / "lente.pdf").read_bytes() == b"grille"
    _close_box(panel)


def test_marking_the_grid_sent(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.screens["rapports"].grid
    panel.preview()
    settle(qtbot, window)
    assert panel.sent.text() == ("Grille 2025 pas encore envoyée (à envoyer au SPSLH au plus "
                                 "tard le 01/02/2026).")
    dialog = panel.ask_sent_day()
    dialog.form.fields["day"].setText("28/01/2026")
    dialog.submit()
    settle(qtbot, window)
    assert GridSent(2025, date(2026, 1, 28)) in window.ctx.store.association().grids_sent
    assert panel.sent.text() == "Grille 2025 envoyée au SPSLH le 28/01/2026."
    assert panel.doc is not None  # noting the day sent leaves the preview as it was
    # Any other save: the preview may be stale, an export will compute the grid again.
    window.ctx.changed.emit("measure")
    assert panel.doc is None
    assert panel.progress_text.text() == ("Des données ont été modifiées depuis cet aperçu : "
                                          "cliquez sur « Aperçu » pour le mettre à jour.")


def test_statement_of_one_worker_in_xlsx(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = window.screens["rapports"]
    panel = screen.statement
    assert panel.month.currentData() == Month(2025, 12)  # the month before this one
    panel.worker.setCurrentIndex(panel.worker.findText("Karim Benali"))
    out = tmp_path / "releve.xlsx"
    panel.export(".xlsx", out)
    settle(qtbot, window)
    summary = workbook(out)["Synthèse"]
    assert summary["A2"].value.startswith("Relevé mensuel des points et montants — décembre "
                                          "2025 — Karim Benali — Établi le ")
    # Karim Benali's lines only: m2 ASLL 1 point 85,95 + m3 DSF 162,38 + m4 FAL 132,73
    # = 1 point, 381,06 € (u1's management, without referent, is not his).
    total = row_of(summary, "Total")
    assert (total[1], Decimal(str(total[2]))) == (1, Decimal("381.06"))
    karim = row_of(summary, "Karim Benali")
    assert karim[2] == 1 and Decimal(str(karim[6])) == Decimal("381.06")
    _close_box(panel)


def test_a_worker_statement_file_is_named_after_the_worker(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import desktop_app.ui.reports.panels as panels

    proposed: list[str] = []
    monkeypatch.setattr(panels, "ask_save_path",
                        lambda _parent, _title, name: proposed.append(name))
    panel = window.screens["rapports"].statement
    panel.worker.setCurrentIndex(panel.worker.findText("Karim Benali"))
    panel.export(".pdf")
    panel.worker.setCurrentIndex(0)  # the whole association
    panel.export(".xlsx")
    assert proposed == ["releve-2025-12-karim-benali.pdf", "releve-2025-12.xlsx"]


def test_occupancy_and_convention_documents(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = window.screens["rapports"]
    occupancy, convention = screen.occupancy, screen.convention
    occupancy.export(tmp_path / "occupation.xlsx")
    settle(qtbot, window)
    ws = workbook(tmp_path / "occupation.xlsx")["Occupation"]
    # December 2025: u1 occupied by h4 all month, 31 days.
    assert row_of(ws, "Total")[1] == 31
    _close_box(occupancy)
    assert convention.year.value() == 2025  # in January, last year's balance is due
    convention.export(".pdf", tmp_path / "convention.pdf")
    settle(qtbot, window)
    text = pdf_text(tmp_path / "convention.pdf")
    assert "Suivi de la convention — année 2025" in text
    # exemple-2.json records no convention: the follow-up says what to enter.
    assert "Aucune convention n'est enregistrée pour 2025" in text
    _close_box(convention)


def test_a_file_that_cannot_be_written_is_said_in_french(qtbot, window,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    panel = window.screens["rapports"].occupancy
    taken = tmp_path / "occupation.xlsx"
    taken.mkdir()  # a folder already has the file's name
    panel.export(taken)
    settle(qtbot, window)
    box = panel.job.last_box
    assert box is not None
    assert box.text() == (f"Impossible d'écrire « {taken} » : ce nom est celui d'un dossier. "
                          "Choisissez un autre nom ou un autre dossier, puis recommencez.")
    assert panel.progress_text.text() == "Le document n'a pas été écrit."
    assert panel.buttons[".xlsx"].isEnabled()
    box.close()


def test_grid_sheet_model_is_a_sound_qt_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    caseload = example("exemple-2.json")
    doc = grid_document(caseload, caseload, 2025, today=TODAY, parallel=False)
    for sheet in doc.sheets[:2]:  # a list sheet and the sheet of monthly tables
        model = GridSheetModel()
        model.set_sheet(sheet, doc.years)
        qtmodeltester.check(model)


def test_a_failed_marking_does_not_hide_the_next_change(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The day sent could not be saved: the form stays open with the day typed, and the next
    change of the association (saved in Paramètres) still marks the preview as stale."""
    from desktop_app.store.errors import StoreError

    panel = window.screens["rapports"].grid
    panel.preview()
    settle(qtbot, window)

    def busy(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("La base est utilisée par un autre programme.")

    monkeypatch.setattr(window.ctx.store, "update_association", busy)
    dialog = panel.ask_sent_day()
    dialog.form.fields["day"].setText("28/01/2026")
    dialog.submit()
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.form.fields["day"].text() == "28/01/2026"
    assert panel.doc is not None
    window.ctx.changed.emit("association")  # e.g. the convention's figures saved meanwhile
    assert panel.doc is None
    dialog.reject()


def test_preview_shows_the_convention_table_with_its_group_titles_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Synthèse's convention table: « Objectif » over its rows, and the years under
    « Taux de réalisation (%) » widened so that the title reads whole."""
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop_app.reports import grid_document
    from desktop_app.ui.reports.model import sheet_view
    from tests.domain.indicators.builders import example

    load = example("exemple-1.json")
    doc = grid_document(load, load, 2025, today=date(2026, 1, 20), parallel=False)
    model = GridSheetModel()
    model.set_sheet(doc.sheets[0], doc.years)
    rows = _rows(model)
    # 60 points agreed (10 × 6 months), 6 carried out: 10,0 %; none agreed in 2024.
    assert rows["Points ASLL"] == ("Points ASLL", "60", "—", "6", "0", "10,0", "—")
    assert rows["Objectif"][0] == "Objectif"
    view = sheet_view(model, "Synthèse", None)
    qtbot.addWidget(view)
    font = QFont(view.font())
    font.setBold(True)
    title = QFontMetrics(font).horizontalAdvance("Taux de réalisation (%)")
    assert view.columnWidth(5) + view.columnWidth(6) >= title + 16
