"""Renewing a period within the rule's limits; a 22-working-day absence and its warning;
an end date before a start date, refused in French with the form kept as typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop_app.domain.model import Absence, Diploma, Level, PeriodKind, Worker
from desktop_app.ui.models import ROW_ROLE
from desktop_app.ui.team.absence_dialog import absence_dialog
from tests.ui.conftest import settle
from tests.ui.helpers import choose, closed, save, seed_asll, type_in


def _open_measure(window, qtbot):  # type: ignore[no-untyped-def]
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    return window.screens["mesure"]


def test_renew_proposes_the_next_period_and_saves_it(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    screen = _open_measure(window, qtbot)
    assert screen.state.text().startswith("En cours · du 01/07/2025 au 31/12/2025")
    qtbot.mouseClick(screen.renew_button, Qt.MouseButton.LeftButton)
    form = screen.dialog.form
    # The last period ran 6 months (01/07–31/12/2025): the renewal proposes 6 more months,
    # from the next day, 01/01/2026, to 30/06/2026, same level, kind « renouvellement ».
    assert form.fields["start"].text() == "01/01/2026"
    assert form.fields["end"].text() == "30/06/2026"
    assert form.fields["level"].value() is Level.SIMPLE
    assert form.fields["kind"].value() is PeriodKind.RENOUVELLEMENT
    save(qtbot, window, screen.dialog)
    assert screen.periods.rowCount() == 2
    assert screen.state.text().startswith("En cours · du 01/07/2025 au 30/06/2026")
    periods = store.measure("m1").periods
    assert [(p.start, p.end, p.kind) for p in periods][-1] == (
        date(2026, 1, 1), date(2026, 6, 30), PeriodKind.RENOUVELLEMENT)


def test_renew_beyond_the_limits_is_refused(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    screen = _open_measure(window, qtbot)
    qtbot.mouseClick(screen.renew_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    # 01/01/2026 → 31/12/2027: 24 months in one period (> 12) and 30 months in all (> 24).
    type_in(qtbot, dialog.form.fields["end"], "31/12/2027")
    save(qtbot, window, dialog)
    assert dialog.isVisible()
    message = dialog.form.error("end")
    assert message.startswith("Durée non conforme")
    assert "plus de 12 mois" in message and "plus de 24 mois au total" in message
    assert dialog.form.fields["end"].text() == "31/12/2027"  # kept as typed
    assert len(store.measure("m1").periods) == 1


def test_absence_of_22_working_days_warns(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)  # Claire Martin is the referent of an ASLL in force in September
    assert window.show_screen("equipe")
    settle(qtbot, window)
    team = window.screens["equipe"]
    assert team.worker.name == "Claire Martin"
    team._absence(None)
    dialog = team.dialog
    type_in(qtbot, dialog.form.fields["start"], "01/09/2025")
    # 01/09 (Mon) → 29/09/2025 (Mon): 4 whole weeks + 1 day = 21 working days: no warning.
    type_in(qtbot, dialog.form.fields["end"], "29/09/2025")
    assert dialog.count_label.text() == "21 jours ouvrés"
    # → 30/09/2025 (Tue): 22 working days, more than 21; the 22nd is 30/09/2025.
    type_in(qtbot, dialog.form.fields["end"], "30/09/2025")
    assert dialog.count_label.text() == (
        "22 jours ouvrés — Plus de 21 jours ouvrés : informer le responsable du SLISL et "
        "désigner un(e) remplaçant(e) de diplôme équivalent au plus tard le 30/09/2025.")
    type_in(qtbot, dialog.form.fields["reason"], "congé")
    save(qtbot, window, dialog)
    assert closed(dialog)
    row = team.absences.rows[0]
    assert (row.start, row.end, row.reason) == (date(2025, 9, 1), date(2025, 9, 30), "congé")
    proxy = team.absences_view.model()
    assert proxy.index(0, 5).data() == "22 — à régulariser"
    assert "au plus tard le 30/09/2025" in proxy.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert "au plus tard le 30/09/2025" in team.absence_warning.text()
    # The dashboard raises `absence_travailleur`, due on the 22nd working day.
    assert window.show_screen("tableau")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    dues = {(i.data(ROW_ROLE).alert.code, i.data()) for i in dashboard.alert_model.leaves()}
    assert ("absence_travailleur", "30/09/2025") in dues
    # The SLISL told today and Julien Petit (ASS, an equivalent diploma) replacing her:
    # the alert is cleared.
    assert window.show_screen("equipe")
    settle(qtbot, window)
    team.absences_view.selectRow(0)
    team.edit_absence()
    dialog = team.dialog
    assert dialog.form.fields["start"].text() == "01/09/2025"  # the absence, to complete
    type_in(qtbot, dialog.form.fields["slisl_notified_on"], "16/09/2025")
    choose(qtbot, dialog.form.fields["replacement"], "Julien")
    save(qtbot, window, dialog)
    assert team.absences_view.model().index(0, 5).data() == "22 — fait"
    assert [(a.slisl_notified_on, a.replacement) for a in store.workers()[0].absences] == [
        (date(2025, 9, 16), "w2")]
    assert window.show_screen("tableau")
    settle(qtbot, window)
    codes = {i.data(ROW_ROLE).alert.code for i in dashboard.alert_model.leaves()}
    assert "absence_travailleur" not in codes


def test_a_replacement_without_an_equivalent_diploma_is_not_done(window, qtbot, store):  # type: ignore[no-untyped-def]
    # Imported (the « Absence » form refuses him): Claire Martin absent 01/09–30/09/2025,
    # 22 working days, the SLISL told on 15/09, replaced by Marc Roux, « Autre diplôme ».
    # The domain rule (`absence_gaps`) keeps `absence_travailleur` raised, and the status
    # says so: « à régulariser », not « fait ».
    seed_asll(store)
    marc = Worker("w3", "Marc Roux", Diploma.AUTRE, 0.5)
    store.save_worker(marc, new=True)
    claire = store.workers()[0]
    store.save_worker(replace(claire, absences=[Absence(
        date(2025, 9, 1), date(2025, 9, 30), "congé", date(2025, 9, 15), "w3")]),
        expected=claire)
    assert window.show_screen("equipe")
    settle(qtbot, window)
    team = window.screens["equipe"]
    assert team.worker.name == "Claire Martin"
    status = team.absences_view.model().index(0, 5)
    assert status.data() == "22 — à régulariser"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == (
        "Plus de 21 jours ouvrés : désigner un(e) remplaçant(e) de diplôme équivalent au plus "
        "tard le 30/09/2025. Marc Roux, désigné(e), n'a pas l'un des diplômes demandés (CESF, "
        "assistant(e) de service social ou éducateur(trice) spécialisé(e)).")
    assert team.absence_warning.text().startswith("Absence du 01/09/2025 : Plus de 21 jours")
    assert window.show_screen("tableau")
    dashboard = window.screens["tableau"]
    dashboard.reload()  # saved behind the window's back: read again
    settle(qtbot, window)
    codes = {i.data(ROW_ROLE).alert.code for i in dashboard.alert_model.leaves()}
    assert "absence_travailleur" in codes
    # Marc Roux's diploma corrected to éducateur spécialisé: the same rule clears both.
    store.save_worker(replace(marc, diploma=Diploma.ES), expected=marc)
    assert window.show_screen("equipe")
    team.reload()
    settle(qtbot, window)
    assert team.absences_view.model().index(0, 5).data() == "22 — fait"
    assert team.absence_warning.text() == ""


def test_end_before_start_is_refused_in_french_and_kept(window, qtbot, store):  # type: ignore[no-untyped-def]
    assert window.show_screen("equipe")
    settle(qtbot, window)
    team = window.screens["equipe"]
    team._absence(None)
    dialog = team.dialog
    type_in(qtbot, dialog.form.fields["start"], "01/09/2025")
    type_in(qtbot, dialog.form.fields["end"], "01/08/2025")
    type_in(qtbot, dialog.form.fields["reason"], "congé")
    save(qtbot, window, dialog)
    assert dialog.isVisible()
    assert dialog.form.error("end") == (
        "La date de fin (01/08/2025) est avant la date de début (01/09/2025) : corrigez "
        "l'une ou l'autre.")
    assert dialog.form.errors["end"].isVisible()
    assert [dialog.form.fields[k].text() for k in ("start", "end", "reason")] == [
        "01/09/2025", "01/08/2025", "congé"]
    assert store.workers()[0].absences == []
    # Corrected, it saves.
    type_in(qtbot, dialog.form.fields["end"], "05/09/2025")
    save(qtbot, window, dialog)
    assert closed(dialog)
    assert [a.end for a in store.workers()[0].absences] == [date(2025, 9, 5)]


def test_a_date_that_does_not_exist_is_explained(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    screen = _open_measure(window, qtbot)
    panel = screen.visits
    type_in(qtbot, panel.date, "31/09/2025")
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert panel.error.isVisibleTo(panel)
    assert panel.error.text() == ("Cette date n'existe pas : le 31/09/2025 n'est pas dans le "
                                  "calendrier.")
    assert panel.date.text() == "31/09/2025"
    type_in(qtbot, panel.date, "17/09/2025")  # tomorrow
    qtbot.keyClick(panel.date, Qt.Key.Key_Return)
    assert panel.error.text().startswith("La visite est datée après aujourd'hui (16/09/2025)")
    assert store.measure("m1").visits == []


def test_replacement_without_an_equivalent_diploma_is_refused_in_french(qtbot):  # type: ignore[no-untyped-def]
    # The seed: the absent referent's measures go to « un professionnel d'un diplôme
    # équivalent » (CESF, assistant(e) de service social, éducateur(trice) spécialisé(e)).
    parent = QWidget()
    qtbot.addWidget(parent)
    absent = Worker("w1", "Claire Martin", Diploma.CESF, 1.0)
    others = [Worker("w2", "Julien Petit", Diploma.ASS, 0.5),
              Worker("w3", "Marc Roux", Diploma.AUTRE, 0.5)]
    saved: list[Absence] = []
    dialog = absence_dialog(parent, absent, others, date(2025, 10, 1), None,
                            lambda absence, _dialog: saved.append(absence))
    dialog.open()
    combo = dialog.form.fields["replacement"]
    # Diplomas are named in French, never by their code.
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Personne pour l'instant", "Julien Petit (Assistant(e) de service social)",
        "Marc Roux (Autre diplôme)"]
    type_in(qtbot, dialog.form.fields["start"], "01/09/2025")
    choose(qtbot, combo, "Marc")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert saved == [] and dialog.isVisible()
    assert dialog.form.error("replacement") == (
        "Marc Roux ne peut pas remplacer Claire Martin : la convention demande un remplaçant "
        "d'un diplôme équivalent (CESF, assistant(e) de service social ou éducateur(trice) "
        "spécialisé(e)). Choisissez un(e) collègue qui en a un, ou personne pour l'instant.")
    combo.setCurrentIndex(1)  # Julien Petit, ASS (typing again would extend the search)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert [(a.start, a.replacement) for a in saved] == [(date(2025, 9, 1), "w2")]
