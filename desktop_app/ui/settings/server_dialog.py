"""« Connexion au serveur de l'association »: the server's settings, its password,
« Tester la connexion » (run in the background runner, its result said in French), then
`submitted(settings, password, remember)`.

Shown from Paramètres, from the first-launch dialog (« Utiliser le serveur de
l'association »), and at start-up when the server refuses the login (the password is asked
again, the dialog stays open after a wrong one: `wrong()`). Non-blocking (`open()`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.opening import ServerSettings, check_server
from desktop_app.ui.background import BackgroundRunner, describe_error
from desktop_app.ui.opening.keyring_store import KeyStore
from desktop_app.ui.opening.passphrase_fields import FittingDialog, password_field

TITLE = "Connexion au serveur de l'association"
SSL_LABELS = {
    "verify-full": "Chiffrée, serveur vérifié (recommandé)",
    "verify-ca": "Chiffrée, certificat vérifié sans le nom du serveur",
    "require": "Chiffrée, sans vérifier le serveur",
    "prefer": "Chiffrée si le serveur le propose",
    "disable": "Non chiffrée (serveur sur ce poste seulement)",
}
REMEMBER = "Retenir le mot de passe dans le trousseau du système"
REMEMBER_TIP = ("Le mot de passe du serveur est gardé dans le trousseau du système de votre "
                "session : il ne sera plus demandé au démarrage.")
NO_KEYRING = ("Aucun trousseau de mots de passe n'est disponible sur cet ordinateur "
              "(gestionnaire d'identification Windows, trousseau macOS ou Secret Service sous "
              "Linux) : le mot de passe du serveur n'est pas retenu, il sera demandé à chaque "
              "démarrage (sauf s'il est dans PGPASSWORD ou ~/.pgpass).")
PASSWORD_HINT = ("Laissez vide si le mot de passe est dans PGPASSWORD ou ~/.pgpass (voir "
                 "docs/serveur.md).")
INCOMPLETE = "Indiquez le serveur, la base et le compte, puis réessayez."
TESTING = "Test de la connexion en cours…"


def choose_ca_file(parent: QWidget, current: str) -> str:
    """The file dialog of the CA file (tests replace this function)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, "Autorité de certification du serveur", current,
        "Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)")
    return name


class ConnectionDialog(FittingDialog):
    """The server's settings and password; `submitted(ServerSettings, password, remember)`."""

    submitted = Signal(object, str, bool)

    def __init__(self, runner: BackgroundRunner, keystore: KeyStore, settings: ServerSettings,
                 *, note: str = "", action: str = "Enregistrer",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(f"{TITLE} — Suivi FSL")
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        title = QLabel(TITLE, self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel("Les réglages que la personne qui administre le serveur vous a donnés. "
                       "Le mot de passe n'est jamais écrit dans les réglages ni dans "
                       "l'adresse.", self)
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = self._line(settings.host, "Serveur (nom ou adresse IP)")
        form.addRow("Serveur", self.host)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.port.setAccessibleName("Port")
        form.addRow("Port", self.port)
        self.database = self._line(settings.database, "Base")
        form.addRow("Base", self.database)
        self.login = self._line(settings.login, "Compte")
        form.addRow("Compte", self.login)
        self.password = password_field(self, "Mot de passe du serveur")
        self.password.setPlaceholderText("(PGPASSWORD ou ~/.pgpass)")
        self.password.setToolTip(PASSWORD_HINT)
        form.addRow("Mot de passe", self.password)
        self.sslmode = QComboBox(self)
        self.sslmode.setAccessibleName("Connexion chiffrée (sslmode)")
        for mode, label in SSL_LABELS.items():
            self.sslmode.addItem(f"{label} — {mode}", mode)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(settings.sslmode)))
        form.addRow("Chiffrement", self.sslmode)
        row = QHBoxLayout()
        self.ca_file = self._line(settings.ca_file, "Autorité de certification (fichier PEM)")
        row.addWidget(self.ca_file, 1)
        choose = QPushButton("Choisir…", self)
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_ca)
        row.addWidget(choose)
        form.addRow("Autorité de certification", row)
        layout.addLayout(form)
        self.remember = QCheckBox(REMEMBER, self)
        if keystore.available():
            self.remember.setToolTip(REMEMBER_TIP)
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(NO_KEYRING)
        layout.addWidget(self.remember)
        self.result_label = QLabel(note, self)
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("fieldError" if note else "muted")
        self.result_label.setMinimumWidth(520)
        layout.addWidget(self.result_label)
        buttons = QHBoxLayout()
        self.test_button = QPushButton("Tester la connexion", self)
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        cancel = QPushButton("Annuler", self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        self.ok_button = QPushButton(action, self)
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._submit)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        (self.password if settings.complete else self.host).setFocus()

    def _line(self, text: str, name: str) -> QLineEdit:
        field = QLineEdit(text, self)
        field.setAccessibleName(name)
        return field

    def settings(self) -> ServerSettings:
        return ServerSettings(self.host.text().strip(), self.port.value(),
                              self.database.text().strip(), self.login.text().strip(),
                              str(self.sslmode.currentData()), self.ca_file.text().strip())

    def _say(self, text: str, error: bool) -> None:
        self.result_label.setObjectName("fieldError" if error else "muted")
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(text)

    def _choose_ca(self) -> None:
        chosen = choose_ca_file(self, self.ca_file.text())
        if chosen:
            self.ca_file.setText(chosen)

    def test(self) -> None:
        """« Tester la connexion »: one connection in the background, its result said."""
        settings, password = self.settings(), self.password.text()
        if not settings.complete:
            self._say(INCOMPLETE, True)
            return
        self._say(TESTING, False)
        self.test_button.setEnabled(False)

        def done(text: str) -> None:
            self.test_button.setEnabled(True)
            self._say(text, False)

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._say(describe_error(error)[1].split("\n\n")[0], True)

        self.runner.run(lambda: check_server(settings, password), done,
                        text=TESTING, on_error=failed)

    def _submit(self) -> None:
        settings = self.settings()
        if not settings.complete:
            self._say(INCOMPLETE, True)
            return
        remember = self.remember.isEnabled() and self.remember.isChecked()
        self._say("Connexion au serveur…", False)
        self.setEnabled(False)  # (which disables the box too: read before)
        self.submitted.emit(settings, self.password.text(), remember)

    def wrong(self, text: str) -> None:
        """The server refused (or could not be reached): said, the dialog stays open."""
        self.setEnabled(True)
        self._say(text, True)
        self.password.selectAll()
        self.password.setFocus()
