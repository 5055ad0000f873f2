"""The household list: every row in memory, shown to the view in batches (lazy fetch).

A department holds tens of thousands of households. The rows are loaded once (off the GUI
thread); the model filters and sorts the whole list itself, then hands the view 200 rows at
a time through `canFetchMore`/`fetchMore`. (A `QSortFilterProxyModel` above a lazy model
would only sort and filter the rows fetched so far.) The search matches the name, reference,
town and territory, case and accents ignored — the same as `Store.household_rows(text=…)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.store.records import HouseholdRow
from desktop_app.ui.models import Column, RowTableModel, fold

Index = QModelIndex | QPersistentModelIndex
BATCH = 200

COLUMNS: list[Column[HouseholdRow]] = [
    Column("Nom", lambda r: r.name),
    Column("Référence FSL", lambda r: r.reference or ""),
    Column("Commune", lambda r: r.city or ""),
    Column("Territoire", lambda r: r.territory or ""),
    Column("Mesure en cours", lambda r: MEASURE_TYPES.get(r.measure_in_force, "")
           if r.measure_in_force else "—"),
    Column("Référent(e)", lambda r: r.referent_name or ""),
]


class HouseholdListModel(RowTableModel[HouseholdRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._all: list[HouseholdRow] = []
        self._keys: list[str] = []
        self._matching: list[HouseholdRow] = []
        self._shown = 0
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def matching(self) -> int:
        return len(self._matching)

    def set_rows(self, rows: Sequence[HouseholdRow]) -> None:
        self._all = list(rows)
        if self._sort is not None:
            self._all.sort(key=self._key(self._sort[0]),
                           reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self._keys = [fold(" ".join(filter(None, (r.name, r.reference, r.city, r.territory))))
                      for r in self._all]
        self._apply()

    def set_filter(self, text: str) -> None:
        self._needle = fold(text.strip())
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        if self._needle:
            needle = self._needle
            self._matching = [r for r, k in zip(self._all, self._keys, strict=True) if needle in k]
        else:
            self._matching = list(self._all)
        self._rows = self._matching
        self._shown = min(BATCH, len(self._matching))
        self.endResetModel()

    def _key(self, column: int) -> Callable[[HouseholdRow], tuple[bool, str]]:
        spec = self.columns[column]
        return lambda r: (spec.text(r) == "", fold(spec.text(r)))

    # --- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._matching)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._matching) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        key = self._key(column)
        pairs = sorted(zip(self._all, self._keys, strict=True), key=lambda p: key(p[0]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self._all = [p[0] for p in pairs]
        self._keys = [p[1] for p in pairs]
        self._apply()
