"""Ctrl+S saves the form the cursor is in, as its « Enregistrer » button would: the
« Suivi » form of a measure, a household's identity, a worker's card, a new home (a dialog)
the association's settings (its name, its alert settings: two forms, the one in front) and a
bilan being written (saved, left open)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.domain.model import Household, Report, ReportKind, Territory
from tests.ui.conftest import settle
from tests.ui.helpers import closed, seed_asll, type_in


def _ctrl_s(qtbot, window, widget) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S with the keyboard focus in `widget`, then wait for the save to end."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)


def test_ctrl_s_saves_the_measure_suivi_form(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    form = window.screens["mesure"].side.form
    type_in(qtbot, form.fields["decision_date"], "13/06/2025")  # was 12/06/2025
    _ctrl_s(qtbot, window, form.fields["decision_date"])
    assert store.measure("m1").decision_date == date(2025, 6, 13)
    assert not form.dirty


def test_ctrl_s_saves_the_household_identity(window, qtbot, store):  # type: ignore[no-untyped-def]
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042", city="Arras",
                                   territory=Territory.ARRAGEOIS))
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    form = window.screens["menage"].identity
    type_in(qtbot, form.fields["city"], "Lens")
    _ctrl_s(qtbot, window, form.fields["city"])
    assert store.household("h1").city == "Lens"


def test_ctrl_s_saves_the_worker_card(window, qtbot, store):  # type: ignore[no-untyped-def]
    assert window.show_screen("equipe")
    settle(qtbot, window)
    screen = window.screens["equipe"]
    screen.select_worker("w2")
    type_in(qtbot, screen.form.fields["fte"], "0,8")
    _ctrl_s(qtbot, window, screen.form.fields["fte"])
    assert {w.id: w.fte for w in store.workers()}["w2"] == 0.8


def test_ctrl_s_saves_a_new_home_dialog(window, qtbot, store):  # type: ignore[no-untyped-def]
    assert window.show_screen("logements")
    settle(qtbot, window)
    screen = window.screens["logements"]
    screen.new_home()
    dialog = screen.dialog
    type_in(qtbot, dialog.form.fields["address"], "3 place d'Armes, Béthune")
    _ctrl_s(qtbot, window, dialog.form.fields["address"])
    assert [h.address for h in store.homes()] == ["3 place d'Armes, Béthune"]
    assert closed(dialog)


def test_ctrl_s_saves_the_settings_form_in_front_only(window, qtbot, store):  # type: ignore[no-untyped-def]
    assert window.show_screen("parametres")
    settle(qtbot, window)
    screen = window.screens["parametres"]
    type_in(qtbot, screen.name_form.fields["name"], "Association Habitat Artois")
    type_in(qtbot, screen.alert_form.fields["days_ahead"], "21")
    # The cursor in the alert settings: they are saved, the name (typed, not saved) is not.
    _ctrl_s(qtbot, window, screen.alert_form.fields["days_ahead"])
    assert store.alert_settings().days_ahead == 21
    assert store.association().name == "Association de test"
    assert screen.name_form.dirty
    _ctrl_s(qtbot, window, screen.name_form.fields["name"])
    assert store.association().name == "Association Habitat Artois"


def test_ctrl_s_saves_the_bilan_and_keeps_it_open(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    measure = store.measure("m1")
    measure.reports = [Report(ReportKind.FINAL, date(2025, 12, 31), None, False)]
    store.save_measure(measure)
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    screen = window.screens["mesure"]
    screen.tabs.setCurrentIndex(1)  # Bilans
    write = next(b for b in screen.tabs.widget(1).findChildren(QPushButton)
                 if b.text() == "Rédiger le bilan…")
    qtbot.mouseClick(write, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    dialog = screen.bilan
    type_in(qtbot, dialog.sections["situation"], "Mme Durand vit seule à Arras.")
    _ctrl_s(qtbot, window, dialog.sections["situation"])
    stored = store.bilan_text("m1", ReportKind.FINAL, date(2025, 12, 31))
    assert stored.text.situation == "Mme Durand vit seule à Arras."
    assert dialog.isVisible() and not dialog.dirty  # still open, to go on writing
    dialog.reject()
