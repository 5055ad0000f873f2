"""Paramètres › « Serveur de l'association » card: which store the window opens at
start-up, and « Connexion au serveur de l'association… » (`server_dialog`). A new choice
takes effect at the next start: the open store stays open meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.app.opening import ServerSettings
from desktop_app.ui.context import AppContext
from desktop_app.ui.opening.keyring_store import KeyStore
from desktop_app.ui.settings.server_dialog import ConnectionDialog
from desktop_app.ui.settings.server_settings import (
    load,
    save,
    set_use_server,
    use_server,
)
from desktop_app.ui.widgets import button, section

LOCAL = ("Au démarrage, la fenêtre ouvre la base locale de cet ordinateur. Une équipe qui "
         "partage une base sur le serveur de l'association s'y connecte ici.")
SERVER = ("Au démarrage, la fenêtre se connecte au serveur {host} (base {database}, compte "
          "{login}). Sans connexion, elle propose la base locale.")


class ServerCard(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ConnectionDialog | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        card, box, _t = section("Serveur de l'association", self)
        outer.addWidget(card)
        self.state = QLabel(card)
        self.state.setWordWrap(True)
        box.addWidget(self.state)
        row = QHBoxLayout()
        row.addStretch(1)
        self.local = button("Utiliser la base locale au démarrage", card, self._use_local)
        row.addWidget(self.local)
        row.addWidget(button("Connexion au serveur de l'association…", card, self.open_dialog))
        box.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        on = use_server()
        settings = load()
        self.state.setText(SERVER.format(host=settings.host, database=settings.database,
                                         login=settings.login) if on else LOCAL)
        self.local.setEnabled(on)

    def keystore(self) -> KeyStore:
        return self.ctx.session.keystore

    def open_dialog(self) -> None:
        keystore = self.keystore()
        dialog = ConnectionDialog(self.ctx.runner, keystore, load(), parent=self)
        dialog.submitted.connect(lambda settings, password, remember: self._save(
            dialog, keystore, settings, password, remember))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: ConnectionDialog, keystore: KeyStore, settings: ServerSettings,
              password: str, remember: bool) -> None:
        """The settings kept, the server used at the next start; the password typed kept in
        the keyring if asked (else any remembered one forgotten), off the GUI thread."""
        save(settings)
        set_use_server(True)
        entry = settings.keyring_entry()

        def keep() -> bool:
            if remember:
                return keystore.remember(entry, password)
            keystore.forget(entry)
            return False

        def done(_kept: bool) -> None:
            dialog.accept()
            dialog.deleteLater()
            self.dialog = None
            self.refresh()
            self.ctx.status_message.emit(f"Réglages enregistrés : la fenêtre se connectera au "
                                         f"serveur {settings.host} au prochain démarrage.")

        if password:
            self.ctx.run(keep, done, text="Enregistrement des réglages…")
        else:
            done(False)

    def _use_local(self) -> None:
        set_use_server(False)
        self.refresh()
        self.ctx.status_message.emit("La fenêtre ouvrira la base locale au prochain démarrage.")
