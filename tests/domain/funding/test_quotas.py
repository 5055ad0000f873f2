"""Q1 (points per ETP) and Q2 (FAL in force per ETP), association and workers."""

from __future__ import annotations

from desktop_app.domain.funding import QuotaFigures, WorkerQuota
from desktop_app.domain.model import Contract, DsfOutcome, MeasureType, Stay
from tests.domain.funding.builders import (
    RENFORCE,
    D,
    caseload,
    measure,
    month,
    period,
    worker,
)


def test_points_and_fal_against_fractional_etp() -> None:
    fal_period = period(D(2025, 8, 1), D(2025, 9, 1), None)
    load = caseload(
        # w1: ASLL renforce 2 + diagnosis 2 + CET not signed 1 = 5 points.
        measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31), RENFORCE)),
        measure("m2", MeasureType.ASLL_DIAG, done_on=D(2025, 9, 5)),
        measure("m3", MeasureType.ASLL, period(D(2025, 9, 1), D(2026, 2, 28)),
                contract=Contract(not_signed_on=D(2025, 9, 20))),
        # w2: AML simple 1 point; a DSF (0 points); FAL in force on 01/09 only → counts.
        measure("m4", MeasureType.AML, period(D(2025, 7, 1), D(2026, 3, 31)), referent="w2"),
        measure("m5", MeasureType.DSF, outcome=DsfOutcome.REALISE, done_on=D(2025, 9, 3),
                referent="w2"),
        measure("m6", MeasureType.FAL, fal_period, referent="w2",
                stays=[Stay("u1", D(2025, 8, 1), D(2025, 9, 1))]),
        # w3: a FAL starting on 30/09 counts; one closed on 31/08 does not; one without
        # period (not in force) does not.
        measure("m7", MeasureType.FAL, period(D(2025, 9, 30), D(2026, 9, 29), None),
                referent="w3"),
        measure("m8", MeasureType.FAL, period(D(2025, 3, 1), D(2026, 2, 28), None),
                referent="w3", closed_on=D(2025, 8, 31)),
        measure("m9", MeasureType.FAL, referent="w3"),
        workers=[worker("w3", 0.2), worker("w1", 0.75), worker("w2", 0.1)])
    result = month(load, "2025-09")
    # Association: 5 + 1 = 6 points, FAL m6 + m7 = 2. ETP 0,75 + 0,1 + 0,2 = 1,05 (exact
    # in decimal): 50 × 1,05 = 52,5 and 30 × 1,05 = 31,5.
    assert result.association == QuotaFigures(points=6, limit=52.5, fal=2, fal_limit=31.5)
    # Workers sorted by id: w1 50 × 0,75 = 37,5, 30 × 0,75 = 22,5; w2 5 and 3; w3 10 and 6.
    assert result.workers == [
        WorkerQuota("w1", 0.75, QuotaFigures(5, 37.5, 0, 22.5)),
        WorkerQuota("w2", 0.1, QuotaFigures(1, 5.0, 1, 3.0)),
        WorkerQuota("w3", 0.2, QuotaFigures(0, 10.0, 1, 6.0))]


def test_limits_exact_in_decimal() -> None:
    # 0,1 + 0,2 in binary floats is 0,30000000000000004; in decimal 0,3: 50 × 0,3 = 15,0,
    # 30 × 0,3 = 9,0. Likewise 1,0 + 0,8 → 90,0 (exemple-2).
    load = caseload(workers=[worker("w1", 0.1), worker("w2", 0.2)])
    assert month(load, "2025-09").association == QuotaFigures(0, 15.0, 0, 9.0)
    load = caseload(workers=[worker("w1", 1.0), worker("w2", 0.8)])
    assert month(load, "2025-09").association == QuotaFigures(0, 90.0, 0, 54.0)


def test_no_worker_gives_zero_limits() -> None:
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
                    workers=[])
    result = month(load, "2025-09")
    # 1 point against 50 × 0 = 0.
    assert (result.association, result.workers) == (QuotaFigures(1, 0.0, 0, 0.0), [])
