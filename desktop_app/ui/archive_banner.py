"""« Dossier archivé le … — lecture seule »: the banner of a household or measure in the
read-only archive (issue 6), which also disables the screen's editing widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_app.domain.fr import format_date

EDITORS = (QAbstractButton, QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class ArchiveBanner(QLabel):
    """Hidden unless the record shown is archived; `editors()` gives the widgets to disable
    (buttons and fields; the lists stay readable). Only the widgets it disabled are enabled
    again when a record of the active base is shown: the screen's own rules (« Renouveler »
    off for a closed measure) are left alone. A screen that enables widgets when its record
    is loaded calls `reapply()` after."""

    def __init__(self, parent: QWidget, editors: Callable[[], list[QWidget]]) -> None:
        super().__init__(parent)
        self.setObjectName("archiveBanner")
        self.setStyleSheet("QLabel#archiveBanner { background: #fdf0d5; color: #6b4500; "
                           "border: 1px solid #e0b050; border-radius: 4px; padding: 6px 10px; "
                           "font-weight: bold; }")
        self.setWordWrap(True)
        self.setVisible(False)
        self.editors = editors
        self.archived_on: date | None = None
        self.disabled: list[QWidget] = []

    def show_archived(self, day: date | None) -> None:
        self.archived_on = day
        self.setVisible(day is not None)
        if day is not None:
            self.setText(f"Dossier archivé le {format_date(day)} — lecture seule. Il a quitté "
                         "la base active après la fin de sa dernière mesure et reste conservé "
                         "jusqu'à la date fixée par la convention (écran « Conservation »).")
        else:
            for widget in self.disabled:
                if shiboken6.isValid(widget):  # a form rebuilt since is gone
                    widget.setEnabled(True)
            self.disabled = []
        self.reapply()

    def reapply(self) -> None:
        """Disable the editors again if the record is archived (after the screen's own
        `setEnabled`)."""
        if self.archived_on is None:
            return
        self.disabled = [w for w in self.disabled if shiboken6.isValid(w)]
        for widget in self.editors():
            if widget.isEnabled():
                widget.setEnabled(False)
                self.disabled.append(widget)


def editing_widgets(*roots: QWidget) -> list[QWidget]:
    """The buttons and fields in `roots` (themselves included), to disable."""
    found: list[QWidget] = []
    for root in roots:
        if isinstance(root, EDITORS):
            found.append(root)
        for kind in EDITORS:
            found += root.findChildren(kind)
    return found


def action_buttons(screen: QWidget) -> list[QWidget]:
    """The screen's own buttons (its header), but the way back (« ← … »)."""
    return [b for b in screen.findChildren(QAbstractButton, "",
                                           Qt.FindChildOption.FindDirectChildrenOnly)
            if not b.text().startswith("←")]
