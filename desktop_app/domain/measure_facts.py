"""Facts about one measure that several rules share: in force, suspended, level, span.

One place for them, so that funding (P1…), alerts (section 2) and the store's index agree.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.model import (
    DsfOutcome,
    Level,
    Measure,
    MeasureSpan,
    MeasureType,
    Period,
    Visit,
    VisitOutcome,
    VisitPlace,
)

#: Outcomes that count as a DSF closed-door attempt (docs/regles.md, « Lectures retenues par
#: le projet »).
DSF_CLOSED_DOOR_OUTCOMES = frozenset({VisitOutcome.PORTE_CLOSE, VisitOutcome.PORTE_CLOSE_JUSTIFIEE})


def in_force_span(measure: Measure) -> tuple[date, date] | None:
    """First and last day in force: the start of the first period to the earlier of the end
    of the last period and the closing date (all bounds inclusive). None without periods, or
    when the measure was closed before it started."""
    periods = measure.periods
    if not periods:
        return None
    if len(periods) == 1:
        start, end = periods[0].start, periods[0].end
    else:
        start = min([p.start for p in periods])
        end = max([p.end for p in periods])
    if measure.closed_on is not None and measure.closed_on < end:
        end = measure.closed_on
    return (start, end) if start <= end else None


def span_of(measure: Measure) -> MeasureSpan | None:
    span = in_force_span(measure)
    return None if span is None else MeasureSpan(measure.id, measure.type, span[0], span[1])


def in_force_on(measure: Measure, day: date) -> bool:
    span = in_force_span(measure)
    return span is not None and span[0] <= day <= span[1]


def is_closed_on(measure: Measure, day: date) -> bool:
    """Closed on or before `day`: alerts about the measure stop (docs/regles.md)."""
    return measure.closed_on is not None and measure.closed_on <= day


def suspended_on(measure: Measure, day: date) -> bool:
    """A suspension covers `day` (an open suspension runs until further notice)."""
    return any(
        s.start <= day and (s.end is None or day <= s.end) for s in measure.suspensions
    )


def active_on(measure: Measure, day: date) -> bool:
    """In force and not suspended on `day`."""
    return in_force_on(measure, day) and not suspended_on(measure, day)


def period_on(measure: Measure, day: date) -> Period | None:
    """The period in force on `day`: the latest one started on or before it (a gap between
    two periods keeps the level of the earlier one)."""
    best: Period | None = None
    for period in measure.periods:
        if period.start <= day and (best is None or period.start >= best.start):
            best = period
    return best


def level_on(measure: Measure, day: date) -> Level:
    """The level of the period in force on `day`; a period without level counts as simple."""
    period = period_on(measure, day)
    if period is None or period.level is None:
        return Level.SIMPLE
    return period.level


def is_home_visit(visit: Visit) -> bool:
    """A visit held at the household's home (`frequence_visites`, `aml_indisponible`)."""
    return visit.outcome is VisitOutcome.REALISEE and visit.place is VisitPlace.DOMICILE


def dsf_second_closed_door(measure: Measure) -> date | None:
    """Date of the second closed-door attempt of a DSF (P6), or None before it."""
    doors = sorted(v.date for v in measure.visits if v.outcome in DSF_CLOSED_DOOR_OUTCOMES)
    return doors[1] if len(doors) >= 2 else None


def one_off_date(measure: Measure) -> date | None:
    """The day a measure paid once is paid on (P2, P3, P6), None if it is not (yet)."""
    if measure.type is MeasureType.ASLL:
        contract = measure.contract
        return contract.not_signed_on if contract is not None else None
    if measure.type is MeasureType.ASLL_DIAG:
        return measure.done_on
    if measure.type is MeasureType.DSF:
        if measure.outcome is DsfOutcome.PORTE_CLOSE:
            return dsf_second_closed_door(measure)
        return measure.done_on
    return None
