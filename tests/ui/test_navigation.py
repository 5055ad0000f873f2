"""Leaving with unsaved changes, shortcuts, the household file, window state, start-up."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.model import Household, Visit, VisitOutcome, VisitPlace
from desktop_app.ui import screen as base
from tests.ui.conftest import settle
from tests.ui.helpers import closed, save, seed_asll, type_in


def _open_household(window, qtbot):  # type: ignore[no-untyped-def]
    window.ctx.open_household.emit("h1")
    settle(qtbot, window)
    return window.screens["menage"]


def test_unsaved_changes_are_asked_about(window, qtbot, store, monkeypatch):  # type: ignore[no-untyped-def]
    seed_asll(store)
    screen = _open_household(window, qtbot)
    type_in(qtbot, screen.identity.fields["phone"], "06 01 02 03 04")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
    asked: list[str] = []

    def ask(_parent, what):  # type: ignore[no-untyped-def]
        asked.append(what)
        return next(answers)

    monkeypatch.setattr(base, "ask_unsaved", ask)
    # « Rester sur l'écran »: still here, still typed.
    assert not window.show_screen("equipe")
    assert window.current is screen and window.nav.currentRow() == 1
    assert screen.identity.fields["phone"].text() == "06 01 02 03 04"
    # « Enregistrer »: saved, then gone.
    assert window.show_screen("equipe")
    settle(qtbot, window)
    assert asked == ["l'identité du ménage", "l'identité du ménage"]
    assert store.household("h1").phone == "06 01 02 03 04"
    assert window.current.key == "equipe"


def test_a_wrong_field_keeps_the_user_on_the_screen(window, qtbot, store, monkeypatch):  # type: ignore[no-untyped-def]
    seed_asll(store)
    screen = _open_household(window, qtbot)
    type_in(qtbot, screen.identity.fields["postcode"], "6200")
    monkeypatch.setattr(base, "ask_unsaved", lambda *_a: QMessageBox.StandardButton.Save)
    assert not window.show_screen("tableau")
    assert screen.identity.error("postcode") == "Le code postal a 5 chiffres, par exemple 62000."
    assert screen.identity.fields["postcode"].text() == "6200"
    assert store.household("h1").postcode is None


def test_household_file_shows_one_timeline(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    measure = store.measure("m1")
    measure.visits = [Visit(date(2025, 7, 10), VisitOutcome.REALISEE, VisitPlace.DOMICILE),
                      Visit(date(2025, 9, 9), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)]
    store.save_measure(measure)
    screen = _open_household(window, qtbot)
    assert screen.heading.text() == "DURAND Marie — FSL-2025-0042"
    events = [(e.day, e.what) for e in screen.timeline.rows]
    # Newest first: the closed door, the held visit, the period's start, the decision.
    assert events == [(date(2025, 9, 9), "Porte close"),
                      (date(2025, 7, 10), "Visite réalisée"),
                      (date(2025, 7, 1), "Période initiale"),
                      (date(2025, 6, 12), "Décision")]
    assert screen.measures.rows[0][2] == "En cours"
    # A member, added through its form.
    screen.members_card.add_member()
    dialog = screen.members_card.dialog
    type_in(qtbot, dialog.form.fields["name"], "DURAND Léo")
    type_in(qtbot, dialog.form.fields["birth_date"], "03/02/2015")
    save(qtbot, window, dialog)
    assert closed(dialog)
    assert [(m.name, m.birth_date) for m in store.household("h1").members] == [
        ("DURAND Léo", date(2015, 2, 3))]
    # 03/02/2015 → 16/09/2025: 10 years old.
    assert screen.members_view.model().index(0, 3).data() == "10 ans"


def test_search_and_shortcuts(window, qtbot, store):  # type: ignore[no-untyped-def]
    seed_asll(store)
    store.save_household(Household("h2", "LEFEBVRE Paul", city="Béthune"))
    window.ctx.changed.emit("all")  # written behind the window's back: every screen reloads
    window.activateWindow()
    # Ctrl+F: the household list, cursor in the search field.
    window.search()
    settle(qtbot, window)
    screen = window.screens["menages"]
    assert window.current is screen and screen.search.hasFocus()
    assert screen.count.text() == "2 ménages"
    type_in(qtbot, screen.search, "bethune")
    assert screen.model.rowCount() == 1 and screen.model.index(0, 0).data() == "LEFEBVRE Paul"
    assert screen.count.text() == "1 sur 2 ménages correspondent à la recherche"
    # Enter opens the file.
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.current.key == "menage"
    # F8: the dashboard, the next alert selected; at the last one it wraps to the first.
    assert window.show_screen("tableau")
    settle(qtbot, window)
    dashboard = window.screens["tableau"]
    leaves = dashboard.alert_model.leaves()
    # CET sent late, visits of August missed (September's, due, are in the visits panel)
    assert len(leaves) == 2
    assert dashboard.alert_view.currentIndex() == leaves[0]  # selected when shown
    for expected in (1, 0, 1):
        window.next_alert()
        assert dashboard.alert_view.currentIndex() == leaves[expected]
    assert dashboard.detail.text()  # what to do, in words
    # Ctrl+N on a measure: the cursor goes to the visit date, today proposed.
    window.ctx.open_measure.emit("m1")
    settle(qtbot, window)
    window.new_visit_action.trigger()
    assert window.screens["mesure"].visits.date.text() == "16/09/2025"


def test_window_state_is_remembered(window, qtbot):  # type: ignore[no-untyped-def]
    window.resize(1100, 700)
    window.close()
    settings = QSettings()
    assert settings.organizationName() == "SuiviFSL"
    assert settings.value("fenetre/geometrie") is not None


def test_start_up_imports_only_the_window():  # type: ignore[no-untyped-def]
    code = ("import sys, desktop_app.ui.app, desktop_app.ui.main_window\n"
            "print(','.join(n for n in ('reportlab', 'openpyxl') if n in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_launch_opens_the_store_off_the_gui_thread(app, qtbot, tmp_path, empty_store_file):  # type: ignore[no-untyped-def]
    import shutil

    from desktop_app.ui.app import Launch

    path = tmp_path / "base.sqlite3"
    shutil.copyfile(empty_store_file, path)
    launch = Launch(f"sqlite:///{path}", lambda: date(2025, 9, 16), interactive=False)
    qtbot.addWidget(launch.window)
    assert not launch.ctx.has_store  # still opening: the window is being built meanwhile
    qtbot.waitUntil(lambda: launch.runner.idle and launch.window.isVisible(), timeout=15000)
    assert launch.error is None and launch.ctx.has_store
    assert launch.window.current.key == "tableau"
    assert launch.window.screens["tableau"].today_label.text() == (
        "Aujourd'hui, mardi 16 septembre 2025")
    launch.window.close()


def test_launch_on_a_file_that_is_not_a_store_says_so(app, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from desktop_app.store.errors import StoreError
    from desktop_app.ui.app import Launch
    from desktop_app.ui.background import describe_error

    path = tmp_path / "pas-une-base.sqlite3"
    path.write_text("pas une base", encoding="utf-8")
    launch = Launch(f"sqlite:///{path}", interactive=False)
    qtbot.addWidget(launch.window)
    qtbot.waitUntil(lambda: launch.runner.idle, timeout=15000)
    assert isinstance(launch.error, StoreError)
    title, text, _details = describe_error(launch.error)
    assert title == "Problème avec la base de données"
    assert "n'est pas une base Suivi FSL lisible" in text
    assert not launch.window.isVisible()
