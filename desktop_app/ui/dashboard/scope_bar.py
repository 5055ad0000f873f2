"""« Travailleur social : [ … ] (•) Mes dossiers ( ) Toute l'équipe » — the current worker
and the dashboard's filter, kept in the context (and QSettings)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton, QWidget

from desktop_app.ui.context import AppContext


class ScopeBar(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("Travailleur social :", self)
        row.addWidget(caption)
        self.worker_box = QComboBox(self)
        self.worker_box.setAccessibleName("Travailleur social courant")
        self.worker_box.setMinimumWidth(180)
        caption.setBuddy(self.worker_box)
        row.addWidget(self.worker_box)
        self.mine = QRadioButton("Mes dossiers", self)
        self.team = QRadioButton("Toute l'équipe", self)
        group = QButtonGroup(self)
        for radio in (self.mine, self.team):
            group.addButton(radio)
            row.addWidget(radio)
        self.mine.toggled.connect(lambda _on: self._edited())
        self.worker_box.activated.connect(lambda _i: self._edited())
        ctx.workers_loaded.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.worker_box.blockSignals(True)
        self.worker_box.clear()
        for worker in self.ctx.workers:
            self.worker_box.addItem(worker.name, worker.id)
        self.worker_box.setCurrentIndex(max(self.worker_box.findData(self.ctx.current_worker), 0))
        self.worker_box.blockSignals(False)
        (self.mine if self.ctx.mine_only else self.team).setChecked(True)

    def _edited(self) -> None:
        self.ctx.set_scope(self.worker_box.currentData(), self.mine.isChecked())
