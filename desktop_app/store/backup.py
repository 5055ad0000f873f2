"""Backups of the store and their restoration (issue 6): nothing ever lost.

- `make_backup` writes a consistent copy of the live store (SQLite's `VACUUM INTO` through
  the store's own connection: an encrypted store gives a backup encrypted with the same key)
  under a hidden name, reads it back whole with the store's key (`integrity_check`), then
  renames it: a folder never holds half a backup, nor one that does not read back.
- `restore` checks the backup whole (key, schema revision, `integrity_check`), puts the
  current store aside (`<name>.avant-restauration-<date>`, with its `-wal` / `-shm`) and the
  backup in its place; if anything fails the current store is put back as it was.
  The store must be closed (engine disposed) first; `restore_in_place` does that for an
  open store, with the engine's own key (the window keeps no passphrase).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from desktop_app.domain.fr import os_reason
from desktop_app.store.api import StoreError
from desktop_app.store.backup_check import (
    BackupInfo,
    DamagedStoreError,
    backup_info,
    check_backup,
    is_plain_sqlite,
)
from desktop_app.store.backup_files import discard, swap, sync, sync_folder
from desktop_app.store.backup_live import live_check, live_info
from desktop_app.store.backup_names import backup_name, list_backups, rotate, staging_name
from desktop_app.store.crypto import convert_to_encrypted
from desktop_app.store.engine import engine_passphrase, shown_url, sqlite_file
from desktop_app.store.errors import CORRUPT, FULL, french_message
from desktop_app.store.migrate import backup as vacuum_into
from desktop_app.store.migrate import ensure_schema
from desktop_app.store.startup import DAMAGED_STORE, quick_check

__all__ = ["BackupInfo", "DamagedStoreError", "backup_info", "list_backups", "live_check",
           "live_info", "make_backup", "quick_check", "restore", "restore_in_place", "rotate",
           "store_file"]

CANNOT_WRITE = ("Impossible d'écrire la sauvegarde dans {where} : vérifiez que le dossier "
                "existe, que vous avez le droit d'y écrire et que le disque (clé USB, partage "
                "réseau) est branché.")
NOT_SOUND = ("La sauvegarde qui vient d'être écrite dans {where} est illisible ({detail}) : "
             "elle a été supprimée. Vérifiez le support de sauvegarde puis réessayez.")
CANNOT_SWAP = ("La base {where} n'a pas pu être remplacée ({detail}) : elle est restée telle "
               "qu'elle était. Fermez les autres fenêtres de Suivi FSL puis réessayez.")
NOT_A_FILE = ("La base {where} n'est pas un fichier SQLite : sauvegarde et restauration ne "
              "concernent qu'une base sur fichier.")
#: Backups of a PostgreSQL store are the server's (issue 12): its owner's procedure.
ON_SERVER = ("La base {where} est sur un serveur PostgreSQL : sauvegarde, restauration et "
             "chiffrement par mot de passe ne concernent qu'une base sur fichier, rien n'a été "
             "fait. Un serveur se sauvegarde sur le serveur même, par la personne qui "
             "l'administre (pg_dump, ou sauvegarde continue du serveur) : cette procédure sera "
             "décrite dans docs/serveur.md, à la section « Sauvegardes du serveur ».")


class _HasEngine(Protocol):
    @property
    def engine(self) -> Engine: ...


def store_file(url: URL) -> Path:
    """The file of the store at `url`: what backups, restoration and encryption are made
    of; a French `StoreError` for a store that is no file (a PostgreSQL server's)."""
    database = sqlite_file(url)
    if database is not None:
        return database
    template = ON_SERVER if url.get_backend_name() == "postgresql" else NOT_A_FILE
    raise StoreError(template.format(where=shown_url(url)))


def make_backup(source: Engine | _HasEngine, folder: Path, now: datetime) -> Path:
    """A backup of the store into `folder` (created if missing), named after `now`."""
    engine = source if isinstance(source, Engine) else source.engine
    store_file(engine.url)
    taken = now.replace(microsecond=0, tzinfo=None)
    final = folder / backup_name(taken)
    while final.exists():  # two backups in one second: the second one a second later
        taken += timedelta(seconds=1)
        final = folder / backup_name(taken)
    staging = staging_name(final)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        vacuum_into(engine, staging)
        _check_written(engine, staging, folder)
        sync(staging)
        os.replace(staging, final)
        sync_folder(folder)
    except StoreError:
        discard(staging)
        raise
    except Exception as error:  # the driver's or the system's: said in French
        discard(staging)
        said = _said(error, folder, engine)
        if said is None:
            raise
        raise said from error
    return final


def _said(error: Exception, folder: Path, engine: Engine) -> StoreError | None:
    """The French error of a failed backup: disk full, the store itself unreadable (then it
    is the store that needs a backup restored), or the folder unusable; None for a bug."""
    message = french_message(error, str(folder))
    if message == FULL.format(where=folder):
        return StoreError(message)
    if french_message(error, "") == CORRUPT.format(where=""):
        where = sqlite_file(engine.url) or shown_url(engine.url)
        detail = " ".join(str(getattr(error, "orig", None) or error).split())
        return DamagedStoreError(DAMAGED_STORE.format(where=where, detail=detail))
    if isinstance(error, OSError) or message is not None:
        return StoreError(CANNOT_WRITE.format(where=folder))
    return None


def _check_written(engine: Engine, staging: Path, folder: Path) -> None:
    """The backup just written reads back whole with the store's key, or is refused."""
    try:
        check_backup(staging, engine_passphrase(engine))
    except StoreError as error:
        raise StoreError(NOT_SOUND.format(where=folder, detail=error)) from error


def restore(backup_path: Path, store_path: Path, passphrase: str | None,
            now: datetime | None = None) -> Path | None:
    """Put the backup in place of the (closed) store; the path the current store was moved
    to, None if there was none. A plain backup restored for an encrypted store (a
    passphrase given) is encrypted on the way."""
    backup_info(backup_path, passphrase)  # key, revision, tables: said of the file chosen
    staging = store_path.with_name(f"{store_path.name}.restauration-en-cours")
    try:
        staging.unlink(missing_ok=True)
        shutil.copyfile(backup_path, staging)
        if passphrase and is_plain_sqlite(staging):
            convert_to_encrypted(staging, passphrase)
        check_backup(staging, passphrase, backup_path)  # all of what is put in place
        sync(staging)
        aside = swap(staging, store_path, now or datetime.now())
    except OSError as error:
        raise StoreError(CANNOT_SWAP.format(where=store_path, detail=os_reason(error))) from error
    finally:
        staging.unlink(missing_ok=True)
    return aside


def restore_in_place(store: _HasEngine, backup_path: Path,
                     now: datetime | None = None) -> Path | None:
    """`restore` through the open store (the window's way, no passphrase asked: the
    engine's): its connections are closed, the file swapped, and the same engine then opens
    the restored store (upgraded if the backup is older). The store may be damaged."""
    engine = store.engine
    database = store_file(engine.url)
    key = engine_passphrase(engine)
    backup_info(backup_path, key)  # wrong key, newer, not a backup: before closing anything
    engine.dispose()  # no connection left on the current file
    aside = restore(backup_path, database, key, now)
    ensure_schema(engine, existed=True)
    return aside
