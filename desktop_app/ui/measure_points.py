"""What one measure earned, month by month, from the funding engine (no rule here).

The engine is run on a small caseload: the measure, the other measures of its household
(a DSF is paid 0 € when the household is followed in ASLL, P6) and the shared figures; only
the lines of this measure are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import Month, months_between
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import Caseload
from desktop_app.store.api import Store


@dataclass(frozen=True)
class MonthEarning:
    month: Month
    points: int
    amount: Decimal
    items: str  # item codes of the lines, comma separated


def measure_earnings(store: Store, measure_id: str, today: date) -> list[MonthEarning]:
    """Every month up to `today`'s in which the measure earned something, oldest first."""
    measure = store.measure(measure_id)
    if measure is None:
        return []
    household = store.household(measure.household)
    caseload = Caseload(
        association=store.association(), tariffs=store.tariffs(), workers=store.workers(),
        households=[household] if household is not None else [], homes=store.homes(),
        measures=store.measures_of_household(measure.household),
    )
    if not any(m.id == measure_id for m in caseload.measures):
        caseload.measures.append(measure)
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
                 if line.measure == measure_id]
        if lines:
            earnings.append(MonthEarning(
                month, sum(line.points for line in lines), sum((line.amount for line in lines),
                                                              Decimal("0.00")),
                ", ".join(sorted({str(line.item) for line in lines}))))
    return earnings
