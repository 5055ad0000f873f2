"""Reading rows with Core selects of plain tuples: the helpers every loader of the store uses.

Children of many parents are read with `parent IN (…)` in chunks (or all of them when the
whole store is read), put back in list order (their integer key) and grouped by parent.

Rows are read as the driver's own tuples (`tuples`): SQLAlchemy's per-row result processing
is skipped, dates are converted once per distinct text (`DATES`), other typed columns by
their own processor. The cyclic garbage collector is paused while records are built
(`collector_paused`): its passes over hundreds of thousands of new objects took more than
half of a department-scale load.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import ARRAY, Connection, Date, Executable, Select, any_, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

T = TypeVar("T")
#: Ids per `IN (…)`: well under SQLite's 32 766 variables.
CHUNK = 5_000
Columns = tuple[ColumnElement[Any], ...]


def run(connection: Connection, statement: Executable) -> Sequence[Any]:
    """Every row at once (one fetchall: far faster than iterating row by row)."""
    return connection.execute(statement).all()


class _Dates(dict[str | None, date | None]):
    """ISO text → `date`, each distinct text parsed once (None stays None)."""

    def __missing__(self, key: str | None) -> date | None:
        value = None if key is None else date.fromisoformat(key)
        if len(self) > 100_000:  # never in practice (≈ 365 a year): a bound all the same
            self.clear()
        self[key] = value
        return value


DATES = _Dates()


def tuples(connection: Connection, statement: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of `statement` as plain tuples holding the same values `run` gives: the
    driver's rows, each `Date` column converted through `DATES`, any other column with a
    result processor through it (none on SQLite for text and integers)."""
    result = connection.execute(statement)
    try:
        cursor = result.cursor
        if cursor is None:
            return []
        raw = cursor.fetchall()
    finally:
        result.close()
    dialect = connection.dialect
    converters: dict[int, Callable[[Any], Any]] = {}
    for position, column in enumerate(statement.selected_columns):
        kind = column.type
        if dialect.name == "sqlite" and isinstance(kind, Date):
            converters[position] = DATES.__getitem__
            continue
        processor = kind.dialect_impl(dialect).result_processor(dialect, None)
        if processor is not None:
            converters[position] = processor
    if not raw or not converters:
        return [tuple(r) for r in raw]
    columns: list[Any] = list(zip(*raw, strict=True))
    for position, convert in converters.items():
        columns[position] = list(map(convert, columns[position]))
    return list(zip(*columns, strict=True))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in the block (the records built hold no cycles); the
    collector is switched back on after it only if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def chunks(ids: Collection[str]) -> Iterator[list[str]]:
    """The ids in sorted slices of `CHUNK`."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def select_in(connection: Connection, statement: Select[Any], key: ColumnElement[Any],
              ids: Collection[str]) -> list[Any]:
    """The rows of `statement` whose `key` is in `ids`: one query (`among`)."""
    return _select_in(connection, statement, key, ids, run)


def among(connection: Connection, column: ColumnElement[Any],
          values: Collection[Any]) -> ColumnElement[bool]:
    """`column IN values` with no limit on their number: on SQLite the values go as one
    JSON array (`json_each`), on PostgreSQL as one array parameter (`= ANY(…)`); elsewhere
    as `IN (…)` (the caller keeps to `CHUNK` values)."""
    name = connection.dialect.name
    if name == "postgresql":
        return column == any_(literal(sorted(values), ARRAY(column.type)))
    if name != "sqlite":
        return column.in_(sorted(values))
    table = func.json_each(literal(json.dumps(sorted(values)))).table_valued("value")
    return column.in_(select(table.c.value))


def _select_in(connection: Connection, statement: Select[Any], key: ColumnElement[Any],
               ids: Collection[str],
               read: Callable[[Connection, Select[Any]], Sequence[Any]]) -> list[Any]:
    if connection.dialect.name in ("sqlite", "postgresql"):
        return list(read(connection, statement.where(among(connection, key, ids))))
    found: list[Any] = []
    for chunk in chunks(ids):
        found.extend(read(connection, statement.where(key.in_(chunk))))
    return found


def rows_of(connection: Connection, columns: Columns, key: ColumnElement[Any],
            ids: Collection[str] | None, where: ColumnElement[bool] | None = None) -> list[Any]:
    """Rows of `columns` (plain tuples, see `tuples`) whose `key` is in `ids` (every row for
    None), and `where`."""
    statement = select(*columns)
    if where is not None:
        statement = statement.where(where)
    if ids is None:
        return tuples(connection, statement)
    return _select_in(connection, statement, key, ids, tuples) if ids else []


def children(connection: Connection, columns: Columns, build: Callable[[Sequence[Any]], T],
             parents: Collection[str] | None,
             where: ColumnElement[bool] | None = None) -> dict[str, list[T]]:
    """Children (columns: own id, parent id, fields…) of `parents`, in list order."""
    rows = rows_of(connection, columns, columns[1], parents, where)
    rows.sort(key=itemgetter(0))
    grouped: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        grouped[row[1]].append(build(row))
    return grouped
