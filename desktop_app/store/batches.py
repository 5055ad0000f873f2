"""Imports that can be undone: every import, and every merge of a household file,
is a batch that can be taken back whole while its records are unchanged since.

A batch keeps, per top-level record (worker, household, home, measure), the fingerprint of
the record as it arrived (`fingerprints`). Undoing checks, in the same transaction, that
every record still has it and that nothing outside the batch refers to one of them
(`batch_checks.blockers`), then deletes the records (their children cascade). What the
import merged into the association and the tariffs is put back as it was before, if it is
still as the import left it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from desktop_app.domain.model import Association, Caseload, Tariff
from desktop_app.interchange import Problem, caseload_to_json, parse_caseload
from desktop_app.store import audit, fetch, importing, row_reading, writers
from desktop_app.store.batch_checks import BatchRecords, blockers, describe_blockers
from desktop_app.store.errors import DuplicateIdsError, NotEmptyError, RefusedError
from desktop_app.store.fingerprints import fingerprints
from desktop_app.store.records import ImportBatch
from desktop_app.store.tables import (
    ABSENCES,
    BATCH_ITEMS,
    BATCHES,
    HOMES,
    HOUSEHOLDS,
    MEASURES,
    WORKERS,
)

#: Rows per executemany of the batch's records.
ROWS = 20_000
#: SQLite's largest INTEGER: no batch has a greater number (asking for one would overflow).
MAX_ROW_ID = 2**63 - 1


def _settings(association: Association, tariffs: list[Tariff]) -> dict[str, Any]:
    """The association and tariffs as an interchange document (no records)."""
    return caseload_to_json(Caseload(association, tariffs))


def import_as_batch(connection: Connection, parts: Iterable[Caseload], *, source: str,
                    profile: str, only_if_empty: bool = False) -> dict[str, int]:
    """The pieces of one caseload (`interchange.read_parts`; the association and tariffs in
    one of them) added one after the other (`importing`), recorded as one batch of kind
    « import », with one audit entry per household; what was added, counted (`counts`).

    Only one piece is in memory at a time. An id the store already holds: the following
    pieces are only checked, then `DuplicateIdsError` with every such id; a problem of the
    file is raised by `parts` itself. Either way the caller's transaction is rolled back:
    nothing stays of the pieces already added.

    `only_if_empty`: refused (`NotEmptyError`) if the store holds records, checked
    in this transaction before any piece is read (two `demo` at once: the second one waits,
    then is refused)."""
    if only_if_empty and not importing.is_empty(connection):
        raise NotEmptyError(importing.NOT_EMPTY)
    before = _settings(fetch.association(connection), fetch.tariffs(connection))
    at = datetime.now().replace(microsecond=0)
    batch_id = _new_batch(connection, at=at, kind="import", source=source, profile=profile)
    numbers = dict.fromkeys(COUNTED, 0)
    clashes: list[Problem] = []
    changes = {"source": (None, source)} if source else None
    # The pieces and their rows hold no cycles: no collector passes over them (they cost
    # a tenth of the import of a department).
    with row_reading.collector_paused():
        for part in parts:
            clashes += importing.duplicates(connection, part, numbers)
            for key, number in counts(part).items():
                numbers[key] += number
            if clashes:
                continue
            importing.add(connection, part)
            _record_items(connection, batch_id, part)
            audit.record_imports(connection, profile=profile, at=at, changes=changes,
                                 household_ids=[h.id for h in part.households])
    if clashes:
        raise DuplicateIdsError(clashes)
    after = _settings(fetch.association(connection), fetch.tariffs(connection))
    _finish_batch(connection, batch_id, at=at, kind="import", source=source, profile=profile,
                  numbers=numbers, restore={"before": before, "after": after}
                  if before != after else None)
    return numbers


#: What a batch counts, in this order (`counts`).
COUNTED = ("workers", "households", "homes", "measures", "visits")


def counts(caseload: Caseload) -> dict[str, int]:
    return {"workers": len(caseload.workers), "households": len(caseload.households),
            "homes": len(caseload.homes), "measures": len(caseload.measures),
            "visits": sum(len(m.visits) for m in caseload.measures)}


def record_batch(connection: Connection, caseload: Caseload, *, kind: str, source: str,
                 profile: str, restore: dict[str, Any] | None = None) -> int:
    """Record the batch and the fingerprint of each of its top-level records; its id."""
    at = datetime.now().replace(microsecond=0)
    batch_id = _new_batch(connection, at=at, kind=kind, source=source, profile=profile)
    _record_items(connection, batch_id, caseload)
    _finish_batch(connection, batch_id, at=at, kind=kind, source=source, profile=profile,
                  numbers=counts(caseload), restore=restore)
    return batch_id


def _new_batch(connection: Connection, *, at: datetime, kind: str, source: str,
               profile: str) -> int:
    """The batch's row, its summary written by `_finish_batch`; its id."""
    inserted = connection.execute(insert(BATCHES).values(
        at=at, profile=profile, kind=kind, source=source, undone_at=None,
        summary="{}")).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def _record_items(connection: Connection, batch_id: int, caseload: Caseload) -> None:
    """The fingerprint of each top-level record of `caseload`, `ROWS` rows at a time."""
    pending: list[dict[str, Any]] = []
    for record_kind, record_id, fingerprint in fingerprints(caseload):
        pending.append({"batch_id": batch_id, "record_kind": record_kind,
                        "record_id": record_id, "fingerprint": fingerprint})
        if len(pending) >= ROWS:
            connection.execute(insert(BATCH_ITEMS), pending)
            pending = []
    if pending:
        connection.execute(insert(BATCH_ITEMS), pending)


