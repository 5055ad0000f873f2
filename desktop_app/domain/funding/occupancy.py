"""Occupancy of the ALT homes (P5): who stays where on which day, which of those days the
FAL pays (only inside a period of the measure), and which empty days of a home are paid
(justified technical vacancy, first 31 days of a gap closed by an entry)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.domain.dates import ONE_DAY, iter_days, overlap
from desktop_app.domain.model import Home, Measure, MeasureType

#: P5: at most this many days of vacancy between a departure and the next entry are paid.
MAX_PAID_GAP_DAYS = 31


@dataclass(frozen=True, slots=True)
class Occupation:
    """A FAL household's stay in a home, clipped at the measure's closing date; `end` None:
    still there. The home is occupied on every day of it; the FAL pays only the days inside
    a period of the measure (`paid_days_within`)."""

    measure: Measure
    home: str
    start: date
    end: date | None

    def days_within(self, first: date, last: date) -> list[date]:
        """The days of [first, last] the household is in the home (paid or not)."""
        days = overlap(self.start, self.end or date.max, first, last)
        return [] if days is None else list(iter_days(*days))

    def paid_days_within(self, first: date, last: date) -> set[date]:
        """The days of [first, last] the FAL pays for this stay (P5): those inside one of
        the measure's periods. A stay going on after the last period (neither renewed nor
        closed: `fin_de_periode`), before the first one, or in a gap between two, earns
        nothing on those days; the home is still occupied on them."""
        paid: set[date] = set()
        end = self.end or date.max
        for period in self.measure.periods:
            days = overlap(max(self.start, period.start), min(end, period.end), first, last)
            if days is not None:
                paid.update(iter_days(*days))
        return paid


def occupations(measures: list[Measure]) -> list[Occupation]:
    """Every stay of a FAL measure (P5 follows occupancy, not suspensions), ending at the
    latest on the day the measure was closed; stays emptied by the closing are dropped."""
    found = []
    for measure in measures:
        if measure.type is not MeasureType.FAL:
            continue
        closed = measure.closed_on
        for stay in measure.stays:
            end = stay.end
            if closed is not None and (end is None or closed < end):
                end = closed
            if end is None or stay.start <= end:
                found.append(Occupation(measure, stay.home, stay.start, end))
    return found


def _merged(stays: list[Occupation]) -> list[tuple[date, date]]:
    """The home's occupied spans, overlapping or touching stays merged (open end: date.max)."""
    spans: list[tuple[date, date]] = []
    for stay in sorted(stays, key=lambda s: s.start):
        end = stay.end or date.max
        if spans and stay.start - ONE_DAY <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((stay.start, end))
    return spans


def paid_gap_days(stays: list[Occupation], first: date, last: date) -> set[date]:
    """P5: days of [first, last] among the first 31 empty days after a household left a
    home, when a later entry closes that gap (an open gap is not paid)."""
    paid: set[date] = set()
    spans = _merged(stays)
    for (_, left), (entered, _) in pairwise(spans):
        gap_end = min(entered - ONE_DAY, left + timedelta(days=MAX_PAID_GAP_DAYS))
        days = overlap(left + ONE_DAY, gap_end, first, last)
        if days is not None:
            paid.update(iter_days(*days))
    return paid


def justified_vacancy_days(home: Home | None, first: date, last: date) -> set[date]:
    """P5: days of [first, last] inside a vacancy of the home recorded as justified."""
    paid: set[date] = set()
    for vacancy in home.vacancies if home is not None else []:
        days = overlap(vacancy.start, vacancy.end, first, last) if vacancy.justified else None
        if days is not None:
            paid.update(iter_days(*days))
    return paid
