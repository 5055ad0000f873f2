"""Locking the window: after N minutes without input, when the application is
suspended, or on demand, every personal datum goes behind the lock page.

While locked: the window's central widget shows the lock page (the screens are hidden, not
destroyed: a half-typed form is still there after unlocking), the menus are disabled, the
window title is « Suivi FSL — verrouillé », and every other window of the application
(dialogs, message boxes, popups) is hidden, to come back on unlocking. A dialog that pops up
while locked is hidden at once.

Idle detection: an application-wide event filter, installed when the window first shows
(`watch_input`: no input reaches it before, and the many events of building it need no look),
notes the time of each input event on `clock` (milliseconds, monotonic); a single-shot
QTimer wakes up when the delay may have run out, locks if no input came since, or sleeps
again for what is left. The delay comes from QSettings (« Verrouillage après N minutes
d'inactivité », default 5). Tests drive it without waiting: a fake `clock`, then the
timer's `timeout` (see `check_idle`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolTip, QWidget

from desktop_app.ui.opening.lock_page import LockPage
from desktop_app.ui.opening.session_signals import SessionWatch

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

MINUTES_KEY = "securite/verrouillage_minutes"
DEFAULT_MINUTES = 5
MINUTES_RANGE = (1, 60)
IDLE_REASON = "Verrouillé après {minutes} sans activité, pour protéger les données des ménages."
SUSPENDED_REASON = "Verrouillé pendant la mise en veille ou le verrouillage de la session."
ASKED_REASON = "Verrouillé à votre demande."
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress})


def lock_minutes() -> int:
    """The setting, clamped to 1–60 minutes (default 5)."""
    value = QSettings().value(MINUTES_KEY, DEFAULT_MINUTES, int)
    minutes = value if isinstance(value, int) and value else DEFAULT_MINUTES
    low, high = MINUTES_RANGE
    return max(low, min(high, minutes))


def minutes_text(minutes: int) -> str:
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


class LockController(QObject):
    """Installed on the main window by its constructor; `locked` tells the state."""

    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.reason = ""
        self._hidden: list[tuple[QWidget, bool]] = []
        self._title = ""
        self.page = LockPage()
        self.shell = QStackedWidget(window)
        content = window.takeCentralWidget()
        assert content is not None  # the window's screens, set up before its lock
        self.shell.addWidget(content)
        self.shell.addWidget(self.page)
        window.setCentralWidget(self.shell)
        self.page.unlock_asked.connect(self.try_unlock)
        elapsed = QElapsedTimer()
        elapsed.start()
        #: Milliseconds on a monotonic clock; tests put a fake one here (then `set_idle_ms`).
        self.clock: Callable[[], int] = elapsed.elapsed
        self._last_input = self.clock()
        self.idle_ms = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_idle)
        self.set_minutes(lock_minutes())
        self.watching = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.applicationStateChanged.connect(self._state_changed)

    def watch_input(self) -> None:
        """The application's events watched from now on (the window calls it as it shows)."""
        if not self.watching:
            self.watching = True
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)

    def watch_session(self) -> SessionWatch:
        """Lock when the Linux session locks or the machine sleeps (D-Bus); the caller starts
        the watch right before `app.exec()` and stops it right after (see SessionWatch)."""
        return SessionWatch(self, lambda: self.lock(SUSPENDED_REASON))

    # --- idle --------------------------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        self.set_idle_ms(minutes * 60_000)

    def set_idle_ms(self, milliseconds: int) -> None:
        """The idle delay; restarts the count."""
        self.idle_ms = milliseconds
        self._restart_count()

    def _restart_count(self) -> None:
        self._last_input = self.clock()
        if not self.locked:
            self.timer.start(self.idle_ms)

    def check_idle(self) -> None:
        """The timer's end: lock if there was no input for the whole delay, else wait for
        the rest of it (input only notes its time: no timer restarted at each mouse move)."""
        if self.locked:
            return
        left = self.idle_ms - (self.clock() - self._last_input)
        if left > 0:
            self.timer.start(left)
            return
        self.lock(IDLE_REASON.format(minutes=minutes_text(lock_minutes())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:  # the usual case, kept short: every event of the application
            if kind in _INPUT:
                self._last_input = self.clock()
        elif kind == QEvent.Type.Shortcut:
            return True  # no menu shortcut (Ctrl+1, Ctrl+I…) behind the lock
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow() and watched is not self.window:
            QTimer.singleShot(0, lambda w=watched: self._hide_window(w))
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock(SUSPENDED_REASON)

    # --- lock and unlock ---------------------------------------------------------------
    def lock(self, reason: str = ASKED_REASON) -> None:
        if self.locked:
            return
        if not self.window.isVisible():  # still opening: the unlock dialog is the lock
            self._restart_count()
            return
        self.locked = True
        self.reason = reason
        self.timer.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                self._hide_window(widget)
        self._title = self.window.windowTitle()
        self.window.setWindowTitle("Suivi FSL — verrouillé")
        self.window.menuBar().setEnabled(False)
        self.page.prepare(reason, self.window.ctx.session.encrypted)
        self.shell.setCurrentWidget(self.page)
        self.locked_changed.emit(True)

    def _hide_window(self, widget: QWidget) -> None:
        if (not shiboken6.isValid(widget) or not widget.isVisible() or not self.locked
                or isinstance(widget, QMainWindow)):  # another main window has its own lock
            return
        self._hidden.append((widget, widget.isModal()))
        widget.hide()

    def try_unlock(self, typed: str) -> bool:
        """Unlock if `typed` is the passphrase (anything for a plain store)."""
        secret = self.window.ctx.session.secret
        if secret is not None and not secret.matches(typed):
            self.page.wrong()
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.page.field.clear()
        self.shell.setCurrentIndex(0)
        self.window.menuBar().setEnabled(True)
        self.window.setWindowTitle(self._title)
        hidden, self._hidden = self._hidden, []
        for widget, was_modal in hidden:
            # A dialog run by exec() ended its loop when hidden: it is not shown again.
            if shiboken6.isValid(widget) and widget.isModal() == was_modal:
                widget.show()
        self._restart_count()
        self.locked_changed.emit(False)
