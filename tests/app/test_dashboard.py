"""The dashboard query (`app.dashboard.dashboard`) on `small_caseload` as of 15/10/2025, on a
SQLite file and on PostgreSQL; every figure worked out by hand (tests/app/small_caseload.py)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.app import dashboard as dashboard_module
from desktop_app.app.dashboard import (
    Ahead,
    AlertRow,
    Dashboard,
    VisitNeed,
    dashboard,
    in_visits_panel,
    opening_scope,
)
from desktop_app.domain.dates import Month
from desktop_app.store.repository import SqlStore
from tests.app.small_caseload import TODAY

D = date
FREQ = "frequence_visites"


def _rows(rows: list[AlertRow]
          ) -> list[tuple[str, str | None, str | None, date | None, str, str]]:
    return [(r.alert.code, r.alert.measure, None if r.alert.month is None else
             str(r.alert.month), r.alert.due, r.subject, r.worker_name) for r in rows]


def test_alerts_with_names_in_the_engine_order(small: SqlStore) -> None:
    board = dashboard(small, TODAY)
    # The September occupancy table (a FAL in force in September) was due on 10/10; each
    # measure had too few home visits in September (m1 0 of 2, m2 0 of 1, m3 0 of 2); in
    # October m1 holds 1 of 2 (the 20/10 visit is after the day) and m3 0 of 2, due 31/10;
    # m2 holds its 1 of 1. Due dates first, then code and measure.
    assert _rows(board.alerts) == [
        ("tableau_occupation", None, "2025-09", D(2025, 10, 10), "Association", ""),
        (FREQ, "m1", "2025-10", D(2025, 10, 31), "DURAND Marie", "Claire Martin"),
        (FREQ, "m3", "2025-10", D(2025, 10, 31), "MOREAU Paul", "Claire Martin"),
        (FREQ, "m1", "2025-09", None, "DURAND Marie", "Claire Martin"),
        (FREQ, "m2", "2025-09", None, "LEFÈVRE Hélène", "Karim Benali"),
        (FREQ, "m3", "2025-09", None, "MOREAU Paul", "Claire Martin"),
    ]
    assert [r.label for r in board.alerts[:2]] == ["Tableau d'occupation ALT",
                                                   "Fréquence des visites à domicile"]
    assert board.treated == []
    # The week from Wednesday 15/10 to Tuesday 21/10: nothing falls due in it.
    assert board.week == (D(2025, 10, 15), D(2025, 10, 21))
    assert [r for r in board.alerts
            if r.alert.due is not None and D(2025, 10, 15) <= r.alert.due <= D(2025, 10, 21)
            ] == []


def test_visits_needed_are_those_the_engine_counted(small: SqlStore) -> None:
    # Only the October alerts (the current month): m3 lacks 2, m1 lacks 1 (most behind first).
    assert dashboard(small, TODAY).visits == [
        VisitNeed("m3", "MOREAU Paul", "FAL", "w1", "Claire Martin", 0, 2, D(2025, 10, 31)),
        VisitNeed("m1", "DURAND Marie", "ASLL renforcé", "w1", "Claire Martin", 1, 2,
                  D(2025, 10, 31)),
    ]
    assert dashboard(small, TODAY).visits[0].deadline == "D'ici le 31/10"
    # On 20/10 the second visit of m1 is held: 2 of 2, m1 leaves the list.
    assert [v.measure for v in dashboard(small, D(2025, 10, 20)).visits] == ["m3"]


def test_points_and_convention_of_the_month(small: SqlStore) -> None:
    board = dashboard(small, TODAY)
    assert board.points is not None and board.points.month == Month(2025, 10)
    # m1 ASLL renforce 2 points, m2 ASLL simple 1 point: 3 × 85,95 € = 257,85 €.
    assert board.points.points == 3
    assert board.convention is not None and board.convention.asll_points_per_month == 40


def test_an_alert_marked_treated_moves_to_the_treated_list(small: SqlStore) -> None:
    m2_september = dashboard(small, TODAY).alerts[4].alert
    small.treat_alert(m2_september, "Ménage hospitalisé en septembre.")
    board = dashboard(small, TODAY)
    assert [r.alert.measure for r in board.alerts if r.alert.code == FREQ] == [
        "m1", "m3", "m1", "m3"]
    assert [(r.alert.measure, r.subject, r.treated and r.treated.reason)
            for r in board.treated] == [
        ("m2", "LEFÈVRE Hélène", "Ménage hospitalisé en septembre.")]


def test_the_week_ahead_and_one_workers_cases(small: SqlStore) -> None:
    board = dashboard(small, TODAY)
    assert board.due_this_week() == []
    # 25/10 to 31/10: m3 still lacks its October visits, due 31/10 (in the visits panel, not
    # in the week's list); m1 held its second on 20/10 (2 of 2): no alert; the occupancy
    # table was due 10/10, before the week.
    later = dashboard(small, D(2025, 10, 25))
    assert [(r.alert.code, r.alert.measure, r.alert.due) for r in later.alerts
            if r.alert.due is not None and r.alert.due >= D(2025, 10, 25)] == [
        (FREQ, "m3", D(2025, 10, 31))]
    assert later.due_this_week() == []
    # « Mes dossiers » of Karim Benali (w2): his September breach on m2, no visit to do.
    mine = board.of_worker("w2")
    assert [(r.alert.measure, r.alert.month and str(r.alert.month)) for r in mine.alerts] == [
        ("m2", "2025-09")]
    assert (mine.visits, mine.treated, mine.points) == ([], [], board.points)
    # Claire Martin (w1): m1 and m3, alerts and visits; the association's table is no one's.
    assert [r.alert.measure for r in board.of_worker("w1").alerts] == ["m1", "m3", "m1", "m3"]
    assert [v.measure for v in board.of_worker("w1").visits] == ["m3", "m1"]
    assert [r.alert.code for r in board.of_worker(None).alerts] == ["tableau_occupation"]


def test_the_months_visits_show_once_in_the_visits_panel(small: SqlStore) -> None:
    board = dashboard(small, TODAY)
    october, september = Month(2025, 10), Month(2025, 9)
    # The six alerts stay the engine's; the two of October (m1 and m3, visits still to do by
    # 31/10) are the two lines of the visits panel, not listed again: four alerts listed.
    assert [in_visits_panel(r.alert, october) for r in board.alerts] == [
        False, True, True, False, False, False]
    assert [(r.alert.code, r.alert.measure, r.alert.month and str(r.alert.month))
            for r in board.listed()] == [
        ("tableau_occupation", None, "2025-09"), (FREQ, "m1", "2025-09"),
        (FREQ, "m2", "2025-09"), (FREQ, "m3", "2025-09")]
    # Seen in September, the same alerts would have been visits to do then (due 30/09).
    assert [in_visits_panel(r.alert, september) for r in board.alerts] == [
        False, False, False, True, True, True]
    # Claire Martin's « Mes dossiers »: 4 alerts, of which m1 and m3 in October are her two
    # visits to do; listed: her two September breaches only.
    mine = board.of_worker("w1")
    assert (len(mine.alerts), len(mine.visits)) == (4, 2)
    assert [(r.alert.measure, str(r.alert.month)) for r in mine.listed()] == [
        ("m1", "2025-09"), ("m3", "2025-09")]
    # 25/10 to 31/10: m3's October visits fall due on 31/10, shown in the visits panel with
    # their deadline, not in the week's list.
    later = dashboard(small, D(2025, 10, 25))
    assert later.due_this_week() == []
    assert [(v.measure, v.deadline) for v in later.visits] == [("m3", "D'ici le 31/10")]


def test_opening_on_the_workers_own_files() -> None:
    team = ["w1", "w2", "w3"]
    # The remembered worker, on his own files.
    assert opening_scope(team, "w2") == ("w2", True)
    # Signed in to a team server: the account's worker, whoever was remembered.
    assert opening_scope(team, "w2", "w3") == ("w3", True)
    # A remembered worker no longer in the team: the first one.
    assert opening_scope(team, "w9") == ("w1", True)
    assert opening_scope(team, None) == ("w1", True)
    # An account whose worker is not in the team: the remembered one, else the whole team.
    assert opening_scope(team, "w2", "w9") == ("w2", True)
    assert opening_scope(team, None, "w9") == (None, False)
    # No team yet: the whole (empty) team.
    assert opening_scope([], "w2") == (None, False)


def test_the_dashboard_computed_ahead_is_taken_once(small: SqlStore,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`Ahead`: what the launch computes while the window is built is the dashboard itself,
    given once, to the same store and day only; a store not opened computes nothing."""
    ahead = Ahead(TODAY)
    ahead.compute(None)
    assert ahead.take(small, TODAY) is None
    ahead.compute(small)
    assert ahead.take(small, date(2025, 9, 17)) is None  # another day: computed again
    ahead.compute(small)
    data = ahead.take(small, TODAY)
    assert data == dashboard(small, TODAY)
    assert ahead.take(small, TODAY) is None  # once

    def fails(_store: object, _day: date) -> Dashboard:
        raise RuntimeError("panne")

    monkeypatch.setattr(dashboard_module, "dashboard", fails)
    ahead.compute(small)  # the failure is the first load's to say
    assert ahead.take(small, TODAY) is None
