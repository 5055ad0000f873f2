"""Backups seen through the open store: the window's way (issue 6).

The window keeps no passphrase; the store's engine does (it opens each new connection
with it). `store_key` takes it from there, on the worker thread, so the restore dialog reads
and checks backups, and `restore_in_place` swaps the file under the engine: once its
connections are closed, the same engine (same key) opens the restored file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from desktop_app.store.backup_check import BackupInfo, backup_info, check_backup
from desktop_app.store.keys import cipher_connect


def store_key(engine: Engine) -> str | None:
    """The passphrase the engine opens the store with (`engine.create_store_engine` gives
    SQLCipher `partial(cipher_connect, file, key)`); None for a plain store."""
    creator = getattr(engine.pool, "_creator", None)  # SQLAlchemy keeps it private
    if isinstance(creator, partial) and creator.func is cipher_connect:
        key = creator.args[1] if len(creator.args) > 1 else ""
        return str(key) or None
    return None


def live_info(engine: Engine, path: Path) -> BackupInfo:
    """`backup_info` of `path` with the open store's key: date, counts, revision."""
    return backup_info(path, store_key(engine))


def live_check(engine: Engine, path: Path) -> BackupInfo:
    """`live_info`, then every page checked (`integrity_check`): `DamagedStoreError`."""
    info = live_info(engine, path)
    check_backup(path, store_key(engine))
    return info
