"""Paramètres › « Sécurité » card: the lock delay, whether the store is encrypted, and the
buttons to change its passphrase (or encrypt it) and to lock now."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from desktop_app.paths import is_server_url
from desktop_app.ui.context import AppContext
from desktop_app.ui.opening.lock import MINUTES_KEY, MINUTES_RANGE, lock_minutes
from desktop_app.ui.settings.passphrase_change import change_passphrase
from desktop_app.ui.widgets import button, section

ENCRYPTED = "Base chiffrée"
ENCRYPTED_TIP = "La base est chiffrée (SQLCipher) : illisible sans son mot de passe."
PLAIN = "Base non chiffrée"
ON_SERVER = "Base sur le serveur de l'association"
ON_SERVER_TIP = ("La base est sur le serveur de l'association : la connexion est chiffrée "
                 "(TLS, réglage sslmode) et le serveur protège ses fichiers (docs/serveur.md).")
PLAIN_TIP = ("En cas de perte ou de vol de l'ordinateur, les données des ménages sont lisibles : "
             "chiffrez la base (recommandation de la CNIL pour les postes nomades).")


class SecurityCard(QWidget):
    """Built into the settings screen; reads the store's session and the window's lock on the
    context when shown or clicked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.changed.connect(lambda _what: self.refresh())
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        card, box, _t = section("Sécurité", self)
        outer.addWidget(card)
        row = QHBoxLayout()
        row.addWidget(QLabel("Verrouillage après", card))
        self.minutes = QSpinBox(card)
        self.minutes.setRange(*MINUTES_RANGE)
        self.minutes.setValue(lock_minutes())
        self.minutes.setAccessibleName("Verrouillage après N minutes d'inactivité")
        self.minutes.setToolTip("Sans frappe ni clic pendant ce temps, la fenêtre se verrouille "
                                "et cache les données des ménages (recommandation de la CNIL).")
        self.minutes.valueChanged.connect(self._minutes_changed)
        row.addWidget(self.minutes)
        self.unit = QLabel(_unit(self.minutes.value()), card)
        row.addWidget(self.unit)
        row.addSpacing(24)
        self.state = QLabel(card)
        row.addWidget(self.state, 1)
        self.change = button("Chiffrer la base…", card, self._change)
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(button("Verrouiller maintenant", card, self._lock_now,
                             tip="Ctrl+L : cache les données jusqu'au déverrouillage."))
        box.addLayout(row)

    def refresh(self) -> None:
        """Show the store's state (call when the settings screen shows)."""
        session = self.ctx.session
        encrypted = session.encrypted
        on_server = is_server_url(session.url)
        self.state.setText(ON_SERVER if on_server else ENCRYPTED if encrypted else PLAIN)
        self.state.setToolTip(ON_SERVER_TIP if on_server else ENCRYPTED_TIP if encrypted
                              else PLAIN_TIP)
        self.state.setObjectName("muted" if encrypted or on_server else "fieldError")
        self.state.style().polish(self.state)
        self.change.setVisible(not on_server)  # a file's encryption (SQLCipher) only
        self.change.setText("Changer le mot de passe…" if encrypted else "Chiffrer la base…")
        self.change.setAccessibleName(self.change.text().rstrip("…"))

    def _minutes_changed(self, minutes: int) -> None:
        self.unit.setText(_unit(minutes))
        QSettings().setValue(MINUTES_KEY, minutes)
        if self.ctx.lock is not None:
            self.ctx.lock.set_minutes(minutes)

    def _change(self) -> None:
        change_passphrase(self.ctx, self.window())

    def _lock_now(self) -> None:
        if self.ctx.lock is not None:
            self.ctx.lock.lock()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


def _unit(minutes: int) -> str:
    """« 1 minute d'inactivité », « 5 minutes d'inactivité »."""
    return "minute d'inactivité" if minutes == 1 else "minutes d'inactivité"
