"""The small widgets every screen builds with: a page header, a card, a button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def page_header(title: str, parent: QWidget | None = None) -> tuple[QHBoxLayout, QLabel]:
    """A row with the screen's title on the left; add widgets on its right."""
    row = QHBoxLayout()
    label = QLabel(title, parent)
    label.setObjectName("pageTitle")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # A long title (a household's name and reference) on two lines in a narrow window
    # rather than cut; on one line when there is room (it takes the row's free width).
    label.setWordWrap(True)
    row.addWidget(label, 100)
    row.addStretch(1)
    return row, label


def section(title: str, parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A framed box with a bold title (a « carte » of the screen)."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 12)
    label = QLabel(title, frame)
    label.setObjectName("cardTitle")
    layout.addWidget(label)
    return frame, layout, label


def button(text: str, parent: QWidget | None, slot: Callable[[], object], *,
           tip: str = "", primary: bool = False) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setAccessibleName(text.replace("&", ""))
    if tip:
        widget.setToolTip(tip)
    if primary:
        widget.setObjectName("primary")
    widget.clicked.connect(lambda _checked=False: slot())
    return widget
