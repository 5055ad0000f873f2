"""The one place a database engine is made, and the transactions of the store.

SQLite: foreign keys on, WAL journal, `synchronous=NORMAL`, a busy timeout, and transactions
begun by us (pysqlite's own implicit transactions are switched off): a read sees one
consistent snapshot, a write takes the write lock at once (`BEGIN IMMEDIATE`) so two writers
wait for each other instead of failing half-way. Encryption (SQLCipher) and the detection of
concurrent edits (issue 6) belong here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

#: How long a connection waits for another writer before « base occupée » (milliseconds).
BUSY_TIMEOUT_MS = 10_000
#: Execution option marking a connection that writes (see `write`).
_WRITE = "suivi_fsl_write"


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, None for another database or an in-memory one."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def create_store_engine(url: str | URL) -> Engine:
    """An engine on `url` with the store's connection settings (the only `create_engine`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    engine = create_engine(parsed, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN: `_sqlite_on_begin` does it
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    writes = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


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
