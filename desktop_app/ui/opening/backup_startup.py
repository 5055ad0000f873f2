"""The start-up of the window: SQLite's quick check of the store, the latest good
backup offered when the store is damaged (or its file no longer opens), and the day's
automatic backup. Store and file work runs in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.app import backups
from desktop_app.app.opening import passphrase_in_environment
from desktop_app.store.records import BackupInfo
from desktop_app.ui.context import AppContext
from desktop_app.ui.settings import backup_actions, backup_dialog
from desktop_app.ui.settings.backup_actions import backup_now, restore_backup
from desktop_app.ui.settings.backup_dialog import describe
from desktop_app.ui.settings.backup_settings import automatic, backup_folder, startup_due


def check_at_start(parent: QWidget, ctx: AppContext) -> None:
    """Start-up: SQLite's quick check of the store; damaged, offer the latest good
    backup; sound, a backup if the latest is a day old (automatic backups on). What killed
    or failed backups left in the folder is removed first."""
    store, folder, auto = ctx.store, backup_folder(), automatic()

    def work() -> tuple[list[str], bool]:
        problems, latest = backups.check_at_start(store, folder)
        due = auto and startup_due(latest, backup_actions.now())
        return problems, due and not problems

    def done(result: tuple[list[str], bool]) -> None:
        problems, due = result
        if problems:
            offer_latest(parent, ctx, problems)
        elif due:
            backup_now(ctx)

    ctx.run(work, done, text="Vérification de la base…")


LATEST, CHOOSE = "derniere", "choisir"


def ask_restore_latest(parent: QWidget | None, problems: list[str],
                       can_choose: bool = False) -> str:
    """The French question of a damaged store: `LATEST`, `CHOOSE` (a backup in the restore
    dialog) or "" to go on without restoring (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Base endommagée",
                      "La base de données est endommagée : SQLite y trouve des erreurs.\n\n"
                      "Restaurer la dernière sauvegarde en bon état ? La base endommagée sera "
                      "gardée de côté.", QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText("\n".join(problems[:50]))
    answers = {box.addButton("Restaurer la dernière sauvegarde",
                             QMessageBox.ButtonRole.AcceptRole): LATEST}
    if can_choose:
        answers[box.addButton("Choisir une sauvegarde…", QMessageBox.ButtonRole.ActionRole)] = (
            CHOOSE)
    box.addButton("Continuer sans restaurer", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return next((answer for button, answer in answers.items() if button is clicked), "")


def offer_latest(parent: QWidget, ctx: AppContext, problems: list[str]) -> None:
    answer = ask_restore_latest(parent, problems, can_choose=True)
    if answer == CHOOSE:
        backup_dialog.open_restore_dialog(parent, ctx)
    if answer != LATEST:
        return
    store, folder = ctx.store, backup_folder()
    ctx.run(lambda: backups.latest_sound(store, folder), lambda info: restore_backup(ctx, info),
            text="Recherche d'une sauvegarde…")


def offer_restore_file(url: str, error: BaseException, runner: Any,
                       finish: Callable[[int], None]) -> bool:
    """The store did not open: if its file is damaged, offer its latest good backup (read
    with `SUIVI_FSL_PASSPHRASE` if encrypted); True if the offer was made (`finish(code)`
    is then called once done or declined)."""
    database = backups.damaged_file(url, error)
    if database is None:
        return False
    if ask_restore_latest(None, [str(error)]) != LATEST:
        finish(1)
        return True
    folder, passphrase = backup_folder(), passphrase_in_environment()

    def work() -> BackupInfo:
        return backups.restore_latest(database, folder, passphrase, backup_actions.now())

    def done(info: BackupInfo) -> None:
        QMessageBox.information(None, "Base restaurée",
                                f"La base a été remplacée par {describe(info)} ; la base "
                                "endommagée est gardée à côté d'elle.\n\nRelancez Suivi FSL.")
        finish(0)

    def failed(problem: BaseException) -> None:
        QMessageBox.critical(None, "Restauration impossible", str(problem))
        finish(1)

    runner.run(work, done, text="Restauration de la dernière sauvegarde…", on_error=failed)
    return True
