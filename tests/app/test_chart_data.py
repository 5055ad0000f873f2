"""The figures the screens draw as charts (`app.charts`, `domain.charts`), on `small_caseload`
(tests/app/small_caseload.py), every value worked out by hand from the rules."""

from __future__ import annotations

from desktop_app.app.charts import history_months, points_history
from desktop_app.app.earnings import earnings
from desktop_app.domain.charts import BarChart, Reference, describe, short_month
from desktop_app.domain.dates import Month
from desktop_app.store.repository import SqlStore
from tests.app.small_caseload import small_caseload

OCTOBER = Month(2025, 10)


def test_the_twelve_months_end_with_the_month_shown() -> None:
    months = history_months(OCTOBER)
    assert (len(months), months[0], months[-1]) == (12, Month(2024, 11), OCTOBER)
    assert [short_month(m) for m in (Month(2026, 1), Month(2026, 2), Month(2026, 5),
                                     Month(2025, 8))] == [
        "janv. 2026", "févr. 2026", "mai 2026", "août 2025"]


def test_points_per_month_against_the_ceiling_and_the_convention() -> None:
    chart = points_history(small_caseload(), OCTOBER)
    # P1: m1 ASLL renforce (2 points a month) from July 2025, m2 ASLL simple (1 point) from
    # September 2025; the FAL m3 earns euros, no point. Nov. 2024 – June 2025: nothing.
    assert chart.values == (0.0,) * 8 + (2.0, 2.0, 3.0, 3.0)
    assert chart.labels[0] == "nov. 2024" and chart.labels[-1] == "oct. 2025"
    ceiling, convention = chart.references
    # Q1: 50 points × (1,0 + 0,8) ETP = 90 every month.
    assert (ceiling.label, ceiling.values, ceiling.ceiling) == ("Plafond ETP", (90.0,) * 12, True)
    # The 2025 convention: 40 ASLL + 6 AML points a month; none recorded for 2024.
    assert convention.values == (None, None) + (46.0,) * 10 and not convention.ceiling
    assert not any(chart.over(i) for i in range(12))


def test_the_screen_query_reads_the_twelve_months_at_once(small: SqlStore) -> None:
    found = earnings(small, OCTOBER)
    assert found.history == points_history(small_caseload(), OCTOBER)
    assert found.points.points == 3


def test_the_text_of_the_chart_gives_every_figure() -> None:
    chart = BarChart("Points par mois", "points", "Points du mois",
                     ("sept. 2025", "oct. 2025"), (1.0, 46.0),
                     (Reference("Plafond ETP", (40.0, 45.0), ceiling=True),
                      Reference("Convention", (None, 37.5))))
    assert [chart.over(0), chart.over(1)] == [False, True]
    assert chart.highest() == 46.0
    assert describe(chart) == (
        "Points par mois. sept. 2025 : 1 point (plafond ETP 40). oct. 2025 : 46 points "
        "(plafond ETP 45, convention 37,5), au-dessus du plafond.")
