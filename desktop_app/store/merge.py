"""Merging a household file received from a colleague, in one transaction.

Each top-level record of the file (worker, household, home, measure) is compared with the
store's record of the same id on its canonical interchange JSON: absent here → added (all
added records form one batch of kind « merge », which can be undone); identical → skipped;
different → kept as it is here and reported field by field, in French (`conflicts`). A
new measure that refers to a differing record (its household, referent, a visit's worker, a
stay's home: ids are numbered on each laptop, so h12 here may be another family than the
file's h12) is not added either, and said so.
Workers are compared without their absences (a household file carries none). A measure to
add to a household of the read-only archive refuses the whole merge (`RefusedError`).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection

from desktop_app.domain.model import Association, Caseload, Measure
from desktop_app.interchange import caseload_to_json
from desktop_app.store import audit, batches, fetch, writers
from desktop_app.store.conflict_text import conflict_lines
from desktop_app.store.records import MergeReport
from desktop_app.store.retention import refuse_if_archived

#: Interchange list key → kind of record.
SECTIONS = (("workers", "worker"), ("households", "household"), ("homes", "home"),
            ("measures", "measure"))


def _documents(caseload: Caseload) -> dict[str, dict[str, dict[str, Any]]]:
    """kind → id → canonical JSON of the record (workers without absences)."""
    document = caseload_to_json(Caseload(Association(""), [], caseload.workers,
                                         caseload.households, caseload.homes,
                                         caseload.measures))
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for section, kind in SECTIONS:
        items = cast("list[dict[str, Any]]", document[section])  # each section: its records
        found[kind] = {item["id"]: item for item in items}
    for item in found["worker"].values():
        item.pop("absences", None)
    return found


def _here(connection: Connection, caseload: Caseload) -> Caseload:
    """The store's records with the ids of the file's."""
    workers = {w.id for w in caseload.workers}
    homes = {h.id for h in caseload.homes}
    measures = [m.id for m in caseload.measures]
    return Caseload(
        Association(""), [], [w for w in fetch.workers(connection) if w.id in workers],
        fetch.households(connection, [h.id for h in caseload.households]),
        [h for h in fetch.homes(connection) if h.id in homes],
        fetch.measures(connection, measures, measures) if measures else [])


def merge_caseload(connection: Connection, caseload: Caseload, *, source: str,
                   profile: str) -> MergeReport:
    incoming, here = _documents(caseload), _documents(_here(connection, caseload))
    added: dict[str, list[str]] = {kind: [] for _s, kind in SECTIONS}
    skipped: dict[str, list[str]] = {kind: [] for _s, kind in SECTIONS}
    conflicts: list[str] = []
    for _section, kind in SECTIONS:
        for record_id, theirs in sorted(incoming[kind].items()):
            mine = here[kind].get(record_id)
            if mine is None:
                added[kind].append(record_id)
            elif mine == theirs:
                skipped[kind].append(record_id)
            else:
                conflicts += conflict_lines(kind, mine, theirs)
    differing = {kind: set(incoming[kind]) - set(added[kind]) - set(skipped[kind])
                 for _s, kind in SECTIONS}
    for measure in [m for m in caseload.measures if m.id in set(added["measure"])]:
        refused = _differing_references(measure, differing)
        if refused:
            added["measure"].remove(measure.id)
            conflicts.append(
                f"Mesure {measure.id} ({measure.type} du ménage {measure.household}) : non "
                f"ajoutée, car {' et '.join(refused)} "
                f"{'diffère' if len(refused) == 1 else 'diffèrent'} ici (voir ci-dessus) : "
                "mettez les deux dossiers d'accord, puis fusionnez de nouveau.")
    new = Caseload(
        Association(""), [],
        [w for w in caseload.workers if w.id in set(added["worker"])],
        [h for h in caseload.households if h.id in set(added["household"])],
        [h for h in caseload.homes if h.id in set(added["home"])],
        [m for m in caseload.measures if m.id in set(added["measure"])])
    for household_id in sorted({m.household for m in new.measures}):
        refuse_if_archived(connection, household_id)  # before anything is written
    batch_id = None
    if any(added.values()):
        writers.insert_records(connection, new.workers, new.households, new.homes,
                               new.measures)
        batch_id = batches.record_batch(connection, new, kind="merge", source=source,
                                        profile=profile)
        for household in new.households:
            audit.record(connection, profile=profile, record_kind="household",
                         record_id=household.id, household_id=household.id, action="merge",
                         changes={"source": (None, source)})
        for measure in new.measures:
            audit.record(connection, profile=profile, record_kind="measure",
                         record_id=measure.id, household_id=measure.household,
                         action="merge", changes={"source": (None, source)})
    return MergeReport(added, skipped, conflicts, batch_id)


def _differing_references(measure: Measure, differing: dict[str, set[str]]) -> list[str]:
    """The records the measure refers to that differ here from the file (« le ménage h1 »)."""
    workers = sorted({measure.referent, *(v.worker for v in measure.visits if v.worker)})
    found = ([f"le ménage {measure.household}"]
             if measure.household in differing["household"] else [])
    found += [f"l'intervenant {w}" for w in workers if w in differing["worker"]]
    found += [f"le logement ALT {h}" for h in sorted({s.home for s in measure.stays})
              if h in differing["home"]]
    return found

