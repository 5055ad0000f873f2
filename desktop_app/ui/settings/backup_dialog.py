"""« Restaurer une sauvegarde… »: the backups of the folder with their date and counts (read
in the background through the open store), a confirmation, then the store replaced and
reopened — the current store kept aside."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.backups import Read, encrypts_plain, read_backups
from desktop_app.app.batch_text import when  # « 15/09/2025 à 18:30 »
from desktop_app.store.records import BackupInfo
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.settings.backup_actions import restore_backup
from desktop_app.ui.settings.backup_settings import backup_folder

HEADERS = ("Date de la sauvegarde", "Ménages", "Mesures", "Visites", "Travailleurs", "État")


def describe(info: BackupInfo) -> str:
    return (f"la sauvegarde du {when(info.taken)} ({info.households} ménages, "
            f"{info.measures} mesures, {info.visits} visites, {info.workers} travailleurs "
            "sociaux)")


PLAIN_NOTE = ("\n\nCette sauvegarde n'est pas chiffrée (faite avant le chiffrement de la "
              "base ?) : elle sera chiffrée avec le mot de passe actuel de la base.")


def confirm(parent: QWidget, info: BackupInfo) -> bool:
    """Asked before the store is replaced (tests replace this function); a plain backup
    for an encrypted store is said to be encrypted (the express request `restore` needs)."""
    ctx = getattr(parent, "ctx", None)
    note = PLAIN_NOTE if ctx is not None and encrypts_plain(ctx.store, info) else ""
    answer = QMessageBox.question(
        parent, "Restaurer la sauvegarde",
        f"Remplacer la base par {describe(info)} ?\n\nLa base actuelle sera gardée de côté "
        f"(« … .avant-restauration-… » à côté d'elle) : rien n'est effacé.{note}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder or backup_folder()
        self.found: list[Read] = []
        self.setWindowTitle("Restaurer une sauvegarde")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        self.note = QLabel(f"Sauvegardes du dossier {self.folder} (lecture…)", self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Sauvegardes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.reason = QLabel(self)  # why the selected backup cannot be restored
        self.reason.setWordWrap(True)
        self.reason.setObjectName("fieldError")
        self.reason.setVisible(False)
        layout.addWidget(self.reason)
        warning = QLabel("La base actuelle est gardée de côté, à côté d'elle : une restauration "
                         "ne fait rien perdre.", self)
        warning.setObjectName("muted")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton("Restaurer…", self)
        self.restore_button.setObjectName("primary")
        self.restore_button.setEnabled(False)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda _c=False: self.restore_selected())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        store, folder_ = ctx.store, self.folder
        ctx.run(lambda: read_backups(store, folder_), self._loaded,
                text="Lecture des sauvegardes…")

    def _loaded(self, found: list[Read]) -> None:
        if not shiboken6.isValid(self):  # closed while the backups were read
            return
        self.found = found
        self.table.setRowCount(len(found))
        for row, (path, taken, info, state, reason) in enumerate(found):
            counts = ((info.households, info.measures, info.visits, info.workers)
                      if info is not None else ())
            cells = [when(taken) if taken else path.name, *(str(n) for n in counts)]
            cells += [""] * (5 - len(cells))
            for column, text in enumerate([*cells, state]):
                item = QTableWidgetItem(text)
                item.setToolTip(reason or str(path))
                if 0 < column < 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        for column in range(len(HEADERS) - 1):  # the state takes the width left
            self.table.resizeColumnToContents(column)
        usable = [row for row, read in enumerate(found) if read.info is not None]
        self.note.setText(f"Sauvegardes du dossier {self.folder} : {len(found)}, la plus récente "
                          "en haut." if found else f"Aucune sauvegarde dans le dossier "
                          f"{self.folder} : choisissez le dossier dans Paramètres.")
        if usable:
            self.table.selectRow(usable[0])

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.found):
            return None
        return self.found[rows[0].row()].info

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        rows = self.table.selectionModel().selectedRows()
        within = bool(rows) and rows[0].row() < len(self.found)
        reason = self.found[rows[0].row()].reason if within else ""
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not confirm(self, info):
            return
        self.restore_button.setEnabled(False)
        restore_backup(self.ctx, info, on_done=lambda _aside: self.accept(),
                       on_error=self._restore_failed,
                       encrypt_plain=True)  # confirmed with `PLAIN_NOTE` if it applies

    def _restore_failed(self, error: BaseException) -> None:
        """Said in French; the dialog stays, to try again (or another backup)."""
        self._selection_changed()
        show_error(self, error)


def open_restore_dialog(parent: QWidget, ctx: AppContext) -> RestoreDialog:
    dialog = RestoreDialog(ctx, parent)
    dialog.open()
    return dialog
