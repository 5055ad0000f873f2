"""What a bar chart shows, drawn by the window (`ui.charts`) and by the grid's PDF
(`reports.grid_figure`): one bar per category, reference lines (a ceiling, what the
convention agreed), and the same figures as French text for those who do not see the
picture (`describe`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.dates import Month
from desktop_app.domain.funding.quotas import quota_figures
from desktop_app.domain.labels import number
from desktop_app.domain.model import Caseload
from desktop_app.domain.tariffs import default_tariffs, tariff_on

if TYPE_CHECKING:  # the grid's months: the indicators are not loaded for a month's points
    from desktop_app.domain.indicators.model import MonthFigures

#: « janv. 2026 »: the month under a bar (the names of the French abbreviation norm).
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")


def short_month(month: Month) -> str:
    """« janv. 2026 », « mai 2026 »."""
    return f"{SHORT_MONTHS[month.month - 1]} {month.year}"


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference drawn across the bars: one value per bar (None: none for that bar)."""

    label: str
    values: tuple[float | None, ...]
    #: A bar above this reference is marked as over it (a ceiling, not a target).
    ceiling: bool = False


@dataclass(frozen=True, slots=True)
class BarChart:
    title: str
    #: What the bars count, for the text: « points », « jours ».
    unit: str
    #: The legend's name of the bars: « Points du mois ».
    series: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    references: tuple[Reference, ...] = ()
    #: The value axis' top at least this (100 for a rate in %).
    top: float = 0.0
    #: What a bar above a ceiling is said to be, in the legend and the text.
    over_label: str = "au-dessus du plafond"

    def over(self, index: int) -> bool:
        """The bar `index` is above one of the ceilings drawn for it."""
        return any(r.ceiling and r.values[index] is not None
                   and self.values[index] > (r.values[index] or 0.0) for r in self.references)

    def highest(self) -> float:
        """The largest figure drawn (bars and references), at least `top`."""
        figures = [*self.values, *(v for r in self.references for v in r.values
                                   if v is not None), self.top]
        return max(figures, default=0.0)


def describe(chart: BarChart) -> str:
    """The chart as one French sentence per bar: « nov. 2025 : 3 points (plafond ETP 90,
    convention 46), au-dessus du plafond. »."""
    parts = [f"{chart.title}."]
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        refs = [f"{r.label[:1].lower()}{r.label[1:]} {number(v)}" for r in chart.references
                if (v := r.values[index]) is not None]
        unit = chart.unit[:-1] if abs(value) < 2 and chart.unit.endswith("s") else chart.unit
        text = f"{label} : {number(value)} {unit}"
        if refs:
            text += f" ({', '.join(refs)})"
        if chart.over(index):
            text += f", {chart.over_label}"
        parts.append(text + ".")
    return " ".join(parts)


def year_points_chart(caseload: Caseload, year: int, months: list[MonthFigures]) -> BarChart:
    """The association's points of each month of `year` (the grid's monthly statements)
    against its ceiling (Q1: 50 points × the sum of its workers' ETP, at the tariff of the
    month) and the ASLL + AML points a month of the convention of `year` (if recorded)."""
    tariffs = caseload.tariffs or default_tariffs()
    ordered = sorted(months, key=lambda m: m.month)
    ceiling = tuple(quota_figures([], [], caseload.workers, m.month,
                                  tariff_on(tariffs, m.month.first_day))[0].limit
                    for m in ordered)
    references = [Reference("Plafond ETP", ceiling, ceiling=True)]
    convention = next((c for c in caseload.association.conventions if c.year == year), None)
    if convention is not None:
        agreed = float(convention.asll_points_per_month + convention.aml_points_per_month)
        references.append(Reference("Convention", (agreed,) * len(ordered)))
    return BarChart(f"Points par mois en {year}", "points", "Points du mois",
                    tuple(short_month(m.month).split(" ")[0] for m in ordered),
                    tuple(float(m.points) for m in ordered), tuple(references))
