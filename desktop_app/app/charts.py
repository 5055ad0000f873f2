"""The figures the screens draw as bar charts (`domain.charts.BarChart`), worked out from what
one read of the store gave (no Qt here)."""

from __future__ import annotations

from desktop_app.domain.charts import BarChart, Reference, short_month
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_month
from desktop_app.domain.funding import MonthPoints, compute_month_points
from desktop_app.domain.model import Caseload

#: The months a points chart shows, the last one included.
HISTORY_MONTHS = 12


def history_months(last: Month, count: int = HISTORY_MONTHS) -> list[Month]:
    """The `count` months ending with `last`, oldest first."""
    return [last.plus(offset) for offset in range(1 - count, 1)]


def points_history(caseload: Caseload, last: Month,
                   known: dict[Month, MonthPoints] | None = None) -> BarChart:
    """The association's points of each of the 12 months ending with `last` (rules P1–P3),
    against its ETP ceiling of that month (Q1: 50 points per ETP) and the monthly ASLL + AML
    points the convention of that month's year agreed (none recorded: no line that month).
    `caseload`: what `Store.load_for_months` read for those months; `known`: statements
    already computed over it."""
    months = history_months(last)
    statements = [(known or {}).get(m) or compute_month_points(caseload, m) for m in months]
    agreed = {c.year: c.asll_points_per_month + c.aml_points_per_month
              for c in caseload.association.conventions}
    ceiling = Reference("Plafond ETP", tuple(s.association.limit for s in statements),
                        ceiling=True)
    convention = Reference("Convention", tuple(
        None if m.year not in agreed else float(agreed[m.year]) for m in months))
    agreed_known = any(v is not None for v in convention.values)
    references = (ceiling, convention) if agreed_known else (ceiling,)
    return BarChart("Points par mois, sur 12 mois", "points", "Points du mois",
                    tuple(short_month(m) for m in months),
                    tuple(float(s.points) for s in statements), references)


def caseload_chart(caseload: Caseload, month: Month) -> BarChart:
    """Each worker's points of `month` (the measures they are referent of, rules P1–P3)
    against their ceiling, 50 points × their ETP (Q1); workers by name. `caseload`: what
    `Store.load_for_month` read for the month."""
    statement = compute_month_points(caseload, month)
    names = {w.id: w.name for w in caseload.workers}
    quotas = sorted(statement.workers, key=lambda q: names.get(q.worker, q.worker).casefold())
    return BarChart(f"Points par travailleur social, {format_month(month)}", "points",
                    "Points du mois", tuple(names.get(q.worker, q.worker) for q in quotas),
                    tuple(float(q.figures.points) for q in quotas),
                    (Reference("Plafond ETP", tuple(q.figures.limit for q in quotas),
                               ceiling=True),))
