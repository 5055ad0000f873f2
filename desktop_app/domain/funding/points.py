"""Lines paid in points (P1 monthly ASLL/AML, P2 CET not signed, P3 ASLL diagnosis), each
point worth the point value of the month's tariff (P4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.dates import Month, iter_days, overlap
from desktop_app.domain.funding.results import CET_NON_SIGNE, DIAGNOSTIC, MENSUEL, PointLine
from desktop_app.domain.measure_facts import in_force_span, level_on, suspended_on
from desktop_app.domain.model import Level, Measure, MeasureType, Tariff
from desktop_app.domain.money import round_cents

#: P1: points of a month per level.
POINTS_BY_LEVEL = {Level.SIMPLE: 1, Level.RENFORCE: 2}
#: P2: an ASLL whose contract could not be signed earns 1 point once.
CET_NOT_SIGNED_POINTS = 1
#: P3: an ASLL diagnosis earns 2 points once.
DIAGNOSIS_POINTS = 2


def first_active_day(measure: Measure, month: Month) -> date | None:
    """P1: the first day of `month` the measure is in force and not suspended, if any."""
    span = in_force_span(measure)
    if span is None:
        return None
    days = overlap(span[0], span[1], month.first_day, month.last_day)
    if days is None:
        return None
    # Every day of `days` is in force, so « active » (`active_on`) is « not suspended ».
    if not measure.suspensions:
        return days[0]
    return next((d for d in iter_days(*days) if not suspended_on(measure, d)), None)


def not_signed_on(measure: Measure) -> date | None:
    """P2: the day an ASLL contract (CET) was found impossible to sign, if it was."""
    if measure.type is not MeasureType.ASLL or measure.contract is None:
        return None
    return measure.contract.not_signed_on


def point_line(measure: Measure, item: str, points: int, tariff: Tariff) -> PointLine:
    """A line of `points` points (P4: each worth the tariff's point value, P7 rounded)."""
    return PointLine(
        measure=measure.id, home=None, household=measure.household, referent=measure.referent,
        type=measure.type, item=item, points=points, days=None,
        amount=round_cents(points * tariff.point_value), reason=None,
    )


def monthly_line(measure: Measure, month: Month, tariff: Tariff) -> PointLine | None:
    """P1: ASLL and AML earn 1 (simple) or 2 (renforce) points in a month with an active
    day, at the level of the first such day; P2: never an ASLL whose CET was not signed."""
    if measure.type not in (MeasureType.ASLL, MeasureType.AML):
        return None
    if not_signed_on(measure) is not None:
        return None
    first = first_active_day(measure, month)
    if first is None:
        return None
    return point_line(measure, MENSUEL, POINTS_BY_LEVEL[level_on(measure, first)], tariff)


def one_off_line(measure: Measure, month: Month, tariff: Tariff) -> PointLine | None:
    """P2: 1 point in the month the CET was found not signable; P3: 2 points in the month
    the ASLL diagnosis was carried out."""
    if measure.type is MeasureType.ASLL:
        day = not_signed_on(measure)
        if day is not None and Month.of(day) == month:
            return point_line(measure, CET_NON_SIGNE, CET_NOT_SIGNED_POINTS, tariff)
    elif measure.type is MeasureType.ASLL_DIAG:
        day = measure.done_on
        if day is not None and Month.of(day) == month:
            return point_line(measure, DIAGNOSTIC, DIAGNOSIS_POINTS, tariff)
    return None


def point_lines(measures: list[Measure], month: Month, tariff: Tariff) -> Iterator[PointLine]:
    """Every line paid in points in `month` (P1–P4), `tariff` being the month's."""
    for measure in measures:
        for line in (monthly_line(measure, month, tariff), one_off_line(measure, month, tariff)):
            if line is not None:
                yield line
