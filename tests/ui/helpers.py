"""Driving the real widgets like a worker: typing, choosing, clicking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.domain.model import (
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Territory,
    Visit,
)
from desktop_app.ui.dashboard.alert_model import ACTION_COLUMN
from desktop_app.ui.models import ROW_ROLE
from tests.ui.conftest import settle


def type_in(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Clear the field and type `text` key by key (accented letters too)."""
    field.clear()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:  # QTest only knows ASCII keys: send the key event a French keyboard would
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                        char))


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Choose by typing the start of the item's text, as with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    combo.activated.emit(combo.currentIndex())


def save(qtbot, window, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def seed_asll(store, *, household: str = "h1", measure: str = "m1",  # type: ignore[no-untyped-def]
              visits: tuple[Visit, ...] = ()) -> None:
    """DURAND Marie, followed in ASLL by Claire Martin from 01/07/2025 to 31/12/2025
    (with `visits`)."""
    store.save_household(Household(household, "DURAND Marie", "FSL-2025-0042", city="Arras",
                                   territory=Territory.ARRAGEOIS))
    store.save_measure(Measure(measure, household, MeasureType.ASLL, "w1",
                               decision_date=date(2025, 6, 12),
                               periods=[Period(date(2025, 7, 1), date(2025, 12, 31),
                                               Level.SIMPLE, PeriodKind.INITIALE)],
                               visits=list(visits)))


def alert_leaf(dashboard, code: str):  # type: ignore[no-untyped-def]
    """The dashboard's row of the first alert of `code` shown, or None."""
    for index in dashboard.alert_model.leaves():
        if index.data(ROW_ROLE).alert.code == code:
            return index
    return None


def dashboard_alert(qtbot, window, code: str):  # type: ignore[no-untyped-def]
    """The dashboard, reloaded after data saved behind the window's back, and its row of the
    first alert of `code` (which must be shown)."""
    assert window.show_screen("tableau")
    window.ctx.changed.emit("measure")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    leaf = alert_leaf(dashboard, code)
    assert leaf is not None
    return dashboard, leaf


def click_action(qtbot, dashboard, leaf) -> None:  # type: ignore[no-untyped-def]
    """Click the action button of the alert row `leaf`, as the worker does."""
    button = leaf.siblingAtColumn(ACTION_COLUMN)
    view = dashboard.alert_view
    view.scrollTo(button)
    real = view.indexWidget(button)  # the push button in the cell
    if real is not None:
        qtbot.mouseClick(real, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(button).center())


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    """The dialog went away (dialogs delete themselves once closed)."""
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()
