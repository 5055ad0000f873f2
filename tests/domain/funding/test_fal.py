"""P5: FAL paid per day of occupancy of the ALT home (support per household, management
once per home, vacancy at the single-household rate), each line exact then rounded (P7)."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.model import (
    Caseload,
    Home,
    MeasureType,
    Period,
    Stay,
    Suspension,
    SuspensionReason,
    Vacancy,
)
from tests.domain.funding.builders import (
    TARIFF_2025,
    D,
    caseload,
    fal,
    measure,
    month,
    period,
    summary,
    tariff,
)

U1 = Home("u1", "3 place d'Armes, Béthune")


def test_full_month_is_the_exact_sum_of_the_days_rounded_once() -> None:
    load = caseload(fal("m1", Stay("u1", D(2025, 9, 1))), homes=[U1])
    # 1 562,80 × 30 / 365 = 128,449… → 128,45 (per day rounded first would give 4,28 × 30 =
    # 128,40); 500 × 30 / 365 = 41,095… → 41,10.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 30, "41.10"),
        ("m1", "u1", "fal_accompagnement", 0, 30, "128.45")]


def test_line_names_the_household_home_and_referent() -> None:
    load = caseload(fal("m3", Stay("u1", D(2025, 9, 1)), referent="w2"), homes=[U1])
    home_line, support = month(load, "2025-09").lines
    assert (home_line.measure, home_line.household, home_line.referent, home_line.reason) == (
        None, None, None, None)
    assert (support.measure, support.home, support.household, support.referent,
            support.reason) == ("m3", "u1", "h3", "w2", None)


def test_colocation_pays_management_once() -> None:
    load = caseload(fal("m1", Stay("u1", D(2025, 9, 1))),
                    fal("m2", Stay("u1", D(2025, 9, 11))), homes=[U1])
    # m1 30 days: 128,45; m2 from 11/09, 20 days: 1 562,80 × 20 / 365 = 85,632… → 85,63;
    # one management line for the 30 occupied days: 41,10. FAL total 255,18.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 30, "41.10"),
        ("m1", "u1", "fal_accompagnement", 0, 30, "128.45"),
        ("m2", "u1", "fal_accompagnement", 0, 20, "85.63")]
    assert str(month(load, "2025-09").amount) == "255.18"


def test_vacancy_between_two_households_paid_for_31_days_at_most() -> None:
    # m1 leaves on 15/08, m2 enters on 30/09: 45 empty days (16/08–29/09); the first 31
    # (16/08–15/09) are paid at 1 562,80 + 500 = 2 062,80 a year, the 14 others not.
    load = caseload(fal("m1", Stay("u1", D(2025, 1, 1), D(2025, 8, 15))),
                    fal("m2", Stay("u1", D(2025, 9, 30))), homes=[U1])
    # August: m1 15 days 1 562,80 × 15 / 365 = 64,224… → 64,22; management 500 × 15 / 365 =
    # 20,547… → 20,55; vacancy 16 days 2 062,80 × 16 / 365 = 90,424… → 90,42.
    assert summary(load, "2025-08") == [
        (None, "u1", "fal_gestion", 0, 15, "20.55"),
        (None, "u1", "fal_vacance", 0, 16, "90.42"),
        ("m1", "u1", "fal_accompagnement", 0, 15, "64.22")]
    # September: vacancy 01–15/09, 15 days: 2 062,80 × 15 / 365 = 84,772… → 84,77 (16 + 15 =
    # 31); m2 on 30/09, 1 day: 1 562,80 / 365 = 4,281… → 4,28; management 500 / 365 → 1,37.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 1, "1.37"),
        (None, "u1", "fal_vacance", 0, 15, "84.77"),
        ("m2", "u1", "fal_accompagnement", 0, 1, "4.28")]


def test_vacancy_not_closed_by_a_next_entry_is_not_paid() -> None:
    load = caseload(fal("m1", Stay("u1", D(2025, 1, 1), D(2025, 8, 15))), homes=[U1])
    # Nobody enters after 15/08: no vacancy line, and nothing at all in September.
    assert [item for _, _, item, *_ in summary(load, "2025-08")] == [
        "fal_gestion", "fal_accompagnement"]
    assert summary(load, "2025-09") == []


def test_closing_the_measure_ends_the_stay() -> None:
    load = caseload(fal("m1", Stay("u1", D(2025, 9, 1)), closed_on=D(2025, 9, 10)),
                    homes=[U1])
    # Paid 01–10/09: 1 562,80 × 10 / 365 = 42,816… → 42,82; 500 × 10 / 365 = 13,698… → 13,70.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 10, "13.70"),
        ("m1", "u1", "fal_accompagnement", 0, 10, "42.82")]
    assert summary(load, "2025-10") == []


def test_justified_technical_vacancy() -> None:
    justified = Home("u2", "Rue X", [Vacancy(D(2025, 11, 1), D(2025, 11, 20), True)])
    # 20 days at 2 062,80 / 365: 41 256 / 365 = 113,030… → 113,03.
    assert summary(caseload(homes=[justified]), "2025-11") == [
        (None, "u2", "fal_vacance", 0, 20, "113.03")]
    # The same vacancy not justified: nothing.
    unjustified = Home("u2", "Rue X", [Vacancy(D(2025, 11, 1), D(2025, 11, 20), False)])
    assert summary(caseload(homes=[unjustified]), "2025-11") == []
    # A household entering on 15/11: only the empty days 01–14/11 are vacancy, 14 days:
    # 2 062,80 × 14 / 365 = 79,121… → 79,12; m1 16 days 1 562,80 × 16 / 365 = 68,506… →
    # 68,51; management 500 × 16 / 365 = 21,917… → 21,92.
    load = caseload(fal("m1", Stay("u2", D(2025, 11, 15))), homes=[justified])
    assert summary(load, "2025-11") == [
        (None, "u2", "fal_gestion", 0, 16, "21.92"),
        (None, "u2", "fal_vacance", 0, 14, "79.12"),
        ("m1", "u2", "fal_accompagnement", 0, 16, "68.51")]


def test_a_vacancy_day_is_paid_once() -> None:
    # Gap 11/10–30/11 (m2 enters 01/12): first 31 days 11/10–10/11; justified vacancy
    # 05–20/11. November: 01–20/11 once, 20 days → 113,03 (not 10 + 16 = 26 days).
    home = Home("u1", "Rue Y", [Vacancy(D(2025, 11, 5), D(2025, 11, 20), True)])
    load = caseload(fal("m1", Stay("u1", D(2025, 2, 1), D(2025, 10, 10))),
                    fal("m2", Stay("u1", D(2025, 12, 1))), homes=[home])
    assert summary(load, "2025-11") == [(None, "u1", "fal_vacance", 0, 20, "113.03")]
    # October: m1 10 days (42,82, 13,70); gap 11–31/10, 21 days: 2 062,80 × 21 / 365 =
    # 118,681… → 118,68.
    assert summary(load, "2025-10") == [
        (None, "u1", "fal_gestion", 0, 10, "13.70"),
        (None, "u1", "fal_vacance", 0, 21, "118.68"),
        ("m1", "u1", "fal_accompagnement", 0, 10, "42.82")]


def test_leap_year_divides_by_366() -> None:
    load = caseload(fal("m1", Stay("u1", D(2027, 1, 1))), homes=[U1])
    # February 2028, 29 days of a 366-day year: 1 562,80 × 29 / 366 = 123,828… → 123,83
    # (÷ 365 would give 124,17); 500 × 29 / 366 = 39,617… → 39,62.
    assert summary(load, "2028-02") == [
        (None, "u1", "fal_gestion", 0, 29, "39.62"),
        ("m1", "u1", "fal_accompagnement", 0, 29, "123.83")]
    # February 2027, 28 days of 365: 1 562,80 × 28 / 365 = 119,886… → 119,89; 500 × 28 /
    # 365 = 38,356… → 38,36.
    assert summary(load, "2027-02") == [
        (None, "u1", "fal_gestion", 0, 28, "38.36"),
        ("m1", "u1", "fal_accompagnement", 0, 28, "119.89")]


def test_pay_follows_occupancy_not_suspensions() -> None:
    suspended = fal("m1", Stay("u1", D(2025, 9, 1)), suspensions=[
        Suspension(D(2025, 9, 1), None, SuspensionReason.HOSPITALISATION)])
    # Suspended all September, still in the home: 30 days paid (128,45 and 41,10).
    assert summary(caseload(suspended, homes=[U1]), "2025-09") == [
        (None, "u1", "fal_gestion", 0, 30, "41.10"),
        ("m1", "u1", "fal_accompagnement", 0, 30, "128.45")]


def test_change_of_home_in_the_month_gives_one_line_per_home() -> None:
    u2 = Home("u2", "Rue Z")
    load = caseload(fal("m1", Stay("u1", D(2025, 9, 1), D(2025, 9, 10)),
                        Stay("u2", D(2025, 9, 11))), homes=[U1, u2])
    # u1 01–10/09 (10 days): 42,82 and 13,70; u2 11–30/09 (20 days): 1 562,80 × 20 / 365 =
    # 85,63 and 500 × 20 / 365 = 27,397… → 27,40. u1 stays empty with no next entry: no
    # vacancy. Order: home lines (measure null) first, then m1 by home id.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 10, "13.70"),
        (None, "u2", "fal_gestion", 0, 20, "27.40"),
        ("m1", "u1", "fal_accompagnement", 0, 10, "42.82"),
        ("m1", "u2", "fal_accompagnement", 0, 20, "85.63")]


def test_tariff_changing_within_the_month_is_summed_exactly_then_rounded_once() -> None:
    # A revision in force from 16/09/2025: support 1 600,00 €, management 520,00 € a year.
    revised = tariff(D(2025, 9, 16), support="1600.00", management="520.00")
    load = caseload(fal("m1", Stay("u1", D(2025, 9, 1))), homes=[U1],
                    tariffs=[TARIFF_2025, revised])
    # Support: (1 562,80 × 15 + 1 600,00 × 15) / 365 = 47 442 / 365 = 129,978… → 129,98
    # (each part rounded first would give 64,22 + 65,75 = 129,97).
    # Management: (500 × 15 + 520 × 15) / 365 = 15 300 / 365 = 41,917… → 41,92.
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 30, "41.92"),
        ("m1", "u1", "fal_accompagnement", 0, 30, "129.98")]


# P5 pays per day of occupancy *of a FAL measure*: only the days inside one of its periods.

def overstaying(*periods: Period, stay: Stay, **fields: Any) -> Caseload:
    return caseload(measure("m1", MeasureType.FAL, *periods, stays=[stay], **fields),
                    homes=[U1])


def test_stay_after_the_last_period_is_not_paid() -> None:
    # The example: only period 01/08/2024–31/07/2025, household still in the home,
    # measure neither renewed nor closed. September 2025 paid nothing (it was 128,45 € of
    # support and 41,10 € of management).
    load = overstaying(period(D(2024, 8, 1), D(2025, 7, 31), None),
                       stay=Stay("u1", D(2024, 8, 1)))
    assert summary(load, "2025-09") == []
    assert summary(load, "2025-08") == []
    # July 2025, the period's last month: 31 days, 1 562,80 × 31 / 365 = 132,728… → 132,73;
    # 500 × 31 / 365 = 42,465… → 42,47.
    assert summary(load, "2025-07") == [
        (None, "u1", "fal_gestion", 0, 31, "42.47"),
        ("m1", "u1", "fal_accompagnement", 0, 31, "132.73")]


def test_period_ending_within_the_month_pays_up_to_its_last_day() -> None:
    # Period ends on 15/09/2025 (included): 15 days, 1 562,80 × 15 / 365 = 64,224… → 64,22;
    # 500 × 15 / 365 = 20,547… → 20,55.
    load = overstaying(period(D(2024, 9, 16), D(2025, 9, 15), None),
                       stay=Stay("u1", D(2024, 9, 16)))
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 15, "20.55"),
        ("m1", "u1", "fal_accompagnement", 0, 15, "64.22")]


def test_stay_before_the_first_period_is_not_paid() -> None:
    # Entered on 20/08/2025, first period from 01/09/2025: August nothing, September 30 days.
    load = overstaying(period(D(2025, 9, 1), D(2026, 8, 31), None),
                       stay=Stay("u1", D(2025, 8, 20)))
    assert summary(load, "2025-08") == []
    assert [days for *_, days, _ in summary(load, "2025-09")] == [30, 30]


def test_gap_between_two_periods_is_not_paid() -> None:
    # Periods 01/10/2024–10/09/2025 and 21/09/2025–…: 01–10/09 and 21–30/09 paid, 20 days:
    # 1 562,80 × 20 / 365 = 85,632… → 85,63; 500 × 20 / 365 = 27,397… → 27,40.
    load = overstaying(period(D(2024, 10, 1), D(2025, 9, 10), None),
                       period(D(2025, 9, 21), D(2025, 12, 31), None),
                       stay=Stay("u1", D(2024, 10, 1)))
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 20, "27.40"),
        ("m1", "u1", "fal_accompagnement", 0, 20, "85.63")]


def test_unpaid_stay_is_no_vacancy_and_the_gap_starts_when_the_household_leaves() -> None:
    # m1's period ends 31/07/2025 but the household leaves only on 31/08; m2 enters on
    # 10/09. August: occupied, neither paid nor vacant. September: 01–09/09 vacancy (9 days
    # after the departure, ≤ 31): 2 062,80 × 9 / 365 = 50,863… → 50,86; m2 21 days:
    # 1 562,80 × 21 / 365 = 89,914… → 89,91; 500 × 21 / 365 = 28,767… → 28,77.
    m1 = measure("m1", MeasureType.FAL, period(D(2024, 8, 1), D(2025, 7, 31), None),
                 stays=[Stay("u1", D(2024, 8, 1), D(2025, 8, 31))])
    m2 = fal("m2", Stay("u1", D(2025, 9, 10)))
    load = caseload(m1, m2, homes=[U1])
    assert summary(load, "2025-08") == []
    assert summary(load, "2025-09") == [
        (None, "u1", "fal_gestion", 0, 21, "28.77"),
        (None, "u1", "fal_vacance", 0, 9, "50.86"),
        ("m2", "u1", "fal_accompagnement", 0, 21, "89.91")]


def test_colocation_pays_management_on_the_days_someone_is_paid() -> None:
    # m1 paid all September (30 days); m2 in the same home outside its measure (period
    # ended 31/07/2025): no line for m2, management once on m1's 30 days.
    m1 = fal("m1", Stay("u1", D(2025, 9, 1)))
    m2 = measure("m2", MeasureType.FAL, period(D(2024, 8, 1), D(2025, 7, 31), None),
                 stays=[Stay("u1", D(2024, 8, 1))])
    assert summary(caseload(m1, m2, homes=[U1]), "2025-09") == [
        (None, "u1", "fal_gestion", 0, 30, "41.10"),
        ("m1", "u1", "fal_accompagnement", 0, 30, "128.45")]
