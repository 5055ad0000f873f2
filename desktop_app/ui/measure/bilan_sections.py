"""The five sections the worker writes in a bilan, one text box each, in a scroll area.

Headings as the worker reads them here; the printed headings are `reports.bilan_text`'s.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from desktop_app.domain.bilan_text import SECTIONS, BilanText

HEADINGS = {"situation": "Situation du ménage", "objectives": "Objectifs",
            "actions": "Actions menées", "results": "Résultats obtenus",
            "renewal_request": "Demande de renouvellement"}
RENEWAL_HINT = ("Laisser vide si aucun renouvellement n'est demandé ; sinon, dire pourquoi les "
                "objectifs ne sont pas atteints et ce qu'apporterait le renouvellement.")


class BilanSections(QScrollArea):
    """`edited` when any text changes; `text()` / `set_text()` as a `BilanText`."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.editors: dict[str, QPlainTextEdit] = {}
        for name, heading in HEADINGS.items():
            caption = QLabel(f"<b>{heading}</b>", body)
            editor = QPlainTextEdit(body)
            editor.setAccessibleName(heading)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(90)
            if name == "renewal_request":
                editor.setPlaceholderText(RENEWAL_HINT)
            caption.setBuddy(editor)
            editor.textChanged.connect(self.edited.emit)
            column.addWidget(caption)
            column.addWidget(editor)
            self.editors[name] = editor
        self.setWidget(body)

    def text(self) -> BilanText:
        return BilanText(**{name: self.editors[name].toPlainText() for name in SECTIONS})

    def set_text(self, text: BilanText) -> None:
        for name, editor in self.editors.items():
            editor.setPlainText(getattr(text, name))
