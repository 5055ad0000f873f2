"""The alert engine alone (no store) on a department-scale caseload built in memory:
`python benchmarks/alert_engine.py` prints its time beside a plain pass over the same
measures (the baseline, measured in the same run). Target: well under a second.

It was a timed unit test; timings belong here, run by hand, not in the test suite.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from desktop_app.domain.alerts import compute_alerts
from desktop_app.domain.dates import add_months
from desktop_app.domain.model import (
    Absence,
    AlertSettings,
    Association,
    Caseload,
    Diploma,
    DsfOutcome,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)

ON = date(2026, 3, 16)
TYPES = [MeasureType.ASLL] * 10 + [MeasureType.AML] * 2 + [MeasureType.FAL] * 3 + [
    MeasureType.DSF] * 4 + [MeasureType.ASLL_DIAG]
OUTCOMES = [VisitOutcome.REALISEE] * 8 + [VisitOutcome.PORTE_CLOSE, VisitOutcome.ANNULEE]


def _support(rng: random.Random, mid: str, household: str, referent: str,
             mtype: MeasureType) -> Measure:
    start = ON - timedelta(days=rng.randrange(0, 900))
    months = 6 if mtype is not MeasureType.FAL else 12
    end = add_months(start, months) - timedelta(days=1)
    periods = [Period(start, end, rng.choice([Level.SIMPLE, Level.RENFORCE]))]
    if rng.random() < 0.5:
        periods.append(Period(end + timedelta(days=1), add_months(end, 6), periods[0].level))
    last = periods[-1].end
    closed = last if last < ON - timedelta(days=60) and rng.random() < 0.9 else None
    visits = []
    day = start + timedelta(days=rng.randrange(1, 10))
    while day <= min(last, ON + timedelta(days=30)):
        visits.append(Visit(day, rng.choice(OUTCOMES), VisitPlace.DOMICILE))
        day += timedelta(days=rng.randrange(10, 20))
    suspensions = []
    if rng.random() < 0.05:
        s = start + timedelta(days=40)
        suspensions.append(Suspension(s, s + timedelta(days=50), SuspensionReason.AUTRE))
    return Measure(mid, household, mtype, referent, decision_date=start - timedelta(days=20),
                   periods=periods, closed_on=closed, visits=visits, suspensions=suspensions,
                   agreement_on=start - timedelta(days=60))


def department_caseload(households: int = 12000, seed: int = 7) -> Caseload:
    """Fictitious: 12 000 households, 250 workers, about 3 000 support measures in force."""
    rng = random.Random(seed)
    workers = [Worker(f"w{i}", f"Travailleur {i}", Diploma.CESF, rng.choice([0.5, 0.8, 1.0]))
               for i in range(250)]
    for w in workers[:20]:
        w.absences.append(Absence(ON - timedelta(days=rng.randrange(0, 60)), None))
    measures = []
    for i in range(households):
        referent = f"w{rng.randrange(250)}"
        mtype = rng.choice(TYPES)
        if mtype in (MeasureType.DSF, MeasureType.ASLL_DIAG):
            done = ON - timedelta(days=rng.randrange(0, 700))
            measures.append(Measure(f"m{i}", f"h{i}", mtype, referent, done_on=done,
                                    outcome=DsfOutcome.REALISE, summoned_on=done,
                                    hearing_on=done + timedelta(days=40),
                                    transmitted_on=done + timedelta(days=5)))
        else:
            measures.append(_support(rng, f"m{i}", f"h{i}", referent, mtype))
    return Caseload(Association("Département"), workers=workers,
                    households=[Household(f"h{i}", f"MÉNAGE {i}") for i in range(households)],
                    measures=measures)


def main() -> None:
    load = department_caseload()
    in_force = sum(1 for m in load.measures if m.periods and m.closed_on is None
                   and m.periods[0].start <= ON <= m.periods[-1].end)
    compute_alerts(load, ON, AlertSettings())  # warm the holiday cache
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        found = compute_alerts(load, ON, AlertSettings())
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    visits = sum(len(m.visits) for m in load.measures)
    baseline = time.perf_counter() - started
    runs.sort()
    print(f"{len(load.measures)} mesures ({in_force} en vigueur le {ON:%d/%m/%Y}), "
          f"{visits} visites : {len(found)} alertes de {len({a.code for a in found})} codes")
    print(f"compute_alerts, médiane de 5 : {runs[2]:.3f} s (cible < 1 s) ; "
          f"parcours simple des mesures : {baseline:.4f} s")


if __name__ == "__main__":
    main()
