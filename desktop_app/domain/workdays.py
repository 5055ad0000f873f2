"""Working days (« jours ouvrés »): Monday to Friday, except French public holidays.

docs/regles.md vocabulary: the national public holidays of metropolitan France (Code du
travail, L3133-1), computed here — Easter by the Gregorian computus, then Easter Monday,
Ascension Thursday and Whit Monday from it — with the years each one has been kept. Used by
`portes_closes` (5 working days after the second closed door) and `absence_travailleur`
(more than 21 working days). The holidays of a year are computed once and cached: the alerts
engine asks for them for every absence and every closed door of a department-scale caseload.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

ONE_DAY = timedelta(days=1)
_FRIDAY = 4
#: Days after Easter Sunday: Easter Monday, Ascension Thursday, Whit Monday (Pentecôte).
_EASTER_MONDAY, _ASCENSION, _WHIT_MONDAY = 1, 39, 50
#: Whit Monday was the « journée de solidarité » instead of a holiday in 2005, 2006 and 2007.
_SOLIDARITY_YEARS = range(2005, 2008)
#: 1 May since 1919; 11 November since 1922; 8 May from 1953 to 1959 and again since 1982.
_MAY_DAY_SINCE, _ARMISTICE_SINCE = 1919, 1922
_VICTORY_YEARS = (range(1953, 1960), range(1982, 10_000))


def easter_sunday(year: int) -> date:
    """Easter Sunday of `year` in the Gregorian calendar (the anonymous computus of
    Meeus/Jones/Butcher): 5 April 2026, 27 March 2016, 21 April 2019."""
    golden = year % 19
    century, of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_shift = (century + 8) // 25
    epact = (19 * golden + century - leap_centuries - (century - moon_shift + 1) // 3 + 15) % 30
    quarters, year_rest = divmod(of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * quarters - epact - year_rest) % 7
    late = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * late + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[date]:
    """The French (metropolitan) public holidays of `year`: 1 January, Easter Monday, 1 May,
    8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December
    (each for the years it has been one; not Good Friday nor 26 December, Alsace-Moselle's)."""
    easter = easter_sunday(year)
    days = {date(year, 1, 1), easter + timedelta(days=_EASTER_MONDAY),
            easter + timedelta(days=_ASCENSION), date(year, 7, 14), date(year, 8, 15),
            date(year, 11, 1), date(year, 12, 25)}
    if year not in _SOLIDARITY_YEARS:
        days.add(easter + timedelta(days=_WHIT_MONDAY))
    if year >= _MAY_DAY_SINCE:
        days.add(date(year, 5, 1))
    if year >= _ARMISTICE_SINCE:
        days.add(date(year, 11, 11))
    if any(year in years for years in _VICTORY_YEARS):
        days.add(date(year, 5, 8))
    return frozenset(days)


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
