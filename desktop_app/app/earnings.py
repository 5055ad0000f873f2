"""The earnings queries: the points and amounts of a month (rules P1–P7, Q1–Q2) from the
funding engine, on what the store loads for the month.

One place, so that `suivi-fsl points` and the window show the same figures; `earnings` is
what the « Points du mois » screen shows (names beside the engine's lines and quotas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.app.charts import history_months, points_history
from desktop_app.domain.charts import BarChart
from desktop_app.domain.funding import MonthPoints, PointLine, compute_month_points
from desktop_app.domain.model import Caseload, Convention

if TYPE_CHECKING:
    from desktop_app.domain.dates import Month
    from desktop_app.store.api import Store


def month_points_with_caseload(store: Store, month: Month) -> tuple[Caseload, MonthPoints]:
    """The points of `month` and the caseload they were computed on (for names)."""
    caseload = store.load_for_month(month)
    return caseload, compute_month_points(caseload, month)


def month_points(store: Store, month: Month) -> MonthPoints:
    """Points and amounts of `month` (rules P1–P7, Q1–Q2)."""
    return month_points_with_caseload(store, month)[1]


@dataclass(frozen=True)
class Line:
    """One line of the month's statement, with the names it is about."""

    line: PointLine
    subject: str  # household (or home) name
    referent: str


@dataclass(frozen=True)
class Quota:
    """The quota figures of the association or of one worker (Q1, Q2)."""

    who: str
    fte: float
    points: int
    limit: float
    fal: int
    fal_limit: float


@dataclass(frozen=True)
class Earnings:
    """What the « Points du mois » screen shows for `month`."""

    month: Month
    points: MonthPoints
    lines: list[Line]
    #: The association first, then each worker in the engine's order.
    quotas: list[Quota]
    #: The convention of the month's year, None when none is recorded.
    convention: Convention | None
    #: The association's points of the 12 months ending with `month` (`points_history`).
    history: BarChart


def earnings(store: Store, month: Month) -> Earnings:
    """The points of `month` with the names of households, homes and workers, the quotas
    of the association and of each worker, the convention of the month's year and the
    points of the 12 months ending with it, all from one read of the store."""
    caseload = store.load_for_months(history_months(month)[0], month)
    points = compute_month_points(caseload, month)
    households = {h.id: h.name for h in caseload.households}
    homes = {h.id: h.address for h in caseload.homes}
    workers = {w.id: w.name for w in caseload.workers}
    lines = [Line(line,
                  households.get(line.household or "", "") or homes.get(line.home or "", ""),
                  workers.get(line.referent or "", "")) for line in points.lines]
    association = points.association
    fte = sum(w.fte for w in points.workers)
    quotas = [Quota("Association", fte, association.points, association.limit,
                    association.fal, association.fal_limit)]
    quotas += [Quota(workers.get(w.worker, w.worker), w.fte, w.figures.points,
                     w.figures.limit, w.figures.fal, w.figures.fal_limit)
               for w in points.workers]
    convention = next((c for c in caseload.association.conventions if c.year == month.year),
                      None)
    return Earnings(month, points, lines, quotas, convention,
                    points_history(caseload, month, {month: points}))
