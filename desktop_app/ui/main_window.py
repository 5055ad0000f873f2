"""The main window: navigation on the left, one screen at a time, menus, status bar.

Window geometry and state are kept in QSettings (organisation « SuiviFSL »).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent
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
from desktop_app.ui.homes.screen import HomesScreen
from desktop_app.ui.household.list_screen import HouseholdsScreen
from desktop_app.ui.household.screen import HouseholdScreen
from desktop_app.ui.measure.screen import MeasureScreen
from desktop_app.ui.opening.lock import LockController
from desktop_app.ui.points.screen import PointsScreen
from desktop_app.ui.reports.screen import ReportsScreen
from desktop_app.ui.retention.screen import RetentionScreen
from desktop_app.ui.screen import Screen
from desktop_app.ui.settings.screen import SettingsScreen
from desktop_app.ui.team.screen import TeamScreen
from desktop_app.ui.window_chrome import NAVIGATION, build_menus, build_status_bar

#: Screens reached from a list: the navigation shows the list they belong to.
PARENT = {"menage": "menages", "mesure": "menages"}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, store_label: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        ctx.runner.error_parent = lambda: self
        self.setWindowTitle("Suivi FSL")
        self.setMinimumSize(1024, 640)
        self.resize(1280, 800)
        self.screens: dict[str, Screen] = {}
        self.stack = QStackedWidget(self)
        for screen_class in (DashboardScreen, HouseholdsScreen, HouseholdScreen, MeasureScreen,
                             TeamScreen, HomesScreen, PointsScreen, ReportsScreen,
                             RetentionScreen, SettingsScreen):
            screen = screen_class(ctx, self.stack)
            self.screens[screen.key] = screen
            self.stack.addWidget(screen)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Écrans de l'application")
        self.nav.setFixedWidth(190)
        for key in NAVIGATION:
            QListWidgetItem(self.screens[key].title, self.nav).setData(Qt.ItemDataRole.UserRole,
                                                                      key)
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

    def start(self) -> None:
        """Load the team, then show the dashboard."""
        self.ctx.load_workers()
        self.show_screen("tableau", force=True)

    def show_screen(self, key: str, force: bool = False) -> bool:
        screen = self.screens[key]
        if screen is not self.current and not force and not self.current.can_leave():
            self._sync_nav()
            return False
        self.stack.setCurrentWidget(screen)
        self._sync_nav()
        screen.activate()
        return True

    def _sync_nav(self) -> None:
        key = PARENT.get(self.current.key, self.current.key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(NAVIGATION.index(key))
        self.nav.blockSignals(False)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(NAVIGATION):
            self.show_screen(NAVIGATION[row])

    def open_household(self, household_id: str) -> None:
        screen = self.screens["menage"]
        assert isinstance(screen, HouseholdScreen)
        if self.current.can_leave():
            screen.show_household(household_id)
            self.show_screen("menage", force=True)

    def open_measure(self, measure_id: str) -> None:
        screen = self.screens["mesure"]
        assert isinstance(screen, MeasureScreen)
        if self.current.can_leave():
            screen.show_measure(measure_id)
            self.show_screen("mesure", force=True)

    def new_visit(self) -> None:
        screen = self.screens["mesure"]
        assert isinstance(screen, MeasureScreen)
        if self.current is screen:
            screen.start_visit()
        else:
            self.statusBar().showMessage("Ouvrez d'abord la mesure (Ctrl+F pour chercher le "
                                         "ménage) : la visite s'y note.", 6000)

    def search(self) -> None:
        if self.show_screen("menages"):
            screen = self.screens["menages"]
            assert isinstance(screen, HouseholdsScreen)
            screen.focus_search()

    def next_alert(self) -> None:
        if self.show_screen("tableau"):
            screen = self.screens["tableau"]
            assert isinstance(screen, DashboardScreen)
            screen.next_alert()

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
