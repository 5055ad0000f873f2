"""« Marquer traitée » on the dashboard (issue 11, item 9): the alert leaves the day's list,
the « Traitées » filter shows it with why, who and when."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.domain.alerts.builders import closed_door
from tests.ui.conftest import settle
from tests.ui.helpers import alert_leaf, dashboard_alert, save, seed_asll, type_in


def test_mark_treated_then_see_it_under_traitees(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store, visits=(closed_door(date(2025, 9, 2)), closed_door(date(2025, 9, 9))))
    dashboard, leaf = dashboard_alert(qtbot, window, "portes_closes")
    assert dashboard.treated_filter.text() == "Traitées (0)"
    dashboard.alert_view.setCurrentIndex(leaf)
    qtbot.mouseClick(dashboard.treat_button, Qt.MouseButton.LeftButton)
    dialog = dashboard.alert_actions.dialog
    save(qtbot, window, dialog)  # no reason: refused, the dialog stays
    assert dialog.form.error("reason") == "« Motif » est obligatoire."
    type_in(qtbot, dialog.form.fields["reason"], "SLISL informe le 12/09/2025")
    save(qtbot, window, dialog)
    settle(qtbot, window)
    assert alert_leaf(dashboard, "portes_closes") is None
    assert dashboard.treated_filter.text() == "Traitées (1)"

    dashboard.treated_filter.setChecked(True)
    leaf = alert_leaf(dashboard, "portes_closes")
    assert leaf is not None and dashboard.alerts_title.text() == "Alertes traitées (1)"
    assert not dashboard.treat_button.isEnabled()
    dashboard.alert_view.setCurrentIndex(leaf)
    detail = dashboard.detail.text()
    assert "Traitée le" in detail and "Claire Martin" in detail
    assert "SLISL informe le 12/09/2025" in detail
