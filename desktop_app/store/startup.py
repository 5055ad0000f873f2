"""Opening the store at start-up with SQLite's quick integrity check: a damaged
store is a `DamagedStoreError`, which the window answers by offering the latest backup."""

from __future__ import annotations

from contextlib import closing
from typing import Any

from sqlalchemy import Engine

from desktop_app.store.backup_check import pragma_check, summary
from desktop_app.store.errors import CORRUPT, DamagedStoreError, StoreError, WrongPassphraseError
from desktop_app.store.repository import SqlStore, open_store

DAMAGED_STORE = ("La base {where} est endommagée (SQLite y trouve des erreurs : {detail}). "
                 "Restaurez la dernière sauvegarde : la base endommagée sera gardée de côté.")
#: What follows the file's name in `errors.CORRUPT`.
CORRUPT_WORDS = CORRUPT.split("{where}")[1].split("(")[0]


def open_checked(url: str, passphrase: str | None = None) -> SqlStore:
    """`open_store`, then `PRAGMA quick_check`: `DamagedStoreError` (French) if it fails, or
    if the file is not readable as a database at all."""
    try:
        store = open_store(url, passphrase)
    except WrongPassphraseError:
        raise
    except StoreError as error:
        if CORRUPT_WORDS in str(error):
            raise DamagedStoreError(str(error)) from error
        raise
    try:
        problems = quick_check(store.engine)
    except BaseException:
        store.close()
        raise
    if problems:
        store.close()
        raise DamagedStoreError(DAMAGED_STORE.format(where=store.where,
                                                     detail=summary(problems)))
    return store


def bare_connection(engine: Engine) -> Any:
    """A new driver connection of the engine (its key applied) without the engine's
    `connect` checks, which would refuse a store whose schema pages are damaged: to check
    such a store, or replace it. Outside any transaction (ATTACH, VACUUM need that)."""
    creator = getattr(engine.pool, "_creator")  # noqa: B009 - SQLAlchemy keeps it private
    connection = creator()
    connection.isolation_level = None
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def quick_check(engine: Engine) -> list[str]:
    """SQLite's problems with the live store (`PRAGMA quick_check`); empty if it is sound.
    A PostgreSQL server checks its own pages (and its owner backs it up): nothing to check
    from here."""
    if engine.dialect.name != "sqlite":
        return []
    with closing(bare_connection(engine)) as connection:
        try:
            connection.execute("PRAGMA user_version").fetchone()  # page 1: the key
        except Exception as error:  # the driver's: a wrong key, or page 1 damaged
            return [str(error)]
        return pragma_check(connection, "quick_check")
