"""Opening the store at start-up, asking for a passphrase where needed (issue 6).

- no store yet: the first-launch dialog (a passphrase by default, or plain, confirmed),
  then the store is created, encrypted or not;
- an encrypted store: the passphrase of `SUIVI_FSL_PASSPHRASE`, else the one remembered in
  the OS key store, else the unlock dialog, which asks again after a wrong one;
- a plain store (or any other database): opened as is.

Every opening runs on the background runner, never on the GUI thread. With `ask=False`
(tests, timings, scripts) no dialog is shown: the store opens as `open_store(url)` would.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from desktop_app.paths import sqlite_path
from desktop_app.store.api import Store, WrongPassphraseError
from desktop_app.store.keys import given_passphrase, is_new, looks_encrypted
from desktop_app.ui.background import BackgroundRunner
from desktop_app.ui.keyring_store import KeyStore, OsKeyStore
from desktop_app.ui.passphrase_dialogs import FirstLaunchDialog, UnlockDialog
from desktop_app.ui.store_session import Secret, StoreSession

STALE = ("Le mot de passe retenu sur cet ordinateur n'ouvre plus la base (il a été changé "
         "ailleurs ?) : tapez le mot de passe actuel.")
_ASK = object()  # the background open found no passphrase that works: ask the user
_NEW = object()  # no store yet at the file: the first-launch dialog


class StoreOpening(QObject):
    """`start()`, then `opened(store, session)`, `failed(error)` or `cancelled()`.
    `asking()` is emitted when a dialog is about to show (the splash can step aside)."""

    opened = Signal(object, object)
    failed = Signal(object)
    cancelled = Signal()
    asking = Signal()

    def __init__(self, runner: BackgroundRunner, url: str, *, ask: bool = True,
                 keystore: KeyStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.url = url
        self.ask = ask
        self.keystore = keystore if keystore is not None else OsKeyStore()
        self.database = sqlite_path(url)
        self.dialog: QDialog | None = None

    def start(self) -> None:
        database = self.database
        if self.ask and database is not None and given_passphrase(None) is None:
            self._run(lambda: self._look_at(database),
                      lambda found: self._first_launch(database) if found is _NEW
                      else self._maybe_ask(found))
            return
        self._run(lambda: self._open(None, False), self._done)

    # --- background work -------------------------------------------------------------
    def _look_at(self, database: Path) -> tuple[Store, StoreSession] | object:
        """The file (a USB key, a network share: it may hang) read here, not on the GUI
        thread: `_NEW` (no store yet; the key store's backend chosen meanwhile, keyring may
        ask D-Bus), else the store opened, or why the user must be asked."""
        if is_new(database):
            self.keystore.available()
            return _NEW
        if looks_encrypted(database):
            return self._with_remembered(database)
        return self._open(None, False)

    def _open(self, passphrase: str | None, remember: bool,
              typed: bool = False) -> tuple[Store, StoreSession]:
        """Open (or create); `passphrase` None: `SUIVI_FSL_PASSPHRASE` if set, else plain.
        A passphrase `typed` at the unlock dialog and not to be remembered drops the one
        remembered before (it did not open the store)."""
        from desktop_app.store.repository import open_store

        store = open_store(self.url, passphrase)
        key = given_passphrase(passphrase)
        if remember and key is not None and self.database is not None:
            remember = self.keystore.remember(self.database, key)
        elif typed and self.database is not None:
            self.keystore.forget(self.database)
        session = StoreSession(self.url, self.database, Secret(key) if key else None,
                               self.keystore, remember)
        return store, session

    def _with_remembered(self, database: Path) -> tuple[Store, StoreSession] | object:
        remembered = self.keystore.get(database)
        if not remembered:
            return _ASK
        try:
            store, session = self._open(remembered, False)
        except WrongPassphraseError:
            return STALE
        session.remembered = True
        return store, session

    def _run(self, work, on_done) -> None:  # type: ignore[no-untyped-def]
        self.runner.run(work, on_done, text="Ouverture de la base…", on_error=self._failed)

    # --- on the GUI thread -----------------------------------------------------------
    def _done(self, result: tuple[Store, StoreSession]) -> None:
        self._close_dialog()
        self.opened.emit(*result)

    def _failed(self, error: BaseException) -> None:
        self._close_dialog()
        self.failed.emit(error)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog.deleteLater()
            self.dialog = None

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.rejected.connect(self._cancel)
        self.asking.emit()
        dialog.open()

    def _cancel(self) -> None:
        self.dialog = None
        self.cancelled.emit()

    def _first_launch(self, database: Path) -> None:
        dialog = FirstLaunchDialog(database, self.keystore)
        dialog.submitted.connect(lambda passphrase, remember: self._run(
            lambda: self._open(passphrase or "", remember), self._done))
        self._show(dialog)

    def _maybe_ask(self, result: tuple[Store, StoreSession] | object) -> None:
        if isinstance(result, tuple):
            return self._done(result)
        assert self.database is not None
        dialog = UnlockDialog(self.database, self.keystore,
                              note=result if isinstance(result, str) else "")
        dialog.submitted.connect(lambda passphrase, remember: self._try(dialog, passphrase,
                                                                        remember))
        self._show(dialog)

    def _try(self, dialog: UnlockDialog, passphrase: str, remember: bool) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, WrongPassphraseError):
                dialog.wrong()
            else:
                self._failed(error)

        self.runner.run(lambda: self._open(passphrase, remember, typed=True), self._done,
                        text="Ouverture de la base…", on_error=failed)
