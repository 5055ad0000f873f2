"""Working days (« jours ouvrés »): Monday to Friday, except French public holidays.

docs/regles.md vocabulary: metropolitan France, from the `holidays` package (country FR). Used by
`portes_closes` (5 working days after the second closed door) and `absence_travailleur`
(more than 21 working days). The holidays of a year are computed once and cached: the alerts
engine asks for them for every absence and every closed door of a department-scale caseload.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

ONE_DAY = timedelta(days=1)
_FRIDAY = 4


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The French (metropolitan) public holidays of `year`."""
    return frozenset(holidays.country_holidays("FR", years=year).keys())


@cache
def _weekday_holidays(year: int) -> tuple[date, ...]:
    """The public holidays of `year` that fall on a Monday–Friday, in date order."""
    return tuple(sorted(d for d in public_holidays(year) if d.weekday() <= _FRIDAY))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a French public holiday."""
    return day.weekday() <= _FRIDAY and day not in public_holidays(day.year)


def count_working_days(first: date, last: date) -> int:
    """Working days from `first` to `last`, both included (0 when `last` is before `first`).

    Arithmetic on whole weeks, then the weekday holidays of each year are taken off: the
    cost grows with the number of years, not of days.
    """
    if last < first:
        return 0
    weeks, rest = divmod((last - first).days + 1, 7)
    count = weeks * 5
    weekday = first.weekday()
    count += sum(1 for i in range(rest) if (weekday + i) % 7 <= _FRIDAY)
    for year in range(first.year, last.year + 1):
        count -= sum(1 for h in _weekday_holidays(year) if first <= h <= last)
    return count


def nth_working_day_after(day: date, n: int) -> date:
    """The `n`-th working day after `day` (`day` itself excluded), n ≥ 1.

    From Friday 07/11/2025 the 5th working day after is Monday 17/11/2025 (10, 12, 13, 14, 17:
    Tuesday 11 November is a holiday).
    """
    if n < 1:
        raise ValueError(f"rang de jour ouvré invalide : {n} (au moins 1)")
    current = day
    found = 0
    while found < n:
        current += ONE_DAY
        if is_working_day(current):
            found += 1
    return current


def nth_working_day_from(day: date, n: int) -> date:
    """The `n`-th working day counting from `day` included when it is a working day, n ≥ 1.

    `absence_travailleur`: the 22nd working day of an absence starting on `day`.
    """
    return nth_working_day_after(day - ONE_DAY, n)
