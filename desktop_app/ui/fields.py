"""Input widgets that read French text into values, or say in French what is wrong.

Every field has `value()` (raises `FieldError` with the message to show next to it),
`set_value()` and a `edited` signal; what was typed is never cleared on an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.fr import format_date
from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, text_problem


class FieldError(ValueError):
    """What is wrong with a field, in French, ready to be shown next to it."""


_DATE = re.compile(r"\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})\s*")
_DIGITS8 = re.compile(r"\s*(\d{2})(\d{2})(\d{4})\s*")


def parse_date(text: str) -> date | None:
    """« 15/10/2025 » (also 15.10.2025, 15-10-25, 15102025); None for an empty text."""
    if not text.strip():
        return None
    match = _DATE.fullmatch(text) or _DIGITS8.fullmatch(text)
    if match is None:
        raise FieldError("Date non reconnue : écrivez-la JJ/MM/AAAA, par exemple 15/10/2025.")
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise FieldError(f"Cette date n'existe pas : le {day:02d}/{month:02d}/{year} n'est pas "
                         "dans le calendrier.") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FieldError(f"Année {year} hors des limites : les dates vont de {FIRST_YEAR} à "
                         f"{LAST_YEAR}. Vérifiez l'année tapée.")
    return parsed


def parse_decimal(text: str) -> Decimal | None:
    """« 1 234,56 » or « 1234.56 »; None for an empty text."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise FieldError("Nombre non reconnu : écrivez par exemple 1 234,56.") from None
    if not value.is_finite():
        raise FieldError("Nombre non reconnu : écrivez par exemple 1 234,56.")
    if abs(value) > MAX_AMOUNT:
        raise FieldError("Nombre trop grand : au plus 999 999 999,99. Vérifiez le nombre "
                         "de chiffres tapés.")
    return value


def format_number(value: Decimal | float | int | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{Decimal(str(value)):.{digits}f}".replace(".", ",")


class TextField(QLineEdit):
    """A text; `set_limit` bounds it (`Form.add` gives each free text the bound of its field
    in `domain.limits`): no more can be typed or pasted, and a longer text already stored
    is shown whole but refused until shortened (never cut silently)."""

    edited = Signal()
    #: A free text, bounded by `Form.add`; dates and numbers have their own format.
    free_text = True

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self.edited)
        self.limit: int | None = None

    def set_limit(self, limit: int) -> None:
        self.limit = limit
        self.setMaxLength(max(limit, len(self.text())))

    def value(self) -> str | None:
        text = self.text().strip()
        if self.limit is not None:
            problem = text_problem(text, self.limit)
            if problem is not None:
                raise FieldError(f"{problem[0].upper()}{problem[1:]}.")
        return text or None

    def set_value(self, value: str | None) -> None:
        text = value or ""
        if self.limit is not None:
            self.setMaxLength(max(self.limit, len(text)))
        self.setText(text)
        self.setCursorPosition(0)  # show the beginning of a long text


def _calendar_icon() -> QIcon:
    """A small calendar page (drawn: the standard icons have none)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = QColor("#44546a")
    painter.setPen(ink)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 4), ink)
    for row in (8, 11):
        for column in (4, 7, 10):
            painter.fillRect(QRect(column, row, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)


class DatePopup(QCalendarWidget):
    """The calendar under a `DateField`: arrows move by day and week, Page Up / Page Down
    by month, Entrée writes the date in the field, Échap closes without changing it."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.field = field
        self.setAccessibleName(f"Calendrier : {field.accessibleName() or 'date'}")
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.setMaximumDate(QDate(LAST_YEAR, 12, 31))
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)

    def _chosen(self, day: QDate) -> None:
        self.field.choose(date(day.year(), day.month(), day.day()))
        self.close()


