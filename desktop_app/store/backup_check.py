"""Look inside a backup before trusting it: its key, its schema revision, what it
holds, whether SQLite finds it whole.

A backup is read-only here (`mode=ro`): looking at it never changes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.store.backup_names import store_like_name, taken_at
from desktop_app.store.errors import DamagedStoreError, StoreError, WrongPassphraseError
from desktop_app.store.keys import cipher_connect, looks_encrypted
from desktop_app.store.migrate import VERSION_TABLE, known_revisions
from desktop_app.store.records import BackupInfo

_SQLITE_HEADER = b"SQLite format 3\x00"

DAMAGED = ("La sauvegarde {where} est endommagée ({detail}) : elle ne peut pas être "
           "restaurée. Choisissez une autre sauvegarde (la précédente, ou celle d'un autre "
           "support).")
NOT_A_BACKUP = ("Le fichier {where} n'est pas une sauvegarde de Suivi FSL : choisissez un "
                "fichier « suivi-fsl-….sqlite3.bak ».")
MISSING = "La sauvegarde {where} est introuvable : vérifiez que le disque ou la clé est branché."
NEEDS_KEY = ("La sauvegarde {where} est chiffrée : donnez le mot de passe de la base "
             "(variable SUIVI_FSL_PASSPHRASE).")
WRONG_KEY = ("Mot de passe incorrect : la sauvegarde {where} a été chiffrée avec un autre "
             "mot de passe (celui de la base au moment de la sauvegarde).")
NEWER = ("La sauvegarde {where} a été faite par une version plus récente de Suivi FSL "
         "(révision « {revision} ») : installez la dernière version de l'application pour la "
         "restaurer.")


def is_plain_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER


@contextmanager
def open_backup(path: Path, passphrase: str | None, *, read_only: bool = True,
                shown_as: Path | None = None) -> Iterator[Any]:
    """A driver connection on the backup, its key checked: `WrongPassphraseError` or
    `StoreError` in French, naming it `shown_as` (the file the user chose, when `path` is a
    copy of it). A plain backup is read without a key. Random bytes look like an encrypted
    file (SQLCipher's are random to whoever lacks the key): such a file is taken for an
    encrypted backup only if it bears a name Suivi FSL gives to backups and stores."""
    where = str(shown_as or path)
    if not path.is_file():
        raise StoreError(MISSING.format(where=where))
    plain = is_plain_sqlite(path)
    if not plain and looks_encrypted(path) and not store_like_name(shown_as or path):
        raise DamagedStoreError(NOT_A_BACKUP.format(where=where))
    if not plain and not passphrase:
        if looks_encrypted(path):
            raise WrongPassphraseError(NEEDS_KEY.format(where=where))
        raise DamagedStoreError(NOT_A_BACKUP.format(where=where))
    target = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    with closing(cipher_connect(target, "" if plain else passphrase or "")) as connection:
        connection.isolation_level = None
        try:  # page 1 only: a wrong key (or a first page damaged) fails here…
            connection.execute("PRAGMA user_version").fetchone()
        except Exception as error:  # sqlcipher3's DatabaseError
            if not plain and looks_encrypted(path):
                raise WrongPassphraseError(WRONG_KEY.format(where=where)) from error
            raise damaged(shown_as or path) from error
        try:  # …a damaged page of the schema here
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception as error:
            raise damaged(shown_as or path) from error
        yield connection


def summary(problems: list[str]) -> str:
    """The first problems SQLite lists, on one line."""
    return " ".join("; ".join(problems[:3]).split())


def damaged(path: Path, problems: int = 0) -> DamagedStoreError:
    """The backup `path` cannot be read (`problems`: how many errors SQLite's check lists).
    Said in French only: the driver's own words (« malformed », « 'utf-8' codec can't
    decode… ») are not the user's."""
    detail = (f"SQLite y trouve {problems} erreur{'s' if problems > 1 else ''}" if problems
              else "contenu illisible")
    return DamagedStoreError(DAMAGED.format(where=path, detail=detail))


def _count(connection: Any, table: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def backup_info(path: Path, passphrase: str | None) -> BackupInfo:
    """The date and counts of the backup `path`; a French error if it is damaged, of a
    newer version, or its passphrase is wrong. (Counting reads every page of the four
    tables; `check_backup` reads all of them.)"""
    with open_backup(path, passphrase) as connection:
        return read_info(connection, path)


def read_info(connection: Any, path: Path) -> BackupInfo:
    """`BackupInfo` of the backup `path` open on `connection`."""
    try:
        revision = _revision(connection, path)
        households, measures, visits, workers = (
            _count(connection, t) for t in ("households", "measures", "visits", "workers"))
    except StoreError:
        raise
    except Exception as error:  # the driver's (text that is not UTF-8, a damaged page…)
        raise damaged(path) from error
    taken = taken_at(path) or datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return BackupInfo(path, taken, households, measures, visits, workers, revision,
                      not is_plain_sqlite(path))


def _revision(connection: Any, path: Path) -> str:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if VERSION_TABLE not in tables or "households" not in tables:
        raise DamagedStoreError(NOT_A_BACKUP.format(where=path))
    row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    if row is None:
        raise DamagedStoreError(NOT_A_BACKUP.format(where=path))
    revision = str(row[0])
    if revision not in known_revisions():
        raise StoreError(NEWER.format(where=path, revision=revision))
    return revision


def check_backup(path: Path, passphrase: str | None, shown_as: Path | None = None) -> None:
    """`PRAGMA integrity_check` over every page of the backup: `DamagedStoreError` naming
    it `shown_as` (the file the user chose, when `path` is a copy of it)."""
    with open_backup(path, passphrase, shown_as=shown_as) as connection:
        problems = pragma_check(connection, "integrity_check")
    if problems:
        raise damaged(shown_as or path, len(problems))


def pragma_check(connection: Any, pragma: str) -> list[str]:
    try:
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
    except Exception as error:  # malformed beyond what the check can list
        return [str(error)]
    return [] if rows == ["ok"] else rows
