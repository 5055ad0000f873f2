"""What the window no longer does for what nobody sees: a hidden table is fitted to its text
when it shows (once), and the lock watches the application's events from the moment the
window shows."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.models import Column, RowTableModel
from desktop_app.ui.views import table_view


def test_a_hidden_table_is_fitted_when_it_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(900, 300)
    model: RowTableModel[tuple[str, str]] = RowTableModel([
        Column("Ménage", lambda r: r[0]), Column("Ville", lambda r: r[1])])
    view = table_view(model, holder, "Ménages")
    view.resize(900, 300)
    fitted: list[int] = []
    measured = view.sizeHintForColumn
    view.sizeHintForColumn = (  # type: ignore[method-assign]
        lambda column: fitted.append(column) or measured(column))
    for count in range(1, 6):  # five changes while hidden: nothing measured
        model.set_rows([(f"DURAND Marie-Christine {i}", "Hénin-Beaumont") for i in range(count)])
    assert fitted == []
    holder.show()
    qtbot.waitExposed(holder)
    assert fitted[:2] == [0, 1]  # each stretched column (again as the shown table resizes)
    assert view.columnWidth(0) + view.columnWidth(1) >= view.viewport().width() - 1
    before = len(fitted)
    model.set_rows([("DUPONT Jean", "Arras")])  # shown: fitted at once
    assert fitted[before:] == [0, 1]


def test_the_lock_watches_input_once_the_window_shows(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(AppContext(None))  # type: ignore[arg-type]  # as while the store opens
    qtbot.addWidget(win)
    assert not win.lock.watching
    win.show()
    assert win.lock.watching
