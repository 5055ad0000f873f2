"""Choosing a new passphrase: typed twice, its strength shown as it is typed (CNIL)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.passphrase import assess

MISMATCH = "Les deux saisies ne sont pas identiques."
#: What the unlock dialog and the lock page say of a wrong or missing passphrase.
WRONG = "Mot de passe incorrect. Vérifiez la touche Verr. Maj et réessayez."
EMPTY = "Tapez le mot de passe de la base."


class FittingDialog(QDialog):
    """A dialog whose wrapped lines get their height when it shows (Qt sizes a window from
    its layout's size hint, which leaves them out: the fields would be squeezed)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setClearButtonEnabled(False)
    return field


class NewPassphraseFields(QWidget):
    """« Mot de passe » and « Confirmation », a strength bar, the criterion met or missing.

    `changed()` is emitted at each keystroke; `passphrase()` is the text once strong and
    confirmed, else None (`problem()` says why)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.first = password_field(self, "Mot de passe")
        self.second = password_field(self, "Confirmation du mot de passe")
        form.addRow("&Mot de passe :", self.first)
        form.addRow("&Confirmation :", self.second)
        layout.addLayout(form)
        self.show_text = QCheckBox("Afficher les caractères", self)
        self.show_text.toggled.connect(self._echo)
        layout.addWidget(self.show_text)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName("Robustesse du mot de passe")
        layout.addWidget(self.bar)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("muted")
        layout.addWidget(self.verdict)
        self.match = QLabel(self)
        self.match.setObjectName("fieldError")
        layout.addWidget(self.match)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _echo(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _update(self) -> None:
        strength = assess(self.first.text())
        self.bar.setValue(strength.score)
        colour = "#2e7d32" if strength.strong else "#e08600" if strength.score >= 50 else "#b00020"
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.verdict.setText(strength.verdict)
        confirm = self.second.text()
        self.match.setText(MISMATCH if confirm and confirm != self.first.text() else "")
        self.changed.emit()

    def problem(self) -> str:
        """Why the passphrase cannot be taken yet (empty when it can)."""
        text = self.first.text()
        if not assess(text).strong:
            return assess(text).verdict
        if self.second.text() != text:
            return MISMATCH if self.second.text() else "Retapez le mot de passe pour le confirmer."
        return ""

    def passphrase(self) -> str | None:
        return None if self.problem() else self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
