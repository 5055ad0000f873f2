"""The annual grid's preview: one sheet of the `GridDocument` as a table model, year N beside
N−1, with the block titles, sub-headings and totals set apart as on the printed grid.

Rows come from `grid_document` unchanged; only their rendering (« 1 234 », « 1 234,56 € »,
« — ») is done here, by the same `format_value` as the printed documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.reports.grid_model import CHANGE_COLUMNS, GridBlock, GridSheet
from desktop_app.reports.labels import format_gap, format_percent, format_value

Index = QModelIndex | QPersistentModelIndex
#: Kinds of preview rows: a block's title, its column headings, a sub-heading of a
#: breakdown, an entry of a breakdown, a plain row, a total.
BLOCK, HEADER, HEADING, ITEM, ROW, TOTAL = "block", "header", "heading", "item", "row", "total"
BOLD_KINDS = frozenset({BLOCK, HEADER, HEADING, TOTAL})
FILLS = {BLOCK: "#dfe7f1", HEADER: "#eef2f7", HEADING: "#f5f5f0"}
#: Columns of a list: label, N, N−1, gap, evolution (more: the months' tables).
LIST_COLUMNS = 5
#: The role that gives a row's kind (tests, the view's spans).
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class PreviewRow:
    kind: str
    cells: tuple[str, ...]


def sheet_rows(sheet: GridSheet, years: tuple[str, str]) -> list[PreviewRow]:
    """The rows of a sheet as the preview shows them (texts already in French)."""
    rows: list[PreviewRow] = []
    for block in sheet.blocks:
        rows.extend(_block_rows(block, years))
    return rows


def _block_rows(block: GridBlock, years: tuple[str, str]) -> list[PreviewRow]:
    this, last = years
    rows = [PreviewRow(BLOCK, (block.title,))]
    if block.groups:
        rows.append(PreviewRow(HEADER, ("", *[g for group in block.groups
                                              for g in (group, "")])))
        rows.append(PreviewRow(HEADER, (block.row_title, *[y for _ in block.groups
                                                  for y in (this, last)])))
    else:
        rows.append(PreviewRow(HEADER, ("Indicateur", this, last, *CHANGE_COLUMNS)))
    for row in block.rows:
        if row.kind == HEADING:
            rows.append(PreviewRow(HEADING, (row.label,)))
            continue
        label = ("    " + row.label) if row.kind == ITEM else row.label
        change = () if block.groups else (format_gap(row.change), format_percent(row.change))
        rows.append(PreviewRow(row.kind, (label, *[format_value(v) for v in row.values],
                                          *change)))
    return rows


class GridSheetModel(QAbstractTableModel):
    """Read-only model of one sheet of the grid (label, then N, N−1 per column group)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._columns = 3

    def set_sheet(self, sheet: GridSheet | None, years: tuple[str, str] = ("", "")) -> None:
        self.beginResetModel()
        self._rows = sheet_rows(sheet, years) if sheet is not None else []
        self._columns = max((len(r.cells) for r in self._rows), default=3)
        self._columns = max(self._columns, 3)
        self.endResetModel()

    @property
    def rows(self) -> list[PreviewRow]:
        return list(self._rows)

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, column, rows, columns) of the cells drawn across several columns: block
        titles and sub-headings across the table, group names across their two years."""
        spans: list[tuple[int, int, int, int]] = []
        for number, row in enumerate(self._rows):
            if row.kind in (BLOCK, HEADING) and self._columns > 1:
                spans.append((number, 0, 1, self._columns))
            elif row.kind == HEADER and len(row.cells) > LIST_COLUMNS and not row.cells[0]:
                spans.extend((number, column, 1, 2) for column in range(1, len(row.cells), 2))
        return spans

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.FontRole and row.kind in BOLD_KINDS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.kind in FILLS:
            return QColor(FILLS[row.kind])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if row.kind == HEADER and column > 0:
                return int(Qt.AlignmentFlag.AlignCenter)
            if column > 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == KIND_ROLE:
            return row.kind
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if section < len(self._rows) else None
        return None if section >= self._columns else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def sheet_view(model: GridSheetModel, title: str, parent: QWidget | None) -> QTableView:
    """The read-only view of a sheet: spans, and widths that read without cutting."""
    view = QTableView(parent)
    view.setAccessibleName(title)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for row, column, rows, columns in model.spans():
        view.setSpan(row, column, rows, columns)
    if model.columnCount() > LIST_COLUMNS:  # months × (types × 2 years): narrow as they read
        header.setMinimumSectionSize(40)
        view.resizeColumnsToContents()
        _fit_group_titles(view, model)
    else:
        view.resizeColumnToContents(0)  # the labels whole, within reason (tooltips)
        view.setColumnWidth(0, min(max(view.columnWidth(0), 300), 560))
        for column in range(1, model.columnCount()):  # the figures as wide as they read
            view.resizeColumnToContents(column)
            view.setColumnWidth(column, max(view.columnWidth(column), 70))
    return view


def _fit_group_titles(view: QTableView, model: GridSheetModel) -> None:
    """Widen the two year columns under a group title (« Taux de réalisation (%) ») that
    is wider than they are: the contents' widths ignore the cells drawn across columns."""
    font = QFont(view.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    for row, column, _rows, columns in model.spans():
        if columns != 2 or model.rows[row].kind != HEADER:
            continue
        text = model.rows[row].cells[column]
        missing = metrics.horizontalAdvance(text) + 16 - (
            view.columnWidth(column) + view.columnWidth(column + 1))
        if missing > 0:
            view.setColumnWidth(column, view.columnWidth(column) + (missing + 1) // 2)
            view.setColumnWidth(column + 1, view.columnWidth(column + 1) + (missing + 1) // 2)
