"""What the alert rules read that does not depend on the day: worked out once per measure
(`MeasureFacts`) and once per caseload (`CaseloadFacts`), then shared by every day the alerts
are computed on (`engine.AlertRun`: the annual grid sees the 12 month ends of a year).

Nothing here decides an alert: the rules stay in their own modules; they only ask these
objects to remember what they computed from the measure or the caseload alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Mapping
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints, compute_month_points
from desktop_app.domain.measure_facts import in_force_span, is_home_visit
from desktop_app.domain.model import Caseload, Measure, Visit

T = TypeVar("T")
_BY_DATE = attrgetter("date")


class MeasureFacts:
    """One measure's in-force span and visits by date, whatever the day (the visits sorted
    on the first day that reads them: only a measure in force on some asked day needs them),
    and its home visits of each past month counted when first asked."""

    __slots__ = ("_home_counts", "_keep", "_memo", "_visits", "measure", "span")

    def __init__(self, measure: Measure, keep: bool = True) -> None:
        self.measure = measure
        #: Remember what `remember` computes (False when only one day is asked: nothing to
        #: share, nothing more to allocate).
        self._keep = keep
        #: First and last day in force (`measure_facts.in_force_span`).
        self.span: tuple[date, date] | None = in_force_span(measure)
        # Filled by `_sort_visits`, and `_memo` by `remember`, when first needed: nothing
        # more is allocated for the measures no asked day reads.
        self._visits: tuple[Visit, ...] | None = None
        self._home_counts: dict[tuple[int, int], int] | None = None
        self._memo: dict[str, Any] | None = None

    def all_visits(self) -> tuple[Visit, ...]:
        """Every visit by date (recorded order for a same day)."""
        return self._sort_visits()

    def _sort_visits(self) -> tuple[Visit, ...]:
        """Every visit by date (recorded order for a same day)."""
        if self._visits is None:
            self._visits = tuple(sorted(self.measure.visits, key=_BY_DATE))
        return self._visits

    def visits_until(self, on: date) -> tuple[Visit, ...]:
        """The visits dated on or before `on`, by date."""
        visits = self._sort_visits()
        return visits[:bisect_right(visits, on, key=_BY_DATE)]

    def home_visits(self, month: Month, on: date) -> int:
        """Home visits held in `month` on or before `on`."""
        key, current = (month.year, month.month), (on.year, on.month)
        if key > current:
            return 0
        if key == current:
            return self._home_visits_between(on.replace(day=1), on)
        # A month before `on`'s: the same whatever the day, counted once.
        counts = self._home_counts
        if counts is None:
            counts = self._home_counts = {}
        if key not in counts:
            counts[key] = self._home_visits_between(month.first_day, month.last_day)
        return counts[key]

    def _home_visits_between(self, first: date, last: date) -> int:
        """Home visits (`is_home_visit`) dated from `first` to `last`."""
        visits = self._sort_visits()
        start = bisect_left(visits, first, key=_BY_DATE)
        stop = bisect_right(visits, last, lo=start, key=_BY_DATE)
        return sum(1 for v in visits[start:stop] if is_home_visit(v))

    def remember(self, key: str, compute: Callable[[Measure], T]) -> T:
        """`compute(measure)`, computed on the first call for `key` only."""
        memo = self._memo
        if memo is not None and key in memo:
            known: T = memo[key]
            return known
        value = compute(self.measure)
        if self._keep:
            if memo is None:
                memo = self._memo = {}
            memo[key] = value
        return value


class CaseloadFacts:
    """The facts of every measure of a caseload, what rules remember about the whole
    caseload, and the month statements (`compute_month_points`) the quota rules read."""

    def __init__(self, caseload: Caseload,
                 month_points: Mapping[Month, MonthPoints] | None = None,
                 several_days: bool = True) -> None:
        self.caseload = caseload
        self.measures = [MeasureFacts(m, several_days) for m in caseload.measures]
        self._points: dict[Month, MonthPoints] = dict(month_points or {})
        self._memo: dict[Hashable, Any] = {}

    def month_points(self, month: Month) -> MonthPoints:
        """The statement of `month` over the caseload: the one given (the same function on
        the same caseload) or computed once."""
        if month not in self._points:
            self._points[month] = compute_month_points(self.caseload, month)
        return self._points[month]

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, computed on the first call for `key` only."""
        if key not in self._memo:
            self._memo[key] = compute()
        known: T = self._memo[key]
        return known
