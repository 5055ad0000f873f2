"""Backups of a store file, for the window: one made (then the rotation), the folder's backups
read with the open store's key, one restored in place of the open store, the check at
start-up (SQLite's quick check, the leftovers of killed backups), the latest good backup
found when the store is damaged or its file no longer opens.

The store modules that bring Alembic (the migrations) are imported inside the functions: the
window imports this module while it starts (tests/ui/test_import_hygiene.py lists them)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from desktop_app.store.api import Store
from desktop_app.store.backup_names import latest_taken, remove_leftovers, taken_at
from desktop_app.store.engine import engine_passphrase, sqlite_file
from desktop_app.store.errors import DamagedStoreError, StoreError, WrongPassphraseError
from desktop_app.store.records import BackupInfo

NONE_SOUND = ("Aucune sauvegarde en bon état dans le dossier {folder} : branchez le support "
              "des sauvegardes (clé USB, partage réseau) ou choisissez son dossier dans "
              "Paramètres, puis « Fichier › Restaurer une sauvegarde… ».")
NOT_A_FILE = "Cette base n'est pas un fichier : elle ne se sauvegarde pas depuis Suivi FSL."



class Read(NamedTuple):
    """A backup of the folder read: its facts, or its state and the French reason it cannot
    be restored."""

    path: Path
    taken: datetime | None  # read from its name when its facts cannot be read
    info: BackupInfo | None
    state: str
    reason: str


def _engine(store: Store) -> Engine:
    """The SQL engine of the open store (the `Store` protocol has none)."""
    engine: Engine = getattr(store, "engine")  # noqa: B009 - the SQL store
    return engine


def back_up(store: Store, folder: Path, moment: datetime) -> Path:
    """A backup of the open store into `folder`, then the rotation; an old backup that
    cannot be deleted (held by an antivirus, read-only) is kept, deleted next time."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import make_backup, rotate

    made = make_backup(_engine(store), folder, moment)
    with contextlib.suppress(OSError):
        rotate(folder, moment.date())
    return made


def check_at_start(store: Store, folder: Path) -> tuple[list[str], datetime | None]:
    """What killed or failed backups left in `folder` removed, then SQLite's quick check of
    the store: its problems (none: sound) and when the latest backup was taken."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.startup import quick_check

    remove_leftovers(folder)
    problems = quick_check(_engine(store))
    return problems, latest_taken(folder)


def read_backups(store: Store, folder: Path) -> list[Read]:
    """Every backup of `folder`, newest first, read with the open store's key."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import list_backups, live_info

    engine = _engine(store)
    found: list[Read] = []
    for path in list_backups(folder):
        try:
            info = live_info(engine, path)
            found.append(Read(path, info.taken, info, "Bonne", ""))
        except StoreError as error:
            state = ("Endommagée" if isinstance(error, DamagedStoreError) else
                     "Autre mot de passe" if isinstance(error, WrongPassphraseError) else
                     "Illisible")
            found.append(Read(path, taken_at(path), None, state, str(error)))
    return found


def encrypts_plain(store: Store, info: BackupInfo) -> bool:
    """The backup is plain and the open store encrypted: restoring it encrypts it."""
    engine = getattr(store, "engine", None)
    return not info.encrypted and engine is not None and engine_passphrase(engine) is not None


def restore_in_place(store: Store, info: BackupInfo, moment: datetime, *,
                     encrypt_plain: bool = False) -> Path | None:
    """The backup put in place of the open store, whose file is kept aside (its path, None
    if there was none); refused in French while another window or program has the store
    open, or for a plain backup of an encrypted store not asked for with `encrypt_plain`."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import restore_in_place as put_in_place
    from desktop_app.store.repository import SqlStore

    if not isinstance(store, SqlStore):  # the one Store: restoring needs its engine
        raise StoreError(NOT_A_FILE)
    return put_in_place(store, info.path, moment, encrypt_plain=encrypt_plain)


def latest_sound(store: Store, folder: Path) -> BackupInfo:
    """The latest backup of `folder` that the open store's key reads and whose every page is
    sound; a French `StoreError` if there is none."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import list_backups, live_check

    engine = _engine(store)
    for path in list_backups(folder):
        try:
            return live_check(engine, path)
        except StoreError:
            continue
    raise StoreError(NONE_SOUND.format(folder=folder))


def is_damaged_file(error: BaseException) -> bool:
    """The store could not be opened because its file is damaged or not a database."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.startup import CORRUPT_WORDS

    return isinstance(error, DamagedStoreError) or CORRUPT_WORDS in str(error)


def damaged_file(url: str, error: BaseException) -> Path | None:
    """The store's file when `error` says it is damaged (it did not open); else None."""
    database = sqlite_file(make_url(url))
    return database if database is not None and is_damaged_file(error) else None


def restore_latest(database: Path, folder: Path, passphrase: str | None,
                   moment: datetime) -> BackupInfo:
    """The damaged file `database` replaced by the latest backup of `folder` that can be
    restored (read with `passphrase` if encrypted), the damaged file kept beside
    it; a French `StoreError` if there is none."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.backup import backup_info, list_backups, restore

    for path in list_backups(folder):
        try:
            info = backup_info(path, passphrase)
            restore(path, database, passphrase, moment)
        except StoreError:
            continue
        return info
    raise StoreError(NONE_SOUND.format(folder=folder))
