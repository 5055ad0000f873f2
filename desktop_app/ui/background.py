"""Run store and engine work off the GUI thread; results come back to it by signal.

The pattern of Anki's `QueryOp` / Vorta's jobs: an operation is a plain callable that never
touches a widget; it runs in a one-thread `QThreadPool` (store calls are serialised, so a
SQLite file is never written by two threads at once), and its result, or its exception, is
handed back on the GUI thread by a queued signal. An exception nobody handles is shown in a
French dialog: a `StoreError` as a problem of the environment (locked file, full disk…) that
the user can fix, anything else as a fault of the program.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.store.errors import ConflictError, RefusedError, ServerConnectionError, StoreError

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
#: `progress(done, total)` of a long operation (called in the worker thread by the work,
#: and on the GUI thread for the window).
Progress = Callable[[int, int], None]


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, the GUI thread receives (queued)."""

    finished = Signal(int, bool, object)
    #: (task id, done, total) of a long operation run by `run_with_progress`.
    progress = Signal(int, int, int)


@dataclass
class _Pending:
    on_done: Callback | None
    on_error: ErrorCallback | None
    text: str
    on_progress: Progress | None = None


class _Task(QRunnable):
    def __init__(self, task_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = task_id
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:
            self._relay.finished.emit(self._id, False, error)
        else:
            self._relay.finished.emit(self._id, True, result)


#: The runners with an operation pending (from its start until its result has been handed
#: to the GUI thread): what the garbage collector of the window waits for (`ui/garbage.py`).
_BUSY: set[int] = set()


def any_operation_running() -> bool:
    """Whether any runner of the process has an operation pending."""
    return bool(_BUSY)


class BackgroundRunner(QObject):
    """Runs callables one after the other in a worker thread.

    `busy_changed(busy, text)` drives the progress indicator of the status bar.
    """

    busy_changed = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: cheaper, and SQLite likes it
        self._relay = _Relay()
        self._relay.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self.error_parent: Callable[[], QWidget | None] = lambda: None
        self.last_error: BaseException | None = None

    @property
    def idle(self) -> bool:
        return not self._pending

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callback | None = None,
        *,
        text: str = "Opération en cours…",
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Run `work()` in the worker thread, then `on_done(result)` on the GUI thread.

        `work` must not touch a widget. Without `on_error`, an exception is shown to the user.
        """
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_done, on_error, text)
        self._started(text)
        self._pool.start(_Task(task_id, work, self._relay))

    def run_with_progress(
        self,
        work: Callable[[Progress], Any],
        on_done: Callback | None = None,
        on_progress: Progress | None = None,
        *,
        text: str = "Opération en cours…",
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Like `run`, for a long operation: `work(progress)` calls `progress(done, total)`
        in the worker thread; `on_progress(done, total)` follows on the GUI thread (a queued
        signal: the window repaints and stays responsive meanwhile)."""
        task_id = next(self._ids)
        relay = self._relay

        def report(done: int, total: int) -> None:
            relay.progress.emit(task_id, done, total)

        self._pending[task_id] = _Pending(on_done, on_error, text, on_progress)
        self._started(text)
        self._pool.start(_Task(task_id, lambda: work(report), self._relay))

    def _started(self, text: str) -> None:
        _BUSY.add(id(self))
        if len(self._pending) == 1:
            self.busy_changed.emit(True, text)

    @Slot(int, int, int)
    def _progress(self, task_id: int, done: int, total: int) -> None:
        pending = self._pending.get(task_id)
        if pending is not None and pending.on_progress is not None:
            pending.on_progress(done, total)

    @Slot(int, bool, object)
    def _finish(self, task_id: int, ok: bool, payload: object) -> None:
        pending = self._pending.get(task_id)
        try:
            if pending is None:
                return
            if ok:
                if pending.on_done is not None:
                    pending.on_done(payload)
            else:
                assert isinstance(payload, BaseException)
                self.last_error = payload
                if pending.on_error is not None:
                    pending.on_error(payload)
                else:
                    show_error(self.error_parent(), payload)
        finally:
            self._pending.pop(task_id, None)
            if not self._pending:
                _BUSY.discard(id(self))
                self.busy_changed.emit(False, "")

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        """Process events until every operation has finished (screenshots, tests)."""
        clock = QElapsedTimer()
        clock.start()
        while self._pending and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            self._pool.waitForDone(5)
        QCoreApplication.processEvents()
        return not self._pending


def describe_error(error: BaseException) -> tuple[str, str, str]:
    """(title, text, details) of the dialog that reports `error`, in French."""
    if isinstance(error, ConflictError):
        return ("Dossier modifié entre-temps", str(error), "")  # the message says what to do
    if isinstance(error, RefusedError):
        return ("Opération impossible", str(error), "")
    if isinstance(error, ServerConnectionError):  # the server cannot be reached
        return ("Connexion au serveur impossible",
                f"{error}\n\nVos saisies sont conservées à l'écran : enregistrez de nouveau "
                "une fois la connexion revenue.", "")
    if isinstance(error, StoreError):
        return (
            "Problème avec la base de données",
            f"{error}\n\nCe n'est pas une erreur de saisie : vérifiez que le fichier de la base "
            "est accessible (disque, droits, autre programme qui l'utilise), puis réessayez.",
            "",
        )
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return (
        "Erreur inattendue",
        "Une erreur inattendue du programme s'est produite ; l'opération n'a pas été faite. "
        "Rien de ce qui était déjà enregistré n'est perdu.\n\nSignalez-la en joignant le "
        "détail ci-dessous.",
        details,
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show `error` in a French, window-modal dialog (non-blocking)."""
    title, text, details = describe_error(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical if details else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
