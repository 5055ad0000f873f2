"""« Composition du ménage »: the members of a household, added and removed by a small form
(each change saves the household at once)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.app.households import change_household
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import ROLES
from desktop_app.domain.model import Household, Member
from desktop_app.ui.context import AppContext
from desktop_app.ui.fields import ChoiceField, DateField, TextField
from desktop_app.ui.forms import FormDialog
from desktop_app.ui.models import Column, RowTableModel, date_key
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view
from desktop_app.ui.widgets import button


def age(birth: date | None, today: date) -> str:
    """« 10 ans » on `today` for someone born on `birth`."""
    if birth is None:
        return ""
    years = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return f"{years} an{'s' if years > 1 else ''}"


def member_columns(today: Callable[[], date]) -> list[Column[Member]]:
    return [
        Column("Nom", lambda m: m.name), Column("Lien", lambda m: ROLES[m.role], fit=True),
        Column("Né(e) le", lambda m: format_date(m.birth_date), lambda m: date_key(m.birth_date)),
        Column("Âge", lambda m: age(m.birth_date, today()), lambda m: -date_key(m.birth_date)),
    ]


class MembersCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 12)
        self.title = QLabel("Composition du ménage", self)
        self.title.setObjectName("cardTitle")
        box.addWidget(self.title)
        self.ctx = ctx
        self.household: Household | None = None
        self.dialog: FormDialog | None = None
        self.model: RowTableModel[Member] = RowTableModel(member_columns(ctx.today), self)
        self.view = table_view(self.model, self, "Membres du ménage",
                               empty="Aucune personne notée : « Ajouter une personne… ».")
        box.addWidget(self.view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button("Ajouter une personne…", self, self.add_member))
        row.addWidget(button("Retirer", self, self.remove_member))
        box.addLayout(row)

    def show_household(self, household: Household) -> None:
        self.household = household
        self.model.set_rows(household.members)
        self.title.setText(f"Composition du ménage ({len(household.members)})")

    def _save(self, members: list[Member], dialog: FormDialog | None = None) -> None:
        store, expected = self.ctx.store, self.household
        if expected is None:
            return
        household = replace(expected, members=members)

        def done(_result: object) -> None:
            self.household = household
            if dialog is not None:
                dialog.accept()

        # Refused (ConflictError) if the household changed elsewhere since it was shown.
        self.ctx.save(lambda: change_household(store, household, expected), Topic.HOUSEHOLD, done)

    def add_member(self) -> None:
        if self.household is None:
            return
        dialog = FormDialog(self, "Ajouter une personne au ménage")
        dialog.form.add("name", "Nom et prénom", TextField(), required=True)
        dialog.form.add("role", "Lien", ChoiceField([(t, c) for c, t in ROLES.items()]))
        dialog.form.add("birth_date", "Date de naissance", DateField())
        today = self.ctx.today()
        dialog.form.validators.append(lambda v: {"birth_date": "La date de naissance est après "
                                                 "aujourd'hui."}
                                      if v["birth_date"] and v["birth_date"] > today else {})
        members = list(self.household.members)
        dialog.on_submit = lambda v: self._save(
            [*members, Member(v["name"], v["role"], v["birth_date"])], dialog)
        self.dialog = dialog
        dialog.open()

    def remove_member(self) -> None:
        member = selected_row(self.view)
        if self.household is not None and member is not None:
            self._save([m for m in self.household.members if m is not member])
