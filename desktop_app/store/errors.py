"""The store's errors: the exceptions it raises (each said in French), and the environment
problems (locked, disk full, corrupt, read-only…) turned into a `StoreError` that says in
French what happened and what to do. Anything else is a bug and goes up as is.

SQLite's errors are recognised by their message, PostgreSQL's (psycopg 3) by their SQLSTATE
code, or — for a connection that could not be made, which has none — by libpq's message. No
message ever shows the password of a server URL: `where` is given without it
(`engine.shown_url`).

The drivers (psycopg, sqlcipher3) and SQLAlchemy are not imported here: an error of one of
them can only be raised once it is loaded, so its classes are looked for among the modules
already loaded (`sys.modules`). A command on a plain SQLite file loads neither psycopg nor
sqlcipher3."""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy.exc import DBAPIError

    from desktop_app.interchange.errors import Problem


class StoreError(Exception):
    """An environment problem (locked, disk full, corrupt, newer version): said in French."""



class DamagedStoreError(StoreError):
    """The store or a backup fails SQLite's integrity check (said in French)."""


class ServerConnectionError(StoreError):
    """No connection to a PostgreSQL server could be made, or it was cut: the
    window offers to retry or to work on the local store. `kind` is one of the keys of
    `store.errors.CONNECTION` (« login »: the password is asked again)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class RefusedError(StoreError):
    """An operation the store's rules refuse, said in French with the reason (an archived
    file is read-only, an import changed since cannot be undone…): nothing was changed, and
    nothing is wrong with the file or the disk."""


class NotEmptyError(RefusedError):
    """Data meant for an empty store only (the demonstration) and the store holds records."""


class ConflictError(StoreError):
    """The record was changed by someone else since it was read."""


class WrongPassphraseError(StoreError):
    """An encrypted store opened with a wrong passphrase, or without one (said in French)."""


class DuplicateIdsError(Exception):
    """An import whose records' ids are already in the store: nothing was written.

    `problems` gives each one with its JSON path (`households[3].id`), in French."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} identifiant(s) du fichier déjà présent(s) dans la "
                         "base : rien n'a été importé")
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


#: The modules whose errors are recognised, when loaded: SQLAlchemy's, and the drivers of an
#: encrypted store (sqlcipher3; sqlite3's own are always there) and of a server (psycopg).
_SQLALCHEMY = "sqlalchemy.exc"
_CIPHER = "sqlcipher3.dbapi2"
_PSYCOPG = "psycopg"


def _loaded(module: str, *names: str) -> tuple[type[Exception], ...]:
    """The classes `names` of `module` if it is loaded, none otherwise."""
    found = sys.modules.get(module)
    return () if found is None else tuple(getattr(found, name) for name in names)


def _driver_errors() -> tuple[type[Exception], ...]:
    """The errors of both SQLite drivers: sqlite3 (a plain store), sqlcipher3 (an encrypted
    one)."""
    return (sqlite3.Error, *_loaded(_CIPHER, "Error"))


def _database_errors() -> tuple[type[Exception], ...]:
    return (sqlite3.DatabaseError, *_loaded(_CIPHER, "DatabaseError"))


def _bugs() -> tuple[type[Exception], ...]:
    return (sqlite3.IntegrityError, sqlite3.ProgrammingError,
            *_loaded(_CIPHER, "IntegrityError", "ProgrammingError"))


def _caught() -> tuple[type[Exception], ...]:
    """What `environment_errors` looks at: the drivers', SQLAlchemy's and the system's."""
    return (*_loaded(_SQLALCHEMY, "DBAPIError"), *_driver_errors(), *_loaded(_PSYCOPG, "Error"),
            OSError)

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

SERVER_BUSY = ("La base {where} est occupée par une autre écriture (un autre poste enregistre "
               "en ce moment) : rien n'a été enregistré ; attendez quelques secondes puis "
               "réessayez.")
SERVER_FULL = ("Le serveur {where} manque de place (disque ou mémoire) : rien n'a été "
               "enregistré. Prévenez la personne qui administre le serveur, puis réessayez.")
SERVER_READ_ONLY = ("Le serveur {where} n'accepte que des lectures (serveur de secours, ou "
                    "base mise en lecture seule) : rien n'a été enregistré. Prévenez la "
                    "personne qui administre le serveur.")
