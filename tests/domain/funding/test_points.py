"""P1–P4: monthly points of ASLL and AML, CET not signed, ASLL diagnosis, point value."""

from __future__ import annotations

from desktop_app.domain.model import Contract, MeasureType, Suspension, SuspensionReason
from tests.domain.funding.builders import (
    RENFORCE,
    SIMPLE,
    D,
    caseload,
    lines,
    measure,
    month,
    period,
    summary,
)

ASLL, AML = MeasureType.ASLL, MeasureType.AML


def suspension(start: D, end: D | None) -> Suspension:
    return Suspension(start, end, SuspensionReason.HOSPITALISATION)


def test_started_month_counts_even_from_the_31st() -> None:
    load = caseload(measure("m1", ASLL, period(D(2025, 10, 31), D(2026, 4, 30), SIMPLE)),
                    measure("m2", AML, period(D(2025, 10, 31), D(2026, 7, 30), RENFORCE)))
    # In force on 31/10 only: a started month earns its points (P1). AML renforce 2 × 85,95.
    assert summary(load, "2025-10") == [("m2", None, "mensuel", 2, None, "171.90"),
                                        ("m1", None, "mensuel", 1, None, "85.95")]
    assert lines(load, "2025-09") == []


def test_last_day_of_the_last_period_and_the_closing_date() -> None:
    asll = measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31)), closed_on=D(2025, 11, 1))
    load = caseload(asll)
    # Closed on 01/11: November still has one day in force → 1 point; December none.
    assert summary(load, "2025-11") == [("m1", None, "mensuel", 1, None, "85.95")]
    assert lines(load, "2025-12") == []


def test_suspension_of_the_whole_month_earns_nothing_part_of_it_earns_the_month() -> None:
    def october(*suspensions: Suspension) -> list[tuple[object, ...]]:
        asll = measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31), RENFORCE),
                       suspensions=list(suspensions))
        return [(x.item, x.points, str(x.amount)) for x in lines(caseload(asll), "2025-10")]

    # 01/10–31/10 suspended: not one active day → no line.
    assert october(suspension(D(2025, 10, 1), D(2025, 10, 31))) == []
    # Two suspensions covering 15/09–20/10 and 21/10–05/11: every October day covered.
    assert october(suspension(D(2025, 9, 15), D(2025, 10, 20)),
                   suspension(D(2025, 10, 21), D(2025, 11, 5))) == []
    # 01/10–30/10: 31/10 is active → the month's 2 points (renforce), 171,90 €.
    assert october(suspension(D(2025, 10, 1), D(2025, 10, 30))) == [("mensuel", 2, "171.90")]
    # An open suspension from 02/10: 01/10 is active → 2 points.
    assert october(suspension(D(2025, 10, 2), None)) == [("mensuel", 2, "171.90")]
    # An open suspension from 01/09 runs until further notice: nothing in October.
    assert october(suspension(D(2025, 9, 1), None)) == []


def test_level_of_the_first_active_day() -> None:
    periods = (period(D(2025, 7, 1), D(2025, 10, 15), SIMPLE),
               period(D(2025, 10, 16), D(2026, 4, 15), RENFORCE))
    # October: first active day 01/10, simple → 1 point; November: renforce → 2 points.
    load = caseload(measure("m1", ASLL, *periods))
    assert summary(load, "2025-10") == [("m1", None, "mensuel", 1, None, "85.95")]
    assert summary(load, "2025-11") == [("m1", None, "mensuel", 2, None, "171.90")]
    # Suspended 01/10–20/10: first active day 21/10, in the renforce period → 2 points.
    suspended = measure("m1", ASLL, *periods,
                        suspensions=[suspension(D(2025, 10, 1), D(2025, 10, 20))])
    assert summary(caseload(suspended), "2025-10") == [("m1", None, "mensuel", 2, None,
                                                        "171.90")]
    # AML going from renforce down to simple on 16/10: October at the level of 01/10 → 2.
    aml = measure("m2", AML, period(D(2025, 7, 1), D(2025, 10, 15), RENFORCE),
                  period(D(2025, 10, 16), D(2026, 3, 31), SIMPLE))
    assert summary(caseload(aml), "2025-10") == [("m2", None, "mensuel", 2, None, "171.90")]


