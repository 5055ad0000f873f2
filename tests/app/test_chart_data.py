"""The figures the screens draw as charts (`app.charts`, `domain.charts`), on `small_caseload`
(tests/app/small_caseload.py), every value worked out by hand from the rules."""

from __future__ import annotations

from datetime import date

from desktop_app.app.charts import history_months, points_history
from desktop_app.app.earnings import earnings
from desktop_app.app.homes import homes
from desktop_app.app.pages import team_page
from desktop_app.domain.charts import BarChart, Reference, describe, short_month
from desktop_app.domain.dates import Month
from desktop_app.store.repository import SqlStore
from tests.app.small_caseload import small_caseload

D = date
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


def test_homes_occupancy_rate_and_days_empty(small: SqlStore) -> None:
    found = homes(small, D(2025, 10, 15))
    # 01/01–15/10/2025: 273 + 15 = 288 days. u1 lived in 01/09–30/09 (30 days): 3 000 / 288
    # = 10,4 → 10 %; u2 from 01/10 (15 days): 1 500 / 288 = 5,2 → 5 %; u3 never: 0 %.
    assert [(h.home.id, h.occupancy_rate, h.empty_days, h.long_vacancy) for h in found.lines] == [
        ("u1", 10, 15, False), ("u2", 5, None, False), ("u3", 0, None, False)]
    assert found.occupancy is not None and found.vacancy is not None
    assert found.occupancy.labels == ("3 place d'Armes", "8 rue Haute", "1 rue Neuve")
    assert found.occupancy.values == (10.0, 5.0, 0.0)
    # u1 is inside its justified vacancy (05/10–20/10): no 31-day line for it.
    assert found.vacancy.values == (15.0, 0.0, 0.0)
    assert found.vacancy.references[0].values == (None, 31.0, 31.0)
    # 02/11/2025: the works are over, u1 empty since 01/10: 33 days, beyond the 31 paid.
    # 01/01–02/11: 306 days; u1 30 → 9,8 → 10 %; u2 01/10–02/11, 33 days → 10,8 → 11 %.
    later = homes(small, D(2025, 11, 2))
    u1, u2, _u3 = later.lines
    assert (u1.empty_days, u1.long_vacancy, u1.occupancy_rate, u2.occupancy_rate) == (
        33, True, 10, 11)
    assert u1.state == "Vide depuis 33 jours, au-delà des 31 jours payés"
    assert later.vacancy is not None and later.vacancy.over(0)
    assert describe(later.vacancy).startswith(
        "Jours vides depuis le dernier départ. 3 place d'Armes : 33 jours (limite payée 31), "
        "au-delà des 31 jours payés.")


def test_each_workers_points_against_their_ceiling(small: SqlStore) -> None:
    chart = team_page(small, D(2025, 10, 15)).chart
    assert chart is not None
    # October 2025, P1: Claire Martin is referent of m1 (ASLL renforce, 2 points) and of the
    # FAL m3 (euros, no point); Karim Benali of m2 (ASLL simple, 1 point). Q1: 50 × 1,0 = 50
    # and 50 × 0,8 = 40.
    assert (chart.labels, chart.values) == (("Claire Martin", "Karim Benali"), (2.0, 1.0))
    assert chart.references[0].values == (50.0, 40.0) and chart.references[0].ceiling
    assert describe(chart) == (
        "Points par travailleur social, octobre 2025. Claire Martin : 2 points (plafond ETP "
        "50). Karim Benali : 1 point (plafond ETP 40).")
