"""`quota_points`, `quota_fal` (Q1, Q2) and `convention` (Q3), on the funding engine's figures."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Alert, Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Association,
    Caseload,
    Convention,
    DsfOutcome,
    Level,
    Measure,
    MeasureType,
    VisitOutcome,
)
from tests.domain.alerts.builders import alerts, caseload, measure, period, visit, worker

D = date
ON = D(2025, 10, 15)
OCT = Month(2025, 10)
WHOLE = (D(2025, 7, 1), D(2025, 12, 31))


def asll(mid: str, referent: str = "w1", level: Level = Level.RENFORCE) -> Measure:
    return measure(mid, MeasureType.ASLL, period(*WHOLE, level), household=f"h{mid}",
                   referent=referent)


FAL_START, FAL_END = D(2025, 7, 1), D(2026, 6, 30)


def fal(mid: str, start: date = FAL_START, end: date = FAL_END) -> Measure:
    return measure(mid, MeasureType.FAL, period(start, end, None), household=f"h{mid}")


def shown(found: list[Alert]) -> list[tuple[str, str | None, Month | None, Severity]]:
    return [(a.code, a.worker, a.month, a.severity) for a in found
            if a.code in ("quota_points", "quota_fal")]


def test_points_above_50_per_fte_association_breach_and_worker_to_do() -> None:
    # w1 at 0.1 ETP: limit 5 points; three ASLL renforce in force all October: 3 × 2 = 6.
    load = caseload(asll("m1"), asll("m2"), asll("m3"), workers=[worker("w1", fte=0.1)])
    found = alerts(load, ON)
    assert shown(found) == [
        ("quota_points", None, OCT, Severity.MANQUEMENT),
        ("quota_points", "w1", OCT, Severity.A_FAIRE),
    ]
    worker_alert = next(a for a in found if a.code == "quota_points" and a.worker == "w1")
    assert worker_alert.measure is None and worker_alert.household is None
    assert worker_alert.due is None and "6 points" in worker_alert.message


def test_a_worker_above_their_own_limit_while_the_association_is_not() -> None:
    # w1 1 ETP (50), w2 0.02 ETP (limit 1,0) referent of one ASLL renforce: 2 points > 1.
    # Association: 2 points ≤ 50 × 1.02 = 51.
    load = caseload(asll("m1", referent="w2"),
                    workers=[worker("w1", fte=1.0), worker("w2", fte=0.02)])
    assert shown(alerts(load, ON)) == [("quota_points", "w2", OCT, Severity.A_FAIRE)]
    # Exactly at the limit is allowed: a simple ASLL is 1 point = 50 × 0.02.
    at_limit = caseload(asll("m1", referent="w2", level=Level.SIMPLE),
                        workers=[worker("w1", fte=1.0), worker("w2", fte=0.02)])
    assert shown(alerts(at_limit, ON)) == []


def test_fal_above_30_per_fte() -> None:
    # w1 at 0.05 ETP: 30 × 0.05 = 1.5 FAL; two FAL in force in October: 2 > 1.5.
    load = caseload(fal("m1"), fal("m2"), workers=[worker("w1", fte=0.05)])
    assert [s for s in shown(alerts(load, ON)) if s[0] == "quota_fal"] == [
        ("quota_fal", None, OCT, Severity.MANQUEMENT),
        ("quota_fal", "w1", OCT, Severity.A_FAIRE),
    ]


def _convention(**figures: int) -> Association:
    agreed = {"asll_points_per_month": 50, "aml_points_per_month": 50, "fal_count": 50,
              "dsf_count": 50, "dsf_closed_door_count": 50} | figures
    return Association("A", conventions=[Convention(
        2025, agreed["asll_points_per_month"], agreed["aml_points_per_month"],
        agreed["fal_count"], agreed["dsf_count"], agreed["dsf_closed_door_count"])])


def convention_messages(load: Caseload, on: date = ON) -> list[str]:
    # Over-activity is unpaid work, not a failure: always `information`, never `manquement`.
    found = [a for a in alerts(load, on) if a.code == "convention"]
    assert all((a.month, a.due, a.severity, a.measure, a.worker, a.household)
               == (Month.of(on), None, Severity.INFORMATION, None, None, None) for a in found)
    return [a.message for a in found]


def test_convention_monthly_points_asll_and_aml() -> None:
    # October: ASLL 2 renforce = 4 points > 3 agreed; AML 1 renforce = 2 points > 1 agreed.
    load = caseload(asll("m1"), asll("m2"),
                    measure("m3", MeasureType.AML, period(*WHOLE, Level.RENFORCE),
                            household="h3"),
                    association=_convention(asll_points_per_month=3, aml_points_per_month=1))
    messages = convention_messages(load)
    assert len(messages) == 2
    assert messages[0].startswith("4 points ASLL en octobre 2025 pour 3")
    assert messages[1].startswith("2 points AML en octobre 2025 pour 1")
    equal = caseload(asll("m1"), asll("m2"), association=_convention(asll_points_per_month=4))
    assert convention_messages(equal) == []


def test_convention_fal_in_force_since_1_january() -> None:
    # One FAL ended 31/03/2025, one in force, one ended 31/12/2024: 2 since 01/01 > 1.
    load = caseload(fal("m1", D(2024, 4, 1), D(2025, 3, 31)), fal("m2"),
                    fal("m3", D(2024, 1, 1), D(2024, 12, 31)),
                    association=_convention(fal_count=1))
    assert [m.split(" pour")[0] for m in convention_messages(load)] == [
        "2 FAL depuis le 1er janvier 2025"]


def test_convention_dsf_done_and_closed_doors_since_1_january() -> None:
    def dsf(mid: str, done: date, outcome: DsfOutcome = DsfOutcome.REALISE) -> Measure:
        return measure(mid, MeasureType.DSF, household=f"h{mid}", outcome=outcome,
                       done_on=done)

    closed = measure("m9", MeasureType.DSF, household="h9", outcome=DsfOutcome.PORTE_CLOSE,
                     visits=[visit(D(2025, 3, 3), VisitOutcome.PORTE_CLOSE),
                             visit(D(2025, 3, 10), VisitOutcome.PORTE_CLOSE_JUSTIFIEE)])
    one_attempt = measure("m8", MeasureType.DSF, household="h8", outcome=DsfOutcome.PORTE_CLOSE,
                          visits=[visit(D(2025, 3, 3), VisitOutcome.PORTE_CLOSE)])
    # Counted: m1 (02/01/2025), m2 (15/10/2025, the day itself) → 2 > 1; not m3 (2024), not
    # m4 (after the day), not m5 (met nobody). Closed doors: m9 (2 attempts) → 1 > 0; m8 has
    # only one attempt.
    load = caseload(dsf("m1", D(2025, 1, 2)), dsf("m2", ON), dsf("m3", D(2024, 12, 30)),
                    dsf("m4", D(2025, 10, 16)), dsf("m5", D(2025, 5, 5), DsfOutcome.SANS_RENCONTRE),
                    closed, one_attempt,
                    association=_convention(dsf_count=1, dsf_closed_door_count=0))
    assert [m.split(" pour")[0] for m in convention_messages(load)] == [
        "2 DSF réalisés depuis le 1er janvier 2025",
        "1 DSF portes closes depuis le 1er janvier 2025",
    ]


def test_no_convention_for_the_year_no_comparison() -> None:
    load = caseload(asll("m1"), association=_convention(asll_points_per_month=0))
    assert convention_messages(load, D(2026, 1, 15)) == []  # convention of 2025 only
    assert len(convention_messages(load)) == 1
