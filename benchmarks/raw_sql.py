"""The raw SQL figures the engine paths are compared with, run through `sqlite3` directly on
the same file in the same run: plain aggregates over the same tables, no Python objects."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from desktop_app.domain.dates import Month

MONTH_VISITS = """
SELECT m.type, count(*), sum(v.outcome = 'realisee' AND v.place = 'domicile')
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


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to the store's file."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def month_aggregate(connection: sqlite3.Connection, month: Month) -> list[tuple[str, int, int]]:
    """Visits of the month per measure type (and those held at home): the « plain SQL
    aggregate over the same visits table » of issue 2."""
    first, last = month.first_day.isoformat(), month.last_day.isoformat()
    return list(connection.execute(MONTH_VISITS, (first, last)))


def day_aggregate(connection: sqlite3.Connection, day: date) -> list[tuple[str, int, int]]:
    """Measures in force on `day` per type, with their visits of the last three months (what
    the visit rules look at): the raw figure beside `alerts --on`."""
    since = Month.of(day).plus(-2).first_day.isoformat()
    text = day.isoformat()
    return list(connection.execute(DAY_IN_FORCE, (since, text, text, text)))


def in_force(connection: sqlite3.Connection, day: date) -> int:
    return sum(row[1] for row in day_aggregate(connection, day))


def totals(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """Households, measures, visits in the store."""
    row = connection.execute(
        "SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM measures), "
        "(SELECT count(*) FROM visits)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])