class DateField(TextField):
    """A date typed JJ/MM/AAAA, the way the users write it, or chosen in a calendar: its
    button, F4 or Alt+Flèche bas open it (on the date typed, else on today)."""

    free_text = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "JJ/MM/AAAA")
        self.setMaxLength(10)
        self.setMinimumWidth(130)
        self.calendar_action = QAction(_calendar_icon(), "Choisir dans le calendrier (F4)", self)
        self.calendar_action.setToolTip("Choisir dans le calendrier (F4)")
        self.calendar_action.triggered.connect(lambda _checked=False: self.open_calendar())
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: DatePopup | None = None

    def value(self) -> date | None:  # type: ignore[override]  # a date, not TextField's text
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:  # type: ignore[override]  # a date
        self.setText(format_date(value))
        self.setCursorPosition(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> DatePopup:
        """The calendar under the field, on the date typed (today when none or not a date),
        with the keyboard in it."""
        if self.popup is None:
            self.popup = DatePopup(self)
        try:
            typed = self.value()
        except FieldError:
            typed = None
        shown = QDate(typed.year, typed.month, typed.day) if typed else QDate.currentDate()
        self.popup.setSelectedDate(shown)
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        # Within the window: a field on the right opens it leftwards.
        right = self.window().geometry().right()
        below.setX(max(self.window().geometry().left(),
                       min(below.x(), right - self.popup.width())))
        self.popup.move(below)
        self.popup.show()
        self.popup.setFocus(Qt.FocusReason.PopupFocusReason)
        return self.popup

    def choose(self, day: date) -> None:
        """`day` chosen in the calendar: written in the field, as if typed."""
        self.set_value(day)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edited.emit()


class NumberField(TextField):
    """A decimal number (amount, ETP…) within bounds; `integer` refuses decimals."""

    free_text = False

    def __init__(self, parent: QWidget | None = None, *, minimum: Decimal | None = None,
                 maximum: Decimal | None = None, integer: bool = False, digits: int = 2,
                 placeholder: str = "") -> None:
        super().__init__(parent, placeholder)
        self.minimum, self.maximum, self.integer, self.digits = minimum, maximum, integer, digits
        self.setMinimumWidth(90)

    def value(self) -> Decimal | None:  # type: ignore[override]  # a number, not text
        value = parse_decimal(self.text())
        if value is None:
            return None
        if self.integer and value != value.to_integral_value():
            raise FieldError("Un nombre entier est attendu (sans virgule).")
        digits = 0 if self.integer else self.digits
        if self.minimum is not None and value < self.minimum:
            raise FieldError(f"La valeur doit être au moins {format_number(self.minimum, digits)}.")
        if self.maximum is not None and value > self.maximum:
            raise FieldError(f"La valeur doit être au plus {format_number(self.maximum, digits)}.")
        return value

    def set_value(self, value: Decimal | float | int | None) -> None:  # type: ignore[override]  # a number
        self.setText(format_number(value, 0 if self.integer else self.digits))


class ChoiceField(QComboBox):
    """A choice among (label, value) pairs; `empty` adds a first « — » meaning None.

    The values are kept on the Python side (Qt would turn an enum into a plain string).
    """

    edited = Signal()

    def __init__(self, choices: Iterable[tuple[str, Any]], parent: QWidget | None = None, *,
                 empty: str | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        self.set_choices(choices, empty)
        self.activated.connect(lambda _i: self.edited.emit())

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        index = next((i for i, v in enumerate(self._values) if v == value), 0)
        self.setCurrentIndex(index if self._values else -1)

    def set_choices(self, choices: Iterable[tuple[str, Any]], empty: str | None = None) -> None:
        current = self.value() if self._values else None
        self.blockSignals(True)
        self.clear()
        self._values = []
        if empty is not None:
            self._values.append(None)
            self.addItem(empty)
        for text, data in choices:
            self._values.append(data)
            self.addItem(text)
        self.set_value(current)
        self.blockSignals(False)


class CheckField(QCheckBox):
    edited = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda _b: self.edited.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool) -> None:
        self.setChecked(bool(value))


class LinesField(QPlainTextEdit):
    """Several short texts, one per line (the invoices of a claim); empty lines dropped.
    `set_limit` bounds each line (`Form.add`, as `TextField`): a longer line or a NUL
    character is refused, never cut."""

    edited = Signal()
    free_text = True

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.textChanged.connect(self.edited.emit)
        self.limit: int | None = None

    def set_limit(self, limit: int) -> None:
        self.limit = limit

    def value(self) -> list[str]:
        lines = [line.strip() for line in self.toPlainText().splitlines() if line.strip()]
        for number, line in enumerate(lines, 1):
            problem = None if self.limit is None else text_problem(line, self.limit)
            if problem is not None:
                raise FieldError(f"Ligne {number} : {problem}.")
        return lines

    def set_value(self, value: list[str] | None) -> None:
        self.setPlainText("\n".join(value or []))


class ParagraphField(QPlainTextEdit):
    """A free text on several lines (a part of a DSF); `set_limit` bounds it (`Form.add`, as
    `TextField`): a longer text or a NUL character is refused, never cut."""

    edited = Signal()
    free_text = True

    def __init__(self, parent: QWidget | None = None, placeholder: str = "",
                 lines: int = 4) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)  # then it scrolls
        self.textChanged.connect(self.edited.emit)
        self.limit: int | None = None

    def set_limit(self, limit: int) -> None:
        self.limit = limit

    def value(self) -> str:
        text = self.toPlainText().strip()
        problem = None if self.limit is None else text_problem(text, self.limit)
        if problem is not None:
            raise FieldError(f"{problem[0].upper()}{problem[1:]}.")
        return text

    def set_value(self, value: str | None) -> None:
        self.blockSignals(True)
        self.setPlainText(value or "")
        self.blockSignals(False)
