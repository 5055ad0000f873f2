"""The audit trail: every change is recorded in the transaction that makes it —
when, which worker profile, which record, which fields from what to what.

Writers call `record` with the connection of their own transaction, so that a change and its
trace are committed, or rolled back, together. Values in `changes` are JSON values as in the
interchange file (dates as « AAAA-MM-JJ » text, amounts as text).

The profile is the one `SqlStore.profile` gives: on a PostgreSQL store, a personal account's
worker (else its login), whatever the program chose — the server's policies
(`server_policies.AUTHOR`) refuse an entry under any other name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from desktop_app.store.records import AuditEntry
from desktop_app.store.tables import AUDIT

#: The profile of changes made outside any worker's session (command line, migrations).


def record(
    connection: Connection,
    *,
    profile: str,
    record_kind: str,
    record_id: str | None,
    household_id: str | None,
    action: str,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    at: datetime | None = None,
) -> None:
    """Add one entry to the trail, inside the caller's transaction.

    `record_kind`: household, measure, worker, home, association, tariffs, settings, bilan,
    import…; `action`: create, update, delete, import, undo, merge, archive, anonymise…;
    `changes`: {field: (before, after)}."""
    connection.execute(insert(AUDIT).values(
        at=at or datetime.now().replace(microsecond=0),
        profile=profile,
        record_kind=record_kind,
        record_id=record_id,
        household_id=household_id,
        action=action,
        changes=_text(changes),
    ))


def _text(changes: Mapping[str, tuple[Any, Any]] | None) -> str:
    """The `changes` column: {field: [before, after]} as JSON (dates and amounts as text)."""
    return json.dumps({k: [v[0], v[1]] for k, v in (changes or {}).items()},
                      ensure_ascii=False, default=str)


def record_imports(connection: Connection, *, profile: str, household_ids: Iterable[str],
                   at: datetime | None = None,
                   changes: Mapping[str, tuple[Any, Any]] | None = None) -> int:
    """One `import` entry per imported household, in one executemany (an import of 50 000
    households must stay fast), each with the same `changes` (e.g. the file's name);
    returns how many were written."""
    when = at or datetime.now().replace(microsecond=0)
    text = _text(changes)
    entries = [{"at": when, "profile": profile, "record_kind": "household", "record_id": hid,
                "household_id": hid, "action": "import", "changes": text}
               for hid in household_ids]
    if entries:
        connection.execute(insert(AUDIT), entries)
    return len(entries)


def history(connection: Connection, household_id: str) -> list[AuditEntry]:
    """The trail of one household (its file, members, measures…), oldest first."""
    query = select(AUDIT).where(AUDIT.c.household_id == household_id).order_by(AUDIT.c.id)
    return [_entry(dict(row._mapping)) for row in connection.execute(query)]


def _entry(row: Mapping[str, Any]) -> AuditEntry:
    changes = json.loads(row["changes"])
    return AuditEntry(
        at=row["at"], profile=row["profile"], record_kind=row["record_kind"],
        record_id=row["record_id"], household_id=row["household_id"], action=row["action"],
        changes={field: (pair[0], pair[1]) for field, pair in changes.items()})
