"""Backups from the window: « Sauvegarder maintenant », a restoration, the backup
at close (the start-up checks are in `backup_startup`). Store and file work runs in the
background (`ctx.run`); the window keeps no passphrase: the open store's key is used."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.app import backups
from desktop_app.app.batch_text import when
from desktop_app.store.errors import StoreError
from desktop_app.store.records import BackupInfo
from desktop_app.ui.context import AppContext
from desktop_app.ui.settings.backup_settings import automatic, backup_folder
from desktop_app.ui.topics import Topic

#: The clock of backup names and rotation (the real one; tests may replace it).
now: Callable[[], datetime] = datetime.now


def backup_now(ctx: AppContext, on_done: Callable[[Path], None] | None = None) -> None:
    """A backup into the chosen folder, then the rotation; said in the status bar."""
    store, folder = ctx.store, backup_folder()

    def done(made: Path) -> None:
        ctx.status_message.emit(f"Sauvegarde enregistrée : {made}")
        if on_done is not None:
            on_done(made)

    ctx.run(lambda: backups.back_up(store, folder, now()), done, text="Sauvegarde en cours…")


def restore_backup(ctx: AppContext, info: BackupInfo,
                   on_done: Callable[[Path | None], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None, *,
                   encrypt_plain: bool = False) -> None:
    """Put the backup in place of the store (kept aside), then every screen reloads;
    `on_error` (default: the French dialog of the error) if it could not be done (another
    window or program has the store open, a plain backup for an encrypted store not asked
    for expressly with `encrypt_plain`…)."""
    store = ctx.store

    def done(aside: Path | None) -> None:
        kept = f" ; l'ancienne base est gardée : {aside}" if aside else ""
        ctx.status_message.emit(f"Base restaurée depuis la sauvegarde du {when(info.taken)}"
                                + kept)
        if on_done is not None:
            on_done(aside)
        ctx.load_workers()
        ctx.changed.emit(Topic.ALL)

    def work() -> Path | None:
        return backups.restore_in_place(store, info, now(), encrypt_plain=encrypt_plain)

    ctx.run(work, done, text="Restauration en cours…", on_error=on_error)


def backup_at_close(store: Any) -> Path | None:
    """The backup made once the window is closed (automatic backups on), on the thread that
    ran the window: no window is left to freeze. None if off or failed (said on stderr)."""
    if store is None or not automatic():
        return None
    try:
        return backups.back_up(store, backup_folder(), now())
    except StoreError as error:
        print(f"Sauvegarde à la fermeture impossible : {error}", file=sys.stderr)
        return None
