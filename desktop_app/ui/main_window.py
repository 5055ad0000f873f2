"""The main window: navigation on the left, one screen at a time, menus, status bar.

Window geometry and state are kept in QSettings (organisation « SuiviFSL »).

Only the dashboard is built with the window: every other screen (its module loaded, its
widgets made) the first time it is asked for (`Screens`): shown by the navigation, a menu or a
shortcut, or reached by `window.screens[key]`. A screen built late starts stale, like every
screen, and loads when shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.screen import DashboardScreen
from desktop_app.ui.opening.lock import LockController
from desktop_app.ui.screen import Screen
from desktop_app.ui.window_chrome import NAVIGATION, build_menus, build_status_bar

if TYPE_CHECKING:
    from desktop_app.ui.household.list_screen import HouseholdsScreen
    from desktop_app.ui.household.screen import HouseholdScreen
    from desktop_app.ui.measure.screen import MeasureScreen

#: Screens reached from a list: the navigation shows the list they belong to.
PARENT = {"menage": "menages", "mesure": "menages"}


@dataclass(frozen=True, slots=True)
class ScreenEntry:
    """A screen as the window knows it before building it: its title (the navigation's and
    the menus'), its module and class (tests check they agree)."""

    title: str
    module: str
    name: str


#: Every screen, by key, in the order of the window's stack.
SCREENS: dict[str, ScreenEntry] = {
    "tableau": ScreenEntry("Tableau de bord", "desktop_app.ui.dashboard.screen",
                           "DashboardScreen"),
    "menages": ScreenEntry("Ménages", "desktop_app.ui.household.list_screen",
                           "HouseholdsScreen"),
    "menage": ScreenEntry("Ménage", "desktop_app.ui.household.screen", "HouseholdScreen"),
    "mesure": ScreenEntry("Mesure", "desktop_app.ui.measure.screen", "MeasureScreen"),
    "equipe": ScreenEntry("Équipe", "desktop_app.ui.team.screen", "TeamScreen"),
    "logements": ScreenEntry("Logements ALT", "desktop_app.ui.homes.screen", "HomesScreen"),
    "points": ScreenEntry("Points du mois", "desktop_app.ui.points.screen", "PointsScreen"),
    "rapports": ScreenEntry("Rapports", "desktop_app.ui.reports.screen", "ReportsScreen"),
    "conservation": ScreenEntry("Conservation", "desktop_app.ui.retention.screen",
                                "RetentionScreen"),
    "parametres": ScreenEntry("Paramètres", "desktop_app.ui.settings.screen",
                              "SettingsScreen"),
}


def screen_class(key: str) -> type[Screen]:
    """The class of the screen `key`, its module loaded now if it was not."""
    entry = SCREENS[key]
    found = getattr(importlib.import_module(entry.module), entry.name)
    assert isinstance(found, type) and issubclass(found, Screen) and found.key == key
    return found


class Screens(Mapping[str, Screen]):
    """The window's screens by key, each built the first time it is asked for; `built` tells
    which are."""

    def __init__(self, ctx: AppContext, stack: QStackedWidget) -> None:
        self.ctx = ctx
        self.stack = stack
        self._built: dict[str, Screen] = {}

    def __getitem__(self, key: str) -> Screen:
        screen = self._built.get(key)
        if screen is None:
            if key not in SCREENS:
                raise KeyError(key)
            screen = screen_class(key)(self.ctx, self.stack)
            self._built[key] = screen
            self.stack.addWidget(screen)
        return screen

    def __iter__(self) -> Iterator[str]:
        return iter(SCREENS)

    def __len__(self) -> int:
        return len(SCREENS)

    def built(self, key: str) -> bool:
        return key in self._built


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, store_label: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        ctx.runner.error_parent = lambda: self
        self.setWindowTitle("Suivi FSL")
        self.setMinimumSize(1024, 640)
        self.resize(1280, 800)
        self.stack = QStackedWidget(self)
        self.screens = Screens(ctx, self.stack)
        self.screens["tableau"]  # the one screen built with the window
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Écrans de l'application")
        self.nav.setFixedWidth(190)
        for key in NAVIGATION:
            QListWidgetItem(SCREENS[key].title, self.nav).setData(Qt.ItemDataRole.UserRole, key)
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.lock = LockController(self)  # the central widget goes into its lock shell
        ctx.lock = self.lock
        actions = build_menus(self)
        self.new_visit_action = actions["new_visit"]
        self.busy, self.busy_text = build_status_bar(self, store_label)
        ctx.open_household.connect(self.open_household)
        ctx.open_measure.connect(self.open_measure)
        ctx.open_screen.connect(self.show_screen)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.restore_state()

    # --- navigation ----------------------------------------------------------------------
    @property
    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    @property
    def dashboard(self) -> DashboardScreen:
        return cast(DashboardScreen, self.screens["tableau"])

    def start(self) -> None:
        """Load the team, then show the dashboard."""
        self.ctx.load_workers()
        self.show_screen("tableau", force=True)

    def show_screen(self, key: str, force: bool = False) -> bool:
        if key != self.current.key and not force and not self.current.can_leave():
            self._sync_nav()
            return False
        screen = self.screens[key]  # built here the first time
        self.stack.setCurrentWidget(screen)
        self._sync_nav()
        screen.activate()
        return True

    @staticmethod
    def title_of(key: str) -> str:
        """The title of the screen `key`, built or not."""
        return SCREENS[key].title

    def _sync_nav(self) -> None:
        key = PARENT.get(self.current.key, self.current.key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(NAVIGATION.index(key))
        self.nav.blockSignals(False)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(NAVIGATION):
            self.show_screen(NAVIGATION[row])

    def open_household(self, household_id: str) -> None:
        if self.current.can_leave():
            screen = cast("HouseholdScreen", self.screens["menage"])
            screen.show_household(household_id)
            self.show_screen("menage", force=True)

    def open_measure(self, measure_id: str) -> None:
        if self.current.can_leave():
            screen = cast("MeasureScreen", self.screens["mesure"])
            screen.show_measure(measure_id)
            self.show_screen("mesure", force=True)

    def new_visit(self) -> None:
        if self.screens.built("mesure") and self.current is self.screens["mesure"]:
            cast("MeasureScreen", self.current).start_visit()
        else:
            self.statusBar().showMessage("Ouvrez d'abord la mesure (Ctrl+F pour chercher le "
                                         "ménage) : la visite s'y note.", 6000)

    def search(self) -> None:
        if self.show_screen("menages"):
            cast("HouseholdsScreen", self.screens["menages"]).focus_search()

    def next_alert(self) -> None:
        if self.show_screen("tableau"):
            self.dashboard.next_alert()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.lock.watch_input()

    # --- state -------------------------------------------------------------------------
    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("fenetre/geometrie")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("fenetre/etat")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lock.locked:  # unsaved input may be behind the lock: unlock first
            event.ignore()
            self.lock.page.say("Déverrouillez d'abord : une saisie est peut-être en cours.")
            return
        if not self.current.can_leave():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("fenetre/geometrie", self.saveGeometry())
        settings.setValue("fenetre/etat", self.saveState())
        settings.setValue("fenetre/ecran", self.current.key)
        event.accept()
