"""Working days: Monday–Friday minus French (metropolitan) public holidays."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR
from desktop_app.domain.workdays import (
    count_working_days,
    easter_sunday,
    is_working_day,
    nth_working_day_after,
    nth_working_day_from,
    public_holidays,
)

D = date


def test_holidays_of_2026_are_the_eleven_metropolitan_ones() -> None:
    # 1/1, Easter Monday 6/4, 1/5, 8/5, Ascension 14/5, Whit Monday 25/5, 14/7, 15/8, 1/11,
    # 11/11, 25/12 — no Good Friday nor 26/12 (Alsace-Moselle only).
    assert sorted(public_holidays(2026)) == [
        D(2026, 1, 1), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 8), D(2026, 5, 14),
        D(2026, 5, 25), D(2026, 7, 14), D(2026, 8, 15), D(2026, 11, 1), D(2026, 11, 11),
        D(2026, 12, 25),
    ]


@pytest.mark.parametrize(("day", "expected"), [
    (D(2025, 11, 10), True),    # Monday
    (D(2025, 11, 11), False),   # Tuesday, Armistice
    (D(2025, 11, 15), False),   # Saturday
    (D(2025, 11, 16), False),   # Sunday
    (D(2026, 4, 3), True),      # Good Friday: a working day in metropolitan France
    (D(2026, 4, 6), False),     # Easter Monday
])
def test_is_working_day(day: date, expected: bool) -> None:
    assert is_working_day(day) is expected


def test_count_a_plain_week_and_reversed_bounds() -> None:
    assert count_working_days(D(2025, 9, 15), D(2025, 9, 21)) == 5  # Mon..Sun
    assert count_working_days(D(2025, 9, 20), D(2025, 9, 21)) == 0  # a weekend
    assert count_working_days(D(2025, 9, 16), D(2025, 9, 16)) == 1  # one Tuesday
    assert count_working_days(D(2025, 9, 17), D(2025, 9, 16)) == 0  # end before start


def test_count_across_easter_monday_may_first_and_may_eighth_2025() -> None:
    # 15/04/2025 (Tue) → 16/05/2025 (Fri): 15-18 Apr 4 (Good Friday counts), 21 Apr Easter
    # Monday off, 22-25 4 → 8, 28-30 3 → 11, 1 May off, 2 May 1 → 12, 5-7 May 3 → 15,
    # 8 May off, 9 May 1 → 16, 12-16 May 5 → 21.
    assert count_working_days(D(2025, 4, 15), D(2025, 5, 16)) == 21
    assert count_working_days(D(2025, 4, 15), D(2025, 5, 18)) == 21  # + a weekend
    assert count_working_days(D(2025, 4, 15), D(2025, 5, 19)) == 22


def test_count_december_to_january_across_christmas_and_new_year() -> None:
    # 15/12/2025 → 16/01/2026: 15-19 5, 22-26 minus 25/12 4 → 9, 29-31 3 → 12, 1/1 off,
    # 2/1 1 → 13, 5-9 5 → 18, 12-16 5 → 23.
    assert count_working_days(D(2025, 12, 15), D(2026, 1, 16)) == 23


def test_count_matches_a_day_by_day_count_over_three_years() -> None:
    # Whole-week arithmetic against the plain definition, for every start weekday.
    for offset in range(7):
        first = D(2024, 12, 30) + timedelta(days=offset)
        last = D(2027, 1, 3) - timedelta(days=offset)
        by_day = sum(1 for i in range((last - first).days + 1)
                     if is_working_day(first + timedelta(days=i)))
        assert count_working_days(first, last) == by_day
    # 2025 starts on a Wednesday: 52 weeks + 1 day = 261 weekdays, minus the 10 holidays on a
    # weekday (1/1, 21/4, 1/5, 8/5, 29/5, 9/6, 14/7, 15/8, 11/11, 25/12; 1/11 is a Saturday)
    # → 251.
    assert count_working_days(D(2025, 1, 1), D(2025, 12, 31)) == 251


def test_five_working_days_after_a_door_across_11_november() -> None:
    # Friday 07/11/2025: 10 (Mon), 11 off, 12, 13, 14, 17 → Monday 17/11/2025.
    assert nth_working_day_after(D(2025, 11, 7), 5) == D(2025, 11, 17)
    # Tuesday 16/09/2025: 17, 18, 19, 22, 23 → 23/09/2025 (example 1).
    assert nth_working_day_after(D(2025, 9, 16), 5) == D(2025, 9, 23)
    # From a Saturday: Monday is the first.
    assert nth_working_day_after(D(2025, 11, 8), 1) == D(2025, 11, 10)


def test_nth_working_day_from_includes_the_day_when_it_is_worked() -> None:
    assert nth_working_day_from(D(2025, 9, 16), 1) == D(2025, 9, 16)
    assert nth_working_day_from(D(2025, 11, 11), 1) == D(2025, 11, 12)  # a holiday: next one
    # 22nd working day of an absence from 15/12/2025: 23 are counted up to 16/01 (above), so
    # the 22nd is the day before the 23rd, Thursday 15/01/2026.
    assert nth_working_day_from(D(2025, 12, 15), 22) == D(2026, 1, 15)


def test_rank_below_one_is_refused_in_french() -> None:
    with pytest.raises(ValueError, match="rang de jour ouvré"):
        nth_working_day_after(D(2025, 1, 1), 0)


#: What the `holidays` package (the program's source of the holidays until they were computed
#: in `workdays`) gave for every year of the program's dates, frozen.
FROZEN = Path(__file__).parent.parent / "data" / "public_holidays_fr_1900_2100.txt"


def test_every_day_of_1900_2100_is_a_working_day_as_the_holidays_package_said() -> None:
    lines = FROZEN.read_text(encoding="utf-8").splitlines()
    frozen = {date.fromisoformat(line[:10]) for line in lines if not line.startswith("#")}
    assert len(frozen) == 2085
    day, last = D(FIRST_YEAR, 1, 1), D(LAST_YEAR, 12, 31)
    differ = []
    while day <= last:
        if is_working_day(day) != (day.weekday() <= 4 and day not in frozen):
            differ.append(day)
        day += timedelta(days=1)
    assert differ == []
    assert frozenset().union(*(public_holidays(y) for y in range(FIRST_YEAR, LAST_YEAR + 1))
                             ) == frozen


@pytest.mark.parametrize(("year", "easter"), [
    (1900, D(1900, 4, 15)), (1954, D(1954, 4, 18)), (2000, D(2000, 4, 23)),
    (2016, D(2016, 3, 27)), (2019, D(2019, 4, 21)), (2026, D(2026, 4, 5)),
    (2038, D(2038, 4, 25)), (2100, D(2100, 3, 28)),
])
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_whit_monday_was_worked_from_2005_to_2007_and_8_may_from_1960_to_1981() -> None:
    assert D(2006, 6, 5) not in public_holidays(2006)  # journée de solidarité
    assert D(2008, 5, 12) in public_holidays(2008)
    assert D(1970, 5, 8) not in public_holidays(1970)
    assert D(1982, 5, 8) in public_holidays(1982)
