"""Breaches planted on the team and the association (see `plant`): an unqualified referent,
a long absence not reported, a worker over quota, a convention exceeded, a grid and an
occupancy table not sent."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.demo.absences import long_absence
from desktop_app.demo.association import monthly_points
from desktop_app.demo.calendar import month_key
from desktop_app.demo.plant import Planter
from desktop_app.domain.measure_facts import level_on
from desktop_app.domain.model import (
    Absence,
    Diploma,
    Level,
    Measure,
    MeasureType,
    Worker,
)

ASLL, AML, FAL = MeasureType.ASLL, MeasureType.AML, MeasureType.FAL
QUOTA_FTE = 0.5


def plant_staff_breaches(p: Planter) -> None:
    autre = next(w for w in p.caseload.workers if w.diploma is Diploma.AUTRE)
    for measure in p.in_force([ASLL])[:2]:  # diplome: referent without an accepted diploma
        measure.referent = autre.id
        p.take(measure, "diplome")
    busy = sorted({m.referent for m, _ in p.current if m.type in (ASLL, AML, FAL)
                   and m.referent != autre.id})
    if busy:  # absence_travailleur: off sick for six weeks, not reported, nobody named
        worker = _worker(p, p.ctx.rng.choice(busy))
        start = p.ctx.working_day(p.today - timedelta(days=48), p.today - timedelta(days=42))
        worker.absences = [a for a in worker.absences if a.end is not None
                           and a.end < start - timedelta(days=14)]
        worker.absences.append(Absence(start, None, "Congé maladie"))
        p.record("absence_travailleur", worker.id)
        _ensure_reported_absence(p, worker)
        _plant_quota(p, [w for w in p.qualified_workers() if w.id != worker.id])
    _plant_association(p)


def _ensure_reported_absence(p: Planter, absent: Worker) -> None:
    """At least one past long absence reported to the SLISL with a replacement named."""
    if any(a.replacement for w in p.caseload.workers for a in w.absences):
        return
    for team in p.teams.values():
        others = [w for w in team if w.id != absent.id]
        if len(others) >= 2:
            worker = others[0]
            start = p.ctx.working_day(p.today - timedelta(days=330), p.today - timedelta(days=300))
            absence = long_absence(p.ctx, worker, team, start, reported=1.0)
            worker.absences = [a for a in worker.absences if a.end is not None and (
                a.end < start - timedelta(days=14) or a.start > start + timedelta(days=130))]
            worker.absences.append(absence)
            worker.absences.sort(key=lambda a: a.start)
            return


def _plant_quota(p: Planter, workers: list[Worker]) -> None:
    """quota_points: a worker gone part-time keeping (and taking) too many measures: more
    points today than 50 × their new ETP (a small team: a very small ETP)."""
    if not workers:
        return
    held: dict[str, int] = {w.id: 0 for w in workers}
    for measure, _ in p.current:
        if measure.type in (ASLL, AML) and measure.referent in held:
            held[measure.referent] += _points(measure, p.today)
    worker = max(workers, key=lambda w: (held[w.id], w.id))
    points = held[worker.id]
    colleagues = {w.id for w in workers if w.id != worker.id}
    movable = [m for m, _ in p.current if m.type is ASLL and m.referent in colleagues
               and m.id not in p.used]
    for measure in movable[:max(2, len(movable) // 2)]:
        if points > 50 * QUOTA_FTE + 2:
            break
        measure.referent = worker.id
        points += _points(measure, p.today)
    fte = QUOTA_FTE if points > 50 * QUOTA_FTE else max(0.1, (points - 1) * 10 // 50 / 10)
    if points > 50 * fte:
        worker.fte = fte
        p.record("quota_points", worker.id)


def _points(measure: Measure, day: date) -> int:
    """P1: 2 points at level renforcé, 1 at level simple."""
    return 2 if level_on(measure, day) is Level.RENFORCE else 1


def _plant_association(p: Planter) -> None:
    association = p.caseload.association
    estimate = monthly_points(p.caseload.measures)[ASLL].get(month_key(p.today), 0)
    convention = next((c for c in association.conventions if c.year == p.today.year), None)
    if convention is not None and estimate >= 4:  # convention: this month above agreed
        convention.asll_points_per_month = estimate * 85 // 100
        p.record("convention", str(p.month))
    last_year = p.today.year - 1
    if p.today > date(p.today.year, 2, 1) and any(
            g.year == last_year for g in association.grids_sent):  # grille_annuelle
        association.grids_sent = [g for g in association.grids_sent if g.year != last_year]
        p.record("grille_annuelle", str(last_year))
    previous = p.month.previous()
    if any(t.month == previous for t in association.occupancy_tables_sent):
        association.occupancy_tables_sent = [t for t in association.occupancy_tables_sent
                                             if t.month != previous]
        p.record("tableau_occupation", str(previous))


def _worker(p: Planter, worker_id: str) -> Worker:
    return next(w for w in p.caseload.workers if w.id == worker_id)
