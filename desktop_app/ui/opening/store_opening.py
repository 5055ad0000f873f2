"""Opening the store at start-up, asking for a passphrase where needed.

- no store yet: the first-launch dialog (a passphrase by default, or plain, confirmed),
  then the store is created, encrypted or not;
- an encrypted store: the passphrase of `SUIVI_FSL_PASSPHRASE`, else the one remembered in
  the OS key store, else the unlock dialog, which asks again after a wrong one;
- a plain store: opened as is;
- the association's server: its password from the system keyring if remembered
  (else libpq's `PGPASSWORD` / `~/.pgpass`); a login refused shows the connection dialog,
  which asks for the password and stays open after a wrong one. A server that cannot be
  reached is `failed`: `Launch` offers to retry or to open the local store. The first-launch
  dialog offers the server beside a new local store.

Every opening runs on the background runner, never on the GUI thread. With `ask=False`
(tests, timings, scripts) no dialog is shown: the store opens as `open_store(url)` would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from desktop_app.app import opening
from desktop_app.app.opening import ServerSettings
from desktop_app.paths import is_server_url, sqlite_path
from desktop_app.store.api import Store
from desktop_app.store.errors import ServerConnectionError, StoreError, WrongPassphraseError
from desktop_app.ui.background import BackgroundRunner, Callback
from desktop_app.ui.opening.keyring_store import KeyStore, OsKeyStore
from desktop_app.ui.opening.passphrase_dialogs import FirstLaunchDialog, UnlockDialog
from desktop_app.ui.opening.store_session import Secret, StoreSession
from desktop_app.ui.settings.server_dialog import ConnectionDialog
from desktop_app.ui.settings.server_settings import load, save, set_use_server

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
                 keystore: KeyStore | None = None, parent: QObject | None = None,
                 from_settings: bool = False) -> None:
        super().__init__(parent)
        self.runner = runner
        self.url = url
        self.ask = ask
        self.keystore = keystore if keystore is not None else OsKeyStore()
        self.database = sqlite_path(url)
        self.dialog: QDialog | None = None
        #: The server's dialog (a login refused, or chosen at the first launch).
        self.server_dialog: ConnectionDialog | None = None
        #: The server's settings to keep once it opens (chosen in a dialog, or the user's).
        self.keep_settings: ServerSettings | None = load() if from_settings else None
        #: The store once opened, set in the background thread as it opens: what an
        #: operation queued after the opening may read there (`Launch` computes the
        #: dashboard ahead), before `opened` reaches the GUI thread.
        self.store: Store | None = None

    def start(self) -> None:
        if is_server_url(self.url):
            self.runner.run(lambda: self._open_server(self.url, None, False), self._done,
                            text="Connexion au serveur…", on_error=self._server_failed)
            return
        database = self.database
        if self.ask and database is not None and opening.passphrase_in_environment() is None:
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
        found = opening.look_at(database)
        if found == "nouvelle":
            self.keystore.available()
            return _NEW
        if found == "chiffrée":
            return self._with_remembered(database)
        return self._open(None, False)

    def _open(self, passphrase: str | None, remember: bool,
              typed: bool = False) -> tuple[Store, StoreSession]:
        """Open (or create); `passphrase` None: `SUIVI_FSL_PASSPHRASE` if set, else plain.
        A passphrase `typed` at the unlock dialog and not to be remembered drops the one
        remembered before (it did not open the store)."""
        store, key = opening.open_file(self.url, passphrase)
        self.store = store
        if remember and key is not None and self.database is not None:
            remember = self.keystore.remember(self.database, key)
        elif typed and self.database is not None:
            self.keystore.forget(self.database)
        session = StoreSession(self.url, self.database, Secret(key) if key else None,
                               self.keystore, remember)
        return store, session

    def _open_server(self, url: str, typed: str | None, remember: bool
                     ) -> tuple[Store, StoreSession]:
        """Open the server's store: with the password `typed` (None: the one remembered in
        the keyring, if any, else libpq's own); remembered or forgotten as asked."""
        entry = opening.password_entry(url)
        password = self.keystore.get(entry) if typed is None else typed
        store, who = opening.open_server(url, password)
        self.store = store
        if typed is not None:
            if remember and typed:
                remember = self.keystore.remember(entry, typed)
            else:
                self.keystore.forget(entry)
        session = StoreSession(url, None, None, self.keystore,
                               remember if typed is not None else password is not None,
                               who)
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

    def _run(self, work: Callable[[], Any], on_done: Callback) -> None:
        self.runner.run(work, on_done, text="Ouverture de la base…", on_error=self._failed)

    # --- on the GUI thread -----------------------------------------------------------
    def _done(self, result: tuple[Store, StoreSession]) -> None:
        self._close_dialog()
        if self.keep_settings is not None:  # the server opened: it is the one of next starts
            save(self.keep_settings)
            set_use_server(True)
        self.opened.emit(*result)

    def _failed(self, error: BaseException) -> None:
        self._close_dialog()
        self.failed.emit(error)

    def _close_dialog(self) -> None:
        if self.server_dialog is not None:
            self.server_dialog.accept()
            self.server_dialog.deleteLater()
            self.server_dialog = None
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
        dialog.server_chosen.connect(lambda: self._ask_server(load(), "", dialog))
        self._show(dialog)

    # --- the association's server --------------------------------------------------------
    def _server_failed(self, error: BaseException) -> None:
        """A login refused: the password asked (the dialog); anything else: `failed`."""
        if (self.ask and isinstance(error, ServerConnectionError) and error.kind == "login"):
            settings = self.keep_settings or ServerSettings.of_url(self.url)
            self._ask_server(settings, str(error), None)
            return
        self._failed(error)

    def _ask_server(self, settings: ServerSettings, note: str, over: QDialog | None) -> None:
        """The connection dialog; over the first-launch dialog, cancelling it goes back to
        that dialog, else it quits as the other start-up dialogs do."""
        dialog = ConnectionDialog(self.runner, self.keystore, settings, note=note,
                                  action="Se connecter", parent=over)
        self.server_dialog = dialog
        # Kept for the next starts: a server chosen at the first launch, or the user's own
        # settings corrected; a server named by --db or SUIVI_FSL_DB changes no setting.
        keep = over is not None or self.keep_settings is not None
        dialog.submitted.connect(lambda chosen, password, remember: self._connect(
            dialog, chosen, password, remember, keep))
        if over is None:
            dialog.rejected.connect(self._cancel)
            self.asking.emit()
        else:
            dialog.rejected.connect(lambda: setattr(self, "server_dialog", None))
        dialog.open()

    def _connect(self, dialog: ConnectionDialog, chosen: ServerSettings, password: str,
                 remember: bool, keep: bool) -> None:
        url = chosen.url()

        def failed(error: BaseException) -> None:
            if isinstance(error, StoreError):  # said in the dialog, which stays open
                dialog.wrong(str(error))
            else:
                self._failed(error)

        def done(result: tuple[Store, StoreSession]) -> None:
            self.url, self.database = url, None
            self.keep_settings = chosen if keep else None
            self._done(result)

        self.runner.run(lambda: self._open_server(url, password, remember), done,
                        text="Connexion au serveur…", on_error=failed)

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
