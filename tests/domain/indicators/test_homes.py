"""FAL in the grid: the amounts by part (support, management, vacancy; P5), the households
in a shared home and the changes of home of the year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.indicators import check_results, compute_year_indicators, scalars
from desktop_app.domain.model import Caseload, Home, MeasureType, Stay
from tests.domain.indicators.builders import caseload, example, measure

T = MeasureType
D = date
TODAY = D(2026, 1, 20)


def _shared_then_vacant() -> Caseload:
    """u1 shared by h1 and h2 in March 2025, empty 1–10 April, h3 in it 11–30 April."""
    a = measure("a", T.FAL, "h1", (D(2025, 3, 1), D(2025, 3, 31)),
                stays=[Stay("u1", D(2025, 3, 1), D(2025, 3, 31))])
    b = measure("b", T.FAL, "h2", (D(2025, 3, 1), D(2025, 3, 31)),
                stays=[Stay("u1", D(2025, 3, 1), D(2025, 3, 31))])
    c = measure("c", T.FAL, "h3", (D(2025, 4, 11), D(2025, 4, 30)),
                stays=[Stay("u1", D(2025, 4, 11), D(2025, 4, 30))])
    return caseload(a, b, c, homes=[Home("u1", "1 rue A, Arras")])


def test_fal_amounts_by_part() -> None:
    # Support: March 2 households × 1 562,80 × 31 / 365 = 2 × 132,73 = 265,46; April 20
    # days 1 562,80 × 20 / 365 = 85,63: 351,09. Management once per home (shared in
    # March): 500 × 31 / 365 = 42,47, April 500 × 20 / 365 = 27,40: 69,87. Vacancy 1–10
    # April at one household's rate, closed by h3's entry: 2 062,80 × 10 / 365 = 56,515…
    # → 56,52. Together 477,48, the FAL amount of the statements.
    figures = scalars(compute_year_indicators(_shared_then_vacant(), 2025, today=TODAY))
    assert [figures[f"FAL.{n}"] for n in ("support_amount", "management_amount",
                                          "vacancy_amount", "amount")] == [
        Decimal("351.09"), Decimal("69.87"), Decimal("56.52"), Decimal("477.48")]


def test_fal_parts_of_example_2_add_up_and_are_checked() -> None:
    # h4 in u1 from 01/02/2025: six months of 31 days × 132,73 + four of 30 × 128,45 +
    # February 1 562,80 × 28 / 365 = 119,89: 1 430,07 of support; 6 × 42,47 + 4 × 41,10 +
    # 38,36 = 457,58 of management; no vacancy; 1 887,65 in all.
    year = compute_year_indicators(example("exemple-2.json"), 2025, today=TODAY)
    figures = scalars(year)
    assert [figures[f"FAL.{n}"] for n in ("support_amount", "management_amount",
                                          "vacancy_amount", "amount")] == [
        Decimal("1430.07"), Decimal("457.58"), Decimal("0.00"), Decimal("1887.65")]
    [check] = [c for c in check_results(year) if c.label.startswith("FAL : accompagnement")]
    assert check.ok
    year.fal.vacancy_amount = Decimal("1.00")  # a part that no longer adds up is reported
    [check] = [c for c in check_results(year) if c.label.startswith("FAL : accompagnement")]
    assert not check.ok and "1 888,65" in check.problems[0].replace("\u00a0", " ")


def test_households_in_a_shared_home() -> None:
    # h1 and h2 both in u1 through March 2025: 2 households, 1 home; h3 alone in April.
    fal = compute_year_indicators(_shared_then_vacant(), 2025, today=TODAY).fal
    assert (fal.shared_households, fal.shared_homes, fal.home_changes) == (2, 1, 0)


def test_sharing_needs_a_common_day_of_the_year_and_two_households() -> None:
    # u3: h5 leaves on 31/12/2024, the day h6 comes in: shared in 2024 only.
    # u4: h7's stay has no end but its measure closed on 28/02/2025; h8 comes on 01/03:
    #     never together (the stay ends with the measure).
    # u5: h9 with two measures at once in the same home: one household, no sharing.
    year = (D(2024, 1, 1), D(2025, 12, 31))
    load = caseload(
        measure("e", T.FAL, "h5", (D(2024, 1, 1), D(2024, 12, 31)),
                stays=[Stay("u3", D(2024, 1, 1), D(2024, 12, 31))]),
        measure("f", T.FAL, "h6", year, stays=[Stay("u3", D(2024, 12, 31))]),
        measure("g", T.FAL, "h7", year, stays=[Stay("u4", D(2024, 6, 1))],
                closed_on=D(2025, 2, 28)),
        measure("h", T.FAL, "h8", year, stays=[Stay("u4", D(2025, 3, 1))]),
        measure("i", T.FAL, "h9", year, stays=[Stay("u5", D(2024, 1, 1))]),
        measure("j", T.FAL, "h9", year, stays=[Stay("u5", D(2024, 1, 1))]),
        homes=[Home(u, f"{n} rue B, Lens") for n, u in enumerate(("u3", "u4", "u5"))])
    in_2024 = compute_year_indicators(load, 2024, today=TODAY).fal
    in_2025 = compute_year_indicators(load, 2025, today=TODAY).fal
    assert (in_2024.shared_households, in_2024.shared_homes) == (2, 1)  # h5 and h6 in u3
    assert (in_2025.shared_households, in_2025.shared_homes) == (0, 0)


def test_changes_of_home_are_counted_in_the_year_they_happen() -> None:
    # k: u1 from 01/11/2024, u2 from 10/01/2025, back to u1 on 01/09/2025: 2 changes in
    #    2025, none in 2024 (its first home is no change).
    # l: u2, out to hospital, back in u2: a new stay in the same home is no change.
    spans = (D(2024, 11, 1), D(2025, 12, 31))
    load = caseload(
        measure("k", T.FAL, "h1", spans, stays=[Stay("u1", D(2024, 11, 1), D(2025, 1, 9)),
                                                Stay("u2", D(2025, 1, 10), D(2025, 8, 31)),
                                                Stay("u1", D(2025, 9, 1))]),
        measure("l", T.FAL, "h2", spans, stays=[Stay("u3", D(2024, 11, 1), D(2025, 2, 1)),
                                                Stay("u3", D(2025, 3, 1))]),
        homes=[Home("u1", "1 rue A, Arras"), Home("u2", "2 rue A, Arras"),
               Home("u3", "3 rue A, Arras")])
    assert compute_year_indicators(load, 2024, today=TODAY).fal.home_changes == 0
    assert compute_year_indicators(load, 2025, today=TODAY).fal.home_changes == 2
