"""Backups from the window: « Sauvegarder maintenant », a restoration, the backup
at close (the start-up checks are in `backup_startup`). Store and file work runs in the
background (`ctx.run`); the window keeps no passphrase: the open store's key is used."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.store.batch_text import when
from desktop_app.store.errors import StoreError
from desktop_app.ui.context import AppContext
from desktop_app.ui.settings.backup_settings import automatic, backup_folder
from desktop_app.ui.topics import Topic

if TYPE_CHECKING:
    from desktop_app.store.backup_check import BackupInfo

#: The clock of backup names and rotation (the real one; tests may replace it).
now: Callable[[], datetime] = datetime.now


def _backup(store: Any, folder: Path) -> Path:
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import make_backup, rotate

    moment = now()
    made = make_backup(store, folder, moment)
    # An old backup held (antivirus) or read-only: kept (nothing lost), deleted next time.
    with contextlib.suppress(OSError):
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
                   on_done: Callable[[Path | None], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None, *,
                   encrypt_plain: bool = False) -> None:
    """Put the backup in place of the store (kept aside), then every screen reloads;
    `on_error` (default: the French dialog of the error) if it could not be done (another
    window or program has the store open, a plain backup for an encrypted store not asked
    for expressly with `encrypt_plain`…)."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import restore_in_place
    from desktop_app.store.repository import SqlStore

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
        assert isinstance(store, SqlStore)  # the one Store: restoring needs its engine
        return restore_in_place(store, info.path, now(), encrypt_plain=encrypt_plain)

    ctx.run(work, done, text="Restauration en cours…", on_error=on_error)


def backup_at_close(store: Any) -> Path | None:
    """The backup made once the window is closed (automatic backups on), on the thread that
    ran the window: no window is left to freeze. None if off or failed (said on stderr)."""
    if store is None or not automatic():
        return None
    try:
        return _backup(store, backup_folder())
    except StoreError as error:
        print(f"Sauvegarde à la fermeture impossible : {error}", file=sys.stderr)
        return None
