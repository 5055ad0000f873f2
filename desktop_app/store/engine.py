"""The one place a database engine is made, and the transactions of the store.

Two engines are supported: a SQLite file (the embedded default) and a PostgreSQL server
(`postgresql://…` or `postgresql+psycopg://…`, issue 12; a bare `postgresql://` is driven by
psycopg 3, never psycopg2).

SQLite: foreign keys on, WAL journal, `synchronous=NORMAL`, a busy timeout, and transactions
begun by us (pysqlite's own implicit transactions are switched off): a read sees one
consistent snapshot, a write takes the write lock at once (`BEGIN IMMEDIATE`) so two writers
wait for each other instead of failing half-way. The detection of concurrent edits (issue 6)
belongs here too.

Encryption at rest (issue 6): given a passphrase (argument, else `SUIVI_FSL_PASSPHRASE`), the
file is opened through SQLCipher (`sqlcipher3`), `PRAGMA key` issued first on each connection
and checked at once, so a wrong passphrase is a `WrongPassphraseError`, never « file is not a
database ». The other settings are the same.

PostgreSQL: the same two kinds of transaction, with the same guarantees.
- A write runs at READ COMMITTED and first takes one transaction-level advisory lock
  (`pg_advisory_xact_lock(WRITER_LOCK)`), released by its commit or rollback: writers take
  turns exactly as SQLite's `BEGIN IMMEDIATE` makes them. Each statement after the lock sees
  every write committed before it, so the checks of `tracked` (the `expected=` fingerprints
  of issue 6, « id already taken » for a new record) read the latest version and no other
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
The schema (tables, and later the roles and row-level policies of issue 12) is made by the
Alembic migrations only, in `migrate`, as on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from desktop_app.store.api import StoreError, WrongPassphraseError
from desktop_app.store.keys import (
    NEEDS_PASSPHRASE,
    WRONG_PASSPHRASE,
    cipher_connect,
    given_passphrase,
    looks_encrypted,
)

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


def store_url(url: str | URL) -> URL:
    """`url` parsed, a PostgreSQL one always driven by psycopg 3 (`postgresql://`,
    `postgres://` and `postgresql+psycopg2://` included)."""
    parsed = make_url(url)
    if parsed.get_backend_name() in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=POSTGRESQL_DRIVER)
    return parsed


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


def engine_passphrase(engine: Engine) -> str | None:
    """The passphrase `engine` opens its store with; None for a plain store."""
    return _KEYS.get(engine)


def create_store_engine(url: str | URL, passphrase: str | None = None) -> Engine:
    """An engine on `url` with the store's connection settings (the only `create_engine`);
    a SQLite store is encrypted with `passphrase` (None: `SUIVI_FSL_PASSPHRASE`, if set)."""
    parsed = store_url(url)
    key = given_passphrase(passphrase)
    if is_postgresql(parsed):
        if key is not None:
            raise StoreError(PASSPHRASE_ON_SERVER)
        engine = create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED")
        event.listen(engine, "begin", _postgresql_on_begin)
        return engine
    if parsed.get_backend_name() != "sqlite":
        raise StoreError(UNSUPPORTED.format(where=shown_url(parsed)))
    database = sqlite_file(parsed)
    if key is None:
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
    else:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]

        target = str(database) if database is not None else parsed.database or ":memory:"
        engine = create_engine(parsed, module=dbapi2, creator=partial(cipher_connect, target, key))
        _KEYS[engine] = key
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
