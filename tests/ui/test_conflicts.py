"""Two writers through the window (issue 6): a record changed by another store object (another
window or process) while a form is open — saving shows the French message, the typed values
stay in the widgets and the store keeps the other writer's version."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.model import Vacancy, Visit, VisitOutcome
from desktop_app.store.repository import open_store
from tests.ui.conftest import settle
from tests.ui.helpers import save, seed_asll, type_in

MEASURE_CHANGED = (
    "Cette mesure a été modifiée ailleurs (autre fenêtre ou autre poste) depuis que vous "
    "l'avez ouverte : vos saisies sont conservées ; rechargez la mesure pour voir la "
    "nouvelle version, puis refaites vos modifications.")
HOUSEHOLD_CHANGED = (
    "Ce ménage a été modifié ailleurs (autre fenêtre ou autre poste) depuis que vous l'avez "
    "ouvert : vos saisies sont conservées ; rechargez le dossier pour voir la nouvelle "
    "version, puis refaites vos modifications.")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def _other(store):  # type: ignore[no-untyped-def]
    """A second store object on the same file: its own engine, as another process."""
    return open_store(f"sqlite:///{store.where}")


def test_measure_changed_elsewhere_while_the_form_is_open(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    form = screen.side.form
    type_in(qtbot, form.fields["decision_date"], "15/06/2025")
    other = _other(store)
    measure = other.measure("m1")
    measure.visits.append(Visit(date(2025, 9, 9), VisitOutcome.REALISEE))
    other.save_measure(measure)
    other.close()
    qtbot.mouseClick(screen.side.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    boxes = _boxes()
    assert [b.windowTitle() for b in boxes] == ["Dossier modifié entre-temps"]
    assert boxes[0].text().startswith(MEASURE_CHANGED)
    boxes[0].close()
    # Typed values kept, still to save; the store holds the other writer's version.
    assert form.fields["decision_date"].text() == "15/06/2025" and form.dirty
    stored = store.measure("m1")
    assert stored.decision_date == date(2025, 6, 12)
    assert stored.visits == [Visit(date(2025, 9, 9), VisitOutcome.REALISEE)]
    # Reloaded (the worker discards the typing), the same edit goes through.
    form.mark_clean()
    screen.refresh()
    settle(qtbot, window)
    assert screen.visits.model.rowCount() == 1  # the other writer's visit, now shown
    type_in(qtbot, screen.side.form.fields["decision_date"], "15/06/2025")
    qtbot.mouseClick(screen.side.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert _boxes() == []
    assert store.measure("m1").decision_date == date(2025, 6, 15)
    assert len(store.measure("m1").visits) == 1


def test_own_saves_one_after_the_other_are_not_conflicts(window, qtbot, store):  # type: ignore[no-untyped-def]
    """The screen knows what it wrote itself: a visit, then the « Suivi » form, then a
    visit again — no message."""
    seed_asll(store)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    type_in(qtbot, screen.side.form.fields["decision_date"], "13/06/2025")
    screen._add_visit(Visit(date(2025, 9, 1), VisitOutcome.REALISEE))
    settle(qtbot, window)
    qtbot.mouseClick(screen.side.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    screen._add_visit(Visit(date(2025, 9, 8), VisitOutcome.ANNULEE))
    settle(qtbot, window)
    assert _boxes() == []
    stored = store.measure("m1")
    assert stored.decision_date == date(2025, 6, 13)
    assert [v.date for v in stored.visits] == [date(2025, 9, 1), date(2025, 9, 8)]


def test_household_identity_changed_elsewhere(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    screen = window.screens["menage"]
    type_in(qtbot, screen.identity.fields["city"], "Lens")
    other = _other(store)
    other.save_household(replace(other.household("h1"), phone="0700000000"))
    other.close()
    screen.save_identity()
    settle(qtbot, window)
    boxes = _boxes()
    assert boxes and boxes[0].text().startswith(HOUSEHOLD_CHANGED)
    boxes[0].close()
    assert screen.identity.fields["city"].text() == "Lens" and screen.identity.dirty
    stored = store.household("h1")
    assert (stored.city, stored.phone) == ("Arras", "0700000000")
    screen.identity.mark_clean()  # else closing the window asks about the unsaved typing


def test_vacancy_dialog_stays_open_on_a_conflict(window, qtbot, store):  # type: ignore[no-untyped-def]
    from desktop_app.domain.model import Home

    store.save_home(Home("u1", "3 place d'Armes, Béthune"))
    window.show_screen("logements")
    settle(qtbot, window)
    screen = window.screens["logements"]
    screen.new_vacancy()
    dialog = screen.dialog
    type_in(qtbot, dialog.form.fields["start"], "01/09/2025")
    type_in(qtbot, dialog.form.fields["end"], "10/09/2025")
    other = _other(store)
    other.save_home(Home("u1", "3 place d'Armes, Béthune",
                         [Vacancy(date(2025, 8, 1), date(2025, 8, 5))]))
    other.close()
    save(qtbot, window, dialog)
    boxes = _boxes()
    assert boxes and boxes[0].text().startswith("Ce logement a été modifié ailleurs")
    boxes[0].close()
    assert dialog.isVisible() and dialog.form.fields["start"].text() == "01/09/2025"
    assert store.homes()[0].vacancies == [Vacancy(date(2025, 8, 1), date(2025, 8, 5))]
    dialog.reject()


def test_worker_card_changed_elsewhere(window, qtbot, store):  # type: ignore[no-untyped-def]
    window.show_screen("equipe")
    settle(qtbot, window)
    screen = window.screens["equipe"]
    screen.select_worker("w2")
    type_in(qtbot, screen.form.fields["name"], "Julien PETIT")
    other = _other(store)
    julien = next(w for w in other.workers() if w.id == "w2")
    other.save_worker(replace(julien, fte=0.8))
    other.close()
    screen.save_worker()
    settle(qtbot, window)
    boxes = _boxes()
    assert boxes and boxes[0].text().startswith("Cette fiche de l'équipe a été modifiée ailleurs")
    boxes[0].close()
    assert screen.form.fields["name"].text() == "Julien PETIT" and screen.form.dirty
    assert [(w.name, w.fte) for w in store.workers() if w.id == "w2"] == [("Julien Petit", 0.8)]
    screen.form.mark_clean()  # else closing the window asks about the unsaved typing


def _id_taken(record_id: str) -> str:
    return (f"L'identifiant {record_id} vient d'être pris par un autre enregistrement (autre "
            "fenêtre ou autre poste) : rien n'a été écrit, vos saisies sont conservées ; "
            "enregistrez de nouveau (un autre identifiant sera pris).")


def _refused(qtbot, window, dialog, record_id: str) -> None:  # type: ignore[no-untyped-def]
    """The creation was refused: the dialog and what was typed stay, the message says why."""
    save(qtbot, window, dialog)
    assert dialog.isVisible()
    [box] = _boxes()
    assert box.text() == _id_taken(record_id)
    box.close()
    dialog.reject()


def test_new_records_never_replace_one_created_meanwhile(window, qtbot, store, monkeypatch):  # type: ignore[no-untyped-def]
    """`new_id` reads, the save writes: another window may create a record under the same id
    between. Simulated by `new_id` giving ids already taken: each creation is refused, the
    record there is left as it was."""
    from desktop_app.domain.model import Home, Measure, MeasureType

    seed_asll(store)  # h1 DURAND Marie, m1
    store.save_home(Home("u1", "3 place d'Armes, Béthune"))
    taken = {"h": "h1", "m": "m1", "w": "w1", "u": "u1"}
    monkeypatch.setattr(store, "new_id", lambda prefix: taken[prefix])

    window.show_screen("menages")
    settle(qtbot, window)
    households = window.screens["menages"]
    households.new_household()
    type_in(qtbot, households.dialog.form.fields["name"], "MARTIN Paul")
    _refused(qtbot, window, households.dialog, "h1")
    assert store.household("h1").name == "DURAND Marie"

    window.show_screen("equipe")
    settle(qtbot, window)
    team = window.screens["equipe"]
    team.new_worker()
    type_in(qtbot, team.dialog.form.fields["name"], "Paul Leroy")
    _refused(qtbot, window, team.dialog, "w1")
    assert {w.id: w.name for w in store.workers()}["w1"] == "Claire Martin"

    window.show_screen("logements")
    settle(qtbot, window)
    homes = window.screens["logements"]
    homes.new_home()
    type_in(qtbot, homes.dialog.form.fields["address"], "12 rue Neuve, Lens")
    _refused(qtbot, window, homes.dialog, "u1")
    assert [h.address for h in store.homes()] == ["3 place d'Armes, Béthune"]

    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    household = window.screens["menage"]
    household.new_measure()
    fields = household.dialog.form.fields
    type_in(qtbot, fields["decision_date"], "12/06/2025")
    fields["decision_date"].editingFinished.emit()
    fields["type"].set_value(MeasureType.AML)
    _refused(qtbot, window, household.dialog, "m1")
    stored: Measure = store.measure("m1")
    assert stored.type is MeasureType.ASLL


def test_a_notice_from_the_dashboard_never_overwrites_a_change_made_in_between(
        window, qtbot, store, monkeypatch):  # type: ignore[no-untyped-def]
    """The dashboard's « Signaler au SLISL » reads the measure, adds the notice and saves: a
    visit recorded elsewhere between that read and that save is kept, the notice refused in
    French (it was once saved with no check and would have erased the visit)."""
    from desktop_app.domain.model import NoticeKind, VisitPlace
    from tests.ui.helpers import click_action, dashboard_alert

    doors = (Visit(date(2025, 9, 9), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE),
             Visit(date(2025, 9, 16), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE))
    seed_asll(store, visits=doors)
    dashboard, leaf = dashboard_alert(qtbot, window, "portes_closes")
    click_action(qtbot, dashboard, leaf)
    notice = dashboard.alert_actions.dialog
    assert notice is not None and notice.isVisible()

    read = store.measure

    def read_then_changed_elsewhere(measure_id):  # type: ignore[no-untyped-def]
        found = read(measure_id)
        other = _other(store)
        changed = other.measure(measure_id)
        changed.visits.append(Visit(date(2025, 9, 12), VisitOutcome.REALISEE))
        other.save_measure(changed)
        other.close()
        return found

    monkeypatch.setattr(store, "measure", read_then_changed_elsewhere)
    save(qtbot, window, notice)
    monkeypatch.undo()
    boxes = _boxes()
    assert [b.windowTitle() for b in boxes] == ["Dossier modifié entre-temps"]
    assert boxes[0].text().startswith(MEASURE_CHANGED)
    boxes[0].close()
    stored = store.measure("m1")
    assert sorted(v.date for v in stored.visits) == [date(2025, 9, 9), date(2025, 9, 12),
                                                       date(2025, 9, 16)]
    assert stored.notices == []
    assert notice.isVisible()  # the date typed is still there, to save again
    # Saved again, on the version that now holds the visit: the notice is recorded.
    save(qtbot, window, notice)
    stored = store.measure("m1")
    assert [(n.kind, n.sent_on) for n in stored.notices] == [
        (NoticeKind.PORTES_CLOSES, date(2025, 9, 16))]
    assert len(stored.visits) == 3
