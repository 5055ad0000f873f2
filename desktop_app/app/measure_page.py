"""The Mesure screen's query: what the page shows, read in one store transaction
(`Store.measure_caseload`) — the measure, its household, the homes a FAL's stays name, the day
the household was archived — and what the measure earned month by month, from the funding
engine (no rule here).

The engine is run on the caseload read: the measure, the other measures of its household (a
DSF is paid 0 € when the household is followed in ASLL, P6) and the shared figures; only the
lines of this measure are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import Month, months_between
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import Caseload, Home, Household, Measure, MeasureType
from desktop_app.store.api import Store


@dataclass(frozen=True)
class MonthEarning:
    month: Month
    points: int
    amount: Decimal
    items: str  # item codes of the lines, comma separated


@dataclass(frozen=True)
class MeasurePage:
    measure: Measure
    household: Household | None
    #: The homes, for a FAL (its stays); none for the other types.
    homes: list[Home]
    #: The day the household went to the read-only archive (None: not archived).
    archived_on: date | None
    #: Every month up to today's in which the measure earned something, oldest first.
    earnings: list[MonthEarning]


def measure_page(store: Store, measure_id: str, today: date) -> MeasurePage | None:
    """The page of the measure `measure_id` as of `today` (None: not stored)."""
    found = store.measure_caseload(measure_id)
    if found is None:
        return None
    caseload, archived_on = found
    measure = next(m for m in caseload.measures if m.id == measure_id)
    household = next((h for h in caseload.households if h.id == measure.household), None)
    return MeasurePage(measure, household,
                       caseload.homes if measure.type is MeasureType.FAL else [], archived_on,
                       measure_earnings(caseload, measure, today))


def measure_earnings(caseload: Caseload, measure: Measure, today: date) -> list[MonthEarning]:
    """What `measure` (one of `caseload`'s) earned, every month up to `today`'s in which it
    earned something, oldest first."""
    months: set[Month] = set()
    span = in_force_span(measure)
    if span is not None:
        months.update(months_between(span[0], min(span[1], today)))
    for stay in measure.stays:
        months.update(months_between(stay.start, min(stay.end or today, today)))
    once = one_off_date(measure)
    if once is not None:
        months.add(Month.of(once))
    earnings = []
    for month in sorted(m for m in months if m <= Month.of(today)):
        lines = [line for line in compute_month_points(caseload, month).lines
                 if line.measure == measure.id]
        if lines:
            earnings.append(MonthEarning(
                month, sum(line.points for line in lines), sum((line.amount for line in lines),
                                                              Decimal("0.00")),
                ", ".join(sorted({str(line.item) for line in lines}))))
    return earnings
