"""The dialogs of Équipe › Comptes: a new personal account, a new password.

Each dialog reads its fields, then hands them to `on_send(values, password)`, which asks the
server in the background (`app.accounts`, the commands of the command line too). A
refusal comes back in French under the fields (`refused`): the dialog stays open with what
was typed, and the new password is checked again only when sent. The password's strength is
shown as it is typed (`NewPassphraseFields`, the CNIL rule of the first-launch dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QSizePolicy, QWidget

from desktop_app.domain.model import Worker
from desktop_app.store.errors import StoreError
from desktop_app.store.records import LECTURE, RESPONSABLE, TRAVAILLEUR
from desktop_app.ui.background import describe_error, show_error
from desktop_app.ui.fields import ChoiceField, TextField
from desktop_app.ui.forms import FormDialog, Values, chain_tab_order
from desktop_app.ui.opening.passphrase_fields import NewPassphraseFields

#: The roles a new account may have, as the window says them.
ROLES = [
    ("Travailleur social — les ménages qu'il suit", TRAVAILLEUR),
    ("Responsable — tout, et les comptes", RESPONSABLE),
    ("Lecture — tout, sans rien modifier", LECTURE),
]
#: How the list says each role.
ROLE_NAMES = {TRAVAILLEUR: "Travailleur social", RESPONSABLE: "Responsable", LECTURE: "Lecture"}
NO_WORKER = "— aucun —"
RETYPE = "Retapez le mot de passe dans « Confirmation »."
MISMATCH = "Les deux saisies du mot de passe ne sont pas identiques : retapez-les."

Send = Callable[[Values, str], None]


class AccountDialog(FormDialog):
    """A form (possibly empty), the new password typed twice, and the reason of a refusal."""

    def __init__(self, parent: QWidget | None, title: str, intro: str) -> None:
        super().__init__(parent, title, intro)
        self.buttons.button(self.buttons.StandardButton.Save).setText(title)
        self.passwords = NewPassphraseFields(self)
        self.passwords.setMinimumWidth(480)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)  # FormDialog's column
        index = layout.indexOf(self.buttons)
        layout.insertWidget(index, self.passwords)
        layout.insertWidget(index + 1, self.problem)
        self.on_send: Send = lambda _values, _password: None
        self.setMinimumWidth(520)

    def align_labels(self) -> None:
        """One column of labels for the form and the password's own rows, right-aligned;
        the choices as wide as the texts."""
        forms = [self.form.layout_, *self.passwords.findChildren(QFormLayout)]
        labels = [label for form in forms for row in range(form.rowCount())
                  if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
                  and isinstance(label := item.widget(), QLabel)]
        width = max((label.sizeHint().width() for label in labels), default=0)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for form in forms:
            form.setContentsMargins(0, 0, 0, 0)
            form.setLabelAlignment(right)
        for label in labels:
            label.setMinimumWidth(width)
            label.setAlignment(right)
        for field in self.form.fields.values():
            if isinstance(field, ChoiceField):
                field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The fields, added after the passwords were made, come before them on the page.
        chain_tab_order([*self.form.tab_stops(), self.passwords.first, self.passwords.second,
                         self.passwords.show_text, self.first_button()])

    def submit(self) -> None:
        self.show_problem("")
        values = self.form.read()
        if values is None:
            return
        first, second = self.passwords.first.text(), self.passwords.second.text()
        if second != first or not second:
            self.show_problem(MISMATCH if second else RETYPE)
            self.passwords.second.setFocus()
            return
        self.on_send(values, first)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.problem.setAccessibleDescription(text)
        if text:
            self.form.fit_window()

    def refused(self, error: BaseException) -> None:
        """The server or the rules said no: the reason under the fields, what was typed
        kept; a fault of the program in its own dialog."""
        if isinstance(error, StoreError):
            self.show_problem(describe_error(error)[1])
        else:
            show_error(self, error)


def add_account_dialog(parent: QWidget | None, workers: list[Worker]) -> AccountDialog:
    """« Ajouter un compte… »: identifier, role, linked worker, password."""
    dialog = AccountDialog(
        parent, "Ajouter un compte",
        "Un compte personnel sur le serveur de l'association : la personne se connecte avec "
        "cet identifiant et ce mot de passe, que vous lui transmettez. Un compte « travailleur "
        "social » ne voit que les ménages de son intervenant (et ceux qu'on lui partage).")
    form = dialog.form
    form.add("login", "Identifiant", TextField(placeholder="marie.dupont"), required=True,
             hint="Lettres minuscules, chiffres, « . », « _ » ou « - », en commençant par une "
                  "lettre.")
    form.add("role", "Rôle", ChoiceField(ROLES))
    form.add("worker", "Intervenant lié",
             ChoiceField([(w.name, w.id) for w in workers], empty=NO_WORKER),
             hint="Le travailleur social que ce compte est : obligatoire pour un compte "
                  "« travailleur social » ; son nom signe l'historique.")
    dialog.align_labels()
    return dialog


def password_dialog(parent: QWidget | None, login: str) -> AccountDialog:
    """« Changer le mot de passe… » of `login`."""
    dialog = AccountDialog(
        parent, "Changer le mot de passe",
        f"Nouveau mot de passe du compte « {login} ». L'ancien ne fonctionne plus dès "
        "l'enregistrement ; une session déjà ouverte continue jusqu'à sa fermeture.")
    dialog.form.hide()  # no field but the password's
    dialog.align_labels()
    return dialog
