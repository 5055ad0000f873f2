"""P6: DSF paid when carried out with the household met, after 2 closed doors, or 0 with a
reason (household followed in ASLL that day, information collected without meeting)."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.funding import DsfPayment, dsf_payment
from desktop_app.domain.model import DsfOutcome, Measure, MeasureType, Visit, VisitOutcome
from tests.domain.funding.builders import D, caseload, lines, measure, period, summary

DSF, ASLL = MeasureType.DSF, MeasureType.ASLL


def dsf(outcome: DsfOutcome | None, done_on: D | None = None, *doors: D,
        household: str = "h4") -> Measure:
    return measure("m4", DSF, household=household, outcome=outcome, done_on=done_on,
                   visits=[Visit(d, VisitOutcome.PORTE_CLOSE) for d in doors])


def test_carried_out_with_the_household_met() -> None:
    m4 = dsf(DsfOutcome.REALISE, D(2025, 10, 8))
    load = caseload(m4)
    assert dsf_payment(m4, load) == DsfPayment(D(2025, 10, 8), False, Decimal("162.38"), None)
    assert summary(load, "2025-10") == [("m4", None, "dsf", 0, None, "162.38")]
    assert lines(load, "2025-09") == []
    # Not carried out yet (no date): nothing.
    assert dsf_payment(dsf(DsfOutcome.REALISE), caseload()) is None
    assert dsf_payment(dsf(None, D(2025, 10, 8)), caseload()) is None


def test_household_followed_in_asll_on_the_day_is_paid_0_with_a_reason() -> None:
    asll = measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31)), household="h4")
    m4 = dsf(DsfOutcome.REALISE, D(2025, 10, 8))
    load = caseload(asll, m4)
    payment = dsf_payment(m4, load)
    assert payment is not None and payment.amount == Decimal("0.00")
    # The ASLL named by its first day, no rule code, no internal id.
    assert payment.reason == ("Ménage suivi en ASLL par l'association le 08/10/2025 (ASLL "
                              "débutée le 01/07/2025) : le DSF n'est pas rémunéré.")
    dsf_line = lines(load, "2025-10")[-1]
    assert (dsf_line.measure, str(dsf_line.amount), dsf_line.reason) == (
        "m4", "0.00", payment.reason)
    # The ASLL ended on 30/09: not followed on 08/10 → 162,38.
    ended = measure("m1", ASLL, period(D(2025, 4, 1), D(2025, 9, 30)), household="h4")
    assert summary(caseload(ended, m4), "2025-10")[-1] == ("m4", None, "dsf", 0, None,
                                                           "162.38")
    # An ASLL of another household does not count.
    other = measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31)), household="h9")
    assert summary(caseload(other, m4), "2025-10")[-1][-1] == "162.38"


def test_information_collected_without_meeting_is_paid_0_with_a_reason() -> None:
    m4 = dsf(DsfOutcome.SANS_RENCONTRE, D(2025, 10, 15))
    (line,) = lines(caseload(m4), "2025-10")
    assert (line.item, line.points, str(line.amount)) == ("dsf", 0, "0.00")
    assert line.reason == ("Informations recueillies sans rencontrer le ménage : le DSF "
                           "n'est pas rémunéré.")


def test_closed_door_with_one_attempt_only_earns_nothing() -> None:
    m4 = dsf(DsfOutcome.PORTE_CLOSE, None, D(2025, 10, 28))
    load = caseload(m4)
    assert dsf_payment(m4, load) is None
    assert lines(load, "2025-10") == []
    assert lines(load, "2025-11") == []


def test_closed_door_paid_in_the_month_of_the_second_attempt() -> None:
    # Doors on 28/10 and 03/11 (justified closed door counts as an attempt): 39,12 in
    # November, nothing in October.
    m4 = measure("m4", DSF, household="h4", outcome=DsfOutcome.PORTE_CLOSE, visits=[
        Visit(D(2025, 10, 28), VisitOutcome.PORTE_CLOSE),
        Visit(D(2025, 10, 30), VisitOutcome.ANNULEE),
        Visit(D(2025, 11, 3), VisitOutcome.PORTE_CLOSE_JUSTIFIEE)])
    load = caseload(m4)
    assert dsf_payment(m4, load) == DsfPayment(D(2025, 11, 3), True, Decimal("39.12"), None)
    assert lines(load, "2025-10") == []
    assert summary(load, "2025-11") == [("m4", None, "dsf", 0, None, "39.12")]


def test_closed_doors_of_a_household_in_asll_on_the_second_attempt() -> None:
    # The ASLL starts on 01/11, between the two doors: followed on the second (03/11) → 0.
    asll = measure("m1", ASLL, period(D(2025, 11, 1), D(2026, 4, 30)), household="h4")
    m4 = dsf(DsfOutcome.PORTE_CLOSE, None, D(2025, 10, 28), D(2025, 11, 3))
    payment = dsf_payment(m4, caseload(asll, m4))
    assert payment is not None and payment.closed_door and payment.amount == Decimal("0.00")
    assert payment.reason is not None and "03/11/2025" in payment.reason


def test_not_a_dsf() -> None:
    asll = measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31)), done_on=D(2025, 9, 1))
    assert dsf_payment(asll, caseload(asll)) is None


def test_dsf_payment_sees_measures_added_to_the_caseload() -> None:
    # dsf_payment indexes the ASLL of a caseload once for all its DSF; a measure added later
    # must still count: 162,38 first, then 0 once an ASLL in force on 08/10 is added.
    m4 = dsf(DsfOutcome.REALISE, D(2025, 10, 8))
    load = caseload(m4)
    first = dsf_payment(m4, load)
    assert first is not None and first.amount == Decimal("162.38")
    load.measures.append(measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                                 household="h4"))
    second = dsf_payment(m4, load)
    assert second is not None and second.amount == Decimal("0.00")
