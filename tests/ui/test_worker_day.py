"""A worker's day, through the real widgets: a new household and its ASLL, two closed doors,
the `portes_closes` alert on the dashboard with its due date, the notice that clears it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop_app.domain.model import (
    Measure,
    MeasureType,
    NoticeKind,
    Retroactive,
    Suspension,
    SuspensionReason,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.ui.dashboard.alert_model import ACTION_COLUMN
from desktop_app.ui.measure.new_measure import new_measure_dialog
from tests.ui.conftest import settle
from tests.ui.helpers import alert_leaf, click_action, save, seed_asll, type_in


def test_closed_doors_alert_then_notice(window, qtbot, store):  # type: ignore[no-untyped-def]
    # A new household, from the Ménages list.
    assert window.show_screen("menages")
    households = window.screens["menages"]
    qtbot.mouseClick(households.new_button, Qt.MouseButton.LeftButton)
    form = households.dialog.form
    type_in(qtbot, form.fields["name"], "DURAND Marie")
    type_in(qtbot, form.fields["reference"], "FSL-2025-0042")
    type_in(qtbot, form.fields["city"], "Arras")
    save(qtbot, window, households.dialog)
    assert window.current.key == "menage"
    household = window.screens["menage"]
    assert household.heading.text() == "DURAND Marie — FSL-2025-0042"

    # Its ASLL: decided by the CL on 12/06/2025, so it starts on 01/07/2025 (first day of the
    # following month) and the proposed first period is 6 months: to 31/12/2025.
    qtbot.mouseClick(household.new_measure_button, Qt.MouseButton.LeftButton)
    dialog = household.dialog
    fields = dialog.form.fields
    assert fields["type"].value() is MeasureType.ASLL
    assert fields["referent"].value() == "w1"  # the current worker, Claire Martin
    type_in(qtbot, fields["decision_date"], "12/06/2025")
    fields["decision_date"].editingFinished.emit()  # leaving the field
    assert fields["start"].text() == "01/07/2025"
    assert fields["end"].text() == "31/12/2025"
    save(qtbot, window, dialog)
    assert window.current.key == "mesure"
    measure_screen = window.screens["mesure"]
    assert measure_screen.heading.text() == "ASLL — DURAND Marie (FSL-2025-0042)"

    # Two closed doors, keyboard only: Ctrl+N, the date, Tab, « P » (Porte close), Enter.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = measure_screen.visits
    for day in ("09/09/2025", "16/09/2025"):
        window.new_visit_action.trigger()
        assert panel.date.hasFocus() and panel.date.text() == "16/09/2025"  # today, selected
        qtbot.keyClicks(panel.date, day)  # typed over the selection
        qtbot.keyClick(panel.date, Qt.Key.Key_Tab)
        assert panel.outcome.hasFocus()
        qtbot.keyClicks(panel.outcome, "P")
        assert panel.outcome.value() is VisitOutcome.PORTE_CLOSE
        qtbot.keyClick(panel.outcome, Qt.Key.Key_Return)
        settle(qtbot, window)
        panel.date.clear()
    assert measure_screen.visits.model.rowCount() == 2
    stored = store.measure(measure_screen.measure_id)
    assert [(v.date, v.outcome, v.place) for v in stored.visits] == [
        (date(2025, 9, 9), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE),
        (date(2025, 9, 16), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)]

    # The dashboard of Tuesday 16/09/2025. Due = 5th working day after the second door:
    # Wed 17, Thu 18, Fri 19, Mon 22, Tue 23 → 23/09/2025; 7 days remain → « À faire ».
    assert window.show_screen("tableau")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    leaf = alert_leaf(dashboard, "portes_closes")
    assert leaf is not None
    assert leaf.siblingAtColumn(0).data() == "23/09/2025"
    assert leaf.siblingAtColumn(2).data() == "DURAND Marie"
    assert leaf.parent().data().startswith("À faire")
    assert leaf.siblingAtColumn(ACTION_COLUMN).data() == "Signaler au SLISL"

    # Its button records the notice, dated today by default.
    click_action(qtbot, dashboard, leaf)
    notice = dashboard.alert_actions.dialog
    assert notice is not None and notice.isVisible()
    assert notice.form.fields["sent_on"].text() == "16/09/2025"
    save(qtbot, window, notice)
    assert alert_leaf(dashboard, "portes_closes") is None
    stored = store.measure(measure_screen.measure_id)
    assert [(n.kind, n.sent_on) for n in stored.notices] == [
        (NoticeKind.PORTES_CLOSES, date(2025, 9, 16))]


def test_suspension_alert_then_indisponibilite_notice(window, qtbot, store):  # type: ignore[no-untyped-def]
    # DURAND Marie in hospital from Monday 15/09/2025: her ASLL is suspended; the SLISL must
    # be told « sans tarder »: by the 5th working day after, 16, 17, 18, 19, 22 → 22/09/2025.
    seed_asll(store)
    measure = store.measure("m1")
    measure.suspensions.append(Suspension(date(2025, 9, 15), None,
                                          SuspensionReason.HOSPITALISATION))
    store.save_measure(measure)
    window.ctx.changed.emit("all")  # written behind the window's back: every screen reloads
    assert window.show_screen("tableau")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    leaf = alert_leaf(dashboard, "indisponibilite")
    assert leaf is not None
    assert leaf.siblingAtColumn(0).data() == "22/09/2025"
    assert leaf.siblingAtColumn(1).data() == "Indisponibilité du ménage à signaler"
    assert leaf.siblingAtColumn(ACTION_COLUMN).data() == "Signaler au SLISL"
    click_action(qtbot, dashboard, leaf)
    notice = dashboard.alert_actions.dialog
    assert notice is not None and notice.isVisible()
    assert notice.windowTitle() == "Signaler au SLISL l'indisponibilité du ménage"
    save(qtbot, window, notice)
    assert alert_leaf(dashboard, "indisponibilite") is None
    assert [(n.kind, n.sent_on) for n in store.measure("m1").notices] == [
        (NoticeKind.INDISPONIBILITE, date(2025, 9, 16))]


def test_retroactive_asll_start_needs_its_reason(qtbot):  # type: ignore[no-untyped-def]
    # The seed: an ASLL starts on the 1st of the month after the CL decision; its funding may
    # be retroactive only for a household leaving a CHRS, temporary housing, or met during a
    # DSF. Decided on 12/06/2025, started on 01/05/2025 (the month after a DSF of April).
    parent = QWidget()
    qtbot.addWidget(parent)
    saved: list[Measure] = []
    dialog = new_measure_dialog(parent, "h1", [("Claire Martin", "w1")], "w1",
                                lambda measure, _dialog: saved.append(measure))
    dialog.open()
    fields = dialog.form.fields
    type_in(qtbot, fields["decision_date"], "12/06/2025")
    fields["decision_date"].editingFinished.emit()
    assert (fields["start"].text(), fields["end"].text()) == ("01/07/2025", "31/12/2025")
    type_in(qtbot, fields["start"], "01/05/2025")
    save_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
    assert saved == [] and dialog.isVisible()
    assert dialog.form.error("start") == (
        "La période commence avant la décision de la CL (12/06/2025) : ce n'est possible "
        "qu'avec un financement rétroactif, pour un ménage sortant de CHRS ou d'un logement "
        "temporaire (ALT…), ou rencontré lors d'un DSF. Choisissez le motif dans « Financement "
        "rétroactif », ou corrigez la date de début.")
    reasons = fields["retroactive"]
    assert [reasons.itemText(i) for i in range(reasons.count())] == [
        "Non", "Sortie de CHRS", "Sortie de logement temporaire (ALT)", "Après un DSF"]
    reasons.setCurrentIndex(3)
    qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
    [measure] = saved
    assert (measure.type, measure.decision_date, measure.retroactive) == (
        MeasureType.ASLL, date(2025, 6, 12), Retroactive.DSF)
    assert [(p.start, p.end) for p in measure.periods] == [
        (date(2025, 5, 1), date(2025, 12, 31))]
