"""Backups from the window (issue 6): « Sauvegarder maintenant », a restoration, the checks
and automatic backup at start-up, the backup at close. Store and file work runs in the
background (`ctx.run`); the window keeps no passphrase: the open store's key is used."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.backup_settings import automatic, backup_folder, startup_due
from desktop_app.ui.context import AppContext

if TYPE_CHECKING:
    from desktop_app.store.backup_check import BackupInfo

#: The clock of backup names and rotation (the real one; tests may replace it).
now: Callable[[], datetime] = datetime.now

NONE_SOUND = ("Aucune sauvegarde en bon état dans le dossier {folder} : branchez le support "
              "des sauvegardes (clé USB, partage réseau) ou choisissez son dossier dans "
              "Paramètres, puis « Fichier › Restaurer une sauvegarde… ».")


def _backup(store: Any, folder: Path) -> Path:
    from desktop_app.store.backup import make_backup, rotate

    moment = now()
    made = make_backup(store, folder, moment)
    rotate(folder, moment.date())
    return made


def backup_now(ctx: AppContext, on_done: Callable[[Path], None] | None = None) -> None:
    """A backup into the chosen folder, then the rotation; said in the status bar."""
    store, folder = ctx.store, backup_folder()

    def done(made: Path) -> None:
        ctx.status_message.emit(f"Sauvegarde enregistrée : {made}")
        if on_done is not None:
            on_done(made)

    ctx.run(lambda: _backup(store, folder), done, text="Sauvegarde en cours…")


def restore_backup(ctx: AppContext, info: BackupInfo,
                   on_done: Callable[[Path | None], None] | None = None) -> None:
    """Put the backup in place of the store (kept aside), then every screen reloads."""
    from desktop_app.store.backup import restore_in_place
    from desktop_app.ui.backup_dialog import when

    store = ctx.store

    def done(aside: Path | None) -> None:
        kept = f" ; l'ancienne base est gardée : {aside}" if aside else ""
        ctx.status_message.emit(f"Base restaurée depuis la sauvegarde du {when(info.taken)}"
                                + kept)
        if on_done is not None:
            on_done(aside)
        ctx.load_workers()
        ctx.changed.emit("all")

    ctx.run(lambda: restore_in_place(store, info.path, now()), done,  # type: ignore[arg-type]
            text="Restauration en cours…")


def open_restore_dialog(parent: QWidget, ctx: AppContext) -> QWidget:
    from desktop_app.ui.backup_dialog import RestoreDialog

    dialog = RestoreDialog(ctx, parent)
    dialog.open()
    return dialog


def check_at_start(parent: QWidget, ctx: AppContext) -> None:
    """Start-up (issue 6): SQLite's quick check of the store; damaged, offer the latest good
    backup; sound, a backup if the latest is a day old (automatic backups on)."""
    from desktop_app.store.backup import quick_check
    from desktop_app.store.backup_names import latest_taken

    store, folder, auto = ctx.store, backup_folder(), automatic()

    def work() -> tuple[list[str], bool]:
        problems = quick_check(getattr(store, "engine"))  # noqa: B009 - the SQL store
        return problems, auto and not problems and startup_due(latest_taken(folder), now())

    def done(result: tuple[list[str], bool]) -> None:
        problems, due = result
        if problems:
            offer_latest(parent, ctx, problems)
        elif due:
            backup_now(ctx)

    ctx.run(work, done, text="Vérification de la base…")


def ask_restore_latest(parent: QWidget | None, problems: list[str]) -> bool:
    """The French question of a damaged store (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Base endommagée",
                      "La base de données est endommagée : SQLite y trouve des erreurs.\n\n"
                      "Restaurer la dernière sauvegarde en bon état ? La base endommagée sera "
                      "gardée de côté.", QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText("\n".join(problems[:50]))
    restore = box.addButton("Restaurer la dernière sauvegarde",
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Continuer sans restaurer", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore


def offer_latest(parent: QWidget, ctx: AppContext, problems: list[str]) -> None:
    if not ask_restore_latest(parent, problems):
        return
    store, folder = ctx.store, backup_folder()

    def work() -> BackupInfo:
        from desktop_app.store.api import StoreError
        from desktop_app.store.backup import list_backups
        from desktop_app.store.backup_live import live_check

        engine = getattr(store, "engine")  # noqa: B009 - the SQL store
        for path in list_backups(folder):
            try:
                return live_check(engine, path)
            except StoreError:
                continue
        raise StoreError(NONE_SOUND.format(folder=folder))

    ctx.run(work, lambda info: restore_backup(ctx, info), text="Recherche d'une sauvegarde…")


def backup_at_close(store: Any) -> Path | None:
    """The backup made once the window is closed (automatic backups on), on the thread that
    ran the window: no window is left to freeze. None if off or failed (said on stderr)."""
    import sys

    from desktop_app.store.api import StoreError

    if store is None or not automatic():
        return None
    try:
        return _backup(store, backup_folder())
    except StoreError as error:
        print(f"Sauvegarde à la fermeture impossible : {error}", file=sys.stderr)
        return None


def is_damaged_file(error: BaseException) -> bool:
    """The store could not be opened because its file is damaged or not a database."""
    from desktop_app.store.backup_check import DamagedStoreError
    from desktop_app.store.startup import CORRUPT_WORDS

    return isinstance(error, DamagedStoreError) or CORRUPT_WORDS in str(error)


def offer_restore_file(url: str, error: BaseException, runner: Any,
                       finish: Callable[[int], None]) -> bool:
    """The store did not open: if its file is damaged, offer its latest good backup (read
    with `SUIVI_FSL_PASSPHRASE` if encrypted); True if the offer was made (`finish(code)`
    is then called once done or declined)."""
    from sqlalchemy.engine import make_url

    from desktop_app.store.engine import sqlite_file
    from desktop_app.store.keys import given_passphrase

    database = sqlite_file(make_url(url))
    if database is None or not is_damaged_file(error):
        return False
    if not ask_restore_latest(None, [str(error)]):
        finish(1)
        return True
    folder, passphrase = backup_folder(), given_passphrase(None)

    def work() -> BackupInfo:
        from desktop_app.store.api import StoreError
        from desktop_app.store.backup import backup_info, list_backups, restore

        for path in list_backups(folder):
            try:
                info = backup_info(path, passphrase)
                restore(path, database, passphrase, now())
            except StoreError:
                continue
            return info
        raise StoreError(NONE_SOUND.format(folder=folder))

    def done(info: BackupInfo) -> None:
        from desktop_app.ui.backup_dialog import describe

        QMessageBox.information(None, "Base restaurée",
                                f"La base a été remplacée par {describe(info)} ; la base "
                                "endommagée est gardée à côté d'elle.\n\nRelancez Suivi FSL.")
        finish(0)

    def failed(problem: BaseException) -> None:
        QMessageBox.critical(None, "Restauration impossible", str(problem))
        finish(1)

    runner.run(work, done, text="Restauration de la dernière sauvegarde…", on_error=failed)
    return True
