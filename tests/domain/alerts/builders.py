"""Short builders of caseloads for the hand-worked alert cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.alerts import Alert, compute_alerts
from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Caseload,
    Diploma,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)

D = date


def period(start: date, end: date, level: Level | None = Level.SIMPLE,
           kind: PeriodKind | None = PeriodKind.INITIALE) -> Period:
    return Period(start, end, level, kind)


def visit(day: date, outcome: VisitOutcome = VisitOutcome.REALISEE,
          place: VisitPlace | None = VisitPlace.DOMICILE) -> Visit:
    return Visit(day, outcome, place)


def closed_door(day: date) -> Visit:
    return Visit(day, VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)


def measure(mid: str = "m1", mtype: MeasureType = MeasureType.ASLL, *periods: Period,
            household: str = "h1", referent: str = "w1", **fields: Any) -> Measure:
    return Measure(mid, household, mtype, referent, periods=list(periods), **fields)


def worker(wid: str = "w1", diploma: Diploma = Diploma.CESF, fte: float = 1.0,
           **fields: Any) -> Worker:
    return Worker(wid, f"Travailleur {wid}", diploma, fte, **fields)


def caseload(*measures: Measure, workers: list[Worker] | None = None,
             association: Association | None = None) -> Caseload:
    households = sorted({m.household for m in measures})
    return Caseload(
        association=association or Association("Association test"),
        workers=workers if workers is not None else [worker("w1"), worker("w2")],
        households=[Household(h, f"MÉNAGE {h}") for h in households],
        measures=list(measures),
    )


def alerts(load: Caseload, on: date, code: str | None = None,
           settings: AlertSettings | None = None) -> list[Alert]:
    """The alerts as of `on` (only those of `code` if given)."""
    found = compute_alerts(load, on, settings or AlertSettings())
    return [a for a in found if code is None or a.code == code]


def dues(found: list[Alert]) -> list[date | None]:
    return [a.due for a in found]
