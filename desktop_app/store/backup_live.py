"""Backups seen through the open store: the window's way (issue 6).

The window keeps no passphrase, but SQLCipher reads a file ATTACHed without KEY with the
key of the open store. So the restore dialog reads and checks backups through the store's
engine, and `restore_in_place` swaps the file under the engine: once its connections are
closed, the same engine (same key) opens the restored file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from desktop_app.store.api import StoreError, WrongPassphraseError
from desktop_app.store.backup_check import (
    MISSING,
    NOT_A_BACKUP,
    WRONG_KEY,
    BackupInfo,
    DamagedStoreError,
    damaged,
    is_plain_sqlite,
    pragma_check,
    read_info,
    summary,
)
from desktop_app.store.keys import looks_encrypted

#: ATTACH reads the whole schema: a wrong key and a damaged schema page look the same there.
UNREADABLE = ("La sauvegarde {where} ne peut pas être lue : elle est endommagée, ou a été "
              "chiffrée avec un autre mot de passe que celui de la base ouverte. Choisissez "
              "une autre sauvegarde.")
ENCRYPTED_FOR_PLAIN = ("La sauvegarde {where} est chiffrée mais la base ouverte ne l'est pas : "
                       "restaurez-la en ligne de commande (suivi-fsl restore, avec "
                       "SUIVI_FSL_PASSPHRASE).")
_SCHEMA = "sauvegarde"


def is_keyed(engine: Engine) -> bool:
    """The engine opens an encrypted store (SQLCipher's driver, a key on each connection)."""
    return "sqlcipher" in getattr(engine.dialect.dbapi, "__name__", "")


@contextmanager
def attached(engine: Engine, path: Path) -> Iterator[Any]:
    """A cursor of the store where the backup `path` is attached as `sauvegarde`, its key
    (the store's) checked: `WrongPassphraseError`, `DamagedStoreError` in French."""
    if not path.is_file():
        raise StoreError(MISSING.format(where=path))
    plain, keyed = is_plain_sqlite(path), is_keyed(engine)
    if not plain and not keyed:
        if looks_encrypted(path):
            raise WrongPassphraseError(ENCRYPTED_FOR_PLAIN.format(where=path))
        raise DamagedStoreError(NOT_A_BACKUP.format(where=path))
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        key = " KEY ''" if plain and keyed else ""  # a plain file beside an encrypted store
        try:
            cursor.execute(f"ATTACH DATABASE ? AS {_SCHEMA}{key}", (str(path),))
        except Exception as error:  # the driver's: unreadable schema, or another key
            if plain or not looks_encrypted(path):
                raise damaged(path, error) from error
            raise DamagedStoreError(UNREADABLE.format(where=path)) from error
        try:
            _check_readable(cursor, path, plain)
            yield cursor
        finally:
            cursor.execute(f"DETACH DATABASE {_SCHEMA}")
    finally:
        connection.close()


def _first_page(path: Path, plain: bool, error: BaseException) -> StoreError:
    if not plain and looks_encrypted(path):
        return WrongPassphraseError(WRONG_KEY.format(where=path))
    return damaged(path, error)


def _check_readable(cursor: Any, path: Path, plain: bool) -> None:
    try:  # page 1: a wrong key (or a first page damaged) fails here…
        cursor.execute(f"PRAGMA {_SCHEMA}.user_version").fetchone()
    except Exception as error:
        raise _first_page(path, plain, error) from error
    try:  # …a damaged page of the schema here
        cursor.execute(f"SELECT count(*) FROM {_SCHEMA}.sqlite_master").fetchone()
    except Exception as error:
        raise damaged(path, error) from error


def live_info(engine: Engine, path: Path) -> BackupInfo:
    """`backup_info` of `path` through the open store (its key): date, counts, revision."""
    with attached(engine, path) as cursor:
        return read_info(cursor, path, _SCHEMA)


def live_problems(engine: Engine, path: Path, pragma: str = "integrity_check") -> list[str]:
    """SQLite's problems with the file at `path` (`integrity_check` or `quick_check`)."""
    with attached(engine, path) as cursor:
        return pragma_check(cursor, f"{_SCHEMA}.{pragma}")


def live_check(engine: Engine, path: Path, shown_as: Path | None = None) -> BackupInfo:
    """`live_info`, then every page checked: `DamagedStoreError` naming `shown_as`."""
    info = live_info(engine, path)
    problems = live_problems(engine, path)
    if problems:
        raise damaged(shown_as or path, summary(problems))
    return info


def stage_copy(engine: Engine, backup: Path, staging: Path) -> None:
    """Copy the backup to `staging`, encrypted with the store's key if the store is and the
    backup is not (a backup made before the store was encrypted)."""
    staging.unlink(missing_ok=True)
    if not (is_keyed(engine) and is_plain_sqlite(backup)):
        shutil.copyfile(backup, staging)
        return
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("ATTACH DATABASE ? AS source KEY ''", (str(backup),))
        cursor.execute("ATTACH DATABASE ? AS target", (str(staging),))  # the store's key
        try:
            version = int(cursor.execute("PRAGMA source.user_version").fetchone()[0])
            cursor.execute("SELECT sqlcipher_export('target', 'source')")
            cursor.execute(f"PRAGMA target.user_version = {version}")
        finally:
            cursor.execute("DETACH DATABASE target")
            cursor.execute("DETACH DATABASE source")
    finally:
        connection.close()


def stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%dT%H%M%S")
