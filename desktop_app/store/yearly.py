"""Which measures a year's activity grid needs beyond those of its month ends (see
`loaders.load_for_year`): what the annual indicators count by a date of the year that no
monthly or daily selection looks at."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, or_, select

from desktop_app.domain.model import MeasureType
from desktop_app.store.fetch import run
from desktop_app.store.selection import Selection
from desktop_app.store.tables import MEASURES, PERIODS, VISITS

M = MEASURES.c


def year_extras(connection: Connection, year: int) -> Selection:
    """AML whose agreement is dated in N (`AML.agreements`) or whose failure claim was sent
    in N (`AML.claims_sent`), measures with a period ending in N (`bilan_final` counts, even
    once closed) and measures with a visit dated in N (visit counts, e.g. a DSF carried out
    after N)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    selection = Selection()
    selection.add(run(connection, select(M.id, M.type).where(
        M.type == MeasureType.AML.value, or_(M.agreement_on.between(first, last),
                                            M.claim_sent_on.between(first, last)))))
    for child in (M.id.in_(select(PERIODS.c.measure_id).where(
                      PERIODS.c.end.between(first, last))),
                  M.id.in_(select(VISITS.c.measure_id).where(VISITS.c.day.between(first, last)))):
        selection.add(run(connection, select(M.id, M.type).where(child)))
    return selection
