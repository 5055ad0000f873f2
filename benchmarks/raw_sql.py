"""The raw SQL figures the engine paths are compared with, run through the engine's own
driver directly (`sqlite3` on the same file, psycopg on the same PostgreSQL database) in the
same run: plain aggregates over the same tables, no Python objects, no SQLAlchemy."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop_app.domain.dates import Month

MONTH_VISITS = """
SELECT m.type, count(*),
       count(CASE WHEN v.outcome = 'realisee' AND v.place = 'domicile' THEN 1 END)
FROM visits v JOIN measures m ON m.id = v.measure_id
WHERE v.day BETWEEN ? AND ?
GROUP BY m.type
"""

DAY_IN_FORCE = """
SELECT m.type, count(DISTINCT m.id), count(v.id)
FROM measures m LEFT JOIN visits v ON v.measure_id = m.id AND v.day BETWEEN ? AND ?
WHERE m.span_start <= ? AND m.span_end >= ?
GROUP BY m.type
"""


class Raw:
    """A plain driver connection to a store, either engine: queries written with `?`
    placeholders and `date` parameters (sent as ISO text to SQLite, as dates to
    PostgreSQL). Read only; closed when its `with` block ends."""

    def __init__(self, connection: Any, postgresql: bool) -> None:
        self.connection = connection
        self.postgresql = postgresql

    def execute(self, query: str, parameters: Sequence[object] = ()) -> Any:
        """The driver's cursor over the rows of `query`."""
        if self.postgresql:
            values = [date.fromisoformat(p) if isinstance(p, str) and _iso_day(p) else p
                      for p in parameters]
            return self.connection.execute(query.replace("?", "%s"), values)
        values = [p.isoformat() if isinstance(p, date) else p for p in parameters]
        return self.connection.execute(query, values)

    def rows(self, query: str, parameters: Sequence[object] = ()) -> Iterator[tuple[Any, ...]]:
        return iter(self.execute(query, parameters).fetchall())

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.connection.close()


def _iso_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def connect(path: Path) -> Raw:
    """A read-only connection to the store's file."""
    return Raw(sqlite3.connect(f"file:{path}?mode=ro", uri=True), postgresql=False)


def connect_postgresql(url: str) -> Raw:
    """A connection to the store's PostgreSQL database (`url`: the store's URL), each
    query in its own transaction (autocommit) as the loaders' reads are."""
    import psycopg
    from sqlalchemy.engine import make_url

    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return Raw(psycopg.connect(libpq, autocommit=True), postgresql=True)


def month_aggregate(connection: Raw, month: Month) -> list[tuple[str, int, int]]:
    """Visits of the month per measure type (and those held at home): the « plain SQL
    aggregate over the same visits table » of issue 2."""
    return list(connection.rows(MONTH_VISITS, (month.first_day, month.last_day)))


def day_aggregate(connection: Raw, day: date) -> list[tuple[str, int, int]]:
    """Measures in force on `day` per type, with their visits of the last three months (what
    the visit rules look at): the raw figure beside `alerts --on`."""
    since = Month.of(day).plus(-2).first_day
    return list(connection.rows(DAY_IN_FORCE, (since, day, day, day)))


def in_force(connection: Raw, day: date) -> int:
    return sum(row[1] for row in day_aggregate(connection, day))


def totals(connection: Raw) -> tuple[int, int, int]:
    """Households, measures, visits in the store."""
    row = connection.execute(
        "SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM measures), "
        "(SELECT count(*) FROM visits)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])
