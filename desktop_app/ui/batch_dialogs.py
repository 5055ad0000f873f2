"""Fichier › Annuler un import…: the imports and merges of the store, each with its
date, file, contents and whether it can still be taken back (or why not); undoing one asks
for confirmation first. Store work runs in the background (`ctx.run`)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.batch_text import KINDS, counts_text, source_text, state_text, when
from desktop_app.app.caseload import undo_import
from desktop_app.store.records import ImportBatch
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import RIGHT, Column, RowTableModel
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view


def _undoable(batch: ImportBatch) -> str:
    return "oui" if batch.undoable else state_text(batch).replace("non annulable : ", "non : ")


#: Newest first, as the store gives them (the list is not re-sorted).
COLUMNS: list[Column[ImportBatch]] = [
    Column("N°", lambda b: str(b.id), align=RIGHT, fit=True),
    Column("Date", lambda b: when(b.at), fit=True),
    Column("Opération", lambda b: KINDS.get(b.kind, b.kind), fit=True),
    Column("Fichier", source_text, tooltip=source_text, fit=True),
    Column("Contenu", lambda b: counts_text(b.counts), fit=True),
    Column("Annulable ?", _undoable, tooltip=_undoable),
]


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A window-modal box that does not block (tests and the event loop go on)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class BatchesDialog(QDialog):
    def __init__(self, parent: QWidget, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batches: list[ImportBatch] = []
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle("Annuler un import")
        self.resize(900, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Un import ou une fusion peut être annulé tant que ses données "
                                "n'ont pas été modifiées ni complétées depuis.", self))
        self.model = RowTableModel(COLUMNS, self)
        self.table = table_view(self.model, self, "Imports et fusions", sortable=False,
                                empty="Aucun import enregistré dans cette base.")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        layout.addWidget(self.table, 1)
        self.reason = QLabel("", self)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.undo_button = QPushButton("Annuler l'import choisi…", self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.confirm)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.ctx.run(self.ctx.store.import_batches, self._show, text="Lecture des imports…")

    def _show(self, batches: list[ImportBatch]) -> None:
        if not shiboken6.isValid(self):  # closed while the imports were read
            return
        self.batches = batches
        self.model.set_rows(batches)
        self.reason.setText("" if batches else "Aucun import enregistré dans cette base.")
        self.undo_button.setEnabled(False)

    def current(self) -> ImportBatch | None:
        batch = selected_row(self.table)
        return batch if isinstance(batch, ImportBatch) else None

    def _selected(self) -> None:
        batch = self.current()
        self.undo_button.setEnabled(batch is not None and batch.undoable)
        self.reason.setText("" if batch is None else f"Import n° {batch.id} : {state_text(batch)}")

    def confirm(self) -> None:
        batch = self.current()
        if batch is None or not batch.undoable:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Annuler un import",
                          f"Retirer de la base ce qu'a apporté l'import n° {batch.id} de "
                          f"{source_text(batch)} ({counts_text(batch.counts)}) ?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText("Annuler l'import")
        box.button(QMessageBox.StandardButton.No).setText("Garder")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda clicked: self.undo(batch) if clicked is yes else None)
        self.confirmation = box
        box.open()

    def undo(self, batch: ImportBatch) -> None:
        store = self.ctx.store

        def done(_result: object) -> None:
            self.ctx.status_message.emit(f"Import n° {batch.id} annulé.")
            self.ctx.load_workers()
            self.ctx.changed.emit(Topic.ALL)
            if shiboken6.isValid(self):
                self.load()

        def refused(error: BaseException) -> None:
            if not shiboken6.isValid(self):  # closed meanwhile: said over the window
                show_error(self.ctx.runner.error_parent(), error)
                return
            self.reason.setText(str(error))
            message_box(self, QMessageBox.Icon.Warning, "Import non annulé", str(error))
            self.load()

        self.ctx.run(lambda: undo_import(store, batch.id), done,
                     text="Annulation de l'import…", on_error=refused)


def undo_import_dialog(parent: QWidget, ctx: AppContext) -> BatchesDialog:
    dialog = BatchesDialog(parent, ctx)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
