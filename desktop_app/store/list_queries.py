"""The lists of the window (households, measures), each one SQL query, and fresh ids."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from desktop_app.domain.model import SUPPORT_TYPES, MeasureType
from desktop_app.domain.reference_lists import territory_text
from desktop_app.store.records import HouseholdRow, MeasureRow
from desktop_app.store.row_objects import TERRITORY, TYPES, measure_type
from desktop_app.store.row_reading import run, select_in
from desktop_app.store.search import like_pattern
from desktop_app.store.tables import AUDIT, HOUSEHOLDS, MEASURES, RECORD_TABLES, WORKERS

#: Audit entries whose `record_id` is the id of a record (`new_id`).
_RECORD_KINDS = ("worker", "household", "home", "measure")

H = HOUSEHOLDS.c
M = MEASURES.c
W = WORKERS.c
SUPPORT = sorted(t.value for t in SUPPORT_TYPES)


#: (type, measure id, referent id, referent name) of the support measure in force.
InForce = tuple[MeasureType | None, str | None, str | None, str | None]
NONE_IN_FORCE: InForce = (None, None, None, None)
#: Below this many households listed, their measures in force are looked up by household.
FEW = 1_000


def household_rows(connection: Connection, on: date, text: str,
                   limit: int | None) -> list[HouseholdRow]:
    """Households whose search text contains `text` (accents and case ignored), by name, with
    the support measure in force on `on` (the lowest id if several) and its referent.

    Two queries, no N+1: the households (read from the covering index of the list's order),
    then the support measures in force on `on` with their referent's name."""
    statement = select(H.id, H.name, H.reference, H.city, H.territory,
                       H.territory_other).order_by(H.name, H.id)
    if text.strip():
        statement = statement.where(H.search_text.like(like_pattern(text.strip()), escape="\\"))
    if limit is not None:
        statement = statement.limit(limit)
    households = run(connection, statement)
    in_force = select(M.household_id, M.id, M.type, M.referent_id, W.name).join_from(
        MEASURES, WORKERS, W.id == M.referent_id,
    ).where(M.type.in_(SUPPORT), M.span_start <= on, M.span_end >= on)
    found = (select_in(connection, in_force, M.household_id, [h[0] for h in households])
             if len(households) < FEW else run(connection, in_force))
    measure: dict[str, InForce] = {}
    for household, mid, code, referent, name in found:
        known = measure.get(household)
        if known is None or mid < str(known[1]):
            measure[household] = (TYPES[code], mid, referent, name)
    get = measure.get
    return [HouseholdRow(h[0], h[1], h[2], h[3], territory_text(TERRITORY[h[4]], h[5]) or None,
                         *get(h[0], NONE_IN_FORCE))
            for h in households]


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


def new_id(connection: Connection, prefix: str) -> str:
    """`prefix` + (the largest number following `prefix` in any record id, or in the audit
    trail: an id an undone import freed keeps its history, never handed to a new record) + 1."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    largest = 0
    for column in (*(table.c.id for table in RECORD_TABLES), AUDIT.c.record_id):
        query = select(column).where(column.like(pattern, escape="\\"))
        if column is AUDIT.c.record_id:
            query = query.where(AUDIT.c.record_kind.in_(_RECORD_KINDS))
        for (record_id,) in run(connection, query):
            suffix = record_id[len(prefix):]
            if record_id.startswith(prefix) and suffix.isdigit():
                largest = max(largest, int(suffix))
    return f"{prefix}{largest + 1}"
