"""The alerts of the day as a tree: one branch per severity, one leaf per alert.

Leaves carry an `AlertRow` (ROW_ROLE); the last column names the action of the alert (a
real button of `AlertPanel`, which screen readers announce as one; `ButtonDelegate` draws it
where there is none).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.app.dashboard import AlertRow
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.labels import SEVERITIES, SEVERITY_ORDER
from desktop_app.ui.dashboard.alert_actions import button_label
from desktop_app.ui.models import ROW_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Échéance", "Alerte", "Concerne", "Action")
ACTION_COLUMN = 3
SEVERITY_COLORS = {"manquement": "#f8d7da", "a_faire": "#fff0c2", "a_venir": "#dcebf7",
                   "information": "#e9ecef"}
_GROUP = 0  # internal id of a branch; a leaf's id is 1 + its branch's row


def action_label(row: AlertRow) -> str:
    """The one action the dashboard offers for an alert (`alert_actions.ALERT_ACTIONS`)."""
    return button_label(row.alert)


class AlertTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[AlertRow]]] = []

    def set_alerts(self, rows: Sequence[AlertRow]) -> None:
        self.beginResetModel()
        by_severity: dict[str, list[AlertRow]] = {s: [] for s in SEVERITY_ORDER}
        for row in rows:
            by_severity.setdefault(str(row.alert.severity), []).append(row)
        self._groups = [(s, items) for s, items in by_severity.items() if items]
        self.endResetModel()

    def alert_count(self) -> int:
        return sum(len(items) for _s, items in self._groups)

    def leaves(self) -> list[QModelIndex]:
        """Every alert's index, in display order (F8 walks them)."""
        return [self.index(r, 0, self.index(g, 0)) for g, (_s, items) in enumerate(self._groups)
                for r in range(len(items))]

    # --- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    # Only the model's parent(index): the stubs also want QObject.parent(), which this hides.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        severity, items = self._groups[index.internalId() - 1]
        if not 0 <= index.row() < len(items):
            return None
        row = items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == SORT_ROLE:
            return index.row()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.alert.message
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if index.column() == ACTION_COLUMN:
                return f"Bouton : Entrée ou clic pour « {action_label(row)} »"
            return row.alert.message
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(QColor(SEVERITY_COLORS.get(severity, "#ffffff")))
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        severity, items = self._groups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{SEVERITIES.get(severity, severity)} ({len(items)})" \
                if index.column() == 0 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(SEVERITY_COLORS.get(severity, "#ffffff")))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(row: AlertRow, column: int) -> str:
        if column == 0:
            alert = row.alert
            if alert.due is not None:
                return format_date(alert.due)
            return format_month(alert.month) if alert.month is not None else "—"
        if column == 1:
            return row.label
        if column == 2:
            return row.subject
        return action_label(row)
