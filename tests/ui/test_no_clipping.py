"""No text cut on any screen of the navigation, at 1024 × 768 and 1280 × 800, on the demo
store: every label, button, header, cell, tab and combo box of each screen (and of each tab
of its tab widgets) fits (`tests/ui/clipping.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from desktop_app.app.caseload import import_caseload
from desktop_app.demo import generate_caseload
from desktop_app.store.repository import open_store
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reports.screen import ReportsScreen
from desktop_app.ui.screen_tour import _absent_worker, _rich_measure
from desktop_app.ui.team.screen import TeamScreen
from tests.ui.clipping import clipped

#: A day of the demo's second year, mid-month: every kind of alert, visit and report.
DAY = date(2025, 9, 16)
SIZES = {"1024x768": (1024, 768), "1280x800": (1280, 800)}
SCREENS = ["tableau", "menages", "menage", "mesure-ASLL", "mesure-AML", "mesure-FAL",
           "mesure-DSF", "equipe", "logements", "points", "rapports", "conservation",
           "parametres"]


class Demo:
    """The demo store and one window per size, opened once for the module."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_store(f"sqlite:///{folder / 'demo.sqlite3'}")
        import_caseload(self.store, generate_caseload(today=DAY))
        self.windows: dict[str, MainWindow] = {}
        rows = self.store.measure_rows(on=DAY) + self.store.measure_rows()  # in force first
        self.measures = {kind: next(r.id for r in rows if r.type.value == kind)
                         for kind in ("AML", "FAL", "DSF")}
        rich, self.household = _rich_measure(self.store, DAY)
        assert rich is not None
        self.measures["ASLL"] = rich

    def window(self, size: str) -> MainWindow:
        if size not in self.windows:
            ctx = AppContext(self.store, today=lambda: DAY)
            window = MainWindow(ctx, "Base : démonstration")
            window.resize(*SIZES[size])
            window.show()
            window.start()
            ctx.runner.wait_idle()
            self.windows[size] = window
        return self.windows[size]


@pytest.fixture(scope="module")
def demo(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:  # type: ignore[no-untyped-def]
    from desktop_app.ui.app import configure_application

    configure_application(qapp)
    folder = tmp_path_factory.mktemp("clipping")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(folder / "qsettings"))
    demo = Demo(folder)
    yield demo
    for window in demo.windows.values():
        window.ctx.runner.wait_idle()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    demo.store.close()


def _open(demo: Demo, window: MainWindow, screen: str) -> QWidget:
    ctx = window.ctx
    if screen == "menage":
        assert demo.household is not None
        ctx.open_household.emit(demo.household)
    elif screen.startswith("mesure-"):
        ctx.open_measure.emit(demo.measures[screen.removeprefix("mesure-")])
    else:
        assert window.show_screen(screen, force=True)
    ctx.runner.wait_idle()
    if screen == "equipe":  # a worker away today: the absence and its warning shown
        team = window.screens["equipe"]
        assert isinstance(team, TeamScreen)
        team.select_worker(_absent_worker(demo.store, DAY))
        ctx.runner.wait_idle()
    if screen == "rapports":  # the grid of last year, previewed: its sheets' tabs
        reports = window.screens["rapports"]
        assert isinstance(reports, ReportsScreen)
        reports.grid.preview()
        ctx.runner.wait_idle()
    QApplication.processEvents()
    return window.current


def _every_tab(window: MainWindow, shown: QWidget) -> list[str]:
    """What is cut on `shown`, with each tab of its tab widgets (and of the tab widgets in
    them) shown in turn."""
    found = list(clipped(window))
    seen: set[QTabWidget] = set()

    def walk(container: QWidget, where: str) -> None:
        for tabs in container.findChildren(QTabWidget):
            if tabs in seen or not tabs.isVisible():
                continue
            seen.add(tabs)
            first = tabs.currentIndex()
            for tab in range(tabs.count()):
                if not tabs.isTabVisible(tab) or not tabs.isTabEnabled(tab):
                    continue
                tabs.setCurrentIndex(tab)
                window.ctx.runner.wait_idle()
                QApplication.processEvents()
                here = f"{where}[onglet {tabs.tabText(tab)}] "
                found.extend(here + line for line in clipped(shown))
                walk(tabs.widget(tab), here)
            tabs.setCurrentIndex(first)

    walk(shown, "")
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_is_cut(demo: Demo, screen: str, size: str) -> None:
    window = demo.window(size)
    shown = _open(demo, window, screen)
    assert (window.width(), window.height()) == SIZES[size]
    found = _every_tab(window, shown)
    assert found == [], "\n".join(found)
