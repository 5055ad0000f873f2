"""A date is still typed JJ/MM/AAAA, and may be chosen in a calendar opened by its button,
F4 or Alt+Flèche bas — with the keyboard only: arrows, Page Down, Entrée, Échap."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from desktop_app.ui.fields import DateField
from desktop_app.ui.forms import Form


def _form(qtbot):  # type: ignore[no-untyped-def]
    form = Form()
    field = form.add("signed_on", "CET signé le", DateField())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return form, field


def _keys(qtbot, *keys) -> None:  # type: ignore[no-untyped-def]
    """Keys to the widget that has the keyboard (the calendar's day grid once open)."""
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_typed_date_is_still_read(app, qtbot):  # type: ignore[no-untyped-def]
    form, field = _form(qtbot)
    qtbot.keyClicks(field, "15/10/2025")
    assert form.read() == {"signed_on": date(2025, 10, 15)}


def test_f4_opens_on_the_typed_date_and_enter_writes_the_chosen_one(app, qtbot):  # type: ignore[no-untyped-def]
    form, field = _form(qtbot)
    qtbot.keyClicks(field, "15/10/2025")
    with qtbot.waitSignal(form.edited):
        qtbot.keyClick(field, Qt.Key.Key_F4)
        popup = field.popup
        assert popup is not None and popup.isVisible()
        assert popup.selectedDate() == QDate(2025, 10, 15)
        qtbot.waitUntil(lambda: popup.isAncestorOf(QApplication.focusWidget()))
        # Right: the 16th; Down: a week later, the 23rd; Page Down: a month later, 23/11.
        _keys(qtbot, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        assert popup.selectedDate() == QDate(2025, 11, 23)
        _keys(qtbot, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.text() == "23/11/2025"
    assert field.hasFocus()  # back in the field, to go on with Tab
    assert form.read() == {"signed_on": date(2025, 11, 23)}
    assert form.dirty


def test_alt_down_opens_and_escape_changes_nothing(app, qtbot):  # type: ignore[no-untyped-def]
    form, field = _form(qtbot)
    qtbot.keyClicks(field, "01/07/2025")
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    qtbot.waitUntil(lambda: popup.isAncestorOf(QApplication.focusWidget()))
    _keys(qtbot, Qt.Key.Key_Left, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert field.text() == "01/07/2025"
    assert form.read() == {"signed_on": date(2025, 7, 1)}


def test_the_calendar_button_is_named_and_opens_it(app, qtbot):  # type: ignore[no-untyped-def]
    _unused, field = _form(qtbot)
    field.set_value(date(2026, 2, 28))
    buttons = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    assert [b.defaultAction().text() for b in buttons] == ["Choisir dans le calendrier (F4)"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.selectedDate() == QDate(2026, 2, 28)
    assert popup.accessibleName() == "Calendrier : CET signé le"
