"""Plain SQL on a test's store through its own engine, whichever the engine (SQLite file or
PostgreSQL database): what the store wrote, read without the store's code."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from desktop_app.store.repository import SqlStore


def sql_rows(store: SqlStore, query: str, **params: Any) -> list[tuple[Any, ...]]:
    """The rows of `query` (`:name` parameters), days as ISO text as SQLite stores them."""
    with store.engine.connect() as connection:
        return [tuple(v.isoformat() if isinstance(v, date) else v for v in row)
                for row in connection.execute(text(query), params)]
