"""Encrypt a plain store, change the passphrase of an encrypted one (SQLCipher, issue 6).

Both work on the closed file (no other window or program may have it open). A conversion is
written beside the store, then put in its place whole: a crash leaves the plain store as it
was, never half a file. The plain store's WAL and shared-memory files are removed with it.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import Any

from desktop_app.private_files import private_empty_file
from desktop_app.store.api import RefusedError, WrongPassphraseError
from desktop_app.store.keys import WRONG_PASSPHRASE, cipher_connect, quoted

ALREADY = ("La base {where} est déjà chiffrée : pour changer son mot de passe, utilisez "
           "« Changer le mot de passe ».")
EMPTY = "Le mot de passe est vide : choisissez-en un (12 caractères variés ou plus)."
_SQLITE_HEADER = b"SQLite format 3\x00"


def convert_to_encrypted(path: Path, passphrase: str) -> None:
    """Replace the plain store at `path` by the same data encrypted with `passphrase`."""
    if not passphrase:
        raise RefusedError(EMPTY)
    with path.open("rb") as file:
        if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise RefusedError(ALREADY.format(where=path))
    target = path.with_name(f"{path.name}.chiffrement-en-cours")
    target.unlink(missing_ok=True)
    private_empty_file(target)  # the encrypted store is 0600 whatever the umask
    with closing(cipher_connect(str(path), "")) as plain:  # empty key: read as plain SQLite
        plain.isolation_level = None
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _export(plain, target, passphrase)
    _remove_sidecars(path)
    os.replace(target, path)


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


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-encrypt the store at `path` with `new` (`PRAGMA rekey`); `old` must be right."""
    if not new:
        raise RefusedError(EMPTY)
    with closing(cipher_connect(str(path), old)) as connection:
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
