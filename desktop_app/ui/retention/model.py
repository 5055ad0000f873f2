"""The lists of the « Conservation » screen: households due for the archive and archived ones,
each with a box to tick after review (`CheckedRows`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.domain.fr import format_date
from desktop_app.store.records import RetentionRow
from desktop_app.ui.models import CENTER, Column, Index, RowTableModel, date_key

CHECK = Qt.ItemDataRole.CheckStateRole


class CheckedRows(RowTableModel[RetentionRow]):
    """Rows with a check box in the first column; `checked` holds the ticked households."""

    checked_changed = Signal()

    def __init__(self, columns: Sequence[Column[RetentionRow]],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.checked: set[str] = set()

    def set_rows(self, rows: Sequence[RetentionRow]) -> None:
        self.checked &= {r.household_id for r in rows}
        super().set_rows(rows)
        self.checked_changed.emit()

    def checked_rows(self) -> list[RetentionRow]:
        return [r for r in self.rows if r.household_id in self.checked]

    def check_all(self, on: bool = True) -> None:
        self.checked = {r.household_id for r in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0), [CHECK])
        self.checked_changed.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CHECK and index.isValid() and index.column() == 0:
            row = self.rows[index.row()]
            return (Qt.CheckState.Checked if row.household_id in self.checked
                    else Qt.CheckState.Unchecked)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != CHECK or not index.isValid() or index.column() != 0:
            return False
        household = self.rows[index.row()].household_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(household)
        else:
            self.checked.discard(household)
        self.dataChanged.emit(index, index, [CHECK])
        self.checked_changed.emit()
        return True


def _day(row: RetentionRow, field: str) -> str:
    value = getattr(row, field)
    return format_date(value) if value is not None else "—"


def _tick(model: CheckedRows) -> Column[RetentionRow]:
    return Column("Revu", lambda r: "", lambda r: int(r.household_id in model.checked),
                  align=CENTER, fit=True)


def _dated(header: str, field: str) -> Column[RetentionRow]:
    return Column(header, lambda r: _day(r, field), lambda r: date_key(getattr(r, field)),
                  align=CENTER)


def candidate_model(parent: QObject | None = None) -> CheckedRows:
    """Households whose last measure ended more than N years ago."""
    model = CheckedRows([], parent)
    model.columns = [_tick(model), Column("Référence", lambda r: r.reference or "—", fit=True),
                     Column("Ménage", lambda r: r.name),
                     _dated("Fin de la dernière mesure", "last_end")]
    return model


def archive_model(parent: QObject | None = None) -> CheckedRows:
    """Households in the read-only archive, anonymised or not."""
    model = CheckedRows([], parent)
    model.columns = [_tick(model), Column("Référence", lambda r: r.reference or "—", fit=True),
                     Column("Ménage", lambda r: r.name),
                     _dated("Fin de la dernière mesure", "last_end"),
                     _dated("Archivé le", "archived_on"), _dated("Anonymisé le", "anonymised_on")]
    return model
