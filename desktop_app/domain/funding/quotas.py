"""Q1 (points per ETP) and Q2 (FAL in force per ETP) for a month: the association against
the sum of its workers' ETP, each worker on the measures they are referent of."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from desktop_app.domain.dates import Month
from desktop_app.domain.funding.results import PointLine, QuotaFigures, WorkerQuota
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Measure, MeasureType, Tariff, Worker


def _limit(per_fte: int, fte: Decimal) -> float:
    """per_fte × ETP, exact in decimal (50 × (1,0 + 0,8) is 90.0, not 90.00000000000001)."""
    return float(per_fte * fte)


def fal_in_force(measure: Measure, month: Month) -> bool:
    """Q2: a FAL measure in force on at least one day of `month`."""
    if measure.type is not MeasureType.FAL:
        return False
    span = in_force_span(measure)
    return span is not None and span[0] <= month.last_day and span[1] >= month.first_day


def quota_figures(lines: list[PointLine], measures: list[Measure], workers: list[Worker],
                  month: Month, tariff: Tariff) -> tuple[QuotaFigures, list[WorkerQuota]]:
    """Q1: every point of the month (monthly, CET not signed, diagnosis) against
    `points_per_fte` × ETP; Q2: FAL in force in the month against `fal_per_fte` × ETP. The
    association's ETP is the sum of all its workers'; a worker's figures are those of the
    measures they are referent of. Workers sorted by id."""
    points: Counter[str | None] = Counter()
    for line in lines:
        points[line.referent] += line.points
    fal: Counter[str] = Counter(m.referent for m in measures if fal_in_force(m, month))
    total_fte = sum((Decimal(str(w.fte)) for w in workers), Decimal(0))
    association = QuotaFigures(
        points=sum(points.values()), limit=_limit(tariff.points_per_fte, total_fte),
        fal=sum(fal.values()), fal_limit=_limit(tariff.fal_per_fte, total_fte))
    quotas = []
    for worker in sorted(workers, key=lambda w: w.id):
        fte = Decimal(str(worker.fte))
        quotas.append(WorkerQuota(worker.id, float(worker.fte), QuotaFigures(
            points=points[worker.id], limit=_limit(tariff.points_per_fte, fte),
            fal=fal[worker.id], fal_limit=_limit(tariff.fal_per_fte, fte))))
    return association, quotas
