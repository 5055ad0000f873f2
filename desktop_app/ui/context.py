"""What every screen shares: the store, its session and the window's lock, the runner, today's
date, the current worker.

Screens never call each other: they ask the context to open a household or a measure, and
listen to `changed` to reload after a save made anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from desktop_app.app.dashboard import opening_scope
from desktop_app.domain.model import Worker
from desktop_app.store.api import Store
from desktop_app.store.records import SYSTEM_PROFILE
from desktop_app.ui.background import BackgroundRunner, Callback, ErrorCallback
from desktop_app.ui.opening.store_session import StoreSession
from desktop_app.ui.topics import Topic

if TYPE_CHECKING:  # the lock's module builds on the main window, which builds on this one
    from desktop_app.ui.opening.lock import LockController

WORKER_KEY = "travail/travailleur_courant"
SCOPE_KEY = "travail/mes_dossiers"


class AppContext(QObject):
    #: Something was saved: a `Topic` (carried as its string; `Topic.ALL` after an import,
    #: demo data, a restore…).
    changed = Signal(str)
    #: The current worker or the « Mes dossiers » filter changed.
    scope_changed = Signal()
    workers_loaded = Signal()
    open_household = Signal(str)
    open_measure = Signal(str)
    open_screen = Signal(str)
    status_message = Signal(str)

    def __init__(
        self,
        store: Store | None,
        *,
        today: Callable[[], date] = date.today,
        runner: BackgroundRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.runner = runner or BackgroundRunner(self)
        self.workers: list[Worker] = []
        settings = QSettings()
        # QSettings types its values `object`: each is read back as the type asked for.
        self.current_worker: str | None = str(settings.value(WORKER_KEY, None, str)) or None
        self.mine_only: bool = bool(settings.value(SCOPE_KEY, True, bool))
        #: Whether the next load of a team sets the opening scope (`opening_scope`): once,
        #: when the window opens (or the first workers arrive), not at each reload.
        self._scope_pending = True
        #: The open store's protection and account; set where the store is opened (`Launch`,
        #: a passphrase change).
        self.session = StoreSession()
        #: The window's lock; set by the main window.
        self.lock: LockController | None = None
        #: None only while the window starts, before its store is opened (`Launch`).
        self._store: Store | None = None
        if store is not None:
            self.store = store

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("no store opened yet: the window reads it once `Launch` opened it")
        return self._store

    @store.setter
    def store(self, store: Store) -> None:
        """The store opened (possibly after the window): it records the current worker."""
        self._store = store
        self._apply_profile()

    @property
    def has_store(self) -> bool:
        """Whether the store is opened (False only while the window starts)."""
        return self._store is not None

    def _apply_profile(self) -> None:
        """The audit trail's profile: the worker of « Travailleur social », else « système »."""
        if self._store is not None:
            self._store.profile = self.current_worker or SYSTEM_PROFILE

    # --- background work -----------------------------------------------------------------
    def run(self, work: Callable[[], Any], on_done: Callback | None = None, *,
            text: str = "Chargement…", on_error: ErrorCallback | None = None) -> None:
        self.runner.run(work, on_done, text=text, on_error=on_error)

    def save(self, work: Callable[[], Any], what: Topic, on_done: Callback | None = None, *,
             text: str = "Enregistrement…", on_error: ErrorCallback | None = None) -> None:
        """Run a write; on success call `on_done`, then tell every screen (`changed`); on
        failure call `on_error` (default: the error shown in a French dialog)."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.status_message.emit("Enregistré.")
            if what == Topic.WORKERS:
                self.load_workers()
            self.changed.emit(what)

        self.runner.run(work, done, text=text, on_error=on_error)

    # --- workers, shared by the combos of every screen -----------------------------------
    def load_workers(self, on_done: Callable[[], None] | None = None) -> None:
        def done(workers: list[Worker]) -> None:
            self.workers = sorted(workers, key=lambda w: w.name.casefold())
            ids = [w.id for w in self.workers]
            opening = self._scope_pending and bool(ids)
            if opening:
                self._scope_pending = False
                account = self.session.account
                self.current_worker, self.mine_only = opening_scope(
                    ids, self.current_worker, account.worker_id if account else None)
            elif self.current_worker not in ids:
                self.current_worker = self.workers[0].id if self.workers else None
            self._apply_profile()
            self.workers_loaded.emit()
            if opening:
                self.scope_changed.emit()
            if on_done is not None:
                on_done()

        self.run(self.store.workers, done, text="Chargement de l'équipe…")

    def worker_name(self, worker_id: str | None) -> str:
        if worker_id is None:
            return ""
        for worker in self.workers:
            if worker.id == worker_id:
                return worker.name
        return worker_id

    def set_scope(self, worker_id: str | None, mine_only: bool) -> None:
        if (worker_id, mine_only) == (self.current_worker, self.mine_only):
            return
        self.current_worker, self.mine_only = worker_id, mine_only
        self._apply_profile()
        settings = QSettings()
        settings.setValue(WORKER_KEY, worker_id or "")
        settings.setValue(SCOPE_KEY, mine_only)
        self.scope_changed.emit()
