"""Paramètres › « Changer le mot de passe… » or « Chiffrer la base… ».

The store is re-encrypted by `app/opening.py` with the window's own engine: its connections
are closed and its lock made exclusive (refused in French while another window or program
has the store open), then the store is reopened with the new passphrase — all on the
background runner, one step after the other, so no other store work runs in between. If the
change fails or is refused, the old store is still usable (its engine reconnects with the
old passphrase) and the window goes on with it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.app.opening import change_passphrase as change_store_passphrase
from desktop_app.store.api import Store
from desktop_app.ui.background import describe_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.opening.keyring_store import KeyStore
from desktop_app.ui.opening.passphrase_dialogs import remember_box
from desktop_app.ui.opening.passphrase_fields import (
    WRONG,
    FittingDialog,
    NewPassphraseFields,
    password_field,
)
from desktop_app.ui.opening.store_session import Secret, StoreSession
from desktop_app.ui.topics import Topic


class ChangePassphraseDialog(FittingDialog):
    """The current passphrase (encrypted store only), the new one twice, remember or not.
    `submitted(current, new, remember)`; the caller says `wrong()` or closes it."""

    submitted = Signal(str, str, bool)

    def __init__(self, parent: QWidget, encrypted: bool, keystore: KeyStore,
                 remembered: bool) -> None:
        super().__init__(parent)
        self.encrypted = encrypted
        self.setWindowTitle("Changer le mot de passe de la base" if encrypted
                            else "Chiffrer la base")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        intro = QLabel("Choisissez le nouveau mot de passe. Les autres postes qui ouvrent ce "
                       "fichier devront utiliser le nouveau." if encrypted else
                       "La base sera chiffrée : sans ce mot de passe, personne ne pourra la "
                       "lire, pas même vous. Notez-le en lieu sûr. Fermez Suivi FSL sur les "
                       "autres postes qui utilisent ce fichier.", self)
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        layout.addWidget(intro)
        self.current = password_field(self, "Mot de passe actuel")
        self.current.setPlaceholderText("Mot de passe actuel")
        self.current.setVisible(encrypted)
        layout.addWidget(self.current)
        self.fields = NewPassphraseFields(self)
        self.fields.setMinimumWidth(500)
        layout.addWidget(self.fields)
        self.remember = remember_box(self, keystore)
        self.remember.setChecked(remembered and self.remember.isEnabled())
        layout.addWidget(self.remember)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Changer le mot de passe" if encrypted else "Chiffrer la base")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(lambda: self.ok.setEnabled(
            self.fields.passphrase() is not None))
        self.ok.setEnabled(False)

    def _submit(self) -> None:
        new = self.fields.passphrase()
        if new is None:
            self.error.setText(self.fields.problem())
            return
        if self.encrypted and not self.current.text():
            self.error.setText("Tapez d'abord le mot de passe actuel.")
            return
        self.error.setText("Chiffrement en cours…")
        self.setEnabled(False)
        self.submitted.emit(self.current.text(), new, self.remember.isChecked())

    def wrong(self, text: str = WRONG) -> None:
        self.setEnabled(True)
        self.error.setText(text)
        self.current.selectAll()
        self.current.setFocus()


def change_passphrase(ctx: AppContext, parent: QWidget) -> ChangePassphraseDialog | None:
    """Open the dialog for the context's store (encrypt it when plain), over `parent`."""
    session = ctx.session
    if session.database is None:
        ctx.status_message.emit("Cette base n'est pas un fichier : elle ne peut pas "
                                       "être chiffrée depuis Suivi FSL.")
        return None
    dialog = ChangePassphraseDialog(parent, session.encrypted, session.keystore,
                                    session.remembered)
    dialog.submitted.connect(lambda current, new, remember: _apply(
        ctx, dialog, current, new, remember))
    dialog.open()
    return dialog


def _apply(ctx: AppContext, dialog: ChangePassphraseDialog, current: str, new: str,
           remember: bool) -> None:
    session = ctx.session
    if session.secret is not None and not session.secret.matches(current):
        dialog.wrong()
        return
    database, old_store = session.database, ctx.store
    assert database is not None

    def work() -> tuple[Store, bool]:
        store = change_store_passphrase(old_store, session.url, database,
                                        current if session.encrypted else None, new)
        kept = session.keystore.remember(database, new) if remember else False
        if not remember:
            session.keystore.forget(database)
        return store, kept

    def done(result: tuple[Store, bool]) -> None:
        store, kept = result
        was_encrypted = session.encrypted
        ctx.store = store
        ctx.session = StoreSession(session.url, database, Secret(new), session.keystore, kept)
        dialog.accept()
        ctx.status_message.emit("Mot de passe changé." if was_encrypted
                                       else "La base est maintenant chiffrée.")
        ctx.changed.emit(Topic.SETTINGS)

    def failed(error: BaseException) -> None:
        dialog.wrong(describe_error(error)[1])

    ctx.run(work, done, text="Chiffrement de la base…", on_error=failed)
