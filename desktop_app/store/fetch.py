"""Read records and their children with Core selects of plain tuples.

Children of many parents are read with `parent IN (…)` in chunks (or all of them when the
whole store is read), put back in list order (their integer key) and grouped by parent.

The measures, their children and the households are read as the driver's own tuples
(`tuples`): SQLAlchemy's per-row result processing is skipped, dates are converted once per
distinct text (`DATES`), other typed columns by their own processor. The cyclic garbage
collector is paused while they are built (`collector_paused`): its passes over hundreds of
thousands of new objects took more than half of a department-scale load.
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

from sqlalchemy import Connection, Date, Executable, Select, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Association,
    Convention,
    GridSent,
    Home,
    Household,
    Measure,
    MeasureType,
    OccupancyTableSent,
    Tariff,
    Worker,
)
from desktop_app.store import build as b
from desktop_app.store.tables import (
    ASSOCIATION,
    CONVENTIONS,
    GRIDS,
    HOMES,
    HOUSEHOLDS,
    MEASURES,
    OCCUPANCY,
    SUBSIDIES,
    TARIFFS,
    VISITS,
    WORKERS,
)

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
    """The rows of `statement` whose `key` is in `ids`. SQLite: one query, the ids passed as
    one JSON array (`json_each`); elsewhere: `IN (…)` in chunks."""
    return _select_in(connection, statement, key, ids, run)


def _select_in(connection: Connection, statement: Select[Any], key: ColumnElement[Any],
               ids: Collection[str],
               read: Callable[[Connection, Select[Any]], Sequence[Any]]) -> list[Any]:
    if connection.dialect.name == "sqlite":
        values = func.json_each(literal(json.dumps(sorted(ids)))).table_valued("value")
        return list(read(connection, statement.where(key.in_(select(values.c.value)))))
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


def measures(connection: Connection, ids: Collection[str] | None,
             visits_of: Collection[str] | None,
             visits_until: date | None = None) -> list[Measure]:
    """The measures `ids` (all for None) with their children; visits only for `visits_of`
    (all for None: pass an empty set for no visits) and, if given, up to `visits_until`."""
    with collector_paused():
        return _measures(connection, ids, visits_of, visits_until)


def _measures(connection: Connection, ids: Collection[str] | None,
              visits_of: Collection[str] | None, visits_until: date | None) -> list[Measure]:
    found = [b.build_measure(r) for r in rows_of(connection, b.MEASURE_COLUMNS, MEASURES.c.id,
                                                  ids)]
    if not found:
        return []
    parents = None if ids is None else [m.id for m in found]
    periods = children(connection, b.PERIOD_COLUMNS, b.build_period, parents)
    suspensions = children(connection, b.SUSPENSION_COLUMNS, b.build_suspension, parents)
    reports = children(connection, b.REPORT_COLUMNS, b.build_report, parents)
    notices = children(connection, b.NOTICE_COLUMNS, b.build_notice, parents)
    stays = children(connection, b.STAY_COLUMNS, b.build_stay, parents)
    until = None if visits_until is None else VISITS.c.day <= visits_until
    visits = (children(connection, b.VISIT_COLUMNS, b.build_visit, visits_of, until)
              if visits_of is None or visits_of else {})
    for m in found:
        m.periods = periods.get(m.id, [])
        m.suspensions = suspensions.get(m.id, [])
        m.reports = reports.get(m.id, [])
        m.notices = notices.get(m.id, [])
        m.stays = stays.get(m.id, [])
        m.visits = visits.get(m.id, [])
    return found


HOUSEHOLD_COLUMNS = (HOUSEHOLDS.c.id, HOUSEHOLDS.c.name, HOUSEHOLDS.c.reference,
                     HOUSEHOLDS.c.address, HOUSEHOLDS.c.postcode, HOUSEHOLDS.c.city,
                     HOUSEHOLDS.c.territory, HOUSEHOLDS.c.phone, HOUSEHOLDS.c.monthly_resources)


def households(connection: Connection, ids: Collection[str] | None) -> list[Household]:
    with collector_paused():
        return _households(connection, ids)


def _households(connection: Connection, ids: Collection[str] | None) -> list[Household]:
    found = [Household(*r) for r in rows_of(connection, HOUSEHOLD_COLUMNS, HOUSEHOLDS.c.id, ids)]
    members = children(connection, b.MEMBER_COLUMNS, b.build_member,
                       None if ids is None else [h.id for h in found])
    for household in found:
        household.members = members.get(household.id, [])
    return found


def workers(connection: Connection) -> list[Worker]:
    found = [b.build_worker(r) for r in run(connection,
        select(*b.WORKER_COLUMNS).order_by(WORKERS.c.id))]
    absences = children(connection, b.ABSENCE_COLUMNS, b.build_absence, None)
    for worker in found:
        worker.absences = absences.get(worker.id, [])
    return found


def homes(connection: Connection) -> list[Home]:
    found = [Home(*r) for r in run(connection,
        select(HOMES.c.id, HOMES.c.address).order_by(HOMES.c.id))]
    vacancies = children(connection, b.VACANCY_COLUMNS, b.build_vacancy, None)
    for home in found:
        home.vacancies = vacancies.get(home.id, [])
    return found


def tariffs(connection: Connection) -> list[Tariff]:
    t = TARIFFS.c
    return [Tariff(*r) for r in run(connection, select(
        t.from_date, t.point_value, t.fal_support_per_year, t.fal_management_per_year,
        t.dsf_done, t.dsf_closed_door, t.points_per_fte, t.fal_per_fte,
    ).order_by(t.from_date))]


def association(connection: Connection) -> Association:
    """The association (name "" before one is recorded)."""
    name = connection.execute(select(ASSOCIATION.c.name).where(ASSOCIATION.c.id == 1)).scalar()
    subsidies: dict[int, dict[MeasureType, Any]] = defaultdict(dict)
    for year, kind, amount in run(connection, select(
            SUBSIDIES.c.year, SUBSIDIES.c.type, SUBSIDIES.c.amount)):
        subsidies[year][MeasureType(kind)] = amount
    c = CONVENTIONS.c
    conventions = [
        Convention(year, asll, aml, fal, dsf, closed, subsidies[year] if given else None)
        for year, asll, aml, fal, dsf, closed, given in run(connection, select(
            c.year, c.asll_points_per_month, c.aml_points_per_month, c.fal_count, c.dsf_count,
            c.dsf_closed_door_count, c.has_max_subsidy).order_by(c.year))]
    grids = [GridSent(*r) for r in run(connection,
        select(GRIDS.c.year, GRIDS.c.sent_on).order_by(GRIDS.c.id))]
    tables = [OccupancyTableSent(Month.parse(month), sent_on) for month, sent_on in
              run(connection, select(OCCUPANCY.c.month, OCCUPANCY.c.sent_on)
                                 .order_by(OCCUPANCY.c.id))]
    return Association(name or "", conventions, grids, tables)