def _finish_batch(connection: Connection, batch_id: int, *, at: datetime, kind: str,
                  source: str, profile: str, numbers: dict[str, int],
                  restore: dict[str, Any] | None) -> None:
    """The batch's summary (what it counts, the settings to put back) and its audit entry."""
    summary = {"counts": numbers, "settings": restore}
    connection.execute(update(BATCHES).where(BATCHES.c.id == batch_id).values(
        summary=json.dumps(summary, ensure_ascii=False)))
    audit.record(connection, profile=profile, record_kind=kind, record_id=str(batch_id),
                 household_id=None, action=kind, at=at,
                 changes={"source": (None, source), **{
                     k: (None, n) for k, n in numbers.items()}})


def _records(connection: Connection, batch_id: int) -> BatchRecords:
    records = BatchRecords()
    for kind, record_id, fingerprint in connection.execute(select(
            BATCH_ITEMS.c.record_kind, BATCH_ITEMS.c.record_id, BATCH_ITEMS.c.fingerprint)
            .where(BATCH_ITEMS.c.batch_id == batch_id)):
        records.add(kind, record_id, fingerprint)
    return records


def _batch(row: Any, reasons: list[str] | None) -> ImportBatch:
    summary = json.loads(row.summary or "{}")
    return ImportBatch(
        id=row.id, at=row.at, profile=row.profile, kind=row.kind, source=row.source,
        counts=dict(summary.get("counts", {})), undone_at=row.undone_at,
        undoable=row.undone_at is None and not reasons,
        reason="déjà annulé" if row.undone_at is not None else
        (describe_blockers(reasons) if reasons else None))


def import_batches(connection: Connection) -> list[ImportBatch]:
    """Every batch, newest first, each said undoable or not (and why not)."""
    found = []
    for row in connection.execute(select(BATCHES).order_by(BATCHES.c.id.desc())):
        reasons = None if row.undone_at is not None else blockers(
            connection, _records(connection, row.id))
        found.append(_batch(row, reasons))
    return found


def undo_import(connection: Connection, batch_id: int, profile: str) -> None:
    """Take the batch back whole, or raise a French `RefusedError` naming what changed."""
    row = (connection.execute(select(BATCHES).where(BATCHES.c.id == batch_id)).first()
           if 0 < batch_id <= MAX_ROW_ID else None)
    if row is None:
        raise RefusedError(f"Aucun import n° {batch_id} : la liste des imports est donnée par "
                         "« suivi-fsl imports » (menu Fichier › Annuler un import…).")
    if row.undone_at is not None:
        raise RefusedError(f"L'import n° {batch_id} a déjà été annulé le "
                         f"{row.undone_at:%d/%m/%Y à %H:%M}.")
    records = _records(connection, batch_id)
    reasons = blockers(connection, records)
    if reasons:
        raise RefusedError(f"L'import n° {batch_id} ({row.source or 'sans nom de fichier'}) ne "
                         f"peut pas être annulé : {describe_blockers(reasons)}. Ces données "
                         "ont été modifiées ou complétées depuis : annulez ces changements ou "
                         "gardez l'import.")
    # Measures the batch added to a household it did not bring (a merge): the undo goes in
    # that household's history too, as the merge did.
    kept = sorted((measure_id, household_id) for measure_id, household_id in row_reading.select_in(
        connection, select(MEASURES.c.id, MEASURES.c.household_id), MEASURES.c.id,
        records.ids("measure")) if household_id not in records.ids("household"))
    for table, key, ids in ((ABSENCES, ABSENCES.c.worker_id, records.ids("worker")),
                            (MEASURES, MEASURES.c.id, records.ids("measure")),
                            (HOUSEHOLDS, HOUSEHOLDS.c.id, records.ids("household")),
                            (HOMES, HOMES.c.id, records.ids("home")),
                            (WORKERS, WORKERS.c.id, records.ids("worker"))):
        for chunk in row_reading.chunks(ids):
            connection.execute(delete(table).where(key.in_(chunk)))
    settings = json.loads(row.summary or "{}").get("settings")
    restored = settings is not None and _restore(connection, settings)
    at = datetime.now().replace(microsecond=0)
    connection.execute(update(BATCHES).where(BATCHES.c.id == batch_id).values(undone_at=at))
    audit.record(connection, profile=profile, record_kind=row.kind, record_id=str(batch_id),
                 household_id=None, action="undo", at=at, changes={
                     "source": (row.source, None), "settings_restored": (None, restored),
                     **{f"{k}s": (len(records.ids(k)), 0) for k in records.kinds()}})
    for measure_id, household_id in kept:
        audit.record(connection, profile=profile, record_kind="measure", record_id=measure_id,
                     household_id=household_id, action="undo", at=at,
                     changes={"source": (row.source, None)})


def _restore(connection: Connection, settings: dict[str, Any]) -> bool:
    """Put back the association and tariffs of before the import, if unchanged since."""
    current = _settings(fetch.association(connection), fetch.tariffs(connection))
    if current != settings["after"]:
        return False
    before = parse_caseload(settings["before"])
    writers.save_association(connection, before.association)
    writers.save_tariffs(connection, before.tariffs)
    return True
