"""The action of each alert is a button for assistive technology too: its cell in the tree
is named with the action and described as a button, and a real push button in the cell has
the button role and a French name saying what it does and for whom; Tab reaches it and
Espace acts, as a click does."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from desktop_app.domain.model import Suspension, SuspensionReason
from desktop_app.ui.dashboard.alert_model import ACTION_COLUMN
from desktop_app.ui.models import ROW_ROLE
from tests.ui.conftest import settle
from tests.ui.helpers import closed, seed_asll

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


def _dashboard(window, qtbot, store):  # type: ignore[no-untyped-def]
    # DURAND Marie in hospital from 15/09/2025: « Indisponibilité du ménage à signaler »,
    # whose action is « Signaler au SLISL ».
    seed_asll(store)
    measure = store.measure("m1")
    measure.suspensions.append(Suspension(date(2025, 9, 15), None,
                                          SuspensionReason.HOSPITALISATION))
    store.save_measure(measure)
    window.ctx.changed.emit("all")
    assert window.show_screen("tableau")
    settle(qtbot, window)
    return window.screens["tableau"]


def test_each_action_is_a_named_button_in_the_accessibility_tree(window, qtbot, store):  # type: ignore[no-untyped-def]
    dashboard = _dashboard(window, qtbot, store)
    view = dashboard.alert_view
    tree = QAccessible.queryAccessibleInterface(view)
    assert tree.role() == QAccessible.Role.Tree
    assert tree.text(NAME) == "Alertes du jour, par gravité"
    cells = [tree.child(i) for i in range(tree.childCount())]
    leaves = dashboard.alert_model.leaves()
    assert leaves
    found = []
    for leaf in leaves:
        row = leaf.data(ROW_ROLE)
        action = leaf.siblingAtColumn(ACTION_COLUMN).data()
        # The cell, as the tree gives it: named with the action, described as a button.
        assert any(c.text(NAME) == action and c.text(DESCRIPTION) ==
                   f"Bouton : Entrée ou clic pour « {action} »" for c in cells)
        # The push button in it: the button role, the action and the alert in French.
        button = view.indexWidget(leaf.siblingAtColumn(ACTION_COLUMN))
        assert button is not None and button.isVisible()
        face = QAccessible.queryAccessibleInterface(button)
        assert face.role() == QAccessible.Role.Button
        assert face.text(NAME) == f"{action} : {row.label}, {row.subject}"
        assert face.text(DESCRIPTION) == row.alert.message
        assert face.parent().parent().object() is view  # under the tree (its viewport)
        found.append(face.text(NAME))
    assert ("Signaler au SLISL : Indisponibilité du ménage à signaler, DURAND Marie"
            in found)
    assert len(found) == dashboard.alert_model.alert_count()


def test_tab_reaches_the_buttons_and_space_acts(window, qtbot, store):  # type: ignore[no-untyped-def]
    dashboard = _dashboard(window, qtbot, store)
    view = dashboard.alert_view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = dashboard.alert_model.leaves()[0]
    button = view.indexWidget(first.siblingAtColumn(ACTION_COLUMN))
    assert QApplication.focusWidget() is button
    with qtbot.waitSignal(dashboard.alerts.acted) as acted:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert acted.args == [first.data(ROW_ROLE)]
    dialog = dashboard.alert_actions.dialog
    if dialog is not None:  # an action that asks something: the dialog, closed again
        dialog.reject()
        assert closed(dialog)


def test_each_action_button_reads_whole(window, qtbot, store):  # type: ignore[no-untyped-def]
    """At the window's usual size (1280×800), every action button is as wide as its words
    need (« Signaler au SLISL », « Ouvrir la mesure ») and lies whole inside the list."""
    window.resize(1280, 800)
    dashboard = _dashboard(window, qtbot, store)
    view = dashboard.alert_view
    buttons = [view.indexWidget(leaf.siblingAtColumn(ACTION_COLUMN))
               for leaf in dashboard.alert_model.leaves()]
    assert buttons
    room = view.viewport().rect()
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert room.contains(button.geometry()), (button.text(), button.geometry(), room)
