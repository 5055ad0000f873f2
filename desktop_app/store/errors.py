"""Environment problems (locked, disk full, corrupt, read-only…) turned into a `StoreError`
that says in French what happened and what to do. Anything else is a bug and goes up as is."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlcipher3 import dbapi2 as cipher  # type: ignore[import-untyped]

from desktop_app.store.api import StoreError

#: The errors of both drivers: sqlite3 (a plain store) and sqlcipher3 (an encrypted one).
_DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, cipher.Error)
_DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, cipher.DatabaseError)
_BUGS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, sqlite3.ProgrammingError,
                                      cipher.IntegrityError, cipher.ProgrammingError)
_CAUGHT: tuple[type[Exception], ...] = (exc.DBAPIError, *_DRIVER_ERRORS, OSError)

LOCKED = ("La base est occupée par une autre fenêtre ou un autre programme (Suivi FSL ouvert "
          "deux fois, sauvegarde en cours…) : attendez quelques secondes puis réessayez, ou "
          "fermez l'autre fenêtre.")
FULL = ("Le disque est plein : rien n'a été enregistré. Libérez de la place sur le disque "
        "(ou la clé USB) qui contient la base, puis réessayez.")
CORRUPT = ("Le fichier {where} n'est pas une base Suivi FSL lisible (fichier endommagé ou "
           "d'un autre type) : restaurez la dernière sauvegarde, ou choisissez un autre "
           "fichier avec --db.")
READ_ONLY = ("La base {where} est en lecture seule : copiez-la dans un dossier où vous pouvez "
             "écrire, ou retirez la protection en écriture du fichier, puis réessayez.")
CANNOT_OPEN = ("Impossible d'ouvrir la base {where} : vérifiez que le dossier existe, que "
               "vous avez le droit d'y écrire et que le disque (ou la clé USB) est branché.")
IO_ERROR = ("Erreur de lecture ou d'écriture du disque sur {where} : vérifiez le disque ou la "
            "clé USB, puis réessayez ; si cela se reproduit, restaurez la dernière sauvegarde.")
LINK_LOOP = ("Le chemin {where} est une boucle de liens symboliques (un lien qui mène, "
             "directement ou non, à lui-même) : corrigez le lien, ou donnez le chemin du vrai "
             "fichier avec --db.")
NOT_REGULAR = ("La base {where} n'est pas un fichier ordinaire (dossier, périphérique, "
               "tube…) : donnez le chemin d'un fichier de base SQLite avec --db.")

#: (fragments of the SQLite message, French message) — first match wins.
_SQLITE = (
    (("database is locked", "database table is locked", "database schema is locked"), LOCKED),
    (("database or disk is full", "disk is full"), FULL),
    (("file is not a database", "malformed", "file is encrypted",
      "could not decode to utf-8"), CORRUPT),
    (("readonly database", "read-only", "read only"), READ_ONLY),
    (("unable to open database file",), CANNOT_OPEN),
    (("disk i/o error",), IO_ERROR),
)
_OS = {errno.ENOSPC: FULL, errno.EROFS: READ_ONLY, errno.EACCES: CANNOT_OPEN,
       errno.EPERM: CANNOT_OPEN, errno.ELOOP: LINK_LOOP}


def french_message(error: BaseException, where: str) -> str | None:
    """The French message of an environment error, None if it is not one (a bug)."""
    if isinstance(error, OSError) and not isinstance(error, _DRIVER_ERRORS):
        template = _OS.get(error.errno or 0, CANNOT_OPEN if error.errno else None)
        return None if template is None else template.format(where=where)
    original = error.orig if isinstance(error, exc.DBAPIError) else error
    if not isinstance(original, _DATABASE_ERRORS) or isinstance(original, _BUGS):
        return None
    text = str(original).lower()
    for fragments, template in _SQLITE:
        if any(fragment in text for fragment in fragments):
            return template.format(where=where)
    return None


@contextmanager
def environment_errors(where: str) -> Iterator[None]:
    """Turn an environment error raised in the block into a French `StoreError`."""
    try:
        yield
    except _CAUGHT as error:
        message = french_message(error, where)
        if message is None:
            raise
        raise StoreError(message) from error