def test_cet_not_signed_earns_one_point_once_and_no_monthly_points() -> None:
    asll = measure("m1", ASLL, period(D(2025, 9, 1), D(2026, 2, 28), RENFORCE),
                   contract=Contract(not_signed_on=D(2025, 10, 7)))
    load = caseload(asll)
    # P2: 1 point × 85,95 in October (month of the finding), nothing before or after.
    assert summary(load, "2025-10") == [("m1", None, "cet_non_signe", 1, None, "85.95")]
    assert lines(load, "2025-09") == []
    assert lines(load, "2025-11") == []
    # A signed contract: the usual monthly points (renforce: 2).
    signed = measure("m1", ASLL, period(D(2025, 9, 1), D(2026, 2, 28), RENFORCE),
                     contract=Contract(signed_on=D(2025, 9, 3)))
    assert summary(caseload(signed), "2025-10") == [("m1", None, "mensuel", 2, None, "171.90")]
    # P2 is about ASLL only: an AML with such a contract keeps its monthly point.
    aml = measure("m2", AML, period(D(2025, 9, 1), D(2026, 5, 31)),
                  contract=Contract(not_signed_on=D(2025, 10, 7)))
    assert summary(caseload(aml), "2025-10") == [("m2", None, "mensuel", 1, None, "85.95")]


def test_diagnosis_earns_two_points_in_the_month_it_was_carried_out() -> None:
    diag = measure("m7", MeasureType.ASLL_DIAG, done_on=D(2025, 11, 30), referent="w2")
    load = caseload(diag)
    # P3: 2 × 85,95 = 171,90 in November, the month of 30/11; nothing in December.
    assert [(x.measure, x.household, x.referent, x.type, x.item, x.points, str(x.amount))
            for x in lines(load, "2025-11")] == [
        ("m7", "h7", "w2", MeasureType.ASLL_DIAG, "diagnostic", 2, "171.90")]
    assert lines(load, "2025-12") == []
    # Not carried out yet: nothing.
    assert lines(caseload(measure("m8", MeasureType.ASLL_DIAG)), "2025-11") == []


def test_points_per_month_and_totals() -> None:
    load = caseload(
        measure("m1", ASLL, period(D(2025, 7, 1), D(2025, 12, 31), RENFORCE)),
        measure("m2", AML, period(D(2025, 7, 1), D(2026, 3, 31), SIMPLE)),
        measure("m3", MeasureType.ASLL_DIAG, done_on=D(2025, 9, 12)),
        measure("m4", ASLL, period(D(2025, 9, 1), D(2026, 2, 28)),
                contract=Contract(not_signed_on=D(2025, 9, 22))),
    )
    result = month(load, "2025-09")
    # 2 (m1) + 1 (m2) + 2 (m3) + 1 (m4) = 6 points; 6 × 85,95 = 515,70 €.
    assert (result.points, str(result.amount)) == (6, "515.70")
    # ASLL: 2 + 1 = 3 points, 257,85; AML 1, 85,95; ASLL_DIAG 2, 171,90; FAL, DSF 0.
    assert {t.value: (v.points, str(v.amount)) for t, v in result.by_type.items()} == {
        "AML": (1, "85.95"), "ASLL": (3, "257.85"), "ASLL_DIAG": (2, "171.90"),
        "DSF": (0, "0.00"), "FAL": (0, "0.00")}
    # Lines by type (plain string order: AML < ASLL < ASLL_DIAG), then measure id.
    assert [(x.type.value, x.measure) for x in result.lines] == [
        ("AML", "m2"), ("ASLL", "m1"), ("ASLL", "m4"), ("ASLL_DIAG", "m3")]


def test_measure_without_period_earns_nothing() -> None:
    # An AML with only an agreement in principle (no period yet) is not in force.
    assert lines(caseload(measure("m5", AML, agreement_on=D(2025, 4, 20))), "2025-10") == []
