"""Only the dashboard is built with the window: every other screen (its module, its widgets)
the first time it is shown — by the navigation, a menu, its shortcut or a signal — and it
then shows fresh data like any screen that was stale."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from desktop_app.ui.main_window import SCREENS, screen_class
from desktop_app.ui.window_chrome import NAVIGATION
from tests.ui.conftest import settle
from tests.ui.helpers import seed_asll


def test_the_list_of_screens_agrees_with_their_classes() -> None:
    for key, entry in SCREENS.items():
        built = screen_class(key)
        assert (built.key, built.title, built.__name__) == (key, entry.title, entry.name)
    assert set(NAVIGATION) <= set(SCREENS)


def test_the_window_builds_its_screens_when_first_shown(window, qtbot, store):  # type: ignore[no-untyped-def]
    assert [key for key in SCREENS if window.screens.built(key)] == ["tableau"]
    assert window.stack.count() == 1
    # The navigation and the menus name every screen without building it.
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        SCREENS[key].title for key in NAVIGATION]
    seed_asll(store)
    window.ctx.changed.emit("all")  # written before the screen exists
    # Ctrl+2 (« Aller à › Ménages »): built, shown, loaded.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.current, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    screen = window.screens["menages"]
    assert window.current is screen and window.nav.currentRow() == 1
    assert screen.count.text() == "1 ménage" and not screen.stale
    # A click in the navigation list.
    assert not window.screens.built("equipe")
    window.nav.setCurrentRow(NAVIGATION.index("equipe"))
    settle(qtbot, window)
    assert window.current.key == "equipe" and window.screens["equipe"].workers.rowCount() == 2
    # A signal: the household file, built to show it.
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    assert window.current.key == "menage" and window.nav.currentRow() == 1
    assert window.current.heading.text().startswith("DURAND Marie")
    built = [key for key in SCREENS if window.screens.built(key)]
    assert built == ["tableau", "menages", "menage", "equipe"] and window.stack.count() == 4
    # Ctrl+N away from a measure builds nothing: it says where a visit is noted.
    window.new_visit_action.trigger()
    assert not window.screens.built("mesure")
    assert "Ouvrez d'abord la mesure" in window.statusBar().currentMessage()


def test_the_window_loads_no_other_screen_module() -> None:
    """Nor the reports (their package loads when a report or a household's file is asked
    for)."""
    modules = sorted({entry.module for key, entry in SCREENS.items() if key != "tableau"})
    code = ("import sys, desktop_app.ui.app, desktop_app.ui.main_window\n"
            f"print([m for m in sys.modules if m in {modules!r}\n"
            "       or m.split('.')[:2] == ['desktop_app', 'reports']])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.strip() == "[]"
