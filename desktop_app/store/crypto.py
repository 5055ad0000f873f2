"""Encrypt a plain store, change the passphrase of an encrypted one (SQLCipher).

Both need the store to themselves: they hold its lock exclusive (`store_lock`), refused in
French while another window or program has it open — it would write into the file put
aside and lose it, or find the key changed under it. The caller's own engine on the store
(the window's) is given: its connections are closed and its shared lock made exclusive for
the time of the work (it reconnects afterwards, with the old key if the work failed).

An encryption is crash-safe: the plain store's WAL is folded into it, the encrypted copy is
written beside it under a hidden temporary name (`.<store>.<pid>.<random>.suivi-tmp`, 0600,
no journal), synced, and put in its place by one `os.replace`, the folder synced. Killed at
any point, the path holds the plain store, whole, or the encrypted one; never both side by
side once done (the plain store is replaced, not copied), and a killed encryption's hidden
copy is removed at the next opening of the store (`backup_files.remove_restore_leftovers`).
A change of passphrase is one SQLCipher transaction (`PRAGMA rekey`, rollback journal).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from desktop_app.private_files import sync_folder
from desktop_app.store.backup_files import discard, staging_path, sync
from desktop_app.store.engine import engine_lock
from desktop_app.store.errors import RefusedError, StoreError, WrongPassphraseError
from desktop_app.store.keys import WRONG_PASSPHRASE, cipher_connect, quoted
from desktop_app.store.store_lock import ENCRYPTING_IN_USE, REKEYING_IN_USE, exclusive

ALREADY = ("La base {where} est déjà chiffrée : pour changer son mot de passe, utilisez "
           "« Changer le mot de passe ».")
EMPTY = "Le mot de passe est vide : choisissez-en un (12 caractères variés ou plus)."
NOT_FOLDED = ("La base {where} n'a pas pu être préparée au chiffrement (son journal d'écriture "
              "n'a pas pu y être intégré) : fermez les autres fenêtres ou programmes qui "
              "l'utilisent, puis réessayez. Rien n'a été modifié.")
_SQLITE_HEADER = b"SQLite format 3\x00"


def convert_to_encrypted(path: Path, passphrase: str, engine: Engine | None = None) -> None:
    """Replace the plain store at `path` by the same data encrypted with `passphrase`;
    refused (`ENCRYPTING_IN_USE`) while another window or program has it open. `engine`:
    the caller's own engine on it, else this process must not have it open."""
    if not passphrase:
        raise RefusedError(EMPTY)
    with _alone(path, engine, ENCRYPTING_IN_USE):
        with path.open("rb") as file:
            if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                raise RefusedError(ALREADY.format(where=path))
        target = staging_path(path)  # hidden, 0600, named after this process
        try:
            with closing(cipher_connect(str(path), "")) as plain:  # empty key: plain SQLite
                plain.isolation_level = None
                busy = plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    raise StoreError(NOT_FOLDED.format(where=path))
                _export(plain, target, passphrase, journal=False)
            sync(target)
            _remove_sidecars(path)  # empty once folded: never replayed over the new store
            os.replace(target, path)
        finally:
            discard(target)
        sync_folder(path.parent)


@contextmanager
def _alone(path: Path, engine: Engine | None, in_use: str) -> Iterator[None]:
    """The store's lock held exclusive for the block (`in_use`, French, if anyone else has
    the store open): through `engine`'s own lock, its connections closed, if given."""
    lock = engine_lock(engine) if engine is not None else None
    if engine is None or lock is None:
        with exclusive(path, in_use):
            yield
        return
    with lock.sole(in_use):
        engine.dispose()  # none of its connections left on the file
        yield


def export_encrypted(source: Path, target: Path, passphrase: str) -> None:
    """The plain SQLite file `source` (only read) written into `target` (an empty file)
    encrypted with `passphrase`: every page is encrypted before it is written, and no
    journal is kept beside `target` (a copy being made is thrown away if interrupted)."""
    if not passphrase:
        raise RefusedError(EMPTY)
    with closing(cipher_connect(source.resolve().as_uri() + "?mode=ro", "")) as plain:
        plain.isolation_level = None
        _export(plain, target, passphrase, journal=False)


def _export(plain: Any, target: Path, passphrase: str, journal: bool = True) -> None:
    """`sqlcipher_export` of the plain connection's database into `target`, encrypted."""
    version = plain.execute("PRAGMA user_version").fetchone()[0]
    plain.execute(f"ATTACH DATABASE {quoted(str(target))} AS encrypted KEY {quoted(passphrase)}")
    if not journal:
        plain.execute("PRAGMA encrypted.journal_mode = OFF")
    plain.execute("SELECT sqlcipher_export('encrypted')")
    plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
    plain.execute("DETACH DATABASE encrypted")


def change_passphrase(path: Path, old: str, new: str, engine: Engine | None = None) -> None:
    """Re-encrypt the store at `path` with `new` (`PRAGMA rekey`); `old` must be right;
    refused (`REKEYING_IN_USE`) while another window or program has it open. `engine`: the
    caller's own engine on it, else this process must not have it open."""
    if not new:
        raise RefusedError(EMPTY)
    with _alone(path, engine, REKEYING_IN_USE), \
            closing(cipher_connect(str(path), old)) as connection:
        connection.isolation_level = None
        _check_key(connection)
        connection.execute("PRAGMA journal_mode=DELETE")  # WAL folded in: rekey covers all
        connection.execute(f"PRAGMA rekey = {quoted(new)}")
        connection.execute("PRAGMA journal_mode=WAL")


def _check_key(connection: Any) -> None:
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as error:  # sqlcipher3's DatabaseError
        if "file is not a database" in str(error).lower():
            raise WrongPassphraseError(WRONG_PASSPHRASE) from error
        raise


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
