"""The lists of the window (households, measures), each one SQL query, and fresh ids."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from desktop_app.domain.model import SUPPORT_TYPES, MeasureSpan, MeasureType
from desktop_app.store.api import HouseholdRow, MeasureRow
from desktop_app.store.build import TYPES, measure_type
from desktop_app.store.fetch import run
from desktop_app.store.search import like_pattern
from desktop_app.store.tables import HOUSEHOLDS, MEASURES, RECORD_TABLES, WORKERS

H = HOUSEHOLDS.c
M = MEASURES.c
W = WORKERS.c
SUPPORT = sorted(t.value for t in SUPPORT_TYPES)


def _type(code: str | None) -> MeasureType | None:
    return TYPES[code]


def household_rows(connection: Connection, on: date, text: str,
                   limit: int | None) -> list[HouseholdRow]:
    """Households whose search text contains `text` (accents and case ignored), by name, with
    the support measure in force on `on` (the lowest id if several) and its referent."""
    in_force = select(M.household_id.label("household"), func.min(M.id).label("measure")).where(
        M.type.in_(SUPPORT), M.span_start <= on, M.span_end >= on,
    ).group_by(M.household_id).subquery()
    statement = select(
        H.id, H.name, H.reference, H.city, H.territory, M.type, M.id, M.referent_id, W.name,
    ).select_from(
        HOUSEHOLDS.outerjoin(in_force, in_force.c.household == H.id)
        .outerjoin(MEASURES, M.id == in_force.c.measure)
        .outerjoin(WORKERS, W.id == M.referent_id)
    ).order_by(H.name, H.id)
    if text.strip():
        statement = statement.where(H.search_text.like(like_pattern(text.strip()), escape="\\"))
    if limit is not None:
        statement = statement.limit(limit)
    return [HouseholdRow(r[0], r[1], r[2], r[3], r[4], _type(r[5]), r[6], r[7], r[8])
            for r in run(connection, statement)]


def measure_rows(connection: Connection, on: date | None,
                 referent: str | None) -> list[MeasureRow]:
    """Measures (of `referent`), in force on `on` if given, by household name then id."""
    statement = select(
        M.id, M.household_id, H.name, H.reference, M.type, M.referent_id, M.span_start,
        M.span_end, M.closed_on,
    ).join_from(MEASURES, HOUSEHOLDS, H.id == M.household_id).order_by(H.name, M.id)
    if on is not None:
        statement = statement.where(M.span_start <= on, M.span_end >= on)
    if referent is not None:
        statement = statement.where(M.referent_id == referent)
    return [MeasureRow(r[0], r[1], r[2], r[3], measure_type(r[4]), r[5], r[6],
                       r[7], r[8]) for r in run(connection, statement)]


def all_spans(connection: Connection) -> list[MeasureSpan]:
    """(id, type, first day, last day in force) of every measure with periods."""
    return [MeasureSpan(i, measure_type(t), start, end) for i, t, start, end in
            run(connection, select(M.id, M.type, M.span_start, M.span_end).where(
                M.span_start.is_not(None)))]


def new_id(connection: Connection, prefix: str) -> str:
    """`prefix` + (the largest number following `prefix` in any record id) + 1."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    largest = 0
    for table in RECORD_TABLES:
        for (record_id,) in run(connection,
                select(table.c.id).where(table.c.id.like(pattern, escape="\\"))):
            suffix = record_id[len(prefix):]
            if record_id.startswith(prefix) and suffix.isdigit():
                largest = max(largest, int(suffix))
    return f"{prefix}{largest + 1}"
