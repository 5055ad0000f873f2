"""Équipe › Comptes on the PostgreSQL test server: a `responsable` adds, changes
and disables personal accounts through the window, which goes through `app.accounts`
as the command line does; refusals are said in French and keep what was typed; the tab is
for a `responsable` only. The team is the worked example 1 (`tests.server_team`: Claire
Martin is w1, referent of h1 and h4)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.store.account_admin import SELF
from tests.postgres import TestServer
from tests.server_team import PASSWORD, Team, ids
from tests.ui.conftest import TODAY, settle
from tests.ui.helpers import choose, closed, type_in


@pytest.fixture
def team(pg_server: TestServer) -> Iterator[Team]:
    made = Team(pg_server)
    yield made
    made.close()


@pytest.fixture
def open_window(app, qtbot):  # type: ignore[no-untyped-def]
    """`open_window(team, login)`: the main window on the team's base as `login`, on the
    Équipe screen; its store closed after the test."""
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.opening.store_session import StoreSession

    opened = []

    def make(team: Team, login: str):  # type: ignore[no-untyped-def]
        store = team.open_as(login)
        opened.append(store)
        ctx = AppContext(store, today=lambda: TODAY)
        ctx.session = StoreSession(account=store.session)  # as `Launch` sets it
        win = MainWindow(ctx, "Base : serveur")
        qtbot.addWidget(win)
        win.show()
        win.start()
        settle(qtbot, win)
        assert win.show_screen("equipe")
        settle(qtbot, win)
        return win

    yield make
    for store in opened:
        store.close()


def _panel(win):  # type: ignore[no-untyped-def]
    tabs = win.screens["equipe"].tabs
    assert tabs.isTabVisible(tabs.accounts_tab)
    tabs.setCurrentIndex(tabs.accounts_tab)
    return tabs.accounts


def _click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _send(qtbot, win, dialog) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    settle(qtbot, win)


def _fill_new_account(qtbot, dialog, login: str, password: str) -> None:  # type: ignore[no-untyped-def]
    type_in(qtbot, dialog.form.fields["login"], login)
    choose(qtbot, dialog.form.fields["role"], "Travailleur")
    choose(qtbot, dialog.form.fields["worker"], "Claire")
    type_in(qtbot, dialog.passwords.first, password)
    type_in(qtbot, dialog.passwords.second, password)


def _confirm_disable(qtbot, panel, login: str) -> None:  # type: ignore[no-untyped-def]
    panel.select(login)
    _click(qtbot, panel.disable_button)
    box = panel.confirm
    qtbot.waitUntil(box.isVisible)
    yes = next(b for b in box.buttons() if b.text() == "Désactiver")
    _click(qtbot, yes)


def _states(panel) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {line.login: panel.accounts.data(panel.accounts.index(row, 3))
            for row, line in enumerate(panel.accounts.rows)}


def test_a_responsable_adds_a_travailleur_account_that_can_then_connect(
        team, open_window, qtbot):  # type: ignore[no-untyped-def]
    chief = team.add("chef", "responsable")
    win = open_window(team, chief)
    panel = _panel(win)
    assert [line.login for line in panel.accounts.rows] == [chief]
    assert win.screens["equipe"].tabs.tabText(win.screens["equipe"].tabs.accounts_tab) \
        == "Comptes (1)"
    w1 = team.login("w1")
    team.logins.append(w1)
    _click(qtbot, panel.add_button)
    dialog = panel.dialog
    _fill_new_account(qtbot, dialog, w1, PASSWORD)
    _send(qtbot, win, dialog)
    assert closed(dialog)
    assert panel.notice.text() == (f"Compte « {w1} » créé : rôle travailleur, travailleur w1, "
                                   f"membre du rôle suivi_{team.database}_travailleur.")
    line = next(line for line in panel.accounts.rows if line.login == w1)
    assert (line.group, line.worker_id, line.worker_name, line.disabled_on) == (
        "travailleur", "w1", "Claire Martin", None)
    assert _states(panel) == {chief: "Actif", w1: "Actif"}
    with team.connect(w1) as sql:  # its caseload only: Claire Martin's households
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]


def test_a_disabled_account_cannot_connect(team, open_window, qtbot):  # type: ignore[no-untyped-def]
    chief = team.add("chef", "responsable")
    w1 = team.add("w1", "travailleur", "w1")
    win = open_window(team, chief)
    panel = _panel(win)
    _confirm_disable(qtbot, panel, w1)
    settle(qtbot, win)
    assert _states(panel) == {chief: "Actif", w1: "Désactivé le 16/09/2025"}
    assert panel.notice.text().startswith(f"Compte « {w1} » désactivé : il ne peut plus se "
                                          "connecter")
    panel.select(w1)
    assert not panel.disable_button.isEnabled()  # already done
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        team.connect(w1)


def test_a_weak_password_is_refused_in_french_and_the_form_kept(
        team, open_window, qtbot):  # type: ignore[no-untyped-def]
    chief = team.add("chef", "responsable")
    win = open_window(team, chief)
    panel = _panel(win)
    w1 = team.login("w1")
    _click(qtbot, panel.add_button)
    dialog = panel.dialog
    _fill_new_account(qtbot, dialog, w1, "court")
    _send(qtbot, win, dialog)
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "Mot de passe refusé : Trop faible. Il manque 7 caractères, une majuscule, un chiffre "
        "et un caractère spécial ; ou bien écrivez une phrase d'au moins 7 mots (1 mot pour "
        "l'instant). Rien n'a été modifié.")
    assert dialog.form.fields["login"].text() == w1
    assert dialog.form.fields["role"].value() == "travailleur"
    assert dialog.form.fields["worker"].value() == "w1"
    assert (dialog.passwords.first.text(), dialog.passwords.second.text()) == ("court", "court")
    # Two different entries: said before anything is sent.
    type_in(qtbot, dialog.passwords.second, "courte")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.problem.text() == ("Les deux saisies du mot de passe ne sont pas identiques : "
                                     "retapez-les.")
    assert [line.login for line in panel.accounts.rows] == [chief]
    with team.owner() as owner:
        assert ids(owner, f"SELECT count(*) FROM pg_roles WHERE rolname = '{w1}'") == [0]
    # Fixed in the same dialog, it goes through.
    type_in(qtbot, dialog.passwords.first, PASSWORD)
    type_in(qtbot, dialog.passwords.second, PASSWORD)
    team.logins.append(w1)
    _send(qtbot, win, dialog)
    assert closed(dialog)
    assert [line.login for line in panel.accounts.rows] == [chief, w1]


def test_an_account_cannot_disable_itself(team, open_window, qtbot):  # type: ignore[no-untyped-def]
    chief = team.add("chef", "responsable")
    win = open_window(team, chief)
    panel = _panel(win)
    _confirm_disable(qtbot, panel, chief)
    settle(qtbot, win)
    box = panel.error_box
    assert (box.windowTitle(), box.text()) == ("Opération impossible", SELF.format(login=chief))
    assert _states(panel) == {chief: "Actif"}
    with team.connect(chief) as sql:
        assert ids(sql, "SELECT count(*) FROM accounts WHERE disabled_on IS NULL") == [1]


def test_the_password_is_changed_from_the_window(team, open_window, qtbot):  # type: ignore[no-untyped-def]
    chief = team.add("chef", "responsable")
    w1 = team.add("w1", "travailleur", "w1")
    win = open_window(team, chief)
    panel = _panel(win)
    panel.select(w1)
    _click(qtbot, panel.password_button)
    dialog = panel.dialog
    new = "Une-autre-phrase-de-passe-2026"
    type_in(qtbot, dialog.passwords.first, new)
    type_in(qtbot, dialog.passwords.second, new)
    _send(qtbot, win, dialog)
    assert closed(dialog)
    assert panel.notice.text() == f"Mot de passe du compte « {w1} » changé."
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        team.connect(w1)  # the old one
    with psycopg.connect(team.url(w1, new).replace("+psycopg", "")) as sql:
        assert ids(sql, "SELECT id FROM households") == ["h1", "h4"]


def test_a_travailleur_does_not_see_the_accounts(team, open_window) -> None:  # type: ignore[no-untyped-def]
    w1 = team.add("w1", "travailleur", "w1")
    win = open_window(team, w1)
    tabs = win.screens["equipe"].tabs
    assert not tabs.isTabVisible(tabs.accounts_tab)
    assert tabs.accounts.accounts.rows == []


def test_on_a_file_there_is_no_accounts_tab(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.show_screen("equipe")
    settle(qtbot, window)
    tabs = window.screens["equipe"].tabs
    assert not tabs.isTabVisible(tabs.accounts_tab)
    assert [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)] == [
        "Absences (0)", "Mesures en cours et qui les suit (0)"]
