"""`duree`, `fin_de_periode`, `suspension_longue`: how long a measure may last."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Measure, MeasureType, Period, PeriodKind

DURATION = "duree"
PERIOD_END = "fin_de_periode"
LONG_SUSPENSION = "suspension_longue"
#: A suspension lasting this many months means the ASLL must be stopped.
MAX_SUSPENSION_MONTHS = 3
#: ASLL: each period lasts 3 to 12 months, all of them 24 at most.
ASLL_MIN_MONTHS, ASLL_MAX_MONTHS, ASLL_TOTAL_MONTHS = 3, 12, 24
#: AML: periods of 9 months (one renewal), then 6 exceptionally after a concertation.
AML_PERIOD_MONTHS, AML_EXCEPTIONAL_MONTHS = 9, 6
#: FAL: 12 months in all, 18 for a household leaving a CADA or recognised DALO, plus 4
#: exceptionally.
FAL_MONTHS, FAL_LONG_STAY_MONTHS, FAL_EXTENSION_MONTHS = 12, 18, 4


def longer_than(start: date, end: date, months: int) -> bool:
    """A span is longer than N months when its end is on or after start + N months."""
    return end >= add_months(start, months)


def shorter_than_3_months(start: date, end: date) -> bool:
    """A span is shorter than 3 months when its end is before start + 3 months − 1 day."""
    return end < add_months(start, 3) - timedelta(days=1)


def _span(p: Period) -> str:
    return f"du {format_date(p.start)} au {format_date(p.end)}"


def _asll_problems(periods: list[Period]) -> list[str]:
    problems = []
    for p in periods:
        if shorter_than_3_months(p.start, p.end):
            problems.append(f"période {_span(p)} de moins de {ASLL_MIN_MONTHS} mois")
        if longer_than(p.start, p.end, ASLL_MAX_MONTHS):
            problems.append(f"période {_span(p)} de plus de {ASLL_MAX_MONTHS} mois")
    if longer_than(periods[0].start, max(p.end for p in periods), ASLL_TOTAL_MONTHS):
        problems.append(f"plus de {ASLL_TOTAL_MONTHS} mois au total")
    return problems


def _aml_problems(measure: Measure, periods: list[Period]) -> list[str]:
    problems = []
    for p in periods:
        if p.kind is PeriodKind.EXCEPTIONNELLE:
            if longer_than(p.start, p.end, AML_EXCEPTIONAL_MONTHS):
                problems.append(f"période exceptionnelle {_span(p)} de plus de "
                                f"{AML_EXCEPTIONAL_MONTHS} mois")
            if measure.concertation_on is None:
                problems.append(f"période exceptionnelle {_span(p)} sans concertation")
        elif longer_than(p.start, p.end, AML_PERIOD_MONTHS):
            problems.append(f"période {_span(p)} de plus de {AML_PERIOD_MONTHS} mois")
    if sum(1 for p in periods if p.kind is PeriodKind.RENOUVELLEMENT) > 1:
        problems.append("plus d'un renouvellement")
    limit = 24 if measure.concertation_on is not None else 18
    if longer_than(periods[0].start, max(p.end for p in periods), limit):
        problems.append(f"plus de {limit} mois au total")
    return problems


def fal_base_months(measure: Measure) -> int:
    """12 months, 18 for a household leaving a CADA or recognised DALO."""
    return FAL_LONG_STAY_MONTHS if measure.long_stay_reason is not None else FAL_MONTHS


def fal_limit_months(measure: Measure) -> int:
    """12 months, 18 for a household leaving a CADA or recognised DALO, plus 4 exceptionally."""
    months = fal_base_months(measure)
    return months + FAL_EXTENSION_MONTHS if measure.extension else months


def duration_problems(measure: Measure) -> list[str]:
    """What the recorded periods exceed, in French (empty: nothing)."""
    periods = sorted(measure.periods, key=lambda p: p.start)
    if not periods:
        return []
    if measure.type is MeasureType.ASLL:
        return _asll_problems(periods)
    if measure.type is MeasureType.AML:
        return _aml_problems(measure, periods)
    if measure.type is MeasureType.FAL:
        limit = fal_limit_months(measure)
        if longer_than(periods[0].start, max(p.end for p in periods), limit):
            return [f"plus de {limit} mois au total"]
    return []


def duree(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """ASLL periods of 3 to 12 months, 24 in all; AML 9 + 9 (one renewal) + 6 exceptionally
    after a concertation; FAL 12 months (18 after a CADA or DALO), + 4 exceptionally. One
    alert per measure on all its recorded periods (whatever the day: worked out once)."""
    problems = view.facts.remember(DURATION, duration_problems)
    if problems:
        measure = view.measure
        yield ctx.measure_alert(
            DURATION, measure, None,
            f"Durée non conforme de la mesure {measure.type} de "
            f"{ctx.household_name(measure.household)} : {' ; '.join(problems)}. Corriger les "
            f"périodes ou clore la mesure.",
        )


def _last_end(measure: Measure) -> date | None:
    """The end of the last period (None without periods), whatever the day."""
    return max((p.end for p in measure.periods), default=None)


def fin_de_periode(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """A measure whose last period has ended before `on`, neither renewed nor closed."""
    measure = view.measure
    last_end = view.facts.remember(PERIOD_END, _last_end)
    if last_end is not None and last_end < ctx.on:
        yield ctx.measure_alert(
            PERIOD_END, measure, None,
            f"La dernière période de la mesure {measure.type} de "
            f"{ctx.household_name(measure.household)} a pris fin le {format_date(last_end)} : "
            f"la renouveler ou clore la mesure.",
        )


@applies_to(MeasureType.ASLL)
def suspension_longue(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """ASLL: a suspension open or lasting 3 months or more (end ≥ start + 3 months) means the
    measure must be stopped: raised from its start, due start + 3 months."""
    measure = view.measure
    for suspension in measure.suspensions:
        due = add_months(suspension.start, MAX_SUSPENSION_MONTHS)
        if suspension.start > ctx.on or (suspension.end is not None and suspension.end < due):
            continue
        yield ctx.measure_alert(
            LONG_SUSPENSION, measure, due,
            f"Mesure ASLL de {ctx.household_name(measure.household)} suspendue depuis le "
            f"{format_date(suspension.start)} : l'arrêter le {format_date(due)} si le ménage "
            f"est toujours indisponible.",
        )
