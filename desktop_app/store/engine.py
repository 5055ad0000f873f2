"""The one place a database engine is made, and the transactions of the store.

Two engines are supported: a SQLite file (the embedded default) and a PostgreSQL server
(`postgresql://…` or `postgresql+psycopg://…`; a bare `postgresql://` is driven by
psycopg 3, never psycopg2).

SQLite: foreign keys on, WAL journal, `synchronous=NORMAL`, a busy timeout, and transactions
begun by us (pysqlite's own implicit transactions are switched off): a read sees one
consistent snapshot, a write takes the write lock at once (`BEGIN IMMEDIATE`) so two writers
wait for each other instead of failing half-way. The detection of concurrent edits
belongs here too.

Encryption at rest: given a passphrase (argument, else `SUIVI_FSL_PASSPHRASE`), the
file is opened through SQLCipher (`sqlcipher3`), `PRAGMA key` issued first on each connection
and checked at once, so a wrong passphrase is a `WrongPassphraseError`, never « file is not a
database ». The other settings are the same.

PostgreSQL: the same two kinds of transaction, with the same guarantees.
- A write runs at READ COMMITTED and first takes one transaction-level advisory lock
  (`pg_advisory_xact_lock(WRITER_LOCK)`), released by its commit or rollback: writers take
  turns exactly as SQLite's `BEGIN IMMEDIATE` makes them. Each statement after the lock sees
  every write committed before it, so the checks of `tracked` (the `expected=` fingerprints
  of the conflict check, « id already taken » for a new record) read the latest version and no other
  writer can slip in between the check and the write: the second of two writers gets the
  same French `ConflictError` as on SQLite, never a silent overwrite (two workers creating a
  household under the same `new_id` at once: the second is refused, the id taken said).
  REPEATABLE READ or SERIALIZABLE would not do it alone: their snapshot is taken before the
  lock is granted, and a serialisation failure would have to be retried or explained.
  Writes are short (one record, or one import), so one writer at a time costs a team
  nothing noticeable; a writer that waits longer than `BUSY_TIMEOUT_MS` (`lock_timeout`)
  is told in French that the store is busy, as on SQLite.
- A read runs at REPEATABLE READ: every query of the block sees one snapshot of the store
  (a points or grid computation never mixes two states), and a reader never waits for a
  writer nor blocks one.
The schema (tables) is made by the Alembic migrations only, in `migrate`, as on SQLite; the
roles, rights and row-level policies of a team's server by `server init` (`server_policies`).

Who has a store file open: each engine on a SQLite file holds the shared lock of
`store_lock` from its first connection until `dispose_engine`; a restoration takes it
exclusive (`engine_lock(engine).sole()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary, finalize

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from desktop_app.private_files import private_empty_file
from desktop_app.store.errors import StoreError, WrongPassphraseError
from desktop_app.store.keys import (
    NEEDS_PASSPHRASE,
    NOT_ENCRYPTED,
    WRONG_PASSPHRASE,
    cipher_connect,
    given_passphrase,
    looks_encrypted,
    looks_plain,
)
from desktop_app.store.store_lock import StoreLock

#: How long a connection waits for another writer before « base occupée » (milliseconds).
BUSY_TIMEOUT_MS = 10_000
#: Execution option marking a connection that writes (see `write`).
_WRITE = "suivi_fsl_write"
#: The key of the advisory lock PostgreSQL writers take in turn (any constant: it only has to
#: be the same for every writer of a database; advisory locks are per database).
WRITER_LOCK = 0x5F5C_F51

#: The PostgreSQL schemes accepted, all driven by psycopg 3.
POSTGRESQL_DRIVER = "postgresql+psycopg"
UNSUPPORTED = ("La base {where} n'est ni un fichier SQLite ni une base PostgreSQL : donnez à "
               "--db un chemin de fichier, ou une adresse postgresql://… (voir "
               "docs/serveur.md). Rien n'a été fait.")
PASSPHRASE_ON_SERVER = ("Un mot de passe de chiffrement (SUIVI_FSL_PASSPHRASE) ne concerne "
                        "qu'une base sur fichier : une base sur un serveur PostgreSQL n'en a "
                        "pas (la connexion est chiffrée par TLS, voir docs/serveur.md). "
                        "Retirez-le, ou choisissez un fichier avec --db.")


def is_postgresql(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def shown_url(url: URL) -> str:
    """`url` as said to the user: without its password (nor a `password=` parameter)."""
    return url.difference_update_query(["password"]).render_as_string(hide_password=True)


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, None for another database or an in-memory one."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


#: The passphrase of each encrypted store's engine (backups are made and read with it).
_KEYS: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()
#: The lock of each engine on a store file (none for another database).
_LOCKS: WeakKeyDictionary[Engine, StoreLock] = WeakKeyDictionary()


def engine_passphrase(engine: Engine) -> str | None:
    """The passphrase `engine` opens its store with; None for a plain store."""
    return _KEYS.get(engine)


NOT_A_URL = ("Adresse de base illisible « {url} » : donnez le chemin d'un fichier SQLite avec "
             "--db, ou une adresse postgresql://… (voir docs/serveur.md).")
UNKNOWN_DRIVER = ("Pilote de base inconnu « {driver} » dans « {url} » : donnez le chemin d'un "
                  "fichier SQLite avec --db (ou une URL sqlite:///CHEMIN).")


def store_url(url: str | URL) -> URL:
    """`url` parsed, if it is a store this version opens: a SQLite file through Python's own
    driver (SQLCipher is taken for an encrypted file), or a PostgreSQL server always driven by
    psycopg 3 (`postgresql://`, `postgres://` and `postgresql+psycopg2://` included). Another
    database, an unknown SQLite driver or an unreadable URL is a French `StoreError`."""
    if isinstance(url, URL):
        parsed = url
    else:
        try:
            parsed = make_url(url)
        except Exception as error:  # SQLAlchemy's ArgumentError, or ValueError on a port
            scheme = url.split("://", 1)[0]
            raise StoreError(NOT_A_URL.format(url=f"{scheme}://…")) from error
    backend, _, driver = parsed.drivername.partition("+")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername=POSTGRESQL_DRIVER)
    if backend != "sqlite":
        raise StoreError(UNSUPPORTED.format(where=shown_url(parsed)))
    if driver not in ("", "pysqlite"):
        raise StoreError(UNKNOWN_DRIVER.format(driver=driver, url=shown_url(parsed)))
    return parsed


def engine_lock(engine: Engine) -> StoreLock | None:
    """The lock `engine` holds on its store file while it uses it; None if not a file."""
    return _LOCKS.get(engine)


def dispose_engine(engine: Engine) -> None:
    """Every connection of `engine` closed and its store's lock let go (it is taken again
    if the engine is used again)."""
    engine.dispose()
    lock = _LOCKS.get(engine)
    if lock is not None:
        lock.release()


def create_store_engine(url: str | URL, passphrase: str | None = None) -> Engine:
    """An engine on `url` with the store's connection settings (the only `create_engine`);
    a SQLite store is encrypted with `passphrase` (None: `SUIVI_FSL_PASSPHRASE`, if set). A
    SQLite file that does not exist yet is created empty and private (0600) first."""
    parsed = store_url(url)
    key = given_passphrase(passphrase)
    if is_postgresql(parsed):
        if key is not None:
            raise StoreError(PASSPHRASE_ON_SERVER)
        engine = create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED")
        event.listen(engine, "begin", _postgresql_on_begin)
        return engine
    database = sqlite_file(parsed)
    if database is not None:
        # 0600 before SQLite creates it: its -wal, -shm and -journal files take its mode.
        private_empty_file(database)
    if key is None:
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
    else:
        from sqlcipher3 import dbapi2

        target = str(database) if database is not None else parsed.database or ":memory:"
        engine = create_engine(parsed, module=dbapi2, creator=partial(cipher_connect, target, key))
        _KEYS[engine] = key
    if database is not None:  # before anything is read: the lock first
        lock = _LOCKS[engine] = StoreLock(database)
        event.listen(engine, "connect", lambda _connection, _record: lock.hold())
        finalize(engine, lock.release)
    event.listen(engine, "connect", partial(_sqlite_on_connect, database, key is not None))
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(database: Path | None, keyed: bool, dbapi_connection: Any,
                       _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN: `_sqlite_on_begin` does it
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("SELECT count(*) FROM sqlite_master")  # reads page 1: checks the key
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    except Exception as error:  # the driver's DatabaseError (sqlite3 or sqlcipher3)
        if "file is not a database" in str(error).lower():
            if keyed and database is not None and looks_plain(database):
                # A passphrase for a plain store is refused rather than ignored: a script
                # that gives one believes the store, and the backups made of it, encrypted.
                raise WrongPassphraseError(NOT_ENCRYPTED) from error
            if keyed:
                raise WrongPassphraseError(WRONG_PASSPHRASE) from error
            if database is not None and looks_encrypted(database):
                raise WrongPassphraseError(NEEDS_PASSPHRASE) from error
        raise
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    writes = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _postgresql_on_begin(connection: Connection) -> None:
    """See the module's docstring: writers take turns, a read sees one snapshot."""
    if connection.get_execution_options().get(_WRITE, False):
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
    else:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One read transaction: every query of the block sees the same state of the store."""
    with engine.connect() as connection, connection.begin():
        yield connection
