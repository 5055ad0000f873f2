"""`cet`, `dsf_transmission`, `accord_principe`."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import Contract, MeasureType, NotSignedReason
from tests.domain.alerts.builders import alerts, caseload, dues, measure, period

D = date


def test_cet_due_one_month_after_the_decision_raised_from_it() -> None:
    # Decision 14/11/2025 → due 14/12/2025 (example 2).
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 12, 1), D(2026, 5, 31)),
                            decision_date=D(2025, 11, 14)))
    assert alerts(load, D(2025, 11, 13), "cet") == []
    assert [(a.due, a.severity) for a in alerts(load, D(2025, 11, 14), "cet")] == [
        (D(2025, 12, 14), Severity.A_VENIR)]
    assert alerts(load, D(2025, 12, 7), "cet")[0].severity is Severity.A_FAIRE
    assert alerts(load, D(2025, 12, 15), "cet")[0].severity is Severity.MANQUEMENT
    # Decision 31/01/2026 → due 28/02/2026 (clamped).
    load.measures[0].decision_date = D(2026, 1, 31)
    assert dues(alerts(load, D(2026, 2, 1), "cet")) == [D(2026, 2, 28)]


def test_cet_cleared_when_sent_or_recorded_as_not_signed_on_or_before_the_day() -> None:
    on = D(2025, 12, 1)

    def cet_with(contract: Contract | None, mtype: MeasureType = MeasureType.ASLL) -> int:
        load = caseload(measure("m1", mtype, period(D(2025, 12, 1), D(2026, 5, 31)),
                                decision_date=D(2025, 11, 14), contract=contract))
        return len(alerts(load, on, "cet"))

    assert cet_with(Contract(signed_on=D(2025, 11, 20), sent_on=D(2025, 11, 25))) == 0
    assert cet_with(Contract(signed_on=D(2025, 11, 20))) == 1  # signed, not sent
    assert cet_with(Contract(sent_on=D(2025, 12, 2))) == 1  # sent after the day
    assert cet_with(Contract(not_signed_on=D(2025, 11, 28),
                             not_signed_reason=NotSignedReason.REFUS)) == 0
    assert cet_with(None, MeasureType.AML) == 0  # AML: the CTOP is signed at entry


def test_dsf_due_10_days_before_the_hearing_from_the_summons() -> None:
    # Hearing 12/01/2026 → due 02/01/2026 (example 2); summoned 01/12/2025.
    dsf = measure("m1", MeasureType.DSF, summoned_on=D(2025, 12, 1), hearing_on=D(2026, 1, 12))
    load = caseload(dsf)
    assert alerts(load, D(2025, 11, 30), "dsf_transmission") == []
    assert [(a.due, a.severity) for a in alerts(load, D(2025, 12, 1), "dsf_transmission")] == [
        (D(2026, 1, 2), Severity.A_VENIR)]
    assert alerts(load, D(2026, 1, 3), "dsf_transmission")[0].severity is Severity.MANQUEMENT
    dsf.transmitted_on = D(2025, 12, 20)
    assert len(alerts(load, D(2025, 12, 19), "dsf_transmission")) == 1
    assert alerts(load, D(2025, 12, 20), "dsf_transmission") == []


def test_dsf_without_summons_is_always_raised_and_without_hearing_never() -> None:
    # Hearing 05/03/2026 → due 23/02/2026 (28 February has 28 days: 5 − 10 → 23/02).
    load = caseload(measure("m1", MeasureType.DSF, hearing_on=D(2026, 3, 5)))
    assert dues(alerts(load, D(2025, 6, 1), "dsf_transmission")) == [D(2026, 2, 23)]
    assert alerts(caseload(measure("m1", MeasureType.DSF, summoned_on=D(2025, 6, 1))),
                  D(2025, 7, 1), "dsf_transmission") == []


def test_aml_agreement_valid_9_months_raised_from_its_last_month() -> None:
    # Agreement 20/04/2025 → due 20/01/2026 (example 2), raised from 20/12/2025.
    aml = measure("m1", MeasureType.AML, agreement_on=D(2025, 4, 20))
    load = caseload(aml)
    assert alerts(load, D(2025, 12, 19), "accord_principe") == []
    assert [(a.due, a.severity) for a in alerts(load, D(2025, 12, 20), "accord_principe")] == [
        (D(2026, 1, 20), Severity.A_VENIR)]
    assert alerts(load, D(2026, 1, 21), "accord_principe")[0].severity is Severity.MANQUEMENT
    # A period starting after the day does not clear it; one started on the day does.
    aml.periods = [period(D(2026, 1, 10), D(2026, 10, 9))]
    assert len(alerts(load, D(2026, 1, 9), "accord_principe")) == 1
    assert alerts(load, D(2026, 1, 10), "accord_principe") == []


def test_aml_agreement_clamped_to_the_months_end() -> None:
    # 31/05/2025 + 9 months → 28/02/2026; its last month starts 28/01/2026.
    load = caseload(measure("m1", MeasureType.AML, agreement_on=D(2025, 5, 31)))
    assert alerts(load, D(2026, 1, 27), "accord_principe") == []
    assert dues(alerts(load, D(2026, 1, 28), "accord_principe")) == [D(2026, 2, 28)]
