"""On Linux, lock the window when the session locks or the laptop goes to sleep.

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
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import SIGNAL, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

LOGIN1 = "org.freedesktop.login1"


class _Receiver(QObject):
    """D-Bus delivers to these Qt signals, connected to Python as usual."""

    locked = Signal()
    active = Signal(bool)


#: (bus, service, path, interface, name, signal of `_Receiver`)
_HOOKS = (
    ("system", LOGIN1, "", f"{LOGIN1}.Session", "Lock", "locked()"),
    ("system", LOGIN1, "/org/freedesktop/login1", f"{LOGIN1}.Manager", "PrepareForSleep",
     "active(bool)"),
    ("session", "", "", "org.freedesktop.ScreenSaver", "ActiveChanged", "active(bool)"),
    ("session", "", "", "org.gnome.ScreenSaver", "ActiveChanged", "active(bool)"),
)


#: `QDBusConnection.connect` / `disconnect` with a receiver and a SIGNAL() (a str).
_BusHook = Callable[[str, str, str, str, QObject, str], bool]


def _hook(method: object) -> _BusHook:
    """`method` typed as PySide6 takes it: its stubs want the slot as bytes, which it refuses
    at run time (it takes the str that SIGNAL() gives)."""
    return cast(_BusHook, method)


class SessionWatch:
    """`start()` listens, `stop()` no longer does. `run_gui` starts it around `app.exec()`:
    tests and screenshots never listen to the desktop's buses. Checked by hand with
    `dbus-run-session` and `dbus-send` (ActiveChanged true locks, false does not)."""

    def __init__(self, parent: QObject, on_lock: Callable[[], None]) -> None:
        self.receiver = _Receiver(parent)
        self.receiver.locked.connect(on_lock)
        self.receiver.active.connect(lambda on: on_lock() if on else None)
        self._hooked: list[tuple[QDBusConnection, tuple[str, ...]]] = []

    def start(self) -> bool:
        """Listen; False when no bus is there (Windows, macOS, CI)."""
        if not sys.platform.startswith("linux"):
            return False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt without its D-Bus module
            return False
        buses = {"system": QDBusConnection.systemBus(), "session": QDBusConnection.sessionBus()}
        for which, service, path, interface, name, signal in _HOOKS:
            bus = buses[which]
            if bus.isConnected() and _hook(bus.connect)(service, path, interface, name,
                                                        self.receiver, SIGNAL(signal)):
                self._hooked.append((bus, (service, path, interface, name, signal)))
        return bool(self._hooked)

    def stop(self) -> None:
        for bus, (service, path, interface, name, signal) in self._hooked:
            _hook(bus.disconnect)(service, path, interface, name, self.receiver, SIGNAL(signal))
        self._hooked.clear()
