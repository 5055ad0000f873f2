"""One household's file: exported for a colleague's laptop, or for a
right-of-access request (GDPR art. 15).

The file is an interchange file (docs/echange.md, `suivi-fsl export` format) holding the
household, its measures and what they refer to: the referents and the workers of the
visits, the ALT homes of the stays. Workers come without their absences: a worker's leave
is not the household's data (and the file stays valid without them: an absence's
replacement is the only reference an absence makes). Neither tariffs nor conventions are
included: only the association's name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from desktop_app.domain.model import Association, Caseload, Worker
from desktop_app.store import audit, fetch, row_reading
from desktop_app.store.errors import RefusedError
from desktop_app.store.records import HouseholdAccess
from desktop_app.store.tables import BILAN_TEXTS, MEASURES


def export_household(connection: Connection, household_id: str) -> Caseload:
    """The household's interchange caseload, or a French `RefusedError` if it is unknown."""
    found = fetch.households(connection, [household_id])
    if not found:
        raise RefusedError(f"Ménage {household_id} introuvable dans la base : il a peut-être "
                         "été supprimé ou anonymisé. Rouvrez la liste des ménages.")
    ids = [r[0] for r in row_reading.run(connection, select(MEASURES.c.id).where(
        MEASURES.c.household_id == household_id).order_by(MEASURES.c.id))]
    measures = sorted(fetch.measures(connection, ids, ids), key=lambda m: m.id) if ids else []
    worker_ids = {m.referent for m in measures}
    worker_ids |= {v.worker for m in measures for v in m.visits if v.worker}
    home_ids = {s.home for m in measures for s in m.stays}
    workers = [Worker(w.id, w.name, w.diploma, w.fte) for w in fetch.workers(connection)
               if w.id in worker_ids]
    homes = [h for h in fetch.homes(connection) if h.id in home_ids]
    association = Association(fetch.association(connection).name)
    return Caseload(association, [], workers, found, homes, measures)


def _json(value: Any) -> Any:
    """A column's value as in the interchange file (dates and times as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def bilan_texts(connection: Connection, measure_ids: list[str]) -> list[dict[str, Any]]:
    """The bilans written for these measures, by measure then report."""
    if not measure_ids:
        return []
    b = BILAN_TEXTS.c
    rows = row_reading.select_in(connection, select(BILAN_TEXTS), b.measure_id, measure_ids)
    found = [{key: _json(value) for key, value in row._mapping.items()} for row in rows]
    return sorted(found, key=lambda r: (r["measure_id"], r["period_end"], r["kind"]))


def household_access(connection: Connection, household_id: str) -> HouseholdAccess:
    """Everything about the household, read in the caller's (read) transaction."""
    caseload = export_household(connection, household_id)
    return HouseholdAccess(caseload, audit.history(connection, household_id),
                           bilan_texts(connection, [m.id for m in caseload.measures]))
