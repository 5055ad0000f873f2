"""On Linux, lock the window when the session locks or the laptop goes to sleep (issue 6).

Listens on D-Bus, when a bus is there (nothing happens otherwise, as on CI or Windows):
- systemd-logind: `Session.Lock` (any session path: over-locking is harmless) and
  `Manager.PrepareForSleep(true)`, on the system bus;
- the desktop's screen saver: `org.freedesktop.ScreenSaver.ActiveChanged(true)` (KDE,
  Xfce…) and `org.gnome.ScreenSaver.ActiveChanged(true)`, on the session bus.

On Windows and macOS, Qt reports a suspended application through
`QGuiApplication.applicationStateChanged`, which `lock.LockController` watches; the
session-lock notifications of Windows (WTSRegisterSessionNotification) are not used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import SLOT, QObject, Slot

LOGIN1 = "org.freedesktop.login1"


class _Receiver(QObject):
    def __init__(self, on_lock: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_lock = on_lock

    @Slot()
    def locked(self) -> None:
        self._on_lock()

    @Slot(bool)
    def active(self, on: bool) -> None:
        if on:
            self._on_lock()


def watch_session_lock(parent: QObject, on_lock: Callable[[], None]) -> bool:
    """Call `on_lock()` when the session locks or the machine sleeps; False when no bus is
    there to listen on."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a Qt without its D-Bus module
        return False
    receiver = _Receiver(on_lock, parent)
    listening = False
    system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
    if system.isConnected():
        listening |= system.connect(LOGIN1, "", f"{LOGIN1}.Session", "Lock", receiver,
                                    SLOT("locked()"))
        listening |= system.connect(LOGIN1, "/org/freedesktop/login1", f"{LOGIN1}.Manager",
                                    "PrepareForSleep", receiver, SLOT("active(bool)"))
    if session.isConnected():
        for service in ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"):
            listening |= session.connect("", "", service, "ActiveChanged", receiver,
                                         SLOT("active(bool)"))
    return listening
