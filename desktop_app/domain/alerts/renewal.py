"""What the « Nouvelle mesure » and « Renouveler » forms propose, and the limits they check.

The limits are those of the `duree` alert (`durations`, the one place they are written): a
period the engine would call non-compliant is refused with its French explanation. The
proposals only pre-fill the form (the worker may change them):
ASLL: a new period as long as the last one (3 to 12 months) within the 24 months;
AML: 9 months, renewed once for 9, then 6 exceptionally after a concertation;
FAL: up to 12 months (18 after a CADA or DALO), then 4 exceptionally.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop_app.domain.alerts.durations import (
    AML_EXCEPTIONAL_MONTHS,
    AML_PERIOD_MONTHS,
    ASLL_MAX_MONTHS,
    ASLL_MIN_MONTHS,
    ASLL_TOTAL_MONTHS,
    FAL_EXTENSION_MONTHS,
    FAL_MONTHS,
    duration_problems,
    fal_base_months,
)
from desktop_app.domain.dates import Month, add_months
from desktop_app.domain.model import Level, Measure, MeasureType, Period, PeriodKind

ONE_DAY = timedelta(days=1)
#: Length proposed for a first period (months).
FIRST_PERIOD_MONTHS = {MeasureType.ASLL: 6, MeasureType.AML: AML_PERIOD_MONTHS,
                       MeasureType.FAL: FAL_MONTHS}
PERIOD_TYPES = frozenset(FIRST_PERIOD_MONTHS)


def months_end(start: date, months: int) -> date:
    """Last day of a span of `months` months from `start` (01/07 + 6 → 31/12)."""
    return add_months(start, months) - ONE_DAY


def length_in_months(period: Period) -> int:
    """Whole months a period covers, rounded up (01/07–31/12: 6)."""
    months = 1
    while months_end(period.start, months) < period.end and months < 36:
        months += 1
    return months


def first_start(measure_type: MeasureType, decision: date | None) -> date | None:
    """ASLL starts on the first day of the month after the CL decision (docs/regles.md)."""
    if decision is None or measure_type is not MeasureType.ASLL:
        return None
    return Month.of(decision).next().first_day


def first_period(measure_type: MeasureType, start: date) -> date | None:
    months = FIRST_PERIOD_MONTHS.get(measure_type)
    return None if months is None else months_end(start, months)


def propose_renewal(measure: Measure) -> Period | None:
    """The next period of `measure`, or None when it has none to renew."""
    if measure.type not in PERIOD_TYPES or not measure.periods:
        return None
    periods = sorted(measure.periods, key=lambda p: p.start)
    last = max(periods, key=lambda p: p.end)
    start = last.end + ONE_DAY
    kind = PeriodKind.RENOUVELLEMENT
    if measure.type is MeasureType.ASLL:
        months = min(max(length_in_months(last), ASLL_MIN_MONTHS), ASLL_MAX_MONTHS)
        end = min(months_end(start, months), months_end(periods[0].start, ASLL_TOTAL_MONTHS))
    elif measure.type is MeasureType.AML:
        renewed = any(p.kind is PeriodKind.RENOUVELLEMENT for p in periods)
        kind = PeriodKind.EXCEPTIONNELLE if renewed else PeriodKind.RENOUVELLEMENT
        end = months_end(start, AML_EXCEPTIONAL_MONTHS if renewed else AML_PERIOD_MONTHS)
    else:
        limit = fal_base_months(measure)
        end = months_end(periods[0].start, limit)
        if end <= last.end:
            kind, end = (PeriodKind.EXCEPTIONNELLE,
                         months_end(periods[0].start, limit + FAL_EXTENSION_MONTHS))
    if end < start:
        end = start
    return Period(start, end, last.level, kind)


def period_problems(measure: Measure, period: Period, *, extension: bool = False,
                    concertation: date | None = None) -> list[str]:
    """What the `duree` rule finds wrong once `period` is added (empty: compliant)."""
    candidate = replace(measure, periods=[*measure.periods, period],
                        extension=measure.extension or extension,
                        concertation_on=measure.concertation_on or concertation)
    return duration_problems(candidate)


def default_level(measure_type: MeasureType) -> Level | None:
    return Level.SIMPLE if measure_type in (MeasureType.ASLL, MeasureType.AML) else None
