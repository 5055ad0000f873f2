"""`bilan_final` and `bilan_non_signe`."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import MeasureType, Report, ReportKind
from tests.domain.alerts.builders import alerts, caseload, dues, measure, period

D = date
FINAL = "bilan_final"
UNSIGNED = "bilan_non_signe"


@pytest.mark.parametrize(("end", "due", "raised"), [
    # Period ending 31/03/2026: due 28/02/2026 (clamped), raised 30 days before: 29/01/2026.
    (D(2026, 3, 31), D(2026, 2, 28), D(2026, 1, 29)),
    # 2028 is a leap year: due 29/02/2028, raised 30/01/2028.
    (D(2028, 3, 31), D(2028, 2, 29), D(2028, 1, 30)),
    # Period ending 15/12/2025: due 15/11/2025, raised 16/10/2025.
    (D(2025, 12, 15), D(2025, 11, 15), D(2025, 10, 16)),
])
def test_final_report_due_one_month_before_the_end(end: date, due: date, raised: date) -> None:
    load = caseload(measure("m1", MeasureType.ASLL, period(D(end.year - 1, 10, 1), end)))
    assert alerts(load, raised.replace(day=raised.day - 1), FINAL) == []
    found = alerts(load, raised, FINAL)
    assert dues(found) == [due] and found[0].severity is Severity.A_VENIR  # 30 days ahead
    assert found[0].measure == "m1" and found[0].household == "h1" and found[0].worker == "w1"
    assert due.strftime("%d/%m/%Y") in found[0].message


def test_final_report_severities_and_persistence_after_the_period() -> None:
    load = caseload(measure("m1", MeasureType.AML, period(D(2025, 10, 1), D(2026, 3, 31))))
    assert alerts(load, D(2026, 2, 20), FINAL)[0].severity is Severity.A_VENIR  # 8 days left
    assert alerts(load, D(2026, 2, 21), FINAL)[0].severity is Severity.A_FAIRE  # 7 days left
    assert alerts(load, D(2026, 3, 1), FINAL)[0].severity is Severity.MANQUEMENT
    assert dues(alerts(load, D(2026, 6, 1), FINAL)) == [D(2026, 2, 28)]  # period over: still


def test_cleared_only_by_a_final_report_of_that_period_sent_on_or_before_the_day() -> None:
    end = D(2026, 3, 31)
    on = D(2026, 2, 25)

    def with_reports(*reports: Report) -> list[date | None]:
        load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 10, 1), end),
                                reports=list(reports)))
        return dues(alerts(load, on, FINAL))

    assert with_reports(Report(ReportKind.FINAL, end, D(2026, 2, 20), True)) == []
    assert with_reports(Report(ReportKind.FINAL, end, D(2026, 2, 26), True)) == [D(2026, 2, 28)]
    assert with_reports(Report(ReportKind.FINAL, end, None)) == [D(2026, 2, 28)]
    assert with_reports(Report(ReportKind.INTERMEDIAIRE, end, D(2026, 2, 1))) == [D(2026, 2, 28)]
    assert with_reports(Report(ReportKind.FINAL, D(2025, 12, 31), D(2026, 2, 1))) == [
        D(2026, 2, 28)]
    # An unsigned final report clears `bilan_final` (it is sent) but raises `bilan_non_signe`.
    assert with_reports(Report(ReportKind.FINAL, end, D(2026, 2, 20), False)) == []


def test_each_period_has_its_report_and_only_asll_aml() -> None:
    # Periods ending 31/12/2025 (due 30/11) and 30/06/2026 (due 30/05, raised 30/04).
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                            period(D(2026, 1, 1), D(2026, 6, 30))))
    assert dues(alerts(load, D(2026, 5, 1), FINAL)) == [D(2025, 11, 30), D(2026, 5, 30)]
    fal = caseload(measure("m1", MeasureType.FAL, period(D(2025, 7, 1), D(2025, 12, 31))))
    assert alerts(fal, D(2025, 12, 1), FINAL) == []
    load.measures[0].closed_on = D(2026, 4, 30)
    assert alerts(load, D(2026, 5, 1), FINAL) == []  # closed on or before the day


def test_unsigned_final_report_is_a_breach_until_a_signed_one_is_sent() -> None:
    end = D(2025, 12, 31)
    unsigned = Report(ReportKind.FINAL, end, D(2025, 11, 20), False)
    load = caseload(measure("m1", MeasureType.AML, period(D(2025, 7, 1), end),
                            reports=[unsigned]))
    assert alerts(load, D(2025, 11, 19), UNSIGNED) == []  # not sent yet on that day
    found = alerts(load, D(2025, 11, 20), UNSIGNED)
    assert [(a.measure, a.due, a.severity) for a in found] == [("m1", None, Severity.MANQUEMENT)]
    assert "signature" in found[0].message
    load.measures[0].reports.append(Report(ReportKind.FINAL, end, D(2025, 11, 27), True))
    assert len(alerts(load, D(2025, 11, 26), UNSIGNED)) == 1
    assert alerts(load, D(2025, 11, 27), UNSIGNED) == []
    signed = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), end),
                              reports=[Report(ReportKind.FINAL, end, D(2025, 11, 20), True)]))
    assert alerts(signed, D(2025, 12, 1), UNSIGNED) == []
