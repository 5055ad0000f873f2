"""Opening the store at start-up with SQLite's quick integrity check (issue 6): a damaged
store is a `DamagedStoreError`, which the window answers by offering the latest backup."""

from __future__ import annotations

from desktop_app.store.api import StoreError, WrongPassphraseError
from desktop_app.store.backup_check import DamagedStoreError, quick_check, summary
from desktop_app.store.errors import CORRUPT
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
