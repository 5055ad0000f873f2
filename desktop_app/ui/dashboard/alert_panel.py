"""The dashboard's list of alerts: grouped by severity, a button per alert, what to do below.

Enter or a click on the button acts on the alert (`acted`); F8 walks from one to the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.dashboard import AlertRow
from desktop_app.domain.fr import format_date
from desktop_app.ui.dashboard.alert_model import ACTION_COLUMN, AlertTreeModel, action_label
from desktop_app.ui.forms import chain_tab_order
from desktop_app.ui.models import ROW_ROLE
from desktop_app.ui.views import ButtonDelegate

#: Due date, alert and subject as wide as their text (a scroll bar rather than « S… » in a
#: narrow window), the action's button fixed.
MODES = (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents,
         QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Fixed)
#: The action column's width before its buttons are known (pixels).
ACTION_WIDTH = 126


class AlertPanel(QWidget):
    acted = Signal(object)  # the AlertRow whose button (or Enter) was used

    def __init__(self, parent: QWidget | None = None,
                 names: Callable[[str], str] = str) -> None:
        super().__init__(parent)
        self.names = names  # a worker's name from a profile id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = AlertTreeModel(self)
        self.buttons: list[QPushButton] = []  # one per alert shown (`_action_buttons`)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setObjectName("alerts")
        self.view.setAccessibleName("Alertes du jour, par gravité")
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(6)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate(MODES):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(ACTION_COLUMN, ACTION_WIDTH)
        self.delegate = ButtonDelegate(self.view)
        self.view.setItemDelegateForColumn(ACTION_COLUMN, self.delegate)
        self.delegate.clicked.connect(self._act)
        self.view.activated.connect(self._act)
        self.view.selectionModel().currentChanged.connect(self._describe)
        self.empty = QLabel("Aucune alerte aujourd'hui.", self)
        self.empty.setObjectName("muted")
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Ce qu'il faut faire pour l'alerte choisie")
        self.detail.setMinimumHeight(44)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)

    def set_alerts(self, rows: Sequence[AlertRow]) -> None:
        self.model.set_alerts(rows)
        self.view.expandAll()
        for group in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(group, QModelIndex(), True)
        leaves = self.model.leaves()
        if leaves:
            self.view.setCurrentIndex(leaves[0])
        else:
            self.detail.clear()
        self.empty.setVisible(not rows)
        self._action_buttons(leaves)

    def _action_buttons(self, leaves: list[QModelIndex]) -> None:
        """A real push button in each alert's action cell: a screen reader announces it as a
        button with its French name, Tab reaches it after the list (Entrée on a row does the
        same). The cells of the tree stay for the mouse and the table navigation."""
        self.buttons = []
        for leaf in leaves:
            row = leaf.data(ROW_ROLE)
            cell = leaf.siblingAtColumn(ACTION_COLUMN)
            action = QPushButton(action_label(row), self.view.viewport())
            action.setObjectName("alertAction")
            action.setAutoDefault(False)
            action.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            action.setAccessibleName(f"{action_label(row)} : {row.label}, {row.subject}")
            action.setAccessibleDescription(row.alert.message)
            action.clicked.connect(lambda _checked=False, index=cell: self._act(index))
            self.view.setIndexWidget(cell, action)
            self.buttons.append(action)
        if self.buttons:  # the column as wide as its widest button: its words read whole
            self.view.header().resizeSection(ACTION_COLUMN, max(
                ACTION_WIDTH, *(b.sizeHint().width() + 4 for b in self.buttons)))
        after = self.view.nextInFocusChain()
        for _ in range(10000):  # past the buttons of the alerts shown before
            if after is None or after.objectName() != "alertAction":
                break
            after = after.nextInFocusChain()
        chain_tab_order([self.view, *self.buttons, *([after] if after is not None else [])])

    def next_alert(self) -> None:
        """F8: select the next alert (after the last, the first again), ready for Enter."""
        leaves = self.model.leaves()
        if not leaves:
            return
        current = self.view.currentIndex()
        rows = [(i.parent().row(), i.row()) for i in leaves]
        here = (current.parent().row(), current.row()) if current.parent().isValid() else None
        position = rows.index(here) + 1 if here in rows else 0
        target = leaves[position % len(leaves)]
        self.view.setCurrentIndex(target)
        self.view.scrollTo(target)
        self.view.setFocus()

    def current_row(self) -> AlertRow | None:
        row = self.view.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, AlertRow) else None

    def _describe(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, AlertRow):
            self.detail.setText("")
            return
        text = f"<b>{escape(row.label)}</b> — {escape(row.alert.message)}"
        if row.treated is not None:
            text += (f"<br><i>Traitée le {format_date(row.treated.at.date())} par "
                     f"{escape(self.names(row.treated.profile))} : "
                     f"{escape(row.treated.reason)}</i>")
        self.detail.setText(text)

    def _act(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AlertRow):
            self.acted.emit(row)
