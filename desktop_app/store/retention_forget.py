"""What the store remembers of a household besides its records, forgotten when it is
anonymised or deleted (issue 6): its audit entries' values, its records' fingerprints in
the import batches, and the file name of a batch that brought it alone."""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, or_, select, update

from desktop_app.store.tables import AUDIT, BATCH_ITEMS, BATCHES

#: The fingerprint given to a batch's record once anonymised or deleted: never the record's
#: own, so an import batch holding it can no longer be taken back.
GONE = "anonymisé ou supprimé"


def forget_history(connection: Connection, household_id: str, measure_ids: list[str],
                    purge: bool) -> None:
    """The audit entries of the household and its measures deleted (`purge`) or kept with
    every value blanked (which fields changed when, not from what to what); the import
    batches' fingerprints of its records forgotten."""
    records = [household_id, *measure_ids]
    mine = or_(AUDIT.c.household_id == household_id, AUDIT.c.record_id.in_(records))
    if purge:
        connection.execute(delete(AUDIT).where(mine))
    else:
        for entry_id, changes in connection.execute(
                select(AUDIT.c.id, AUDIT.c.changes).where(mine)).all():
            blank = {name: [None, None] for name in json.loads(changes or "{}")}
            connection.execute(update(AUDIT).where(AUDIT.c.id == entry_id)
                               .values(changes=json.dumps(blank, sort_keys=True)))
    connection.execute(update(BATCH_ITEMS).where(BATCH_ITEMS.c.record_id.in_(records))
                       .values(fingerprint=GONE))
    _forget_file_names(connection, household_id)


def _forget_file_names(connection: Connection, household_id: str) -> None:
    """The file name of an import or merge that brought this household alone (a household
    file is often named after the household) blanked, in the batch and its audit entry."""
    items = BATCH_ITEMS.c
    mine = select(items.batch_id).where(items.record_kind == "household",
                                        items.record_id == household_id)
    others = select(items.batch_id).where(items.record_kind == "household",
                                          items.record_id != household_id)
    alone = [str(i) for i in connection.execute(
        select(BATCHES.c.id).where(BATCHES.c.id.in_(mine), BATCHES.c.id.not_in(others)))
        .scalars()]
    if not alone:
        return
    connection.execute(update(BATCHES).where(BATCHES.c.id.in_([int(i) for i in alone]))
                       .values(source=""))
    entries = select(AUDIT.c.id, AUDIT.c.changes).where(
        AUDIT.c.record_kind.in_(["import", "merge"]), AUDIT.c.record_id.in_(alone))
    for entry_id, changes in connection.execute(entries).all():
        values = json.loads(changes or "{}")
        if "source" in values:
            values["source"] = [None, None]
            connection.execute(update(AUDIT).where(AUDIT.c.id == entry_id)
                               .values(changes=json.dumps(values, sort_keys=True)))
