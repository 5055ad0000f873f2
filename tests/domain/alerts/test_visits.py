"""`frequence_visites` and `aml_indisponible`: home visits per calendar month."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.alerts import Alert, Severity
from desktop_app.domain.alerts.alert import VisitCount
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Level,
    MeasureType,
    PeriodKind,
    Suspension,
    SuspensionReason,
    VisitOutcome,
    VisitPlace,
)
from tests.domain.alerts.builders import alerts, caseload, measure, period, visit

D = date
FREQ = "frequence_visites"
AML_OFF = "aml_indisponible"
H2 = period(D(2025, 7, 1), D(2025, 12, 31))


def summary(found: list[Alert]) -> list[tuple[str | None, str | None, date | None, str]]:
    return [(a.measure, str(a.month), a.due, a.severity) for a in found]


def test_asll_simple_one_visit_a_month_previous_breach_and_current_due() -> None:
    # Sept: no visit (1 needed) → breach for 2025-09, no due. Oct: none so far on 05/10 →
    # due 31/10, 26 days ahead → a_venir.
    load = caseload(measure("m1", MeasureType.ASLL, H2, visits=[visit(D(2025, 8, 12))]))
    assert summary(alerts(load, D(2025, 10, 5), FREQ)) == [
        ("m1", "2025-10", D(2025, 10, 31), Severity.A_VENIR),
        ("m1", "2025-09", None, Severity.MANQUEMENT),
    ]
    found = alerts(load, D(2025, 10, 5), FREQ)
    assert found[0].month == Month(2025, 10) and "31/10/2025" in found[0].message
    # From 24/10 (7 days before 31/10) the current month is due now.
    assert alerts(load, D(2025, 10, 24), FREQ)[0].severity is Severity.A_FAIRE


def test_renforce_needs_two_and_only_home_visits_held_count() -> None:
    renforce = period(D(2025, 7, 1), D(2025, 12, 31), Level.RENFORCE)
    # September: one held at home, one at the office, one closed door → 1 < 2: breach.
    # October: two held at home by 05/10 → nothing for the current month.
    load = caseload(measure("m1", MeasureType.ASLL, renforce, visits=[
        visit(D(2025, 9, 3)), visit(D(2025, 9, 10), place=VisitPlace.BUREAU),
        visit(D(2025, 9, 17), VisitOutcome.PORTE_CLOSE),
        visit(D(2025, 10, 1)), visit(D(2025, 10, 3)),
    ]))
    assert summary(alerts(load, D(2025, 10, 5), FREQ)) == [
        ("m1", "2025-09", None, Severity.MANQUEMENT)]


def test_aml_and_fal_need_two_whatever_the_level() -> None:
    one_each = [visit(D(2025, 9, 3)), visit(D(2025, 10, 2))]
    for mtype in (MeasureType.AML, MeasureType.FAL):
        load = caseload(measure("m1", mtype, period(D(2025, 7, 1), D(2026, 3, 31), Level.SIMPLE),
                                visits=list(one_each)))
        assert summary(alerts(load, D(2025, 10, 5), FREQ)) == [
            ("m1", "2025-10", D(2025, 10, 31), Severity.A_VENIR),
            ("m1", "2025-09", None, Severity.MANQUEMENT),
        ]


def test_a_suspension_covering_part_of_a_month_skips_that_month() -> None:
    # Suspended 10/09 → 20/09: September is not checked; October is (no visit yet).
    load = caseload(measure("m1", MeasureType.ASLL, H2, suspensions=[
        Suspension(D(2025, 9, 10), D(2025, 9, 20), SuspensionReason.HOSPITALISATION)]))
    assert summary(alerts(load, D(2025, 10, 5), FREQ)) == [
        ("m1", "2025-10", D(2025, 10, 31), Severity.A_VENIR)]
    # A suspension still open on 05/10 (no end): neither month is checked.
    load.measures[0].suspensions[0].end = None
    assert alerts(load, D(2025, 10, 5), FREQ) == []
    # One day of suspension on the last day of September is enough to skip it.
    load.measures[0].suspensions[0] = Suspension(D(2025, 9, 30), D(2025, 9, 30),
                                                 SuspensionReason.AUTRE)
    assert [a.month for a in alerts(load, D(2025, 10, 5), FREQ)] == [Month(2025, 10)]


def test_a_month_partly_in_force_is_not_checked() -> None:
    # Starts 15/07: July not checked on 05/08; August (whole) is, due 31/08.
    load = caseload(measure("m1", MeasureType.AML, period(D(2025, 7, 15), D(2026, 4, 14))))
    assert summary(alerts(load, D(2025, 8, 5), FREQ)) == [
        ("m1", "2025-08", D(2025, 8, 31), Severity.A_VENIR)]
    # Ends 20/10: October not checked on 05/10; September is.
    ending = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 10, 20))))
    assert summary(alerts(ending, D(2025, 10, 5), FREQ)) == [
        ("m1", "2025-09", None, Severity.MANQUEMENT)]


def test_the_level_of_the_months_first_day_decides() -> None:
    # simple until 30/09, renforce from 01/10: October needs 2; one held → current alert.
    load = caseload(measure(
        "m1", MeasureType.ASLL,
        period(D(2025, 4, 1), D(2025, 9, 30), Level.SIMPLE),
        period(D(2025, 10, 1), D(2026, 3, 31), Level.RENFORCE, PeriodKind.RENOUVELLEMENT),
        visits=[visit(D(2025, 9, 2)), visit(D(2025, 10, 2))]))
    found = alerts(load, D(2025, 10, 5), FREQ)
    assert summary(found) == [("m1", "2025-10", D(2025, 10, 31), Severity.A_VENIR)]
    assert "Faire 1 visite" in found[0].message


def test_visits_after_the_day_do_not_count_and_closed_or_ended_measures_stop() -> None:
    load = caseload(measure("m1", MeasureType.ASLL, H2,
                            visits=[visit(D(2025, 9, 2)), visit(D(2025, 10, 20))]))
    assert [a.month for a in alerts(load, D(2025, 10, 5), FREQ)] == [Month(2025, 10)]
    assert alerts(load, D(2025, 10, 20), FREQ) == []
    load.measures[0].closed_on = D(2025, 10, 5)
    assert alerts(load, D(2025, 10, 5), FREQ) == []
    ended = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 4, 1), D(2025, 9, 30))))
    assert alerts(ended, D(2025, 10, 5), FREQ) == []  # September empty, but not in force


def test_aml_two_empty_months_in_a_row_must_end() -> None:
    # AML from 01/07/2025: visits in July only. On 05/10: August and September empty → one
    # breach (the latest pair), no due, no month.
    aml = measure("m1", MeasureType.AML, period(D(2025, 7, 1), D(2026, 3, 31)),
                  visits=[visit(D(2025, 7, 3)), visit(D(2025, 7, 20))])
    found = alerts(caseload(aml), D(2025, 10, 5), AML_OFF)
    assert [(a.measure, a.due, a.month, a.severity) for a in found] == [
        ("m1", None, None, Severity.MANQUEMENT)]
    assert "août 2025" in found[0].message and "septembre 2025" in found[0].message
    # On 30/09 September is not over: August alone is not enough.
    assert alerts(caseload(aml), D(2025, 9, 30), AML_OFF) == []


def test_aml_unavailable_needs_both_months_fully_active_and_no_home_visit() -> None:
    aml = measure("m1", MeasureType.AML, period(D(2025, 7, 1), D(2026, 3, 31)),
                  visits=[visit(D(2025, 7, 3)), visit(D(2025, 9, 5), place=VisitPlace.BUREAU)],
                  suspensions=[Suspension(D(2025, 8, 31), D(2025, 8, 31),
                                          SuspensionReason.AUTRE)])
    # August suspended one day → only (September, October) can pair, from November.
    assert alerts(caseload(aml), D(2025, 10, 31), AML_OFF) == []
    assert len(alerts(caseload(aml), D(2025, 11, 1), AML_OFF)) == 1
    # Starting 15/07: July is not fully in force; (Aug, Sep) without suspension would pair.
    late = measure("m1", MeasureType.AML, period(D(2025, 7, 15), D(2026, 4, 14)))
    assert alerts(caseload(late), D(2025, 9, 30), AML_OFF) == []  # (Jul, Aug): July partial
    assert len(alerts(caseload(late), D(2025, 10, 1), AML_OFF)) == 1
    # Only AML.
    asll = measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)))
    assert alerts(caseload(asll), D(2025, 11, 1), AML_OFF) == []


def test_whole_month_activity_agrees_with_active_on_day_by_day() -> None:
    # The view's interval shortcut must say exactly what `active_on` says on every day.
    from desktop_app.domain.alerts.context import MeasureView
    from desktop_app.domain.measure_facts import active_on

    bounds = [D(2025, 8, 31), D(2025, 9, 1), D(2025, 9, 15), D(2025, 9, 30), D(2025, 10, 1)]
    september = Month(2025, 9)
    for start in bounds:
        for end in bounds:
            if end < start:
                continue
            for suspension in (None, (D(2025, 9, 30), D(2025, 9, 30)), (D(2025, 8, 1), None),
                               (D(2025, 10, 1), None)):
                m = measure("m1", MeasureType.ASLL, period(start, end))
                if suspension is not None:
                    m.suspensions = [Suspension(suspension[0], suspension[1],
                                                  SuspensionReason.AUTRE)]
                expected = all(active_on(m, d) for d in september.days_iter())
                assert MeasureView.of(m, D(2025, 9, 15)).active_whole_month(september) is expected


def test_the_alert_carries_the_visits_it_counted() -> None:
    # ASLL renforce from 01/07: September one home visit (+ one at the office, not counted)
    # → breach with 1 held for 2; October, on 15/10, one home visit (the 20/10 one is after
    # the day) → 1 held for 2, due 31/10.
    renforce = period(D(2025, 7, 1), D(2025, 12, 31), Level.RENFORCE)
    load = caseload(measure("m1", MeasureType.ASLL, renforce, visits=[
        visit(D(2025, 9, 3)), visit(D(2025, 9, 10), place=VisitPlace.BUREAU),
        visit(D(2025, 10, 2)), visit(D(2025, 10, 20)),
    ]))
    current, previous = alerts(load, D(2025, 10, 15), FREQ)
    assert (current.month, current.visits) == (Month(2025, 10), VisitCount(1, 2, Level.RENFORCE))
    assert (previous.month, previous.visits) == (Month(2025, 9), VisitCount(1, 2, Level.RENFORCE))
    # The count is no part of the alert's identity: the same alert without it is equal.
    assert current == replace(current, visits=None)
    # ASLL simple, nothing held in October on 31/10 (the month's last day): 0 of 1.
    simple = caseload(measure("m1", MeasureType.ASLL, H2))
    assert alerts(simple, D(2025, 10, 31), FREQ)[0].visits == VisitCount(0, 1, Level.SIMPLE)
    # Another code carries none.
    aml = caseload(measure("m1", MeasureType.AML, period(D(2025, 1, 1), D(2025, 9, 30))))
    assert [a.visits for a in alerts(aml, D(2025, 8, 5), AML_OFF)] == [None]
