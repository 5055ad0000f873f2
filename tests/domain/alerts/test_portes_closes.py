"""`portes_closes`: 2 unjustified closed doors in a row, told to the SLISL in 5 working days."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import Caseload, MeasureType, Notice, NoticeKind, Visit, VisitOutcome
from tests.domain.alerts.builders import alerts, caseload, closed_door, dues, measure, period, visit

D = date
CODE = "portes_closes"
PERIOD = period(D(2025, 7, 1), D(2025, 12, 31))


def asll(*visits_: Visit, **fields: Any) -> Caseload:
    return caseload(measure("m1", MeasureType.ASLL, PERIOD, visits=list(visits_), **fields))


def test_second_door_before_11_november_is_due_5_working_days_later() -> None:
    # Doors Mon 03/11 and Fri 07/11/2025; 5 working days after 07/11: 10, (11 off), 12, 13,
    # 14, 17 → 17/11/2025. On 10/11: 7 days left → a_faire.
    load = asll(closed_door(D(2025, 11, 3)), closed_door(D(2025, 11, 7)))
    found = alerts(load, D(2025, 11, 10), CODE)
    assert dues(found) == [D(2025, 11, 17)]
    alert = found[0]
    assert (alert.measure, alert.household, alert.worker) == ("m1", "h1", "w1")
    assert alert.severity is Severity.A_FAIRE
    assert "17/11/2025" in alert.message and "SLISL" in alert.message
    # On 18/11 it is a breach.
    assert alerts(load, D(2025, 11, 18), CODE)[0].severity is Severity.MANQUEMENT


def test_one_door_is_no_alert_and_the_alert_starts_on_the_second_door() -> None:
    load = asll(closed_door(D(2025, 11, 3)), closed_door(D(2025, 11, 7)))
    assert alerts(load, D(2025, 11, 6), CODE) == []  # 2nd not yet


def test_three_closed_doors_in_a_row_raise_one_alert_dated_at_the_second() -> None:
    # Doors 02/09 (Tue), 09/09 (Tue), 16/09: one run; 5 working days after 09/09 → 16/09.
    load = asll(closed_door(D(2025, 9, 2)), closed_door(D(2025, 9, 9)),
                closed_door(D(2025, 9, 16)))
    assert dues(alerts(load, D(2025, 9, 20), CODE)) == [D(2025, 9, 16)]


def test_a_justified_closed_door_between_two_closed_doors_breaks_the_run() -> None:
    load = asll(closed_door(D(2025, 9, 2)),
                visit(D(2025, 9, 9), VisitOutcome.PORTE_CLOSE_JUSTIFIEE),
                closed_door(D(2025, 9, 16)))
    assert alerts(load, D(2025, 9, 20), CODE) == []


def test_a_held_visit_breaks_but_a_cancelled_one_does_not() -> None:
    held = asll(closed_door(D(2025, 9, 2)), visit(D(2025, 9, 9)), closed_door(D(2025, 9, 16)))
    assert alerts(held, D(2025, 9, 20), CODE) == []
    # Cancelled on 09/09: doors 02/09 and 16/09 are consecutive; due 5 working days after
    # Tue 16/09 → 23/09.
    cancelled = asll(closed_door(D(2025, 9, 2)), visit(D(2025, 9, 9), VisitOutcome.ANNULEE),
                     closed_door(D(2025, 9, 16)))
    assert dues(alerts(cancelled, D(2025, 9, 20), CODE)) == [D(2025, 9, 23)]


def test_visits_recorded_out_of_order_are_read_by_date() -> None:
    load = asll(closed_door(D(2025, 9, 16)), visit(D(2025, 9, 9)), closed_door(D(2025, 9, 2)))
    assert alerts(load, D(2025, 9, 20), CODE) == []


def test_a_notice_before_the_second_door_does_not_clear_it() -> None:
    doors = [closed_door(D(2025, 9, 9)), closed_door(D(2025, 9, 16))]
    early = asll(*doors, notices=[Notice(NoticeKind.PORTES_CLOSES, D(2025, 9, 12))])
    assert dues(alerts(early, D(2025, 9, 20), CODE)) == [D(2025, 9, 23)]
    on_the_day = asll(*doors, notices=[Notice(NoticeKind.PORTES_CLOSES, D(2025, 9, 16))])
    assert alerts(on_the_day, D(2025, 9, 20), CODE) == []
    other_kind = asll(*doors, notices=[Notice(NoticeKind.AUTRE, D(2025, 9, 17))])
    assert len(alerts(other_kind, D(2025, 9, 20), CODE)) == 1
    # A notice dated after the day of the alerts is not recorded yet on that day.
    later = asll(*doors, notices=[Notice(NoticeKind.PORTES_CLOSES, D(2025, 9, 22))])
    assert len(alerts(later, D(2025, 9, 20), CODE)) == 1
    assert alerts(later, D(2025, 9, 22), CODE) == []


def test_a_later_run_after_a_notice_and_a_break_raises_again() -> None:
    # Run 1: 02/09, 09/09 told on 10/09. Held visit 16/09. Run 2: 23/09 (Tue), 30/09 (Tue):
    # 5 working days after 30/09 → 01, 02, 03, 06, 07/10 → 07/10/2025.
    load = asll(closed_door(D(2025, 9, 2)), closed_door(D(2025, 9, 9)), visit(D(2025, 9, 16)),
                closed_door(D(2025, 9, 23)), closed_door(D(2025, 9, 30)),
                notices=[Notice(NoticeKind.PORTES_CLOSES, D(2025, 9, 10))])
    assert dues(alerts(load, D(2025, 10, 1), CODE)) == [D(2025, 10, 7)]


def test_only_asll_in_force_and_not_closed() -> None:
    doors = [closed_door(D(2025, 9, 9)), closed_door(D(2025, 9, 16))]
    aml = caseload(measure("m1", MeasureType.AML, PERIOD, visits=doors))
    assert alerts(aml, D(2025, 9, 20), CODE) == []
    closed = caseload(measure("m1", MeasureType.ASLL, PERIOD, visits=doors,
                              closed_on=D(2025, 9, 19)))
    assert alerts(closed, D(2025, 9, 20), CODE) == []
    ended = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 4, 1), D(2025, 9, 17)),
                             visits=doors))
    assert alerts(ended, D(2025, 9, 20), CODE) == []  # not in force on 20/09
