"""ASLL measures: CL decision, periods of 6 or 12 months renewed up to 24, level simple or
renforcé, the CET sent within the month (a few late, a few never signed: rule P2), monthly
visits with closed doors and the notices they call for, suspensions, final reports."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.demo.periods import (
    Exit,
    chain_periods,
    close,
    decided,
    early_day,
    final_reports,
    renewal_kinds,
)
from desktop_app.demo.visits import VisitRun, periodic_visits
from desktop_app.domain.dates import Month, add_months
from desktop_app.domain.model import (
    AsllContent,
    Contract,
    ExitReason,
    Level,
    Measure,
    MeasureType,
    Notice,
    NoticeKind,
    NotSignedReason,
    Period,
    Retroactive,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    VisitPlace,
)

NORMAL_END: tuple[Exit, ...] = (
    (ExitReason.OBJECTIFS_ATTEINTS, None),
    (ExitReason.OBJECTIFS_ATTEINTS, "Autonomie dans la gestion du logement"),
    (ExitReason.MAINTIEN, None), (ExitReason.AUTRE, "Fin de la durée maximale"))
EARLY_END: tuple[Exit, ...] = (
    (ExitReason.DEPART_DEPARTEMENT, None), (ExitReason.REFUS_ABANDON, None),
    (ExitReason.RELOGEMENT_SOCIAL, None), (ExitReason.ORIENTATION, "Structure d'hébergement"),
    (ExitReason.OBJECTIFS_ATTEINTS, "Avant le terme"))
STOPPED_AFTER_DOORS: Exit = (ExitReason.ARRET_PORTES_CLOSES, None)


def minimum_visits(period: Period) -> int:
    """`frequence_visites`: 1 home visit a month at level simple, 2 at level renforcé."""
    return 2 if period.level is Level.RENFORCE else 1


def build_asll(ctx: DemoContext, household: str, decision: date, start: date | None = None,
               retroactive: Retroactive | None = None) -> Measure | None:
    """An ASLL decided on `decision`; it starts on the 1st of the next month unless a
    retroactive `start` is given. None when the decision is still to come."""
    if decision > ctx.today:
        return None
    rng, rates = ctx.rng, ctx.rates
    if start is None:
        start = Month.of(decision).next().first_day
    lengths = [6 if rng.random() < 0.55 else 12]
    while sum(lengths) <= 18 and rng.random() < (0.5 if len(lengths) == 1 else 0.35):
        lengths.append(min(24 - sum(lengths), 6 if rng.random() < 0.6 else 12))
    levels = [Level.RENFORCE if rng.random() < 0.4 else Level.SIMPLE]
    for _ in lengths[1:]:
        if levels[-1] is Level.RENFORCE:
            levels.append(Level.SIMPLE if rng.random() < 0.5 else Level.RENFORCE)
        else:
            levels.append(Level.RENFORCE if rng.random() < 0.08 else Level.SIMPLE)
    periods = decided(ctx, chain_periods(start, lengths, levels, renewal_kinds(len(lengths))))
    measure = Measure(id=ctx.new_id("m"), household=household, type=MeasureType.ASLL,
                      referent="", decision_date=decision, retroactive=retroactive)
    measure.asll_content = _content(measure)
    if start + timedelta(days=40) <= ctx.today and ctx.chance(rates.contract_not_signed):
        return _not_signed(ctx, measure, periods)
    suspensions = _suspensions(ctx, periods)
    early = early_day(ctx, start, periods[-1].end, rates.early_close)
    periods, closed_on, reason = close(ctx, periods, early, NORMAL_END, EARLY_END)
    last = ctx.today if closed_on is None else closed_on
    run = periodic_visits(ctx, periods, last, suspensions, minimum_visits)
    notices: list[Notice] = []
    stopped = follow_closed_doors(ctx, run, notices)
    if stopped is not None and (closed_on is None or stopped < closed_on):
        closed_on, reason = stopped, STOPPED_AFTER_DOORS
        periods = [p for p in periods if p.start <= stopped]
        run.visits = [v for v in run.visits if v.date <= stopped]
    if closed_on is not None:
        suspensions = [_cut(s, closed_on) for s in suspensions if s.start <= closed_on]
    measure.periods, measure.closed_on = periods, closed_on
    if reason is not None:
        measure.exit_reason, measure.close_reason = reason
    measure.visits, measure.suspensions = run.visits, suspensions
    notices += [Notice(NoticeKind.INDISPONIBILITE, s.start + timedelta(days=3))
                for s in suspensions if s.start + timedelta(days=3) <= ctx.today]
    measure.notices = sorted(notices, key=lambda n: (n.sent_on, n.kind))
    measure.contract = _contract(ctx, decision)
    measure.reports = final_reports(ctx, periods, closed_on)
    return measure


def follow_closed_doors(ctx: DemoContext, run: VisitRun, notices: list[Notice]) -> date | None:
    """Notices for each run of two closed doors (mostly within 5 working days, some late,
    a few never); returns the day the measure is stopped after one, if it is."""
    rates = ctx.rates
    for second in run.runs:
        draw = ctx.rng.random()
        if draw < rates.notice_on_time:
            sent = ctx.working_days_after(second, 1, 4)
        elif draw < rates.notice_on_time + rates.notice_late:
            sent = ctx.working_days_after(second, 6, 12)
        else:
            continue
        if sent <= ctx.today:
            notices.append(Notice(NoticeKind.PORTES_CLOSES, sent))
            if ctx.chance(rates.stop_after_closed_doors):
                stop = ctx.day_between(sent + timedelta(days=5), sent + timedelta(days=25))
                return stop if stop <= ctx.today else None
    return None


def _contract(ctx: DemoContext, decision: date) -> Contract | None:
    """The CET, due at the SLISL one month after the decision (`cet`)."""
    due = add_months(decision, 1)
    signed = ctx.working_day(decision + timedelta(days=4), due - timedelta(days=8))
    if ctx.chance(ctx.rates.contract_late):
        sent = ctx.working_day(due + timedelta(days=3), due + timedelta(days=40))
    else:
        sent = min(ctx.working_days_after(signed, 1, 5), due)
    if signed > ctx.today:
        return None
    return Contract(signed_on=signed, sent_on=ctx.known(sent))


def _not_signed(ctx: DemoContext, measure: Measure, periods: list[Period]) -> Measure:
    """P2: the CET could not be signed (two closed doors, or the household refused); the
    measure is then stopped."""
    start = periods[0].start
    first = ctx.working_day(start + timedelta(days=2), start + timedelta(days=12))
    if ctx.chance(0.6):
        second = ctx.working_days_after(first, 3, 7)
        measure.visits = [Visit(first, VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE),
                          Visit(second, VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)]
        measure.notices = [Notice(NoticeKind.PORTES_CLOSES, ctx.working_days_after(second, 1, 4))]
        found, why, text = second, NotSignedReason.PORTE_CLOSE, ExitReason.ARRET_PORTES_CLOSES
    else:
        measure.visits = [Visit(first, VisitOutcome.REALISEE, VisitPlace.DOMICILE)]
        found, why, text = first, NotSignedReason.REFUS, ExitReason.REFUS_ABANDON
    measure.contract = Contract(not_signed_on=found, not_signed_reason=why)
    closed_on = ctx.day_between(found + timedelta(days=3), found + timedelta(days=15))
    measure.periods = periods[:1]
    if closed_on <= ctx.today:
        measure.closed_on, measure.exit_reason = closed_on, text
        measure.close_reason = "CET non signé"
    return measure


def _content(measure: Measure) -> AsllContent:
    """Leaving a CHRS or an ALT home: access to a home; after a DSF: keeping it; otherwise
    two in five measures are about access (from the id: the random draws stay the same)."""
    if measure.retroactive in (Retroactive.SORTIE_CHRS, Retroactive.SORTIE_ALT):
        return AsllContent.ACCES
    if measure.retroactive is Retroactive.DSF:
        return AsllContent.MAINTIEN
    return AsllContent.ACCES if int(measure.id[1:]) % 5 < 2 else AsllContent.MAINTIEN


def _suspensions(ctx: DemoContext, periods: list[Period]) -> list[Suspension]:
    """Now and then the household is away (hospital, prison…) for less than a quarter."""
    first, last = periods[0].start + timedelta(days=40), periods[-1].end - timedelta(days=30)
    if last <= first or not ctx.chance(ctx.rates.suspension):
        return []
    start = ctx.day_between(first, last)
    if start > ctx.today:
        return []
    end: date | None = start + timedelta(days=ctx.rng.randint(20, 80))
    draw = ctx.rng.random()
    reason = (SuspensionReason.HOSPITALISATION if draw < 0.55 else
              SuspensionReason.INCARCERATION if draw < 0.9 else SuspensionReason.AUTRE)
    return [Suspension(start, ctx.known(end), reason)]


def _cut(suspension: Suspension, closed_on: date) -> Suspension:
    if suspension.end is None or suspension.end > closed_on:
        return Suspension(suspension.start, closed_on, suspension.reason)
    return suspension
