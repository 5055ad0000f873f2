"""Confirmations of the « Conservation » screen (archive, anonymise, delete for good) and the
dialog of the keeping figures. Deleting asks the user to type « SUPPRIMER »."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.retention import RetentionSettings
from desktop_app.store.records import RetentionRow
from desktop_app.ui.fields import DateField, NumberField
from desktop_app.ui.forms import FormDialog

#: The word to type before a deletion.
DELETE_WORD = "SUPPRIMER"
#: Names listed in a confirmation (the others are counted).
LISTED = 8


def names(rows: list[RetentionRow]) -> str:
    shown = [f"• {r.name}" + (f" ({r.reference})" if r.reference else "") for r in rows[:LISTED]]
    if len(rows) > LISTED:
        shown.append(f"… et {len(rows) - LISTED} autre(s)")
    return "\n".join(shown)


def _ask(parent: QWidget, title: str, text: str, details: str, action: str,
         icon: QMessageBox.Icon) -> bool:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(details)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton("Annuler", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def confirm_archive(parent: QWidget, rows: list[RetentionRow]) -> bool:
    return _ask(parent, "Archiver des dossiers",
                f"Archiver {len(rows)} dossier(s) revu(s) ?\n\n{names(rows)}",
                "Ils passent en lecture seule : ils restent consultables jusqu'à la date de "
                "conservation, mais ne peuvent plus être modifiés.",
                f"Archiver {len(rows)} dossier(s)", QMessageBox.Icon.Question)


def confirm_anonymise(parent: QWidget, rows: list[RetentionRow]) -> bool:
    return _ask(parent, "Anonymiser des dossiers",
                f"Anonymiser définitivement {len(rows)} dossier(s) ?\n\n{names(rows)}",
                "Noms, adresses, téléphones, dates de naissance exactes, motifs écrits, "
                "bilans et valeurs de l'historique seront effacés, sans retour possible. Les "
                "grilles annuelles des années passées restent identiques.",
                "Anonymiser", QMessageBox.Icon.Warning)


class DeleteDialog(QDialog):
    """« Supprimer définitivement » enabled only once « SUPPRIMER » is typed."""

    def __init__(self, parent: QWidget, rows: list[RetentionRow]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Supprimer définitivement")
        layout = QVBoxLayout(self)
        text = QLabel(f"Supprimer définitivement {len(rows)} dossier(s) et toutes leurs "
                      f"mesures ?\n\n{names(rows)}\n\nLes grilles annuelles passées ne "
                      "pourront plus être recalculées à l'identique (préférez « Anonymiser »)."
                      f"\n\nTapez {DELETE_WORD} pour confirmer :", self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.word = QLineEdit(self)
        self.word.setAccessibleName("Mot de confirmation")
        layout.addWidget(self.word)
        buttons = QDialogButtonBox(self)
        self.delete_button: QPushButton = buttons.addButton(
            "Supprimer définitivement", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.delete_button.setEnabled(False)
        self.word.textChanged.connect(
            lambda t: self.delete_button.setEnabled(t.strip() == DELETE_WORD))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def confirm_delete(parent: QWidget, rows: list[RetentionRow]) -> bool:
    return DeleteDialog(parent, rows).exec() == QDialog.DialogCode.Accepted


def settings_dialog(parent: QWidget, settings: RetentionSettings,
                    save: Callable[[RetentionSettings, FormDialog], None]) -> FormDialog:
    dialog = FormDialog(parent, "Durées de conservation",
                        "Chiffres fixés par la CNIL (délibération 2023-095 : 2 ans dans la base "
                        "active après la fin de la dernière mesure) et par l'annexe de la "
                        "convention (conservation jusqu'au 31/12/2034).")
    form = dialog.form
    form.add("years", "Base active (années après la dernière mesure)",
             NumberField(integer=True, minimum=Decimal(1), maximum=Decimal(10)),
             required=True).set_value(Decimal(settings.active_years))
    form.add("until", "Conservés jusqu'au", DateField(), required=True).set_value(
        settings.keep_until)
    dialog.on_submit = lambda v: save(RetentionSettings(int(v["years"]), v["until"]), dialog)
    return dialog
