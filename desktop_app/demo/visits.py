"""Home visits of a measure, attempt after attempt, month after month.

Each month in force gets the minimum number of home visits of its level (docs/regles.md
`frequence_visites`: 1 for ASLL simple, 2 for ASLL renforcé, AML and FAL), sometimes one more,
rarely one fewer (a breach). An attempt may find the door closed (justified or not) or be
cancelled, and is then tried again a few working days later; a retry after a closed door finds
it closed again more often, which makes the « deux portes closes » of rule `portes_closes`.
Now and then the household is also met at the office or on the phone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from desktop_app.demo.calendar import month_key
from desktop_app.demo.context import DemoContext
from desktop_app.domain.model import Period, Suspension, Visit, VisitOutcome, VisitPlace

ONE_DAY = timedelta(days=1)
_HELD = VisitOutcome.REALISEE
_CLOSED = VisitOutcome.PORTE_CLOSE
_JUSTIFIED = VisitOutcome.PORTE_CLOSE_JUSTIFIEE
_CANCELLED = VisitOutcome.ANNULEE
_HOME = VisitPlace.DOMICILE


class VisitRun:
    """The visits of one measure in date order, and where two closed doors came in a row."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.visits: list[Visit] = []
        #: Unjustified closed doors in a row, up to the last attempt.
        self.doors = 0
        #: Date of each second closed door in a row (one per run, however long the run).
        self.runs: list[date] = []

    def month(self, key: int, lo: date, hi: date, required: int) -> None:
        """Visits of month `key` on the days from `lo` to `hi` (dates of that month)."""
        ctx = self.ctx
        rng, rates = ctx.rng, ctx.rates
        days = ctx.calendar.working_days(key, lo, hi)
        count = len(days)
        if not count:
            return
        full = ctx.calendar.working_days(key)
        if count == len(full):
            draw = rng.random()
            if draw < rates.extra_visit:
                required += 1
            elif draw < rates.extra_visit + rates.missed_month:
                required -= 1
        else:
            required = int(required * count / len(full) + rng.random())
        cursor = -1
        append = self.visits.append
        for k in range(required):
            first, last = k * count // required, (k + 1) * count // required
            i = max(first + rng.randrange(max(last - first, 1)), cursor + 1)
            while i < count:
                cursor = i
                draw = rng.random()
                closed = rates.second_closed_door if self.doors else rates.closed_door
                if draw < closed:
                    append(Visit(days[i], _CLOSED, _HOME))
                    self.doors += 1
                    if self.doors == 2:
                        self.runs.append(days[i])
                    i += rng.randint(2, 5)
                elif draw < closed + rates.closed_door_justified:
                    append(Visit(days[i], _JUSTIFIED, _HOME))
                    self.doors = 0
                    i += rng.randint(2, 5)
                elif draw < closed + rates.closed_door_justified + rates.cancelled:
                    append(Visit(days[i], _CANCELLED, _HOME))
                    i += rng.randint(1, 4)
                else:
                    append(Visit(days[i], _HELD, _HOME))
                    self.doors = 0
                    break
        if cursor + 1 < count and rng.random() < rates.office:
            place = VisitPlace.BUREAU if rng.random() < 0.75 else VisitPlace.TELEPHONE
            append(Visit(days[rng.randrange(cursor + 1, count)], _HELD, place))
            self.doors = 0


def active_segments(first: date, last: date, suspensions: list[Suspension]
                    ) -> list[tuple[date, date]]:
    """The days of [first, last] not covered by a suspension, as inclusive spans."""
    segments = [(first, last)]
    for suspension in suspensions:
        s_end = suspension.end if suspension.end is not None else date.max
        kept: list[tuple[date, date]] = []
        for lo, hi in segments:
            if suspension.start > hi or s_end < lo:
                kept.append((lo, hi))
                continue
            if lo < suspension.start:
                kept.append((lo, suspension.start - ONE_DAY))
            if s_end < hi:
                kept.append((s_end + ONE_DAY, hi))
        segments = kept
    return segments


def periodic_visits(ctx: DemoContext, periods: list[Period], last: date,
                    suspensions: list[Suspension], minimum: Callable[[Period], int]) -> VisitRun:
    """Visits of each period up to `last` (closing day or today), outside suspensions."""
    run = VisitRun(ctx)
    for period in periods:
        hi_period = min(period.end, last)
        if hi_period < period.start:
            break
        required = minimum(period)
        for lo, hi in active_segments(period.start, hi_period, suspensions):
            key, stop = month_key(lo), month_key(hi)
            while key <= stop:
                m_lo = lo if month_key(lo) == key else date(key // 12, key % 12 + 1, 1)
                m_hi = hi if month_key(hi) == key else _month_end(key)
                run.month(key, m_lo, m_hi, required)
                key += 1
    return run


def _month_end(key: int) -> date:
    following = key + 1
    return date(following // 12, following % 12 + 1, 1) - ONE_DAY