NOT_ALLOWED = ("Votre compte n'a pas le droit de faire cela sur le serveur {where} : rien n'a "
               "été modifié. Demandez à la personne qui administre le serveur.")
ID_TAKEN = ("Rien n'a été enregistré sur le serveur {where} : l'identifiant de cet "
            "enregistrement y est déjà pris, peut-être par un dossier que votre compte ne voit "
            "pas. Choisissez un autre identifiant, ou demandez à un responsable.")
LOGIN_REFUSED = ("Le serveur {where} a refusé la connexion (identifiant ou mot de passe "
                 "refusé, ou poste non autorisé) : vérifiez l'identifiant et le mot de passe "
                 "(PGPASSWORD ou ~/.pgpass, voir docs/serveur.md), puis réessayez.")
NO_DATABASE = ("La base indiquée n'existe pas sur le serveur {where} : vérifiez son nom dans "
               "l'adresse donnée à --db, ou demandez à la personne qui administre le serveur "
               "de la créer.")
TLS_FAILED = ("La connexion chiffrée (TLS) au serveur {where} a échoué : vérifiez le réglage "
              "sslmode et le fichier de l'autorité de certification (sslrootcert) dans "
              "l'adresse donnée à --db (voir docs/serveur.md).")
UNREACHABLE = ("Impossible de joindre le serveur {where}, ou la connexion a été coupée : "
               "rien n'a été enregistré. Vérifiez le réseau, le nom du serveur et le port, et "
               "que le serveur est démarré, puis réessayez.")

#: (first characters of the SQLSTATE code, French message) — first match wins.
_SQLSTATES = (
    (("55P03", "40001", "40P01"), SERVER_BUSY),
    (("53",), SERVER_FULL),
    (("25006",), SERVER_READ_ONLY),
    (("42501",), NOT_ALLOWED),
    (("23505",), ID_TAKEN),
    (("28",), LOGIN_REFUSED),
    (("3D000",), NO_DATABASE),
    (("08", "57P"), UNREACHABLE),
)
#: (fragments of libpq's message for a connection not made, French message).
_LIBPQ = (
    (("password", "role", "pg_hba.conf", "authentication"), LOGIN_REFUSED),
    (("database",), NO_DATABASE),
    (("ssl", "certificate", "tls"), TLS_FAILED),
)

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
    if isinstance(error, OSError) and not isinstance(error, _driver_errors()):
        template = _OS.get(error.errno or 0, CANNOT_OPEN if error.errno else None)
        return None if template is None else template.format(where=where)
    wrapped = _loaded(_SQLALCHEMY, "DBAPIError")
    original = cast("DBAPIError", error).orig if isinstance(error, wrapped) else error
    if isinstance(original, _loaded(_PSYCOPG, "Error")):
        return _server_message(cast("psycopg.Error", original), where)
    if not isinstance(original, _database_errors()) or isinstance(original, _bugs()):
        return None
    text = str(original).lower()
    for fragments, template in _SQLITE:
        if any(fragment in text for fragment in fragments):
            return template.format(where=where)
    return None


def _server_message(error: psycopg.Error, where: str) -> str | None:
    code = error.sqlstate
    if code is not None:
        for prefixes, template in _SQLSTATES:
            if code.startswith(prefixes):
                return template.format(where=where)
        return None
    if not isinstance(error, _loaded(_PSYCOPG, "OperationalError")):
        return None
    text = str(error).lower()
    for fragments, template in _LIBPQ:
        if any(fragment in text for fragment in fragments):
            return template.format(where=where)
    return UNREACHABLE.format(where=where)


#: The messages of a connection not made (or cut), by kind.
CONNECTION = {"unreachable": UNREACHABLE, "login": LOGIN_REFUSED, "database": NO_DATABASE,
              "tls": TLS_FAILED}


@contextmanager
def environment_errors(where: str) -> Iterator[None]:
    """Turn an environment error raised in the block into a French `StoreError` (a
    `ServerConnectionError` for a server that cannot be reached or refuses the login)."""
    try:
        yield
    except Exception as error:
        if not isinstance(error, _caught()):
            raise
        message = french_message(error, where)
        if message is None:
            raise
        for kind, template in CONNECTION.items():
            if message == template.format(where=where):
                raise ServerConnectionError(message, kind) from error
        raise StoreError(message) from error
