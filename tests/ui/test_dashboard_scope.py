"""The dashboard opens on the worker's own files (« Mes dossiers »), the selector and the list
agreeing; the month's visits to do are shown once, in the visits panel, with their deadline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app.domain.model import Household
from desktop_app.store.records import Session
from desktop_app.ui.context import SCOPE_KEY, WORKER_KEY, AppContext
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models import ROW_ROLE
from tests.ui.conftest import TODAY, settle
from tests.ui.helpers import seed_asll


def _seed(store) -> None:  # type: ignore[no-untyped-def]
    """Claire Martin's ASLL (m1) and Julien Petit's (m2), from 01/07/2025, no visit: each
    lacks its August visit (a breach) and its September one (due 30/09)."""
    seed_asll(store)
    seed_asll(store, household="h2", measure="m2")
    store.save_household(Household("h2", "LEFEBVRE Paul"))
    measure = store.measure("m2")
    measure.referent = "w2"
    store.save_measure(measure)


@pytest.fixture
def open_window(app, qtbot, store) -> Iterator:  # type: ignore[no-untyped-def]
    """Open the window as at a launch, after `settings` were remembered and with `account`
    signed in; yields the function that does it."""
    windows: list[MainWindow] = []

    def opened(settings: dict[str, object], account: Session | None = None) -> MainWindow:
        for key, value in settings.items():
            QSettings().setValue(key, value)
        ctx = AppContext(store, today=lambda: TODAY)
        ctx.session.account = account
        win = MainWindow(ctx, "Base : test")
        qtbot.addWidget(win)
        win.show()
        win.start()
        settle(qtbot, win)
        windows.append(win)
        return win

    yield opened
    for win in windows:
        settle(qtbot, win)


def _shown(window):  # type: ignore[no-untyped-def]
    dashboard = window.screens["tableau"]
    return dashboard, [i.data(ROW_ROLE) for i in dashboard.alert_model.leaves()]


def test_it_opens_on_the_remembered_workers_own_files(open_window, store) -> None:  # type: ignore[no-untyped-def]
    _seed(store)
    # Last time: Julien Petit, on the whole team. Now: Julien Petit's files.
    window = open_window({WORKER_KEY: "w2", SCOPE_KEY: False})
    dashboard, rows = _shown(window)
    assert dashboard.worker_box.currentText() == "Julien Petit"
    assert dashboard.mine.isChecked() and not dashboard.team.isChecked()
    assert window.ctx.mine_only and window.ctx.current_worker == "w2"
    assert {r.alert.worker for r in rows} == {"w2"}
    assert {r.household_name for r in rows} == {"LEFEBVRE Paul"}
    assert [(v.household_name, v.deadline) for v in dashboard.visit_model.rows] == [
        ("LEFEBVRE Paul", "D'ici le 30/09")]


def test_on_a_team_server_it_opens_on_the_accounts_worker(open_window, store) -> None:  # type: ignore[no-untyped-def]
    _seed(store)
    account = Session("jpetit", owner=False, group="travailleur", worker_id="w2",
                      has_account=True)
    window = open_window({WORKER_KEY: "w1"}, account)
    dashboard, rows = _shown(window)
    assert (dashboard.worker_box.currentText(), dashboard.mine.isChecked()) == (
        "Julien Petit", True)
    assert {r.alert.worker for r in rows} == {"w2"}


def test_the_months_visits_are_not_listed_again_as_alerts(open_window, store) -> None:  # type: ignore[no-untyped-def]
    _seed(store)
    window = open_window({WORKER_KEY: "w1"})
    dashboard, rows = _shown(window)
    assert dashboard.worker_box.currentText() == "Claire Martin" and dashboard.mine.isChecked()
    frequency = [(str(r.alert.month), r.household_name) for r in rows
                 if r.alert.code == "frequence_visites"]
    # August's breach stays an alert; September's visit to do is the visits panel's line.
    assert frequency == [("2025-08", "DURAND Marie")]
    assert [(v.household_name, v.held, v.required, v.deadline)
            for v in dashboard.visit_model.rows] == [("DURAND Marie", 0, 1, "D'ici le 30/09")]
    visits = dashboard.visit_model
    headers = [visits.headerData(c, Qt.Orientation.Horizontal) for c in range(
        visits.columnCount())]
    assert headers[-1] == "Échéance"
    assert visits.index(0, len(headers) - 1).data() == "D'ici le 30/09"
    # The count in the title is the lines listed; the engine still holds both alerts.
    assert dashboard.alerts_title.text() == f"Alertes du jour ({len(rows)})"
    assert dashboard.data is not None
    assert sum(r.alert.code == "frequence_visites" and r.alert.worker == "w1"
               for r in dashboard.data.alerts) == 2
    # The whole team: both measures' September visits in the panel, neither in the list.
    dashboard.team.click()
    _, rows = _shown(window)
    assert [str(r.alert.month) for r in rows if r.alert.code == "frequence_visites"] == [
        "2025-08", "2025-08"]
    assert len(dashboard.visit_model.rows) == 2
