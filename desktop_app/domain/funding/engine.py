"""The month's statement: every paid line (P1–P6), totals of the rounded lines (P7) and the
quota figures (Q1–Q2)."""

from __future__ import annotations

from desktop_app.domain.dates import Month
from desktop_app.domain.funding.dsf import dsf_lines
from desktop_app.domain.funding.fal import fal_lines
from desktop_app.domain.funding.points import point_lines
from desktop_app.domain.funding.quotas import quota_figures
from desktop_app.domain.funding.results import MonthPoints, PointLine, TypeTotal
from desktop_app.domain.model import Caseload, MeasureType
from desktop_app.domain.money import ZERO
from desktop_app.domain.tariffs import default_tariffs, tariff_on


def line_order(line: PointLine) -> tuple[str, str, str, str]:
    """docs/echange.md: by type, measure id, home id, item (plain string order, None as "")."""
    return (line.type.value, line.measure or "", line.home or "", line.item)


def type_totals(lines: list[PointLine]) -> dict[MeasureType, TypeTotal]:
    """P7: points and sum of the rounded amounts per type, all five types (zero when none)."""
    totals = {}
    for mtype in sorted(MeasureType, key=lambda t: t.value):
        own = [line for line in lines if line.type is mtype]
        totals[mtype] = TypeTotal(sum(line.points for line in own),
                                  sum((line.amount for line in own), ZERO))
    return totals


def compute_month_points(caseload: Caseload, month: Month) -> MonthPoints:
    """Points and amounts of `month` over the measures of `caseload` (which may be only those
    the store loaded for the month): P1–P4 at the point value of the tariff in force on the
    month's first day, P5 and P6 at the tariff of each paid day, Q1–Q2 at the month's."""
    tariffs = caseload.tariffs or default_tariffs()
    tariff = tariff_on(tariffs, month.first_day)
    lines = [
        *point_lines(caseload.measures, month, tariff),
        *fal_lines(caseload, month, tariffs),
        *dsf_lines(caseload, month, tariffs),
    ]
    lines.sort(key=line_order)
    association, workers = quota_figures(lines, caseload.measures, caseload.workers, month,
                                         tariff)
    return MonthPoints(
        month=month, lines=lines, points=sum(line.points for line in lines),
        amount=sum((line.amount for line in lines), ZERO), by_type=type_totals(lines),
        association=association, workers=workers)
