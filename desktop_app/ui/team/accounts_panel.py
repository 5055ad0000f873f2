"""Équipe › Comptes: the personal accounts of a store on the association's
PostgreSQL server, for a `responsable` (or the owner of the base) — the window's side of
`suivi-fsl account …`, through the same commands (`app.accounts`).

The list (login, role, linked worker, state, shared households) and its actions: add an
account, change a password, disable an account (after a confirmation). Each goes to the
server in the background; a refusal is said in French, and a dialog keeps what was typed.
On a file, or for another account, the tab is not shown (`manages`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from desktop_app.app import accounts
from desktop_app.domain.fr import format_date
from desktop_app.store.records import AccountLine, Session
from desktop_app.ui.background import describe_error, show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import Values
from desktop_app.ui.models import Column, RowTableModel, date_key
from desktop_app.ui.opening.store_session import StoreSession
from desktop_app.ui.team.account_dialogs import (
    ROLE_NAMES,
    AccountDialog,
    add_account_dialog,
    password_dialog,
)
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view, view_row
from desktop_app.ui.widgets import button

INTRO = ("Les comptes personnels de la base sur le serveur : chaque personne se connecte avec "
         "son identifiant et son mot de passe. Un compte désactivé ne peut plus se connecter ; "
         "son historique reste.")
CHOOSE = "Choisissez d'abord un compte dans la liste."


def manager(session: StoreSession) -> Session | None:
    """The account of the open store when it may manage accounts (a server, as a
    `responsable` or the owner of the base); None on a file or for another account."""
    account = session.account
    return account if account is not None and account.manages else None


def state_text(line: AccountLine) -> str:
    return f"Désactivé le {format_date(line.disabled_on)}" if line.disabled_on else "Actif"


def shares_text(line: AccountLine) -> str:
    return ", ".join(name for _id, name in line.shares)


class AccountsPanel(QWidget):
    """The « Comptes » tab; `loaded(count)` after each listing."""

    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: AccountDialog | None = None
        self.confirm: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        box = QVBoxLayout(self)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        box.addWidget(intro)
        self.accounts: RowTableModel[AccountLine] = RowTableModel([
            Column("Identifiant", lambda a: a.login, fit=True),
            Column("Rôle", lambda a: ROLE_NAMES.get(a.group, a.group), fit=True),
            Column("Intervenant lié", lambda a: a.worker_name or a.worker_id or "—"),
            Column("État", state_text, lambda a: date_key(a.disabled_on), fit=True,
                   color=lambda a: "#eeeeee" if a.disabled_on else None),
            Column("Ménages partagés", lambda a: shares_text(a) or "—",
                   lambda a: len(a.shares), fit=False, tooltip=shares_text),
        ], self)
        self.view = table_view(self.accounts, self, "Comptes personnels",
                               empty="Aucun compte personnel pour l'instant.")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        box.addWidget(self.view, 1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("muted")
        box.addWidget(self.notice)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = button("Ajouter un compte…", self, self.add_account)
        self.password_button = button("Changer le mot de passe…", self, self.change_password)
        self.disable_button = button("Désactiver", self, self.disable, tip=(
            "Le compte ne pourra plus se connecter ; son historique est conservé."))
        for widget in (self.add_button, self.password_button, self.disable_button):
            row.addWidget(widget)
        box.addLayout(row)
        self._enable()

    @property
    def available(self) -> bool:
        return manager(self.ctx.session) is not None

    def reload(self) -> None:
        if not self.available:
            self.accounts.set_rows([])
            return
        store = self.ctx.store
        self.ctx.run(lambda: accounts.accounts(store), self._loaded,
                     text="Chargement des comptes…", on_error=self._not_loaded)

    def _loaded(self, lines: list[AccountLine]) -> None:
        chosen = self.selected()
        self.accounts.set_rows(lines)
        if chosen is not None:
            self.select(chosen.login)
        self._enable()
        self.loaded.emit(len(lines))

    def _not_loaded(self, error: BaseException) -> None:
        self.accounts.set_rows([])
        self.notice.setText(describe_error(error)[1])
        self._enable()

    def selected(self) -> AccountLine | None:
        line: AccountLine | None = selected_row(self.view)
        return line

    def select(self, login: str) -> None:
        for row, line in enumerate(self.accounts.rows):
            if line.login == login:
                self.view.selectRow(view_row(self.view, self.accounts.index(row, 0)))
                return

    def _enable(self) -> None:
        line = self.selected()
        self.password_button.setEnabled(line is not None)
        self.disable_button.setEnabled(line is not None and line.disabled_on is None)

    # --- actions -------------------------------------------------------------------------
    def add_account(self) -> None:
        dialog = add_account_dialog(self, self.ctx.workers)
        store, today = self.ctx.store, self.ctx.today()

        def send(values: Values, password: str) -> None:
            self._send(dialog, lambda: accounts.add_account(
                store, values["login"], values["role"], values["worker"], password, today),
                values["login"])

        dialog.on_send = send
        self.dialog = dialog
        dialog.open()

    def change_password(self) -> None:
        line = self.selected()
        if line is None:
            self.notice.setText(CHOOSE)
            return
        dialog = password_dialog(self, line.login)
        store, login = self.ctx.store, line.login
        dialog.on_send = lambda _values, password: self._send(
            dialog, lambda: accounts.change_password(store, login, password), login)
        self.dialog = dialog
        dialog.open()

    def _send(self, dialog: AccountDialog, work: Callable[[], str], login: str) -> None:
        def done(said: str) -> None:
            dialog.accept()
            self.notice.setText(said)
            self.select(login)

        self.ctx.save(work, Topic.ACCOUNTS, done, text="Enregistrement sur le serveur…",
                      on_error=dialog.refused)

    def disable(self) -> None:
        line = self.selected()
        if line is None:
            self.notice.setText(CHOOSE)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Désactiver un compte",
                          f"Désactiver le compte « {line.login} » ?\n\nIl ne pourra plus se "
                          "connecter ; son historique est conservé. Une session déjà ouverte "
                          "se termine à sa fermeture.", parent=self)
        yes = box.addButton("Désactiver", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Annuler", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        store, today, login = self.ctx.store, self.ctx.today(), line.login

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self.ctx.save(lambda: accounts.disable_account(store, login, today), Topic.ACCOUNTS,
                              self.notice.setText, text="Enregistrement sur le serveur…",
                              on_error=self._refused)

        box.finished.connect(answered)
        self.confirm = box
        box.open()

    def _refused(self, error: BaseException) -> None:
        self.error_box = show_error(self, error)

