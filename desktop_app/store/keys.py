"""The passphrase of an encrypted store (SQLCipher): where it comes from, how it is
given to SQLCipher, and how a file that needs one is recognised."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop_app.store.errors import WrongPassphraseError

#: The variable scripts give the passphrase in (docs/echange.md).
PASSPHRASE_ENV = "SUIVI_FSL_PASSPHRASE"

WRONG_PASSPHRASE = "Mot de passe incorrect : la base est chiffrée avec un autre mot de passe."
NEEDS_PASSPHRASE = ("Cette base est chiffrée : donnez son mot de passe (variable "
                    "SUIVI_FSL_PASSPHRASE).")
NOT_ENCRYPTED = ("Cette base n'est pas chiffrée : elle s'ouvre sans mot de passe. Retirez la "
                 "variable SUIVI_FSL_PASSPHRASE pour l'ouvrir, ou chiffrez-la depuis les "
                 "Paramètres de la fenêtre.")
NOT_TEXT = ("Le mot de passe de la variable SUIVI_FSL_PASSPHRASE n'est pas un texte valide "
            "(caractères hors UTF-8) : redonnez-le depuis un terminal ou un script en UTF-8. "
            "Rien n'a été ouvert ni créé.")

#: The first 16 bytes of every plain SQLite file (an encrypted one starts with a random salt).
_SQLITE_HEADER = b"SQLite format 3\x00"
#: The smallest page size of SQLite: an encrypted file is a whole number of pages.
_MIN_PAGE = 512


def given_passphrase(passphrase: str | None) -> str | None:
    """`passphrase`, else `SUIVI_FSL_PASSPHRASE`; None (a plain store) if neither is set
    or both are empty. A variable whose bytes are not UTF-8 (POSIX hands them to Python as
    lone surrogates, which SQLCipher cannot take) is a `WrongPassphraseError`, raised before
    any file is touched."""
    if passphrase is None:
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if passphrase and not _is_text(passphrase):
            raise WrongPassphraseError(NOT_TEXT)
    return passphrase or None


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def quoted(passphrase: str) -> str:
    """`passphrase` as an SQL string literal (quotes doubled): PRAGMA takes no parameter."""
    if "\x00" in passphrase:
        raise ValueError("passphrase with a NUL character")
    return "'" + passphrase.replace("'", "''") + "'"


def apply_key(connection: Any, passphrase: str) -> None:
    """`PRAGMA key`, before anything else on a fresh SQLCipher connection; SQLCipher's own
    log is silenced (it would print « hmac check failed » on the terminal at a wrong key)."""
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {quoted(passphrase)}")


def cipher_connect(database: str, passphrase: str) -> Any:
    """A SQLCipher connection on `database`, its key applied (the engine's `creator`);
    an empty passphrase: no key, the file is read as plain SQLite."""
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(database, check_same_thread=False,
                                uri=database.startswith("file:"))
    if passphrase:
        apply_key(connection, passphrase)
    return connection


def is_new(database: Path | None) -> bool:
    """No store yet at `database` (missing or empty file): opening it creates one (the
    window's first launch; the command line then checks the strength of the passphrase)."""
    if database is None:
        return False
    try:
        return database.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def looks_plain(database: Path) -> bool:
    """A file that starts as every plain (not encrypted) SQLite file does."""
    try:
        with database.open("rb") as file:
            return file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def looks_encrypted(database: Path) -> bool:
    """A non-empty file that is not plain SQLite but a whole number of pages: SQLCipher's
    (a damaged or foreign file is rarely a multiple of 512 bytes)."""
    try:
        size = database.stat().st_size
        with database.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    return size >= _MIN_PAGE and size % _MIN_PAGE == 0 and header != _SQLITE_HEADER
