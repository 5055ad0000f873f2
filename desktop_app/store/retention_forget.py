"""What the store remembers of households besides their records, forgotten when they are
anonymised or deleted: their audit entries' values, their records' fingerprints
in the import batches, and the file name of a batch that brought only them.

Each step is one statement over all the households at once (read through the audit trail's
indexes: by household, and by kind and id of record), never one scan per household.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from desktop_app.store.row_reading import among
from desktop_app.store.tables import AUDIT, BATCH_ITEMS, BATCHES, TREATED_ALERTS

#: The fingerprint given to a batch's record once anonymised or deleted: never the record's
#: own, so an import batch holding it can no longer be taken back.
GONE = "anonymisé ou supprimé"


def forget_history(connection: Connection, households: Collection[str],
                   measures: Collection[str], purge: bool) -> None:
    """The audit entries of the households and their measures deleted (`purge`) or kept
    with every value blanked (which fields changed when, not from what to what); the
    import batches' fingerprints of their records forgotten; their alerts marked « traitée »
    deleted (a reason is free text)."""
    a = AUDIT.c
    connection.execute(delete(TREATED_ALERTS).where(
        among(connection, TREATED_ALERTS.c.household_id, households)))
    entries = set(connection.execute(select(a.id).where(
        among(connection, a.household_id, households))).scalars())
    for kind, ids in (("household", households), ("measure", measures)):
        entries.update(connection.execute(select(a.id).where(
            a.record_kind == kind, among(connection, a.record_id, ids))).scalars())
    _forget_file_names(connection, set(households))
    if purge:
        connection.execute(delete(AUDIT).where(among(connection, a.id, entries)))
    else:
        changed = connection.execute(select(a.id, a.changes).where(
            among(connection, a.id, entries))).all()
        _rewrite(connection, [(i, {name: [None, None] for name in json.loads(c or "{}")})
                              for i, c in changed])
    connection.execute(update(BATCH_ITEMS).where(
        among(connection, BATCH_ITEMS.c.record_id, [*households, *measures]))
        .values(fingerprint=GONE))


def _forget_file_names(connection: Connection, households: set[str]) -> None:
    """The file name of an import or merge that brought only these households (a household
    file is often named after the household) blanked, in the batch and its audit entry."""
    items = BATCH_ITEMS.c
    touched = select(items.batch_id).where(items.record_kind == "household",
                                           among(connection, items.record_id, households))
    brought: dict[int, set[str]] = {}
    for batch, household in connection.execute(select(items.batch_id, items.record_id).where(
            items.record_kind == "household", items.batch_id.in_(touched))):
        brought.setdefault(batch, set()).add(household)
    only = [str(b) for b, found in brought.items() if found <= households]
    if not only:
        return
    connection.execute(update(BATCHES).where(BATCHES.c.id.in_([int(b) for b in only]))
                       .values(source=""))
    found = connection.execute(select(AUDIT.c.id, AUDIT.c.changes).where(
        AUDIT.c.record_kind.in_(["import", "merge"]), among(connection, AUDIT.c.record_id, only)))
    blanked = []
    for entry_id, changes in found:
        values = json.loads(changes or "{}")
        if "source" in values:
            blanked.append((entry_id, {**values, "source": [None, None]}))
    _rewrite(connection, blanked)


def _rewrite(connection: Connection, entries: list[tuple[int, dict[str, Any]]]) -> None:
    """New `changes` for audit entries (one executemany)."""
    if entries:
        connection.execute(
            update(AUDIT).where(AUDIT.c.id == bindparam("entry")).values(
                changes=bindparam("new")),
            [{"entry": i, "new": json.dumps(c, sort_keys=True)} for i, c in entries])
