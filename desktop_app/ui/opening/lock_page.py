"""The lock screen: what the window shows instead of its screens while locked.

It names no household and no worker: only why it is locked and how to unlock. An encrypted
store asks for its passphrase; a plain store has none to ask, so a click on « Déverrouiller »
is enough (the page says that encrypting the store in Paramètres would protect it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.opening.passphrase_fields import EMPTY, WRONG, password_field

PLAIN = ("Cette base n'est pas chiffrée : aucun mot de passe n'est demandé pour la "
         "déverrouiller. Pour protéger les données des ménages, chiffrez-la dans Paramètres.")
ENCRYPTED = "Tapez le mot de passe de la base pour reprendre votre travail là où il en était."


class LockPage(QWidget):
    """`unlock_asked(typed)`: the user asks to unlock with `typed` (empty for a plain store);
    the controller answers with `wrong()` or switches back to the screens."""

    unlock_asked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(520)  # a fixed width lets the wrapped lines take their height
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        title = QLabel("Suivi FSL est verrouillé", card)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.reason = QLabel(card)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("intro")
        layout.addWidget(self.reason)
        self.help = QLabel(card)
        self.help.setWordWrap(True)
        self.help.setObjectName("muted")
        layout.addWidget(self.help)
        self.field = password_field(card, "Mot de passe de la base")
        self.field.setPlaceholderText("Mot de passe de la base")
        self.field.returnPressed.connect(self._ask)
        layout.addWidget(self.field)
        self.error = QLabel(card)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.button = QPushButton("Déverrouiller", card)
        self.button.setObjectName("primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self._ask)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()  # no alignment flag: the card then gets its height for width
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def prepare(self, reason: str, encrypted: bool) -> None:
        """Show the page's words for this lock; the field empty and focused."""
        self.reason.setText(reason)
        self.help.setText(ENCRYPTED if encrypted else PLAIN)
        self.field.setVisible(encrypted)
        self.field.clear()
        self.error.clear()
        (self.field if encrypted else self.button).setFocus()

    def say(self, text: str) -> None:
        self.error.setText(text)

    def wrong(self) -> None:
        self.error.setText(WRONG)
        self.field.selectAll()
        self.field.setFocus()

    def _ask(self) -> None:
        if self.field.isVisible() and not self.field.text():
            self.error.setText(EMPTY)
            return
        self.unlock_asked.emit(self.field.text())
