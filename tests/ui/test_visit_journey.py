"""The journey of a visit through the window: typed in the measure screen's quick-entry row,
saved (`app.measures.add_visit`), the measure screen refreshed, then the dashboard shown.

Worked by hand: DURAND Marie (h1), ASLL `simple` m1 of Claire Martin from 01/07/2025, one
home visit on 12/08/2025; today is 16/09/2025. August has its 1 required home visit (no
breach); September has none yet: « Faire 1 visite à domicile chez DURAND Marie d'ici le
30/09/2025 (1 par mois). », due 30/09/2025. The visit of 15/09/2025 (réalisée, domicile)
typed in the row makes September's count 1 of 1: the alert goes. The dashboard shows that
alert once, as the line of its visits panel (« D'ici le 30/09 »), not in its list of alerts.

Reads are counted on the store's engine (`tests.reads`): a read of the measure is a
transaction that reads the `measures` table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.app.measures import add_visit
from desktop_app.domain.model import Visit, VisitOutcome, VisitPlace
from desktop_app.ui.topics import Topic
from tests.reads import counting
from tests.ui.conftest import settle
from tests.ui.helpers import alert_leaf, seed_asll, type_in

FREQUENCY = "frequence_visites"
SEPTEMBER = ("Faire 1 visite à domicile chez DURAND Marie d'ici le 30/09/2025 "
             "(1 par mois).")


def _visit_lines(dashboard) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return [(v.household_name, v.held, v.required, v.deadline)
            for v in dashboard.visit_model.rows]


def test_a_visit_typed_reads_the_measure_once_and_each_screen_once(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store, visits=(Visit(date(2025, 8, 12), VisitOutcome.REALISEE,
                                   VisitPlace.DOMICILE),))
    dashboard = window.screens["tableau"]
    window.ctx.changed.emit("all")  # the dashboard is shown: it reloads on the data seeded
    settle(qtbot, window)
    assert alert_leaf(dashboard, FREQUENCY) is None
    assert [(r.alert.message, r.alert.due) for r in dashboard.data.alerts
            if r.alert.code == FREQUENCY] == [(SEPTEMBER, date(2025, 9, 30))]
    assert _visit_lines(dashboard) == [("DURAND Marie", 0, 1, "D'ici le 30/09")]

    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    assert screen.visits_title.text() == "Visites (1)"

    with counting(store) as reads:
        type_in(qtbot, screen.visits.date, "15/09/2025")
        qtbot.keyClick(screen.visits.date, Qt.Key.Key_Return)
        settle(qtbot, window)
    # The save (`app.measures.add_visit`): one write transaction reading the measure once.
    assert reads.measure_writes == 1
    # The refresh: the measure screen only (the dashboard and the household's screen are
    # hidden), one query, one read transaction (4 of them read the measure before, of 11).
    assert (reads.reads, reads.measure_reads) == (1, 1)
    assert screen.visits_title.text() == "Visites (2)"
    assert [(v.date, v.outcome, v.place) for v in screen.measure.visits] == [
        (date(2025, 8, 12), VisitOutcome.REALISEE, VisitPlace.DOMICILE),
        (date(2025, 9, 15), VisitOutcome.REALISEE, VisitPlace.DOMICILE)]
    assert screen.visits.model.rowCount() == 2

    with counting(store) as reads:
        assert window.show_screen("tableau")
        settle(qtbot, window)
    # Shown, the dashboard reloads once, in one read transaction: its caseload, the alerts'
    # settings and the alerts marked « traitées » (3 transactions before); September's visit
    # is held, the alert is gone.
    assert (reads.reads, reads.measure_reads, reads.measure_writes) == (1, 1, 0)
    assert alert_leaf(dashboard, FREQUENCY) is None and _visit_lines(dashboard) == []


def test_a_visit_saved_while_the_dashboard_shows_reloads_it_alone(window, qtbot, store):  # type: ignore[no-untyped-def]
    """The same visit saved while the dashboard is the screen shown (the measure screen
    opened before, now hidden): the dashboard reloads with one read of the measures, the
    measure screen when it is shown again."""
    seed_asll(store, visits=(Visit(date(2025, 8, 12), VisitOutcome.REALISEE,
                                   VisitPlace.DOMICILE),))
    window.ctx.changed.emit("all")  # seeded behind the window's back
    settle(qtbot, window)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    shown = screen.measure
    dashboard = window.screens["tableau"]
    assert window.show_screen("tableau")
    settle(qtbot, window)
    assert _visit_lines(dashboard) == [("DURAND Marie", 0, 1, "D'ici le 30/09")]

    visit = Visit(date(2025, 9, 15), VisitOutcome.REALISEE, VisitPlace.DOMICILE)
    with counting(store) as reads:
        window.ctx.save(lambda: add_visit(store, "m1", visit, shown), Topic.MEASURE)
        settle(qtbot, window)
    assert reads.measure_writes == 1 and reads.measure_reads == 1  # the dashboard's
    assert _visit_lines(dashboard) == []
    assert screen.stale and screen.visits_title.text() == "Visites (1)"

    with counting(store) as reads:
        window.ctx.open_measure.emit("m1")
        settle(qtbot, window)
    assert (reads.reads, reads.measure_reads) == (1, 1)
    assert screen.visits_title.text() == "Visites (2)"
