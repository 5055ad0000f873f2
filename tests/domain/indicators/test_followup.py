"""Visits, final reports, suspensions, renewals and CET of a year (worked out by hand)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.indicators import TypeIndicators
from desktop_app.domain.indicators.followup import fill_followup
from desktop_app.domain.model import (
    Contract,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from tests.domain.indicators.builders import measure

D = date


def followup(*measures: Measure, year: int = 2025) -> TypeIndicators:
    ind = TypeIndicators(measures[0].type)
    fill_followup(ind, list(measures), year)
    return ind


def test_visits_of_the_year_by_outcome() -> None:
    visits = [
        Visit(D(2024, 12, 31), VisitOutcome.REALISEE, VisitPlace.DOMICILE),  # 2024: not counted
        Visit(D(2025, 1, 1), VisitOutcome.REALISEE, VisitPlace.DOMICILE),
        Visit(D(2025, 2, 3), VisitOutcome.REALISEE, VisitPlace.BUREAU),
        Visit(D(2025, 3, 3), VisitOutcome.PORTE_CLOSE),
        Visit(D(2025, 3, 10), VisitOutcome.PORTE_CLOSE_JUSTIFIEE),
        Visit(D(2025, 4, 1), VisitOutcome.ANNULEE),
        Visit(D(2025, 12, 31), VisitOutcome.REALISEE, VisitPlace.DOMICILE),
    ]
    m = measure("a", MeasureType.ASLL, "h1", (D(2024, 10, 1), D(2025, 12, 31)), visits=visits)
    ind = followup(m)
    # held: 01/01, 03/02, 31/12 = 3, of which at home 01/01 and 31/12 = 2
    assert (ind.visits_held, ind.home_visits) == (3, 2)
    assert (ind.closed_doors, ind.closed_doors_justified, ind.cancelled_visits) == (1, 1, 1)


def test_final_reports_on_time_late_missing_unsigned() -> None:
    # Rule bilan_final: due 1 month before the period ends, clamped to the month's end.
    # a: period ends 31/03/2025 → due 28/02/2025; sent 28/02 (on time), unsigned.
    a = measure("a", MeasureType.ASLL, "h1", (D(2024, 10, 1), D(2025, 3, 31)),
                reports=[Report(ReportKind.FINAL, D(2025, 3, 31), D(2025, 2, 28), False)])
    # b: ends 30/06/2025 → due 30/05/2025; sent 31/05 (late), signed.
    b = measure("b", MeasureType.ASLL, "h2", (D(2025, 1, 1), D(2025, 6, 30)),
                reports=[Report(ReportKind.FINAL, D(2025, 6, 30), D(2025, 5, 31), True)])
    # c: ends 30/09/2025, nothing sent → missing; its intermediate report does not count.
    c = measure("c", MeasureType.ASLL, "h3", (D(2025, 4, 1), D(2025, 9, 30)),
                reports=[Report(ReportKind.INTERMEDIAIRE, D(2025, 9, 30), D(2025, 7, 1))])
    # d: ends 30/11/2025 but closed 10/10/2025, before the due day 30/10: nothing asked.
    d = measure("d", MeasureType.ASLL, "h4", (D(2025, 6, 1), D(2025, 11, 30)),
                closed_on=D(2025, 10, 10))
    # e: ends 31/03/2026: not a period of 2025.
    e = measure("e", MeasureType.ASLL, "h5", (D(2025, 10, 1), D(2026, 3, 31)))
    # f: sent unsigned 01/11 then signed 05/11 for the period ending 31/12/2025 (due 30/11):
    # on time (first sending), not unsigned any more.
    f = measure("f", MeasureType.ASLL, "h6", (D(2025, 7, 1), D(2025, 12, 31)),
                reports=[Report(ReportKind.FINAL, D(2025, 12, 31), D(2025, 11, 1), False),
                         Report(ReportKind.FINAL, D(2025, 12, 31), D(2025, 11, 5), True)])
    ind = followup(a, b, c, d, e, f)
    assert ind.final_reports_due == 4  # a, b, c, f
    assert (ind.final_reports_on_time, ind.final_reports_late) == (2, 1)  # a, f ; b
    assert (ind.final_reports_missing, ind.final_reports_unsigned) == (1, 1)  # c ; a


def test_final_report_due_on_29_february_of_a_leap_year() -> None:
    # Period ending 31/03/2028 → due 29/02/2028; sent 29/02 is on time, 01/03 would be late.
    on_time = measure("a", MeasureType.AML, "h1", (D(2027, 7, 1), D(2028, 3, 31)),
                      reports=[Report(ReportKind.FINAL, D(2028, 3, 31), D(2028, 2, 29), True)])
    late = measure("b", MeasureType.AML, "h2", (D(2027, 7, 1), D(2028, 3, 31)),
                   reports=[Report(ReportKind.FINAL, D(2028, 3, 31), D(2028, 3, 1), True)])
    ind = followup(on_time, late, year=2028)
    assert (ind.final_reports_on_time, ind.final_reports_late) == (1, 1)


def test_fal_has_no_final_report_count() -> None:
    m = measure("a", MeasureType.FAL, "h1", (D(2025, 1, 1), D(2025, 12, 31)))
    assert followup(m).final_reports_due == 0


def test_suspensions_renewals_and_cet_not_signed_of_the_year() -> None:
    m = measure("a", MeasureType.ASLL, "h1", (D(2024, 7, 1), D(2024, 12, 31)),
                (D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 12, 31)),
                suspensions=[Suspension(D(2024, 11, 1), D(2025, 1, 10),
                                        SuspensionReason.HOSPITALISATION),
                             Suspension(D(2025, 3, 1), None, SuspensionReason.INCARCERATION)])
    m.periods.append(Period(D(2026, 1, 1), D(2026, 3, 31), None, PeriodKind.EXCEPTIONNELLE))
    # suspensions starting in 2025: 1 (01/03); renewals starting in 2025: 2 (01/01, 01/07)
    ind = followup(m)
    assert (ind.suspensions, ind.renewals, ind.exceptional_periods) == (1, 2, 0)
    assert followup(m, year=2026).exceptional_periods == 1
    p2 = measure("b", MeasureType.ASLL, "h2", contract=Contract(not_signed_on=D(2025, 12, 31)))
    assert followup(p2).cet_not_signed == 1 and followup(p2, year=2026).cet_not_signed == 0
