"""What every builder of the demo shares: the random source, the calendar, today, ids."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.demo.calendar import DemoCalendar
from desktop_app.domain.dates import add_months
from desktop_app.domain.workdays import nth_working_day_after


@dataclass(frozen=True, slots=True)
class Rates:
    """How often things happen, per visit attempt or per measure (tuned on the benchmark
    size: 50 000 households over 10 years give about a million visits)."""

    closed_door: float = 0.058  # an attempt finds the door closed (unjustified)
    closed_door_justified: float = 0.014  # closed, but the household had warned
    cancelled: float = 0.03
    second_closed_door: float = 0.22  # the retry after a closed door is closed again
    office: float = 0.07  # an extra meeting at the office or by phone in a month
    extra_visit: float = 0.33  # one more home visit than the minimum in a month
    missed_month: float = 0.012  # one fewer than the minimum (a `frequence_visites` breach)
    notice_on_time: float = 0.90  # the « portes closes » notice within 5 working days
    notice_late: float = 0.06  # …late (the rest: never sent)
    stop_after_closed_doors: float = 0.25  # the measure is then stopped
    absence_reported: float = 0.97  # a long absence reported with a replacement named
    report_late: float = 0.09
    report_missing: float = 0.02
    report_unsigned: float = 0.03
    contract_late: float = 0.06
    contract_not_signed: float = 0.03  # ASLL, rule P2
    suspension: float = 0.05
    early_close: float = 0.15


@dataclass(slots=True)
class DemoContext:
    rng: random.Random
    calendar: DemoCalendar
    today: date
    #: First day of the history (`years` before today).
    start: date
    rates: Rates = field(default_factory=Rates)
    _counters: dict[str, int] = field(default_factory=dict)

    @classmethod
    def create(cls, seed: int, today: date, years: int) -> DemoContext:
        start = add_months(today, -12 * years)
        calendar = DemoCalendar(add_months(start, -14), add_months(today, 1))
        return cls(random.Random(seed), calendar, today, start)

    def new_id(self, prefix: str) -> str:
        """`m1`, `m2`…: ids in creation order, per prefix."""
        number = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = number
        return f"{prefix}{number}"

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def day_between(self, lo: date, hi: date) -> date:
        """Any day in [lo, hi] (lo when hi is before it)."""
        if hi <= lo:
            return lo
        return lo + timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def working_day(self, lo: date, hi: date) -> date:
        """A working day in [lo, hi], or `lo` itself when the span has none."""
        day = self.calendar.pick(self.rng, lo, hi)
        return lo if day is None else day

    def working_days_after(self, day: date, low: int, high: int) -> date:
        """The n-th working day after `day`, n drawn in [low, high]."""
        return nth_working_day_after(day, self.rng.randint(low, high))

    def known(self, day: date | None) -> date | None:
        """`day` if it has happened by today (what the association can have recorded)."""
        return day if day is not None and day <= self.today else None
