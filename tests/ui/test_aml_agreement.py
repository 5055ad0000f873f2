"""AML (issue 11, item 6): the agreement in principle prolonged by e-mail, through the real
measure screen: saved with the conflict check and the audit trail, the alert follows."""

from __future__ import annotations

from datetime import date

from desktop_app.app.alerts import alerts_on
from desktop_app.domain.model import AgreementExtension, Household, Measure, MeasureType
from tests.ui.conftest import settle
from tests.ui.helpers import save, type_in


def _seed(store) -> None:  # type: ignore[no-untyped-def]
    # Agreement 20/12/2024 → valid to 20/09/2025; today (16/09/2025) it is due in 4 days.
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042"))
    store.save_measure(Measure("m1", "h1", MeasureType.AML, "w1",
                               agreement_on=date(2024, 12, 20)))


def test_extension_is_saved_audited_and_moves_the_alert(window, qtbot, store):  # type: ignore[no-untyped-def]
    _seed(store)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    tabs = screen.tabs
    assert tabs.isTabVisible(5) and not tabs.isTabVisible(4)  # AML: no ALT stays
    tabs.requested.emit("extend")
    dialog = screen.dialog
    fields = dialog.form.fields
    assert fields["sent_on"].text() == "16/09/2025"  # today
    type_in(qtbot, fields["new_end"], "20/09/2025")
    save(qtbot, window, dialog)
    # not after the current end: refused in French, nothing written
    assert dialog.form.error("new_end") == (
        "La nouvelle fin doit être après la fin actuelle de l'accord (20/09/2025).")
    assert store.measure("m1").agreement_extensions == []
    type_in(qtbot, fields["new_end"], "20/12/2025")
    save(qtbot, window, dialog)
    assert store.measure("m1").agreement_extensions == [
        AgreementExtension(date(2025, 9, 16), date(2025, 12, 20))]
    assert tabs.extensions.rowCount() == 1
    last = store.history("h1")[-1]
    assert (last.record_kind, last.record_id, last.action) == ("measure", "m1", "update")
    assert any("agreement_extensions" in key for key in last.changes)
    # the alert now follows the new end: none on 16/09/2025 (raised from 20/11/2025)
    assert [a.code for a in alerts_on(store, date(2025, 9, 16))
            if a.code == "accord_principe"] == []
    assert [a.due for a in alerts_on(store, date(2025, 11, 20))
            if a.code == "accord_principe"] == [date(2025, 12, 20)]


def test_before_the_extension_the_alert_is_due_on_the_nine_months(store) -> None:  # type: ignore[no-untyped-def]
    _seed(store)
    assert [a.due for a in alerts_on(store, date(2025, 9, 16))
            if a.code == "accord_principe"] == [date(2025, 9, 20)]
