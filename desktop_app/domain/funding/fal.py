"""P5: FAL paid per day of occupancy of the ALT home by a household whose FAL measure is in
a period that day, at the yearly amounts of the tariff in force that day divided by the days
of that calendar year; each line summed exactly (as fractions) and rounded once (P7)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from fractions import Fraction

from desktop_app.domain.dates import Month, days_in_year
from desktop_app.domain.funding.occupancy import (
    Occupation,
    justified_vacancy_days,
    occupations,
    paid_gap_days,
)
from desktop_app.domain.funding.results import (
    FAL_ACCOMPAGNEMENT,
    FAL_GESTION,
    FAL_VACANCE,
    PointLine,
)
from desktop_app.domain.model import Caseload, Home, MeasureType, Tariff
from desktop_app.domain.money import round_cents
from desktop_app.domain.tariffs import tariff_on


class DayRates:
    """Daily support and management rates of each day of a month (tariff of that day).

    A month has one or two distinct rates (a tariff or a year changing within it): each day
    points to its rate, and a sum over days counts the days per rate and multiplies each
    rate once — the same exact Fraction as adding the days one by one, far cheaper."""

    def __init__(self, tariffs: list[Tariff], month: Month) -> None:
        self.rate_of: dict[date, int] = {}
        self.support: list[Fraction] = []
        self.management: list[Fraction] = []
        seen: dict[tuple[Fraction, Fraction], int] = {}
        for day in month.days_iter():
            tariff = tariff_on(tariffs, day)
            year_days = days_in_year(day.year)
            rates = (Fraction(tariff.fal_support_per_year) / year_days,
                     Fraction(tariff.fal_management_per_year) / year_days)
            if rates not in seen:
                seen[rates] = len(self.support)
                self.support.append(rates[0])
                self.management.append(rates[1])
            self.rate_of[day] = seen[rates]

    def support_of(self, days: Iterable[date]) -> Fraction:
        return self._sum(self.support, days)

    def management_of(self, days: Iterable[date]) -> Fraction:
        return self._sum(self.management, days)

    def _sum(self, rates: list[Fraction], days: Iterable[date]) -> Fraction:
        counts = Counter(self.rate_of[d] for d in days)
        return sum((rates[k] * n for k, n in counts.items()), Fraction(0))


def _home_line(home: str, item: str, days: set[date], amount: Fraction) -> PointLine:
    return PointLine(measure=None, home=home, household=None, referent=None,
                     type=MeasureType.FAL, item=item, points=0, days=len(days),
                     amount=round_cents(amount), reason=None)


def _home_lines(record: Home | None, home: str, stays: list[Occupation], month: Month,
                rates: DayRates) -> Iterator[PointLine]:
    """The lines of one home in `month`: support per (measure, home) on the days its
    periods cover, management once for the days some household is paid (colocation),
    vacancy at the single-household rate on paid empty days (a day a household stays outside
    its measure's periods is occupied: neither paid nor vacant)."""
    first, last = month.first_day, month.last_day
    by_measure: dict[str, set[date]] = defaultdict(set)
    measures = {}
    present: set[date] = set()
    for stay in stays:
        present.update(stay.days_within(first, last))
        by_measure[stay.measure.id].update(stay.paid_days_within(first, last))
        measures[stay.measure.id] = stay.measure
    for measure_id, days in by_measure.items():
        if days:
            measure = measures[measure_id]
            yield PointLine(
                measure=measure_id, home=home, household=measure.household,
                referent=measure.referent, type=MeasureType.FAL, item=FAL_ACCOMPAGNEMENT,
                points=0, days=len(days), amount=round_cents(rates.support_of(days)),
                reason=None)
    occupied = set().union(*by_measure.values()) if by_measure else set()
    if occupied:
        yield _home_line(home, FAL_GESTION, occupied, rates.management_of(occupied))
    vacant = (paid_gap_days(stays, first, last)
              | justified_vacancy_days(record, first, last)) - present
    if vacant:
        amount = rates.support_of(vacant) + rates.management_of(vacant)
        yield _home_line(home, FAL_VACANCE, vacant, amount)


def fal_lines(caseload: Caseload, month: Month, tariffs: list[Tariff]) -> Iterator[PointLine]:
    """Every FAL line of `month` (P5), home by home."""
    by_home: dict[str, list[Occupation]] = defaultdict(list)
    for stay in occupations(caseload.measures):
        by_home[stay.home].append(stay)
    records = {h.id: h for h in caseload.homes}
    homes = set(by_home) | {h.id for h in caseload.homes if h.vacancies}
    if not homes:
        return
    rates = DayRates(tariffs, month)
    for home in sorted(homes):
        yield from _home_lines(records.get(home), home, by_home.get(home, []), month, rates)
