"""Forms: labelled fields, a French message under each wrong field, and the dialog around them.

`Form.read()` parses every field; on a mistake it shows the message next to the field,
keeps what was typed, puts the cursor there and returns None: nothing is saved.
Ctrl+S saves the form the cursor is in (`save_shortcut`), as its « Enregistrer » button.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any, Protocol, TypeVar, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.limits import text_limit
from desktop_app.ui.fields import FieldError, LinesField, ParagraphField, TextField

Values = dict[str, Any]
Validator = Callable[[Values], dict[str, str]]
W = TypeVar("W", bound=QWidget)


class Field(Protocol):
    edited: Any

    def value(self) -> Any: ...
    def set_value(self, value: Any) -> None: ...


def _field(widget: QWidget) -> Field:
    """A widget of `Form.fields` as the field it is: every one added has `value`,
    `set_value` and `edited` (the fields of `ui.fields`), which QWidget does not declare."""
    return cast(Field, widget)


#: The name `save_shortcut` gives its shortcut (one per area: asked again, it is reused).
SAVE_SHORTCUT = "saveShortcut"


def save_shortcut(area: QWidget, save: Callable[[], object]) -> QShortcut:
    """Ctrl+S runs `save` while the keyboard focus is in `area` (a form's card with its
    « Enregistrer » button, or a dialog): the form in front is the one saved, never a form
    of a screen behind. Asked again for the same area, it is given the new `save`."""
    shortcut = area.findChild(QShortcut, SAVE_SHORTCUT,
                              Qt.FindChildOption.FindDirectChildrenOnly)
    if shortcut is None:
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), area)
        shortcut.setObjectName(SAVE_SHORTCUT)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    else:
        shortcut.activated.disconnect()
    shortcut.activated.connect(lambda: save())
    return shortcut


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes from each of `widgets` to the next, in this order (the reading order)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


class Form(QWidget):
    """A column of labelled fields; `edited` when the user changes any of them."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self.required: set[str] = set()
        self.validators: list[Validator] = []
        self.dirty = False
        self._order: list[QWidget] = []

    def add(self, key: str, label: str, field: W, *, required: bool = False,
            hint: str = "") -> W:
        """Add `field` under `key`; a required field refuses to be empty; a free text is
        bounded as the field `key` of the model and the file (`limits.text_limit`)."""
        if isinstance(field, TextField | LinesField | ParagraphField) and field.free_text:
            field.set_limit(text_limit(key))
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(field)
        error = QLabel(cell)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        box.addWidget(error)
        if hint:
            field.setToolTip(hint)
        text = label + (" *" if required else "")
        caption = QLabel(text + " :", self)
        caption.setBuddy(field)
        self.layout_.addRow(caption, cell)
        field.setAccessibleName(label)
        _field(field).edited.connect(self._on_edited)
        if self._order:
            QWidget.setTabOrder(self._order[-1], field)
        self._order.append(field)
        self.fields[key], self.errors[key], self.labels[key] = field, error, label
        if required:
            self.required.add(key)
        return field

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row that is not a field (a note, a computed figure)."""
        self.layout_.addRow(label + " :" if label else "", widget)

    def save_with(self, save: Callable[[], object], area: QWidget | None = None) -> QShortcut:
        """Ctrl+S runs `save` while the focus is in `area` (default: the card around the
        form, which holds its « Enregistrer » button too)."""
        return save_shortcut(area or self.parentWidget() or self, save)

    def tab_stops(self) -> list[QWidget]:
        """The fields in the order they were added (top to bottom): the order of Tab."""
        return list(self._order)

    def _on_edited(self) -> None:
        self.dirty = True
        self.edited.emit()

    # --- values --------------------------------------------------------------------------
    def set_values(self, values: Values) -> None:
        """Fill the fields (not an edit: the form stays clean)."""
        for key, value in values.items():
            if key in self.fields:
                _field(self.fields[key]).set_value(value)
        self.clear_errors()
        self.dirty = False

    def mark_clean(self) -> None:
        self.dirty = False

    def read(self) -> Values | None:
        """Every value, or None after showing what is wrong next to each wrong field."""
        self.clear_errors()
        values: Values = {}
        problems: dict[str, str] = {}
        for key, field in self.fields.items():
            try:
                value = _field(field).value()
            except FieldError as error:
                problems[key] = str(error)
                continue
            if key in self.required and value in (None, ""):
                problems[key] = f"« {self.labels[key]} » est obligatoire."
            values[key] = value
        if not problems:
            # In order, the first that finds something wrong speaks: a later check (a
            # duration, say) assumes the earlier ones (the end after the start) hold.
            for validator in self.validators:
                problems = validator(values)
                if problems:
                    break
        if problems:
            for key, message in problems.items():
                self.set_error(key, message)
            first = next(k for k in self.fields if k in problems)
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            self.fit_window()
            return None
        return values

    def fit_window(self) -> None:
        """Let a dialog grow so that a message under a field is read whole."""
        top = self.window()
        if isinstance(top, QDialog):
            top.adjustSize()

    def set_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.setVisible(True)
        self.fields[key].setProperty("invalid", True)
        self.fields[key].setAccessibleDescription(message)
        self.fields[key].style().polish(self.fields[key])

    def error(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if label.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.fields[key].setProperty("invalid", False)
            self.fields[key].setAccessibleDescription("")
            self.fields[key].style().polish(self.fields[key])


class FormDialog(QDialog):
    """A window-modal dialog around a `Form`; « Enregistrer » reads, validates, submits.

    `on_submit(values)` does the saving (usually in the background) and calls `accept()`
    when it succeeded: on a store error the dialog, and what was typed, stay.
    """

    def __init__(self, parent: QWidget | None, title: str, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        if intro:
            note = QLabel(intro, self)
            note.setWordWrap(True)
            note.setObjectName("intro")
            layout.addWidget(note)
        self.form = Form(self)
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.on_submit: Callable[[Values], None] = lambda _values: self.accept()
        save_shortcut(self, self.submit)
        self.setMinimumWidth(460)

    def first_button(self) -> QWidget:
        """The button Tab reaches first (the box orders its buttons as the platform shows
        them): what comes after the last field."""
        buttons = self.buttons.buttons()
        widget = self.buttons.nextInFocusChain()
        for _ in range(1000):
            if widget is None or widget in buttons:
                break
            widget = widget.nextInFocusChain()
        return widget if widget in buttons and widget is not None else buttons[0]

    def submit(self) -> None:
        values = self.form.read()
        if values is not None:
            self.on_submit(values)
