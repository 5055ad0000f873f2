"""`quota_points`, `quota_fal` (Q1, Q2) and `convention` (Q3): the month's figures against
what the ETP and the yearly convention allow (activity above the convention is unpaid work,
not a failure: `information`, never a breach). The figures come from the funding engine, the
one place that counts points (`desktop_app.domain.funding`, read through
`CaseloadFacts.month_points`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.association import fal_spans
from desktop_app.domain.alerts.context import AlertContext
from desktop_app.domain.alerts.severity import Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_decimal, format_month
from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.funding.results import over_quota
from desktop_app.domain.measure_facts import one_off_date
from desktop_app.domain.model import Caseload, DsfOutcome, MeasureType

POINTS = "quota_points"
FAL = "quota_fal"
CONVENTION = "convention"


def _limit(value: float) -> str:
    """« 40 », « 1,5 », « 1,25 »: a limit without useless decimals."""
    return format_decimal(value, 2).rstrip("0").rstrip(",")


def _quota_alerts(ctx: AlertContext, result: MonthPoints, month: Month) -> Iterator[Alert]:
    """Q1, Q2: the association (breach) and each worker (to do) above 50 points / 30 FAL per
    ETP."""
    when = format_month(month)
    figures = result.association
    if over_quota(figures.points, figures.limit):
        yield ctx.other_alert(
            POINTS, None, month=month, message=(
                f"L'association compte {figures.points} points en {when} pour un plafond de "
                f"{_limit(figures.limit)} : répartir ou réduire les "
                f"mesures."))
    if over_quota(figures.fal, figures.fal_limit):
        yield ctx.other_alert(
            FAL, None, month=month, message=(
                f"L'association suit {figures.fal} FAL en {when} pour un plafond de "
                f"{_limit(figures.fal_limit)} : ne pas en ouvrir d'autre."))
    for quota in result.workers:
        name = ctx.worker_name(quota.worker)
        own = quota.figures
        if over_quota(own.points, own.limit):
            yield ctx.other_alert(
                POINTS, None, month=month, worker=quota.worker, severity=Severity.A_FAIRE,
                message=(f"{name} compte {own.points} points en {when} pour un plafond de "
                         f"{_limit(own.limit)} : confier des mesures à un collègue."))
        if over_quota(own.fal, own.fal_limit):
            yield ctx.other_alert(
                FAL, None, month=month, worker=quota.worker, severity=Severity.A_FAIRE,
                message=(f"{name} suit {own.fal} FAL en {when} pour un plafond de "
                         f"{_limit(own.fal_limit)} : confier des FAL à un collègue."))


def fal_since_new_year(spans: list[tuple[date, date]], on: date) -> int:
    """FAL measures in force on some day from 1 January of `on`'s year to `on` (`spans`:
    the in-force spans of the FAL measures, `association.fal_spans`)."""
    first = date(on.year, 1, 1)
    return sum(1 for start, end in spans if start <= on and end >= first)


def dsf_since_new_year(caseload: Caseload, on: date) -> tuple[int, int]:
    """(DSF carried out with the household met, DSF closed doors after 2 attempts) from 1
    January of `on`'s year to `on`, on the day P6 pays them."""
    done = closed = 0
    for measure in caseload.measures:
        if measure.type is not MeasureType.DSF:
            continue
        day = one_off_date(measure)
        if day is None or day.year != on.year or day > on:
            continue
        if measure.outcome is DsfOutcome.REALISE:
            done += 1
        elif measure.outcome is DsfOutcome.PORTE_CLOSE:
            closed += 1
    return done, closed


def _convention_alerts(ctx: AlertContext, result: MonthPoints, month: Month) -> Iterator[Alert]:
    """Q3: the month's ASLL and AML points, and the FAL and DSF since 1 January, against the
    convention of `on`'s year (none: nothing to compare)."""
    convention = next((c for c in ctx.caseload.association.conventions
                       if c.year == ctx.on.year), None)
    if convention is None:
        return
    when = format_month(month)
    dsf_done, dsf_closed = dsf_since_new_year(ctx.caseload, ctx.on)
    fal = ctx.facts.remember("fal_spans", lambda: fal_spans(ctx.caseload))
    checks = (
        (result.by_type[MeasureType.ASLL].points, convention.asll_points_per_month,
         f"points ASLL en {when}"),
        (result.by_type[MeasureType.AML].points, convention.aml_points_per_month,
         f"points AML en {when}"),
        (fal_since_new_year(fal, ctx.on), convention.fal_count,
         f"FAL depuis le 1er janvier {ctx.on.year}"),
        (dsf_done, convention.dsf_count, f"DSF réalisés depuis le 1er janvier {ctx.on.year}"),
        (dsf_closed, convention.dsf_closed_door_count,
         f"DSF portes closes depuis le 1er janvier {ctx.on.year}"),
    )
    for count, agreed, what in checks:
        if count > agreed:
            yield ctx.other_alert(
                CONVENTION, None, month=month, severity=Severity.INFORMATION, message=(
                    f"{count} {what} pour {agreed} prévus par la convention {convention.year} : "
                    f"le dépassement ne sera pas financé, en parler au SPSLH."))


def quotas_and_convention(ctx: AlertContext) -> Iterator[Alert]:
    """`quota_points`, `quota_fal` and `convention` for the month of `on`."""
    month = Month.of(ctx.on)
    result = ctx.facts.month_points(month)
    yield from _quota_alerts(ctx, result, month)
    yield from _convention_alerts(ctx, result, month)
