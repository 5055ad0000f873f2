"""The working days the demo dates its visits on, computed once per month.

Visits, notices and contracts fall on working days (Monday–Friday, no French public holiday,
`desktop_app.domain.workdays`). A department-scale caseload draws about a million visit dates:
each month's working days are listed once, and a visit is one index into that list — never a
loop over days.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from desktop_app.domain.dates import Month
from desktop_app.domain.workdays import is_working_day

ONE_DAY = timedelta(days=1)


def month_key(day: date) -> int:
    """A month as one integer (year × 12 + month − 1), for arithmetic and lists."""
    return day.year * 12 + day.month - 1


def key_month(key: int) -> Month:
    return Month(key // 12, key % 12 + 1)


class DemoCalendar:
    """Working days of every month from `first` to `last` (both months included)."""

    def __init__(self, first: date, last: date) -> None:
        self.base = month_key(first)
        self.stop = month_key(last)
        self._days: list[tuple[date, ...]] = []
        self._numbers: list[tuple[int, ...]] = []
        for key in range(self.base, self.stop + 1):
            month = key_month(key)
            days = tuple(d for d in month.days_iter() if is_working_day(d))
            self._days.append(days)
            self._numbers.append(tuple(d.day for d in days))

    def working_days(self, key: int, lo: date | None = None, hi: date | None = None
                     ) -> tuple[date, ...]:
        """The working days of month `key`, only those in [lo, hi] when given (dates of that
        month, or None for no bound). Empty outside the calendar."""
        index = key - self.base
        if index < 0 or key > self.stop:
            return ()
        days = self._days[index]
        if lo is None and hi is None:
            return days
        numbers = self._numbers[index]
        start = 0 if lo is None or month_key(lo) < key else bisect_left(numbers, lo.day)
        end = len(days) if hi is None or month_key(hi) > key else bisect_right(numbers, hi.day)
        return days[start:end]

    def pick(self, rng: random.Random, lo: date, hi: date) -> date | None:
        """A working day drawn evenly in [lo, hi], None when there is none."""
        if hi < lo:
            return None
        span = (hi - lo).days
        day = lo + timedelta(days=rng.randrange(span + 1))
        return self.snap(day, lo, hi)

    @staticmethod
    def snap(day: date, lo: date, hi: date) -> date | None:
        """`day` if it is a working day, else the next one up to `hi`, else the previous one
        down to `lo`; None when [lo, hi] holds no working day."""
        probe = day
        while probe <= hi:
            if is_working_day(probe):
                return probe
            probe += ONE_DAY
        probe = day - ONE_DAY
        while probe >= lo:
            if is_working_day(probe):
                return probe
            probe -= ONE_DAY
        return None

    @staticmethod
    def after(day: date, gap_days: int, hi: date) -> date | None:
        """The first working day at least `gap_days` after `day`, if it is not after `hi`."""
        probe = day + timedelta(days=gap_days)
        while probe <= hi:
            if is_working_day(probe):
                return probe
            probe += ONE_DAY
        return None
