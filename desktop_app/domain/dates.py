"""Calendar arithmetic the rules use: months, month arithmetic clamped to the month's end."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=1 << 12)
def month_length(year: int, month: int) -> int:
    """The days of a month (remembered: the rules ask the same few months again and again)."""
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month, written `YYYY-MM` in files and on the command line."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"mois invalide : {self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse `YYYY-MM`; raises ValueError on anything else."""
        if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit():
            raise ValueError(f"mois invalide : « {text} » (attendu AAAA-MM)")
        return cls(int(text[:4]), int(text[5:]))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, month_length(self.year, self.month))

    @property
    def days(self) -> int:
        return month_length(self.year, self.month)

    def next(self) -> Month:
        return self.plus(1)

    def previous(self) -> Month:
        return self.plus(-1)

    def plus(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def days_iter(self) -> Iterator[date]:
        return iter_days(self.first_day, self.last_day)


@lru_cache(maxsize=1 << 16)
def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, clamped to the end of the target month.

    31/03 − 1 month is 28/02 (29/02 in a leap year); 31/08 + 1 month is 30/09. Remembered:
    the rules ask the same few thousand (day, months) again and again.
    """
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, month_length(year, month + 1)))


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def iter_days(first: date, last: date) -> Iterator[date]:
    """Every day from `first` to `last`, both included."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> tuple[date, date] | None:
    """The common days of two inclusive spans, or None."""
    start = max(a_start, b_start)
    end = min(a_end, b_end)
    return (start, end) if start <= end else None


def months_between(first: date, last: date) -> Iterator[Month]:
    """Every month that has a day in [first, last]."""
    month = Month.of(first)
    stop = Month.of(last)
    while month <= stop:
        yield month
        month = month.next()
