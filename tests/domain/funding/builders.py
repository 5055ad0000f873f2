"""Short builders of caseloads for the hand-worked funding cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints, PointLine, compute_month_points
from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    Stay,
    Tariff,
    Worker,
)

D = date
SIMPLE, RENFORCE = Level.SIMPLE, Level.RENFORCE


def period(start: date, end: date, level: Level | None = SIMPLE) -> Period:
    return Period(start, end, level)


def measure(mid: str, mtype: MeasureType, *periods: Period, household: str | None = None,
            referent: str = "w1", **fields: Any) -> Measure:
    """A measure of household `h<mid without m>` unless told (m1 → h1)."""
    return Measure(mid, household or "h" + mid.removeprefix("m"), mtype, referent,
                   periods=list(periods), **fields)


def fal(mid: str, *stays: Stay, **fields: Any) -> Measure:
    """A FAL in force all of 2025–2028 (Q2 counts it), paid on its `stays` (P5)."""
    return measure(mid, MeasureType.FAL, period(D(2025, 1, 1), D(2028, 12, 31), None),
                   stays=list(stays), **fields)


def worker(wid: str, fte: float = 1.0) -> Worker:
    return Worker(wid, f"Travailleur {wid}", Diploma.CESF, fte)


def tariff(start: date, point_value: str = "85.95", support: str = "1562.80",
           management: str = "500.00", dsf_done: str = "162.38", closed: str = "39.12",
           points_per_fte: int = 50, fal_per_fte: int = 30) -> Tariff:
    return Tariff(start, Decimal(point_value), Decimal(support), Decimal(management),
                  Decimal(dsf_done), Decimal(closed), points_per_fte, fal_per_fte)


#: The built-in tariff of docs/regles.md (from 2025-07-01).
TARIFF_2025 = tariff(D(2025, 7, 1))


def caseload(*measures: Measure, workers: list[Worker] | None = None,
             homes: list[Home] | None = None, tariffs: list[Tariff] | None = None) -> Caseload:
    return Caseload(
        association=Association("Association test"),
        tariffs=tariffs if tariffs is not None else [TARIFF_2025],
        workers=workers if workers is not None else [worker("w1"), worker("w2")],
        households=[Household(h, f"MÉNAGE {h}") for h in sorted({m.household for m in measures})],
        homes=homes or [],
        measures=list(measures),
    )


def month(load: Caseload, text: str) -> MonthPoints:
    return compute_month_points(load, Month.parse(text))


def lines(load: Caseload, text: str) -> list[PointLine]:
    return month(load, text).lines


def summary(load: Caseload, text: str) -> list[tuple[str | None, str | None, str, int,
                                                      int | None, str]]:
    """(measure, home, item, points, days, amount) of each line of the month, in order."""
    return [(x.measure, x.home, x.item, x.points, x.days, str(x.amount))
            for x in lines(load, text)]
