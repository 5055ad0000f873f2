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
from typing import Any, TypeVar, cast

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints, compute_month_points
from desktop_app.domain.measure_facts import in_force_span, is_home_visit
from desktop_app.domain.model import Caseload, Measure, Visit

T = TypeVar("T")
_BY_DATE = attrgetter("date")


class MeasureFacts:
    """One measure's in-force span and visits by date, whatever the day."""

    __slots__ = ("_memo", "home_days", "measure", "span", "visit_days", "visits")

    def __init__(self, measure: Measure) -> None:
        self.measure = measure
        #: First and last day in force (`measure_facts.in_force_span`).
        self.span: tuple[date, date] | None = in_force_span(measure)
        #: Every visit by date (recorded order for a same day), and their dates.
        self.visits: tuple[Visit, ...] = tuple(sorted(measure.visits, key=_BY_DATE))
        self.visit_days = [v.date for v in self.visits]
        #: Dates of the home visits (`is_home_visit`), in order.
        self.home_days = [v.date for v in self.visits if is_home_visit(v)]
        self._memo: dict[str, Any] = {}

    def visits_until(self, on: date) -> tuple[Visit, ...]:
        """The visits dated on or before `on`, by date."""
        return self.visits[:bisect_right(self.visit_days, on)]

    def home_visits_between(self, first: date, last: date) -> int:
        """Home visits dated from `first` to `last` (both included)."""
        return bisect_right(self.home_days, last) - bisect_left(self.home_days, first)

    def remember(self, key: str, compute: Callable[[Measure], T]) -> T:
        """`compute(measure)`, computed on the first call for `key` only."""
        if key not in self._memo:
            self._memo[key] = compute(self.measure)
        return cast(T, self._memo[key])


class CaseloadFacts:
    """The facts of every measure of a caseload, what rules remember about the whole
    caseload, and the month statements (`compute_month_points`) the quota rules read."""

    def __init__(self, caseload: Caseload,
                 month_points: Mapping[Month, MonthPoints] | None = None) -> None:
        self.caseload = caseload
        self.measures = [MeasureFacts(m) for m in caseload.measures]
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
        return cast(T, self._memo[key])
