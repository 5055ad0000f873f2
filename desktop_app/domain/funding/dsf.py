"""P6: what a DSF is paid, on which day: carried out with the household met, closed door
after 2 attempts, or 0 (household followed in ASLL that day, or not met)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_date
from desktop_app.domain.funding.results import DSF, DsfPayment, PointLine
from desktop_app.domain.measure_facts import dsf_second_closed_door, in_force_on
from desktop_app.domain.model import Caseload, DsfOutcome, Measure, MeasureType, Tariff
from desktop_app.domain.money import ZERO, round_cents
from desktop_app.domain.tariffs import tariff_on

NOT_MET_REASON = ("Informations recueillies sans rencontrer le ménage : le DSF n'est pas "
                  "rémunéré.")


def _asll_reason(asll: Measure, day: date) -> str:
    """Why the DSF is not paid, in words the funder reads (the ASLL named by its first day,
    never by an internal id)."""
    begun = f" (ASLL débutée le {format_date(asll.periods[0].start)})" if asll.periods else ""
    return (f"Ménage suivi en ASLL par l'association le {format_date(day)}{begun} : le DSF "
            f"n'est pas rémunéré.")


def asll_by_household(measures: Iterable[Measure]) -> dict[str, list[Measure]]:
    """The ASLL measures of each household."""
    found: dict[str, list[Measure]] = defaultdict(list)
    for measure in measures:
        if measure.type is MeasureType.ASLL:
            found[measure.household].append(measure)
    return found


def followed_in_asll(household_asll: Iterable[Measure], day: date) -> Measure | None:
    """The household's ASLL in force on `day` (lowest id), if any."""
    found = [m for m in household_asll if in_force_on(m, day)]
    return min(found, key=lambda m: m.id) if found else None


def _paid(measure: Measure) -> tuple[date, bool] | None:
    """The day a DSF is paid on and whether it is a closed door; None while it is not."""
    if measure.type is not MeasureType.DSF:
        return None
    if measure.outcome is DsfOutcome.PORTE_CLOSE:
        second = dsf_second_closed_door(measure)
        return None if second is None else (second, True)
    if measure.outcome in (DsfOutcome.REALISE, DsfOutcome.SANS_RENCONTRE):
        return None if measure.done_on is None else (measure.done_on, False)
    return None


def dsf_payment(measure: Measure, caseload: Caseload) -> DsfPayment | None:
    """P6: 162,38 € (tariff `dsf_done`) on the day the diagnosis was carried out with the
    household met; 39,12 € (`dsf_closed_door`) on the day of the second closed-door attempt
    (fewer than 2 attempts: not paid yet, None); 0 € with a reason when the information was
    collected without meeting the household, or when an ASLL of the household is in force
    that day. None for a DSF not carried out, or a measure that is not a DSF.

    One DSF at a time scans the caseload; to pay many, index the ASLL once with
    `asll_by_household` and call `payment_of` (as `dsf_lines` does)."""
    household_asll = (m for m in caseload.measures
                      if m.type is MeasureType.ASLL and m.household == measure.household)
    return payment_of(measure, household_asll, caseload.tariffs)


def payment_of(measure: Measure, household_asll: Iterable[Measure],
               tariffs: list[Tariff]) -> DsfPayment | None:
    """`dsf_payment` given the ASLL measures of the DSF's household."""
    paid = _paid(measure)
    if paid is None:
        return None
    day, closed_door = paid
    if measure.outcome is DsfOutcome.SANS_RENCONTRE:
        return DsfPayment(day, False, ZERO, NOT_MET_REASON)
    asll = followed_in_asll(household_asll, day)
    if asll is not None:
        return DsfPayment(day, closed_door, ZERO, _asll_reason(asll, day))
    tariff = tariff_on(tariffs, day)
    amount: Decimal = tariff.dsf_closed_door if closed_door else tariff.dsf_done
    return DsfPayment(day, closed_door, round_cents(amount), None)


def dsf_lines(caseload: Caseload, month: Month, tariffs: list[Tariff]) -> Iterator[PointLine]:
    """The DSF lines of `month`: each payment of P6 whose day falls in the month."""
    aslls = asll_by_household(caseload.measures)
    for measure in caseload.measures:
        if measure.type is not MeasureType.DSF:
            continue
        payment = payment_of(measure, aslls.get(measure.household, []), tariffs)
        if payment is None or Month.of(payment.on) != month:
            continue
        yield PointLine(measure=measure.id, home=None, household=measure.household,
                        referent=measure.referent, type=MeasureType.DSF, item=DSF, points=0,
                        days=None, amount=payment.amount, reason=payment.reason)
