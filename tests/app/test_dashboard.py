"""The dashboard query (`app.dashboard.dashboard`) on `small_caseload` as of 15/10/2025, on a
SQLite file and on PostgreSQL; every figure worked out by hand (tests/app/small_caseload.py)."""

from __future__ import annotations

from datetime import date

from desktop_app.app.dashboard import AlertRow, VisitNeed, dashboard
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
        VisitNeed("m3", "MOREAU Paul", "FAL", "w1", "Claire Martin", 0, 2),
        VisitNeed("m1", "DURAND Marie", "ASLL renforcé", "w1", "Claire Martin", 1, 2),
    ]
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
    # 25/10 to 31/10: m3 still lacks its October visits, due 31/10; m1 held its second on
    # 20/10 (2 of 2): no alert; the occupancy table was due 10/10, before the week.
    later = dashboard(small, D(2025, 10, 25))
    assert [(r.alert.code, r.alert.measure) for r in later.due_this_week()] == [(FREQ, "m3")]
    # « Mes dossiers » of Karim Benali (w2): his September breach on m2, no visit to do.
    mine = board.of_worker("w2")
    assert [(r.alert.measure, r.alert.month and str(r.alert.month)) for r in mine.alerts] == [
        ("m2", "2025-09")]
    assert (mine.visits, mine.treated, mine.points) == ([], [], board.points)
    # Claire Martin (w1): m1 and m3, alerts and visits; the association's table is no one's.
    assert [r.alert.measure for r in board.of_worker("w1").alerts] == ["m1", "m3", "m1", "m3"]
    assert [v.measure for v in board.of_worker("w1").visits] == ["m3", "m1"]
    assert [r.alert.code for r in board.of_worker(None).alerts] == ["tableau_occupation"]
