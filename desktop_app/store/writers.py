"""Writes, each inside the caller's transaction: whole aggregates replaced (the record's row
updated or inserted, its children deleted and inserted again in list order), and the bulk
insert of a caseload in batches: Core `insert()` executemany on SQLite, one
`INSERT … SELECT FROM unnest(…)` per batch on PostgreSQL (`bulk_insert`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Home,
    Household,
    Measure,
    Tariff,
    Worker,
)
from desktop_app.store import rows
from desktop_app.store.tables import (
    ABSENCES,
    AGREEMENT_EXTENSIONS,
    ASSOCIATION,
    CONVENTIONS,
    GRIDS,
    HOMES,
    HOUSEHOLDS,
    MEASURES,
    MEMBERS,
    METADATA,
    NOTICES,
    OCCUPANCY,
    PERIODS,
    REPORTS,
    SETTINGS,
    STAYS,
    SUBSIDIES,
    SUSPENSIONS,
    TARIFFS,
    VACANCIES,
    VISITS,
    WORKERS,
)

#: Rows per executemany.
BATCH = 20_000
#: The table a child table refers to: its pending rows are sent first.
PARENT = {"absences": "workers", "members": "households", "vacancies": "homes",
          **{t.name: "measures" for t in (PERIODS, SUSPENSIONS, VISITS, REPORTS, NOTICES, STAYS,
                                          AGREEMENT_EXTENSIONS)}}


class Batches:
    """Rows to insert, kept per table and sent `BATCH` at a time (bounded memory)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.pending: dict[str, list[rows.Row]] = {}

    def add(self, table: str, new: Iterable[rows.Row]) -> None:
        pending = self.pending.setdefault(table, [])
        pending.extend(new)
        if len(pending) >= BATCH:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        """Send the pending rows of `table` (of every table for None), parents first."""
        for name in [table] if table else list(self.pending):
            parent = PARENT.get(name)
            if parent is not None:
                self.flush(parent)
            if self.pending.get(name):
                bulk_insert(self.connection, METADATA.tables[name], self.pending[name])
            self.pending[name] = []


def bulk_insert(connection: Connection, table: Table, new: list[rows.Row]) -> None:
    """Insert `new` (rows with the same columns) into `table`. On PostgreSQL, one statement
    whatever their number: each column sent as one array (`INSERT … SELECT … FROM
    unnest(%s::type[], …)`, in list order), where executemany sends a statement per row
    (the import of a department, 50 000 households and a million visits, spent most of its
    time there). COPY would be faster still, but PostgreSQL refuses it on a table under
    row-level security (`server init`). The values go through each column's SQLAlchemy
    type first, as an `insert()` sends them (`Money` as text)."""
    if connection.dialect.name != "postgresql" or len(new) < 2:
        connection.execute(insert(table), new)
        return
    from psycopg import sql

    from desktop_app.store.server_policies import driver

    names = list(new[0])
    if any(row.keys() != new[0].keys() for row in new):  # not one shape: as executemany does
        connection.execute(insert(table), new)
        return
    arrays: list[list[Any]] = []
    casts: list[sql.Composable] = []
    for name in names:
        kind = table.c[name].type
        convert = kind.bind_processor(connection.dialect)
        values = [row[name] for row in new]
        arrays.append([convert(v) for v in values] if convert is not None else values)
        declared = kind.compile(dialect=connection.dialect)
        casts.append(sql.SQL("%s::{}[]").format(sql.SQL(declared)))
    columns = sql.SQL(", ").join(map(sql.Identifier, names))
    # In list order (WITH ORDINALITY): a child's generated id keeps the order of its list.
    statement = sql.SQL("INSERT INTO {} ({}) SELECT {} FROM unnest({}) WITH ORDINALITY AS "
                        "given ({}, given_rank) ORDER BY given_rank").format(
        sql.Identifier(table.name), columns, columns, sql.SQL(", ").join(casts), columns)
    driver(connection).execute(statement, arrays)


def upsert(connection: Connection, table: Table, row: rows.Row, key: str = "id") -> None:
    """Update the row whose `key` is row[key], or insert it."""
    column = table.c[key]
    values: dict[str, Any] = {k: v for k, v in row.items() if k != key}
    if connection.execute(select(column).where(column == row[key])).first() is None:
        connection.execute(insert(table), [row])
    elif values:
        connection.execute(update(table).where(column == row[key]).values(values))


def replace_children(connection: Connection, table: Table, parent: str, parent_id: str,
                     new: list[rows.Row]) -> None:
    connection.execute(delete(table).where(table.c[parent] == parent_id))
    if new:
        connection.execute(insert(table), new)


def save_measure(connection: Connection, measure: Measure, *, stored: bool = False) -> None:
    """`stored`: the measure was read in this transaction, so its row is updated without
    looking for it first (else updated or inserted: `upsert`)."""
    row = rows.measure_row(measure)
    if stored:
        connection.execute(update(MEASURES).where(MEASURES.c.id == measure.id).values(
            {k: v for k, v in row.items() if k != "id"}))
    else:
        upsert(connection, MEASURES, row)
    for name, new in rows.measure_children(measure).items():
        replace_children(connection, METADATA.tables[name], "measure_id", measure.id, new)


def save_household(connection: Connection, household: Household) -> None:
    upsert(connection, HOUSEHOLDS, rows.household_row(household))
    replace_children(connection, MEMBERS, "household_id", household.id,
                     rows.member_rows(household))


def save_worker(connection: Connection, worker: Worker) -> None:
    upsert(connection, WORKERS, rows.worker_row(worker))
    replace_children(connection, ABSENCES, "worker_id", worker.id, rows.absence_rows(worker))


def save_home(connection: Connection, home: Home) -> None:
    upsert(connection, HOMES, rows.home_row(home))
    replace_children(connection, VACANCIES, "home_id", home.id, rows.vacancy_rows(home))


def save_association(connection: Connection, association: Association) -> None:
    for table in (SUBSIDIES, CONVENTIONS, GRIDS, OCCUPANCY, ASSOCIATION):
        connection.execute(delete(table))
    for name, new in rows.association_rows(association).items():
        if new:
            connection.execute(insert(METADATA.tables[name]), new)


def save_tariffs(connection: Connection, tariffs: list[Tariff]) -> None:
    connection.execute(delete(TARIFFS))
    if tariffs:
        connection.execute(insert(TARIFFS), [rows.tariff_row(t) for t in tariffs])


def save_alert_settings(connection: Connection, settings: AlertSettings) -> None:
    for key, value in (("days_ahead", settings.days_ahead),
                       ("occupancy_table_due_day", settings.occupancy_table_due_day)):
        upsert(connection, SETTINGS, {"key": key, "value": str(value)}, key="key")


def insert_records(connection: Connection, workers: list[Worker],
                   households: list[Household], homes: list[Home],
                   measures: list[Measure]) -> None:
    """Insert new records and their children in batches (workers first: the others refer
    to them)."""
    batches = Batches(connection)
    batches.add("workers", map(rows.worker_row, workers))
    batches.flush()
    for worker in workers:
        batches.add("absences", rows.absence_rows(worker))
    for household in households:
        batches.add("households", [rows.household_row(household)])
        batches.add("members", rows.member_rows(household))
    for home in homes:
        batches.add("homes", [rows.home_row(home)])
        batches.add("vacancies", rows.vacancy_rows(home))
    batches.flush()
    for measure in measures:
        batches.add("measures", [rows.measure_row(measure)])
        for name, new in rows.measure_children(measure).items():
            if new:
                batches.add(name, new)
    batches.flush()
