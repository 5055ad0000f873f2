"""Points and amounts month by month, and FAL days per home: read from the monthly
statements of the funding engine (`compute_month_points`, rules P1–P7), never recomputed."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.indicators.model import HomeYear, MonthFigures, TypeIndicators
from desktop_app.domain.model import Home, MeasureType

ZERO = Decimal("0.00")
#: Items of the FAL lines (docs/echange.md, `points`): per household and per home.
FAL_SUPPORT = "fal_accompagnement"
FAL_MANAGEMENT = "fal_gestion"
FAL_VACANCY = "fal_vacance"


def month_figures(statement: MonthPoints, month: Month) -> MonthFigures:
    by_type = {t: (0, ZERO) for t in MeasureType}
    for mtype, total in statement.by_type.items():
        by_type[mtype] = (total.points, total.amount)
    return MonthFigures(
        month=month,
        points=statement.points,
        amount=statement.amount,
        lines_points=sum(line.points for line in statement.lines),
        lines_amount=sum((line.amount for line in statement.lines), ZERO),
        by_type=by_type,
    )


def fill_months(types: dict[MeasureType, TypeIndicators], months: list[MonthFigures]) -> None:
    for figures in months:
        index = figures.month.month - 1
        for mtype, ind in types.items():
            points, amount = figures.by_type.get(mtype, (0, ZERO))
            ind.points_by_month[index] = points
            ind.amounts_by_month[index] = amount


def fal_parts(statements: list[MonthPoints]) -> tuple[Decimal, Decimal, Decimal]:
    """The FAL amounts of the statements by part: (support, management, vacancy)."""
    parts = {FAL_SUPPORT: ZERO, FAL_MANAGEMENT: ZERO, FAL_VACANCY: ZERO}
    for statement in statements:
        for line in statement.lines:
            if line.type is MeasureType.FAL:
                parts[line.item] = parts.get(line.item, ZERO) + line.amount
    return parts[FAL_SUPPORT], parts[FAL_MANAGEMENT], parts[FAL_VACANCY]


def home_days(statements: list[MonthPoints], homes: list[Home]) -> list[HomeYear]:
    """Per ALT home: days occupied (the `fal_gestion` lines: a shared home counts once, P5),
    paid vacancy days (`fal_vacance`) and every FAL amount naming the home. Homes without
    any FAL line in the year are left out."""
    known = {h.id: h for h in homes}
    result: dict[str, HomeYear] = {}
    for statement in statements:
        for line in statement.lines:
            if line.type is not MeasureType.FAL or line.home is None:
                continue
            home = known.get(line.home)
            entry = result.setdefault(
                line.home, HomeYear(line.home, home.address if home is not None else line.home)
            )
            entry.amount += line.amount
            if line.item == FAL_MANAGEMENT:
                entry.occupied_days += line.days or 0
            elif line.item == FAL_VACANCY:
                entry.vacancy_days += line.days or 0
    return sorted(result.values(), key=lambda h: (h.address, h.home))
