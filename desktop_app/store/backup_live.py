"""Backups seen through the open store: the window's way.

The window keeps no passphrase; the store's engine does (it opens each new connection
with it). `engine.engine_passphrase` gives it, on the worker thread, so the restore dialog reads
and checks backups, and `restore_in_place` swaps the file under the engine: once its
connections are closed, the same engine (same key) opens the restored file.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from desktop_app.store.backup_check import BackupInfo, backup_info, check_backup
from desktop_app.store.engine import engine_passphrase


def live_info(engine: Engine, path: Path) -> BackupInfo:
    """`backup_info` of `path` with the open store's key: date, counts, revision."""
    return backup_info(path, engine_passphrase(engine))


def live_check(engine: Engine, path: Path) -> BackupInfo:
    """`live_info`, then every page checked (`integrity_check`): `DamagedStoreError`."""
    info = live_info(engine, path)
    check_backup(path, engine_passphrase(engine))
    return info
