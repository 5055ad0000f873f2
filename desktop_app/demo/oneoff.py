"""Measures carried out once: the DSF before a hearing (rule P6) and the ASLL diagnosis
ordered by the CL (P3)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.domain.model import (
    DsfOutcome,
    Measure,
    MeasureType,
    Visit,
    VisitOutcome,
    VisitPlace,
)

_CLOSED = VisitOutcome.PORTE_CLOSE
_HOME = VisitPlace.DOMICILE


def build_dsf(ctx: DemoContext, household: str, summoned: date) -> Measure | None:
    """A DSF for a household summoned on `summoned`: mostly carried out with the household
    met, some after two closed doors, a few without meeting them; sent to the SLISL at the
    latest 10 days before the hearing (`dsf_transmission`), a few late."""
    if summoned > ctx.today:
        return None
    rng = ctx.rng
    hearing = ctx.working_day(summoned + timedelta(days=42), summoned + timedelta(days=75))
    measure = Measure(id=ctx.new_id("m"), household=household, type=MeasureType.DSF,
                      referent="", summoned_on=summoned, hearing_on=hearing)
    first = ctx.working_day(summoned + timedelta(days=6), summoned + timedelta(days=16))
    draw = rng.random()
    visits: list[Visit] = []
    if draw < 0.75:
        outcome, done = DsfOutcome.REALISE, first
        if ctx.chance(0.15):
            visits.append(Visit(first, _CLOSED, _HOME))
            done = ctx.working_days_after(first, 3, 8)
        place = _HOME if ctx.chance(0.8) else VisitPlace.BUREAU
        visits.append(Visit(done, VisitOutcome.REALISEE, place))
        finished: date | None = done
    elif draw < 0.9:
        outcome, done = DsfOutcome.PORTE_CLOSE, ctx.working_days_after(first, 3, 8)
        second = VisitOutcome.PORTE_CLOSE_JUSTIFIEE if ctx.chance(0.2) else _CLOSED
        visits += [Visit(first, _CLOSED, _HOME), Visit(done, second, _HOME)]
        finished = None  # rule P6 dates it by the second closed door
    else:
        outcome, done = DsfOutcome.SANS_RENCONTRE, ctx.working_days_after(first, 3, 10)
        visits.append(Visit(first, _CLOSED, _HOME))
        finished = done
    measure.visits = [v for v in visits if v.date <= ctx.today]
    if done > ctx.today:
        return measure
    measure.outcome, measure.done_on = outcome, finished
    deadline = hearing - timedelta(days=10)
    if ctx.chance(0.9):
        sent = min(ctx.working_days_after(done, 1, 6), deadline)
    else:
        sent = ctx.day_between(deadline + timedelta(days=1), hearing - timedelta(days=1))
    measure.transmitted_on = ctx.known(max(sent, done))
    return measure


def build_diagnosis(ctx: DemoContext, household: str, decision: date) -> Measure | None:
    """An ASLL diagnosis ordered on `decision`, carried out within a few weeks."""
    if decision > ctx.today:
        return None
    done = ctx.working_day(decision + timedelta(days=14), decision + timedelta(days=45))
    measure = Measure(id=ctx.new_id("m"), household=household, type=MeasureType.ASLL_DIAG,
                      referent="", decision_date=decision)
    if done > ctx.today:
        return measure
    visits = []
    if ctx.chance(0.08):
        before = ctx.working_day(done - timedelta(days=9), done - timedelta(days=5))
        visits.append(Visit(before, _CLOSED, _HOME))
    visits.append(Visit(done, VisitOutcome.REALISEE, _HOME if ctx.chance(0.85)
                        else VisitPlace.BUREAU))
    measure.visits, measure.done_on = visits, done
    return measure
