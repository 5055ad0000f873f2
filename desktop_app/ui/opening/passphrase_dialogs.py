"""The two start-up dialogs of an encrypted store: the first launch, which asks for
a passphrase by default, and the unlock dialog, which asks again after a typo.

Both are non-blocking (`open()`): the caller listens to `submitted` / `rejected`, the
opening itself runs off the GUI thread, and a wrong passphrase keeps the dialog open."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.opening.keyring_store import KeyStore
from desktop_app.ui.opening.passphrase_fields import (
    EMPTY,
    WRONG,
    FittingDialog,
    NewPassphraseFields,
    password_field,
)

REMEMBER = "Retenir le mot de passe sur cet ordinateur"
REMEMBER_TIP = ("Le mot de passe est gardé dans le trousseau du système de votre session : "
                "il ne sera plus demandé à l'ouverture, mais le sera au déverrouillage.")
PLAIN_WARNING = ("Sans chiffrement, toute personne qui accède à ce fichier (ordinateur perdu "
                 "ou volé, disque copié) lit les données des ménages. La CNIL demande de "
                 "chiffrer les postes nomades. Vous pourrez chiffrer la base plus tard dans "
                 "Paramètres.")


def remember_box(parent: QWidget, keystore: KeyStore) -> QCheckBox:
    """« Retenir le mot de passe… », disabled (the tooltip says why) with no key store."""
    box = QCheckBox(REMEMBER, parent)
    if keystore.available():
        box.setToolTip(REMEMBER_TIP)
    else:
        box.setEnabled(False)
        box.setToolTip(keystore.reason)
    return box


def _label(text: str, parent: QWidget, name: str = "intro") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class FirstLaunchDialog(FittingDialog):
    """No store yet: a passphrase by default, or « Continuer sans chiffrement » (confirmed by
    a second click). `submitted(passphrase or None, remember)`."""

    submitted = Signal(object, bool)
    #: « Utiliser le serveur de l'association »: the connection dialog instead.
    server_chosen = Signal()

    def __init__(self, database: PurePath, keystore: KeyStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nouvelle base Suivi FSL — protection par mot de passe")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addWidget(_label("Protéger la nouvelle base par un mot de passe", self,
                                "pageTitle"))
        layout.addWidget(_label(
            f"Aucune base n'existe encore ici :\n{database}\n\nElle va être créée. Elle "
            "contiendra des données personnelles sensibles (identité, situation sociale et "
            "budget des ménages) : protégez-la par un mot de passe. La base sera chiffrée ; "
            "sans ce mot de passe personne ne pourra la lire, pas même vous : notez-le en "
            "lieu sûr.", self))
        self.fields = NewPassphraseFields(self)
        self.fields.setMinimumWidth(540)
        layout.addWidget(self.fields)
        self.remember = remember_box(self, keystore)
        layout.addWidget(self.remember)
        self.warning = _label(PLAIN_WARNING, self, "fieldError")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        row = QHBoxLayout()
        self.plain = QPushButton("Continuer sans chiffrement", self)
        self.plain.setAutoDefault(False)
        self.plain.clicked.connect(self._plain)
        row.addWidget(self.plain)
        self.server = QPushButton("Utiliser le serveur de l'association", self)
        self.server.setAutoDefault(False)
        self.server.setToolTip("Travailler sur la base partagée de l'équipe, sur le serveur "
                               "de l'association, au lieu d'une base sur cet ordinateur.")
        self.server.clicked.connect(self.server_chosen)
        row.addWidget(self.server)
        row.addStretch(1)
        self.quit = QPushButton("Quitter", self)
        self.quit.setAutoDefault(False)
        self.quit.clicked.connect(self.reject)
        row.addWidget(self.quit)
        self.create_button = QPushButton("Créer la base chiffrée", self)
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._encrypted)
        row.addWidget(self.create_button)
        layout.addLayout(row)
        self.fields.changed.connect(lambda: self.create_button.setEnabled(
            self.fields.passphrase() is not None))
        self.create_button.setEnabled(False)
        self.fields.first.setFocus()

    def _encrypted(self) -> None:
        passphrase = self.fields.passphrase()
        if passphrase is not None:
            self._submit(passphrase)

    def _plain(self) -> None:
        if not self.warning.isVisible():  # the first click explains; the second confirms
            self.warning.setVisible(True)
            self.plain.setText("Oui, créer la base sans chiffrement")
            return
        self._submit(None)

    def _submit(self, passphrase: str | None) -> None:
        self.setEnabled(False)
        self.submitted.emit(passphrase, passphrase is not None and self.remember.isChecked())


class UnlockDialog(FittingDialog):
    """The store is encrypted: its passphrase. `submitted(passphrase, remember)`; the caller
    says `wrong()` (the dialog stays) or closes it once the store is open."""

    submitted = Signal(str, bool)

    def __init__(self, database: PurePath, keystore: KeyStore, parent: QWidget | None = None,
                 note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Base chiffrée — Suivi FSL")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # wrapped text
        layout.addWidget(_label(f"La base\n{database}\nest chiffrée : tapez son mot de passe "
                                "pour l'ouvrir.", self))
        self.field = password_field(self, "Mot de passe de la base")
        self.field.setMinimumWidth(460)
        layout.addWidget(self.field)
        self.remember = remember_box(self, keystore)
        layout.addWidget(self.remember)
        self.error = _label(note, self, "fieldError")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        quit_button = QPushButton("Quitter", self)
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        row.addWidget(quit_button)
        self.open_button = QPushButton("Ouvrir", self)
        self.open_button.setObjectName("primary")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._submit)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if not self.field.text():
            self.error.setText(EMPTY)
            return
        self.error.setText("Vérification du mot de passe…")
        self.setEnabled(False)
        self.submitted.emit(self.field.text(), self.remember.isChecked())

    def wrong(self, text: str = WRONG) -> None:
        """The passphrase did not open the store: say so, and let the user type again."""
        self.setEnabled(True)
        self.error.setText(text)
        self.field.selectAll()
        self.field.setFocus()
