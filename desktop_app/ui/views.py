"""Table views set up the same way everywhere, and the delegate that draws a row's button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop_app.ui.models import ROW_ROLE, RowTableModel, SortFilterProxy

Index = QModelIndex | QPersistentModelIndex


class TableView(QTableView):
    """A table that says so, in grey, when it has no row (rather than a blank box).

    Its `stretched` columns take their text's width, then share the free width; in a window
    too narrow for that, the table scrolls sideways rather than cut a name to « Du… ». A
    hidden table (a screen not shown, a tab behind another) is fitted when it shows, once,
    rather than at each change of its rows or size."""

    def __init__(self, parent: QWidget | None, empty_text: str) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.stretched: list[int] = []
        self._fit_due = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#6b7785"))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                           model.rowsRemoved, model.dataChanged):
                signal.connect(self.fit_columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_due:
            self.fit_columns()

    def fit_columns(self, *_args: object) -> None:
        """Give the `stretched` columns their text's width and share what is left between
        them; none left: the table scrolls sideways. Hidden: when it shows."""
        if not self.isVisible():
            self._fit_due = bool(self.stretched)
            return
        self._fit_due = False
        header = self.horizontalHeader()
        shown = [c for c in self.stretched if not header.isSectionHidden(c)]
        if not shown or self.model() is None:
            return
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in shown and not header.isSectionHidden(c))
        needs = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in shown}
        spare = self.viewport().width() - others - sum(needs.values())
        share, rest = divmod(max(spare, 0), len(shown))
        for position, column in enumerate(shown):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, needs[column] + share
                                 + (rest if position == len(shown) - 1 else 0))


def table_view(model: QAbstractItemModel, parent: QWidget | None, name: str, *,
               sortable: bool = True, stretch: int | None = None,
               empty: str = "Aucune ligne pour l'instant.") -> TableView:
    """A read-only, row-selecting table over `model` (a proxy when `sortable`)."""
    view = TableView(parent, empty)
    view.setAccessibleName(name)
    if sortable and isinstance(model, RowTableModel):
        proxy = SortFilterProxy(model, view)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(40)
    header.setStretchLastSection(False)
    view.setTabKeyNavigation(False)
    header.setResizeContentsPrecision(200)  # the widths measured on 200 rows at most
    if stretch is not None:  # big lists: fixed widths, one column takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.stretched = [stretch]
        return view
    # Small lists: dates and numbers fit their content, text columns share the rest, so
    # that nothing is cut and no horizontal scroll bar appears.
    columns = model.columns if isinstance(model, RowTableModel) else []
    stretched = False
    for index, column in enumerate(columns):
        fits = column.fits
        stretched = stretched or not fits
        header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents if fits
                                    else QHeaderView.ResizeMode.Stretch)
    if columns and not stretched:
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    view.stretched = [i for i in range(len(columns))
                      if header.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch]
    return view


def selected_row(view: QTableView) -> Any:
    """The object of the selected row of a `RowTableModel` view (through its proxy)."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        current = view.currentIndex()
        if not current.isValid():
            return None
        indexes = [current]
    return indexes[0].data(ROW_ROLE)


def view_row(view: QTableView, source: QModelIndex) -> int:
    """The row of `view` that shows `source`, a cell of the model under its sorting proxy."""
    model = view.model()
    if isinstance(model, QAbstractProxyModel):
        return model.mapFromSource(source).row()
    return source.row()


class ButtonDelegate(QStyledItemDelegate):
    """Draws the cell as a push button labelled with its text; a click emits `clicked`."""

    clicked = Signal(QModelIndex)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data()
        if not text:
            super().paint(painter, option, index)
            return
        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(3, 2, -3, -2)
        button.text = str(text)
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton and index.data()):
            # The same cell as a plain QModelIndex, whichever of the two kinds `index` is.
            self.clicked.emit(index.sibling(index.row(), index.column()))
            return True
        return super().editorEvent(event, model, option, index)
