"""The tabs of a worker on the Équipe screen: absences (working days, the 21-day warning of
`absence_travailleur`, SLISL notice, replacement) and the measures in force with who
follows each of them today; and, on the association's server for a `responsable`, the
personal accounts (« Comptes », `accounts_panel`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.domain.model import Absence, Worker
from desktop_app.store.records import MeasureRow
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import Column, RowTableModel, date_key
from desktop_app.ui.team.absence_dialog import absence_warning, working_days
from desktop_app.ui.team.accounts_panel import AccountsPanel
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button

ReplacedLine = tuple[MeasureRow, str]  # measure, who follows it today


def days_text(absence: Absence, today: date, replacement: Worker | None) -> str:
    """« 5 »; beyond 21 (`absence_travailleur`): « 22 — à régulariser » or « 22 — fait »
    (SLISL told and a replacement of an equivalent diploma named: `absence_gaps`)."""
    days = str(working_days(absence, today))
    warning = absence_warning(absence, today, replacement)
    if not warning:
        return days
    return f"{days} — " + ("à régulariser" if "au plus tard" in warning else "fait")


def absent_on(worker: Worker, today: date) -> Absence | None:
    return next((a for a in worker.absences
                 if a.start <= today and (a.end is None or today <= a.end)), None)


class TeamTabs(QTabWidget):
    new_absence = Signal()
    edit_absence = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The team by id, as the screen last loaded it (the replacements' diplomas).
        self.team: dict[str, Worker] = {}
        today = ctx.today

        def warning(absence: Absence) -> str:
            return absence_warning(absence, today(), self.replacement(absence))

        self.setAccessibleName("Absences et mesures du travailleur social")
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.absences: RowTableModel[Absence] = RowTableModel([
            Column("Du", lambda a: format_date(a.start), lambda a: date_key(a.start)),
            Column("Au", lambda a: format_date(a.end) or "nouvel ordre", lambda a: date_key(a.end)),
            Column("Motif", lambda a: a.reason or "", fit=True),
            Column("SLISL informé", lambda a: format_date(a.slisl_notified_on),
                   lambda a: date_key(a.slisl_notified_on)),
            Column("Remplaçant(e)", lambda a: ctx.worker_name(a.replacement) or "—", fit=True),
            Column("Jours ouvrés", lambda a: days_text(a, today(), self.replacement(a)),
                   lambda a: working_days(a, today()), fit=False, tooltip=warning,
                   color=lambda a: "#f8d7da" if "au plus tard" in warning(a) else None),
        ], page)
        self.absences_view = table_view(self.absences, page, "Absences du travailleur social",
                                        empty="Aucune absence notée.", sortable=False)
        self.absences_view.activated.connect(lambda _i: self.edit_absence.emit())
        box.addWidget(self.absences_view, 1)
        self.warning = QLabel(page)
        self.warning.setObjectName("warning")
        self.warning.setProperty("alert", True)
        self.warning.setWordWrap(True)
        box.addWidget(self.warning)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(button("Nouvelle absence…", page, self.new_absence.emit))
        buttons.addWidget(button("Modifier…", page, self.edit_absence.emit))
        box.addLayout(buttons)
        self.addTab(page, "Absences")
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.replaced: RowTableModel[ReplacedLine] = RowTableModel([
            Column("Ménage", lambda r: r[0].household_name),
            Column("Mesure", lambda r: MEASURE_TYPES[r[0].type], fit=True),
            Column("Suivie par", lambda r: r[1]),
        ], page)
        self.replaced_view = table_view(self.replaced, page, "Mesures et remplaçants",
                                        empty="Aucune mesure en cours.")
        box.addWidget(self.replaced_view, 1)
        self.addTab(page, "Mesures en cours et qui les suit")
        self.accounts = AccountsPanel(ctx, self)
        self.accounts_tab = self.addTab(self.accounts, "Comptes")
        self.setTabVisible(self.accounts_tab, False)
        self.accounts.loaded.connect(
            lambda count: self.setTabText(self.accounts_tab, f"Comptes ({count})"))

    def refresh_accounts(self) -> None:
        """Show the « Comptes » tab, and list the accounts, only when the store is on a server
        and the account connected may manage accounts (a `responsable`, or the owner)."""
        shown = self.accounts.available
        self.setTabVisible(self.accounts_tab, shown)
        if shown:
            self.accounts.reload()

    def replacement(self, absence: Absence) -> Worker | None:
        """The worker named as the absence's replacement (None: none, or unknown)."""
        return None if absence.replacement is None else self.team.get(absence.replacement)

    def show_worker(self, worker: Worker, measures: list[MeasureRow],
                    team: dict[str, Worker]) -> None:
        """Show `worker`'s absences and measures; `team`: every worker by id."""
        today = self.ctx.today()
        self.team = team
        self.absences.set_rows(sorted(worker.absences, key=lambda a: a.start, reverse=True))
        pending = [(a, absence_warning(a, today, self.replacement(a))) for a in worker.absences]
        self.warning.setText("\n".join(f"Absence du {format_date(a.start)} : {w}"
                                       for a, w in pending if "au plus tard" in w))
        self.setTabText(0, f"Absences ({len(worker.absences)})")
        absence = absent_on(worker, today)
        if absence is None:
            who = worker.name
        elif absence.replacement:
            who = self.ctx.worker_name(absence.replacement)
        else:
            who = "personne : à désigner"
        followed = [(m, who) for m in measures if m.referent == worker.id]
        self.replaced.set_rows(followed)
        self.setTabText(1, f"Mesures en cours et qui les suit ({len(followed)})")
