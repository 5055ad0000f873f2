"""`bilan_final` and `bilan_non_signe`: the final report of each ASLL and AML period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import POINT_TYPES, Measure, Period, Report, ReportKind

FINAL = "bilan_final"
UNSIGNED = "bilan_non_signe"
#: The final report is raised this many days before it is due.
RAISED_DAYS_BEFORE = 30


def final_report_due(period_end: date) -> date:
    """1 month before the period ends, same day number clamped to the month's end
    (a period ending 31/03/2026 → 28/02/2026; 31/03/2028 → 29/02/2028)."""
    return add_months(period_end, -1)


def _finals(measure: Measure) -> list[tuple[date, Report]]:
    """(sent on, report) of the final reports sent, whatever the day."""
    return [(r.sent_on, r) for r in measure.reports
            if r.kind is ReportKind.FINAL and r.sent_on is not None]


def _sent_finals(view: MeasureView, on: date) -> list[Report]:
    """The final reports sent on or before `on`."""
    if not view.measure.reports:
        return []
    return [r for sent, r in view.facts.remember(UNSIGNED, _finals) if sent <= on]


def _final_dues(measure: Measure) -> list[tuple[Period, date, date]]:
    """(period, due date of its final report, first day it is raised), whatever the day."""
    return [(p, due, due - timedelta(days=RAISED_DAYS_BEFORE))
            for p in measure.periods for due in (final_report_due(p.end),)]


@applies_to(*POINT_TYPES)
def bilan_final(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """ASLL, AML: per period, due 1 month before it ends, raised 30 days before that until a
    final report for that period (same `period_end`) is sent on or before `on`."""
    measure = view.measure
    sent_for = {r.period_end for r in _sent_finals(view, ctx.on)}
    for period, due, raised in view.facts.remember(FINAL, _final_dues):
        if ctx.on < raised or period.end in sent_for:
            continue
        yield ctx.measure_alert(
            FINAL, measure, due,
            f"Envoyer le bilan final de {ctx.household_name(measure.household)} (période "
            f"{format_date(period.start)} – {format_date(period.end)}) au plus tard le "
            f"{format_date(due)}.",
        )


@applies_to(*POINT_TYPES)
def bilan_non_signe(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """ASLL, AML: a final report sent (on or before `on`) without the household's signature;
    one alert per period, none once a signed final report of that period is sent."""
    measure = view.measure
    finals = _sent_finals(view, ctx.on)
    if not finals:
        return
    signed = {r.period_end for r in finals if r.signed}
    unsigned = sorted({r.period_end for r in finals if not r.signed} - signed)
    for period_end in unsigned:
        yield ctx.measure_alert(
            UNSIGNED, measure, None,
            f"Le bilan final de {ctx.household_name(measure.household)} (période finissant le "
            f"{format_date(period_end)}) a été envoyé sans la signature du ménage : le faire "
            f"signer et l'envoyer à nouveau.",
        )
