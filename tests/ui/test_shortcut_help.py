"""Aide › Raccourcis clavier lists every screen of the navigation list (from that list, not
written twice) with its Ctrl+number, and the README's table says the same keys."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.window_chrome import KEYS, NAVIGATION, shortcut_rows
from tests.ui.conftest import settle

README = Path(__file__).parents[2] / "README.md"


def _help_box(window, qtbot):  # type: ignore[no-untyped-def]
    menu = next(action.menu() for action in window.menuBar().actions()
                if action.text() == "&Aide")
    next(a for a in menu.actions() if a.text() == "&Raccourcis clavier").trigger()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    return next(b for b in window.findChildren(QMessageBox) if b.isVisible())


def test_help_lists_every_navigation_entry_with_its_key(window, qtbot):  # type: ignore[no-untyped-def]
    box = _help_box(window, qtbot)
    rows = re.findall(r"<b>(.*?)</b></td><td[^>]*>(.*?)</td>", box.text())
    nav = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert len(nav) == len(NAVIGATION) == 8
    # Every key of the window, then every entry of the navigation list with its number.
    assert rows == [*KEYS, *((f"Ctrl+{n}", f"aller à l'écran « {title} »")
                             for n, title in enumerate(nav, start=1))]
    assert ("Ctrl+8", "aller à l'écran « Paramètres »") in rows
    # The same key reaches the same screen in the « Aller à » menu.
    go = next(action.menu() for action in window.menuBar().actions()
              if action.text() == "&Aller à")
    assert [(a.shortcut().toString(), a.text()) for a in go.actions()] == [
        (f"Ctrl+{n}", t) for n, t in enumerate(nav, start=1)]
    box.close()
    settle(qtbot, window)


def test_readme_table_says_every_key_of_the_help(window) -> None:  # type: ignore[no-untyped-def]
    titles = [window.screens[key].title for key in NAVIGATION]
    lines = README.read_text(encoding="utf-8").splitlines()
    for key, words in shortcut_rows(titles):
        assert f"| {key} | {words} |" in lines
