"""Import a whole caseload, all or nothing (docs/echange.md `import`), inside one transaction.

Records (workers, households, homes, measures) are added, never overwritten: an id the store
already holds rejects the file (`duplicates`: each one with its JSON path; the batch raises
`DuplicateIdsError`). A department-scale file comes in pieces (`add` each one). What the
association and the département define once is merged: tariffs by effective date,
conventions and grids sent by year, occupancy tables sent by month (the file wins on the same
date, year or month), the association's name taken from the file while the store has none.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import Connection, Table, select

from desktop_app.domain.model import Association, Caseload, Tariff
from desktop_app.interchange import ExistingIds, Problem, duplicate_id_problems
from desktop_app.store import fetch, row_reading, writers
from desktop_app.store.tables import HOMES, HOUSEHOLDS, MEASURES, WORKERS

#: The association of a piece of a caseload that does not carry it: merging it changes
#: nothing (`merged_association` keeps the store's name, conventions and sendings).
_NO_ASSOCIATION = Association("")

NOT_EMPTY = ("La base n'est pas vide : les données de démonstration ne s'ajoutent qu'à une base "
             "vide. Utilisez --db avec un nouveau fichier.")


def _stored(connection: Connection, table: Table, ids: Collection[str]) -> frozenset[str]:
    return frozenset(r[0] for r in row_reading.rows_of(connection, (table.c.id,), table.c.id, ids))


def existing_ids(connection: Connection, caseload: Caseload) -> ExistingIds:
    """The ids of the caseload's records that the store already holds."""
    return ExistingIds(
        workers=_stored(connection, WORKERS, {w.id for w in caseload.workers}),
        households=_stored(connection, HOUSEHOLDS, {h.id for h in caseload.households}),
        homes=_stored(connection, HOMES, {h.id for h in caseload.homes}),
        measures=_stored(connection, MEASURES, {m.id for m in caseload.measures}),
    )


def merged_tariffs(stored: list[Tariff], new: list[Tariff]) -> list[Tariff]:
    """By effective date; the new one wins on the same date."""
    by_date = {t.from_date: t for t in stored}
    by_date.update({t.from_date: t for t in new})
    return [by_date[d] for d in sorted(by_date)]


def merged_association(stored: Association, new: Association) -> Association:
    """Conventions and grids sent by year, occupancy tables sent by month: the file wins on
    the same year or month (two sendings of one grid would make an export the interchange
    reader rejects: « un seul envoi par année »)."""
    conventions = {c.year: c for c in stored.conventions}
    conventions.update({c.year: c for c in new.conventions})
    grids = {g.year: g for g in stored.grids_sent}
    grids.update({g.year: g for g in new.grids_sent})
    tables = {t.month: t for t in stored.occupancy_tables_sent}
    tables.update({t.month: t for t in new.occupancy_tables_sent})
    return Association(stored.name or new.name, [conventions[y] for y in sorted(conventions)],
                       [grids[y] for y in sorted(grids)], [tables[m] for m in sorted(tables)])


def duplicates(connection: Connection, part: Caseload, start: Mapping[str, int]
               ) -> list[Problem]:
    """The ids of `part` that the store already holds, each at its JSON path (`start`: the
    index in the file of the first worker, household, home and measure of the piece)."""
    return duplicate_id_problems(part, existing_ids(connection, part), start)


def add(connection: Connection, part: Caseload) -> None:
    """Add a caseload, or one piece of it (see `batches.import_as_batch`): its association
    and tariffs merged into the store's (a piece without them changes nothing), its records
    inserted. The caller has checked `duplicates` first."""
    if part.tariffs:
        writers.save_tariffs(connection, merged_tariffs(fetch.tariffs(connection),
                                                        part.tariffs))
    if part.association != _NO_ASSOCIATION:
        writers.save_association(connection, merged_association(fetch.association(connection),
                                                                part.association))
    writers.insert_records(connection, part.workers, part.households, part.homes,
                           part.measures)


def is_empty(connection: Connection) -> bool:
    """No worker, household, home or measure (tariffs and settings do not count)."""
    return all(connection.execute(select(table.c.id).limit(1)).first() is None
               for table in (WORKERS, HOUSEHOLDS, HOMES, MEASURES))
