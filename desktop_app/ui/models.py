"""Thin Qt table models over lists of plain rows, and the proxy that sorts and filters them.

A screen describes its columns once (`Column`: header, text, sort key…) and hands the model
plain objects (dataclasses of the domain or of the store); the view sorts and filters through
a `QSortFilterProxyModel` on `SORT_ROLE`, never by refilling cells.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    #: Sort key: a str, int or float for every row (default: the text, case ignored).
    sort: Callable[[T], str | int | float] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[T], str] | None = None
    #: Background colour of the cell, e.g. for a severity; None keeps the default.
    color: Callable[[T], str | None] | None = None
    #: Width: True fits the content (dates, numbers), False shares the free space; None
    #: guesses (a column with a sort key or right-aligned fits).
    fit: bool | None = None

    @property
    def fits(self) -> bool:
        if self.fit is not None:
            return self.fit
        return self.sort is not None or self.align == RIGHT


def date_key(day: date | None) -> int:
    """Sort key of an optional date (no date first)."""
    return -1 if day is None else day.toordinal()


class RowTableModel(QAbstractTableModel, Generic[T]):
    """One row per object, one column per `Column`; read-only."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []

    # --- content -------------------------------------------------------------------------
    @property
    def rows(self) -> list[T]:
        return self._rows

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> T | None:
        """The object behind `index` (of this model or of a proxy above it)."""
        if not index.isValid():
            return None
        # What `data` gives for ROW_ROLE: the object this model holds for the row.
        return cast("T | None", index.data(ROW_ROLE))

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.BackgroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:  # a header cut « … »: whole
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)


class SortFilterProxy(QSortFilterProxyModel):
    """Sorts on `SORT_ROLE`, filters on every column's text, case and accents ignored."""

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(True)
        self._needle = ""

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self._needle = fold(text)
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self._needle = fold(text)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in range(model.columnCount(source_parent)):
            text = model.index(source_row, column, source_parent).data()
            if text and self._needle in fold(str(text)):
                return True
        return False


def fold(text: str) -> str:
    """Lower case without accents: « Béthune » and « bethune » match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
