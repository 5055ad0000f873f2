"""`frequence_visites` and `aml_indisponible`: visits held at the household's home."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.alerts.alert import Alert, VisitCount
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.measure_facts import level_on
from desktop_app.domain.model import Level, MeasureType

FREQUENCY = "frequence_visites"
AML_UNAVAILABLE = "aml_indisponible"
VISIT_TYPES = frozenset({MeasureType.ASLL, MeasureType.AML, MeasureType.FAL})


def required_visits(measure_type: MeasureType, level: Level) -> int:
    """Home visits required in a month: 1 for an ASLL `simple`, 2 for an ASLL `renforce`, an
    AML or a FAL."""
    return 1 if measure_type is MeasureType.ASLL and level is Level.SIMPLE else 2


def visit_count(view: MeasureView, month: Month) -> VisitCount:
    """The home visits held in `month` (on or before the view's day) and required (level of
    the period in force on the month's first day)."""
    level = level_on(view.measure, month.first_day)
    return VisitCount(view.home_visits(month), required_visits(view.measure.type, level), level)


def _visits_word(count: int) -> str:
    return "visite" if count == 1 else "visites"


@applies_to(*VISIT_TYPES)
def frequence_visites(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """As of `on`: a breach for the previous month with too few home visits; for the current
    month, an alert due on its last day while too few are held so far. Only months in which
    the measure is in force and not suspended on every day are checked."""
    measure = view.measure
    if not view.in_force:
        return
    name = ctx.household_name(measure.household)
    current, previous = ctx.month, ctx.previous_month
    if view.active_whole_month(previous):
        count = visit_count(view, previous)
        held, needed = count.held, count.required
        if held < needed:
            yield ctx.measure_alert(
                FREQUENCY, measure, None,
                f"{held} {_visits_word(held)} à domicile chez {name} en "
                f"{format_month(previous)} pour {needed} requises : rattraper le suivi et "
                f"en noter la raison.",
                month=previous, visits=count,
            )
    if view.active_whole_month(current):
        count = visit_count(view, current)
        held, needed = count.held, count.required
        if held < needed:
            yield ctx.measure_alert(
                FREQUENCY, measure, current.last_day,
                f"Faire {needed - held} {_visits_word(needed - held)} à domicile chez {name} "
                f"d'ici le {format_date(current.last_day)} ({needed} par mois).",
                month=current, visits=count,
            )


@applies_to(MeasureType.AML)
def aml_indisponible(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """AML in force: two consecutive completed months, both in force and not suspended on
    every day, without a home visit: the measure must end (one alert, the latest such pair)."""
    measure = view.measure
    if not view.in_force or view.span is None:
        return
    month = ctx.previous_month
    first = Month.of(view.span[0])
    while month.previous() >= first:
        earlier = month.previous()
        if (view.home_visits(month) == 0 and view.home_visits(earlier) == 0
                and view.active_whole_month(month) and view.active_whole_month(earlier)):
            yield ctx.measure_alert(
                AML_UNAVAILABLE, measure, None,
                f"Aucune visite à domicile chez {ctx.household_name(measure.household)} en "
                f"{format_month(earlier)} ni en {format_month(month)} : la mesure AML doit "
                f"prendre fin.",
            )
            return
        month = earlier
