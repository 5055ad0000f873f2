"""Workers' absences (leave, training, sick leave) and who visits their households meanwhile.

A long absence (more than 21 working days, `absence_travailleur`) is mostly reported to the
SLISL and a replacement with an accepted diploma is named; the visits of the absence are then
made by the replacement, otherwise by a colleague of the team.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.domain.model import Absence, Measure, Worker

SHORT_REASONS = ("Congés annuels", "Congés annuels", "Formation")
LONG_REASONS = ("Congé maladie", "Congé maladie", "Congé maternité")


def build_absences(ctx: DemoContext, teams: dict[str, list[Worker]]) -> None:
    """About one absence every three years per worker, a third of them long."""
    rng = ctx.rng
    years = max(1, round((ctx.today - ctx.start).days / 365))
    for team in teams.values():
        for worker in team:
            for year in range(years):
                if rng.random() >= 0.35:
                    continue
                first = ctx.start + timedelta(days=365 * year)
                start = ctx.working_day(first, min(first + timedelta(days=340), ctx.today))
                absence = long_absence(ctx, worker, team, start) if rng.random() < 0.3 else \
                    short_absence(ctx, start)
                if not any(_overlaps(absence, other) for other in worker.absences):
                    worker.absences.append(absence)
            worker.absences.sort(key=lambda a: a.start)


def short_absence(ctx: DemoContext, start: date) -> Absence:
    reason = ctx.rng.choice(SHORT_REASONS)
    days = ctx.rng.randint(2, 5) if reason == "Formation" else ctx.rng.randint(7, 21)
    return Absence(start, start + timedelta(days=days - 1), reason)


def long_absence(ctx: DemoContext, worker: Worker, team: list[Worker], start: date,
                 reported: float | None = None) -> Absence:
    """Sick or maternity leave of 5 to 16 weeks, mostly reported with a replacement."""
    reason = ctx.rng.choice(LONG_REASONS)
    days = 112 if reason == "Congé maternité" else ctx.rng.randint(35, 80)
    end: date | None = start + timedelta(days=days - 1)
    if end is not None and end > ctx.today and ctx.chance(0.5):
        end = None  # back-to-work date not known yet
    absence = Absence(start, end, reason)
    notified = start + timedelta(days=ctx.rng.randint(5, 25))
    colleagues = [w for w in team if w.id != worker.id]
    probability = ctx.rates.absence_reported if reported is None else reported
    if colleagues and notified <= ctx.today and ctx.chance(probability):
        absence.slisl_notified_on = notified
        absence.replacement = ctx.rng.choice(colleagues).id
    return absence


def cover_visits(ctx: DemoContext, workers: list[Worker], teams: dict[str, list[Worker]],
                 measures: list[Measure]) -> None:
    """Visits falling in the referent's absence are made by the replacement or a colleague."""
    absent = {w.id: w for w in workers if w.absences}
    if not absent:
        return
    team_of = {w.id: team for team in teams.values() for w in team}
    for measure in measures:
        worker = absent.get(measure.referent)
        if worker is None:
            continue
        colleagues = [w.id for w in team_of.get(worker.id, []) if w.id != worker.id]
        for absence in worker.absences:
            last = absence.end or date.max
            stand_in = absence.replacement or (ctx.rng.choice(colleagues) if colleagues else None)
            for visit in measure.visits:
                if absence.start <= visit.date <= last:
                    visit.worker = stand_in


def _overlaps(a: Absence, b: Absence) -> bool:
    """Closer than two weeks to each other (an open absence runs on)."""
    gap = timedelta(days=14)
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start - gap <= b_end and b.start - gap <= a_end
