"""The « Sauvegardes » card of the settings screen: the folder of this laptop's backups,
automatic backups on or off, « Sauvegarder maintenant » and « Restaurer… »."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.settings import backup_actions, backup_dialog
from desktop_app.ui.settings.backup_settings import (
    automatic,
    backup_folder,
    default_folder,
    set_automatic,
    set_backup_folder,
)
from desktop_app.ui.widgets import button, section


def choose_folder(parent: QWidget, current: Path) -> Path | None:
    """The folder dialog (tests replace this function)."""
    name = QFileDialog.getExistingDirectory(parent, "Dossier des sauvegardes", str(current))
    return Path(name) if name else None


class BackupCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card, box, _t = section("Sauvegardes", self)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        self.folder = QLabel(card)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.folder)
        hint = QLabel("Choisissez un dossier sur une clé USB ou un partage réseau : une "
                      "sauvegarde sur le même disque que la base ne protège pas d'une panne "
                      "ou d'un vol. Les sauvegardes sont chiffrées comme la base ; on garde "
                      "7 quotidiennes, 4 hebdomadaires et 12 mensuelles.", card)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.automatic = QCheckBox("Sauvegarde automatique : au démarrage si la dernière a "
                                   "plus d'un jour, et à la fermeture", card)
        self.automatic.setChecked(automatic())
        self.automatic.toggled.connect(set_automatic)
        box.addWidget(self.automatic)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button("Choisir le dossier…", card, self.choose))
        row.addWidget(button("Sauvegarder maintenant", card,
                             lambda: backup_actions.backup_now(ctx)))
        row.addWidget(button("Restaurer une sauvegarde…", card, self.restore))
        box.addLayout(row)
        self.show_folder()

    def restore(self) -> None:
        backup_dialog.open_restore_dialog(self, self.ctx)

    def show_folder(self) -> None:
        folder = backup_folder()
        note = " (par défaut, sur le disque de la base)" if folder == default_folder() else ""
        self.folder.setText(f"Dossier des sauvegardes : {folder}{note}")

    def choose(self) -> None:
        chosen = choose_folder(self, backup_folder())
        if chosen is not None:
            set_backup_folder(chosen)
            self.show_folder()
            self.ctx.status_message.emit(f"Les sauvegardes iront dans {chosen}.")
