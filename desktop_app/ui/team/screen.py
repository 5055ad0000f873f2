"""Équipe: workers, diploma, ETP; their absences with the working-day count, the 21-day
warning and the replacement who takes over each of their measures; on the association's
server, for a `responsable`, the personal accounts (tab « Comptes »)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.pages import TeamPage, team_page
from desktop_app.app.workers import change_worker, create_worker
from desktop_app.domain.fr import format_date, format_fte
from desktop_app.domain.labels import DIPLOMAS
from desktop_app.domain.model import Absence, Diploma, Worker
from desktop_app.store.records import MeasureRow
from desktop_app.ui.background import show_error
from desktop_app.ui.charts import BarChartWidget
from desktop_app.ui.context import AppContext
from desktop_app.ui.fields import ChoiceField, NumberField, TextField
from desktop_app.ui.forms import Form, FormDialog, Values
from desktop_app.ui.models import RIGHT, Column, RowTableModel
from desktop_app.ui.screen import Screen, leave_form
from desktop_app.ui.team.absence_dialog import absence_dialog
from desktop_app.ui.team.tabs import TeamTabs, absent_on
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view, view_row
from desktop_app.ui.widgets import button, page_header, section

WorkerLine = tuple[Worker, int, str]  # worker, measures in force, absent today?


class TeamScreen(Screen):
    key = "equipe"
    title = "Équipe"
    topics = frozenset({Topic.WORKERS, Topic.MEASURE, Topic.ACCOUNTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.worker: Worker | None = None
        #: The version the card's values were typed over (sent as `expected`).
        self.form_base: Worker | None = None
        self.rows: list[MeasureRow] = []
        #: The team as last loaded, by id.
        self.team: dict[str, Worker] = {}
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        header, _t = page_header(self.title, self)
        header.addWidget(button("Nouveau travailleur social…", self, self.new_worker,
                                primary=True))
        layout.addLayout(header)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        self.workers: RowTableModel[WorkerLine] = RowTableModel([
            Column("Nom", lambda r: r[0].name),
            Column("Diplôme", lambda r: DIPLOMAS[r[0].diploma]),
            Column("ETP", lambda r: format_fte(r[0].fte), lambda r: r[0].fte, RIGHT),
            Column("Mesures en cours", lambda r: str(r[1]), lambda r: r[1], RIGHT),
            Column("Aujourd'hui", lambda r: r[2]),
        ], self)
        top = QWidget(splitter)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        self.workers_view = table_view(self.workers, top, "Travailleurs sociaux")
        top_row.addWidget(self.workers_view, 3)
        card, box, _t = section("Charge de travail du mois", top)
        self.caseload_chart = BarChartWidget("Graphique des points du mois de chaque "
                                             "travailleur social contre son plafond", card)
        box.addWidget(self.caseload_chart)
        card.setMaximumWidth(420)
        top_row.addWidget(card, 2)
        self.workers_view.selectionModel().currentRowChanged.connect(lambda *_: self._select())
        bottom = QWidget(splitter)
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        card, box, self.card_title = section("Fiche", bottom)
        self.form = Form(card)
        self.form.add("name", "Nom", TextField(), required=True)
        self.form.add("diploma", "Diplôme", ChoiceField([(t, c) for c, t in DIPLOMAS.items()]))
        self.form.add("fte", "ETP", NumberField(minimum=Decimal("0.01"), maximum=Decimal(1),
                                                placeholder="0,8"), required=True)
        box.addWidget(self.form)
        box.addWidget(button("Enregistrer", card, self.save_worker), 0, Qt.AlignmentFlag.AlignRight)
        self.form.save_with(self.save_worker)
        box.addStretch(1)
        card.setMaximumWidth(340)
        row.addWidget(card, 2)
        self.tabs = TeamTabs(ctx, bottom)
        self.tabs.new_absence.connect(lambda: self._absence(None))
        self.tabs.edit_absence.connect(self.edit_absence)
        self.absences, self.absences_view = self.tabs.absences, self.tabs.absences_view
        self.absence_warning = self.tabs.warning
        row.addWidget(self.tabs, 5)
        # The accounts are not a worker's: their tab takes the card's room too.
        self.card = card
        self.tabs.currentChanged.connect(
            lambda index: card.setVisible(index != self.tabs.accounts_tab))
        splitter.setSizes([250, 440])

    def reload(self) -> None:
        store, day = self.ctx.store, self.ctx.today()
        self.ctx.run(lambda: team_page(store, day), self._loaded,
                     text="Chargement de l'équipe…")
        self.tabs.refresh_accounts()

    def _loaded(self, page: TeamPage) -> None:
        workers, self.rows = page.workers, page.measures
        self.caseload_chart.set_chart(page.chart)
        self.team = {w.id: w for w in workers}
        today = self.ctx.today()
        counts: dict[str, int] = {}
        for measure in self.rows:
            counts[measure.referent] = counts.get(measure.referent, 0) + 1
        lines = []
        for worker in sorted(workers, key=lambda w: w.name.casefold()):
            absence = absent_on(worker, today)
            state = "Présent(e)" if absence is None else (
                f"Absent(e) jusqu'au {format_date(absence.end)}" if absence.end
                else "Absent(e) jusqu'à nouvel ordre")
            lines.append((worker, counts.get(worker.id, 0), state))
        selected = self.worker.id if self.worker else None
        self.workers.set_rows(lines)
        self.select_worker(selected)

    def select_worker(self, worker_id: str | None) -> None:
        """Show the card of `worker_id` (the first worker if unknown)."""
        ids = [w.id for w, _c, _s in self.workers.rows]
        if ids:
            row = ids.index(worker_id) if worker_id in ids else 0
            self.workers_view.selectRow(view_row(self.workers_view, self.workers.index(row, 0)))
        self._select()

    def _select(self) -> None:
        line = selected_row(self.workers_view)
        if line is None:
            return
        worker: Worker = line[0]
        if self.worker is None or self.worker.id != worker.id or not self.form.dirty:
            self.form.set_values({"name": worker.name, "diploma": worker.diploma,
                                  "fte": Decimal(str(worker.fte))})
            self.form_base = worker
        elif self.form_base is not None and _card(self.form_base) == _card(worker):
            self.form_base = worker  # typed over the same name, diploma and ETP: still valid
        self.worker = worker
        self.card_title.setText(f"Fiche de {worker.name}")
        self.tabs.show_worker(worker, self.rows, self.team)

    # --- saving --------------------------------------------------------------------------
    def _save(self, worker: Worker, dialog: FormDialog | None = None, *,
              expected: Worker) -> None:
        """Save; refused (`ConflictError`) if the worker changed elsewhere since `expected`
        was read — the dialog or the card keeps what was typed."""
        store = self.ctx.store

        def done(_result: object) -> None:
            self.worker = worker
            if dialog is None:
                self.form_base = worker
            else:
                dialog.accept()

        def refused(error: BaseException) -> None:
            if dialog is None:
                self.form.dirty = True
            show_error(self, error)

        self.ctx.save(lambda: change_worker(store, worker, expected), Topic.WORKERS, done,
                      on_error=refused)

    def save_worker(self) -> bool:
        values = self.form.read()
        base = self.form_base
        if values is None or base is None:
            return False
        self.form.mark_clean()
        self._save(replace(base, name=values["name"], diploma=values["diploma"],
                           fte=float(values["fte"])), expected=base)
        return True

    def new_worker(self) -> None:
        dialog = FormDialog(self, "Nouveau travailleur social")
        dialog.form.add("name", "Nom", TextField(), required=True)
        dialog.form.add("diploma", "Diplôme", ChoiceField([(t, c) for c, t in DIPLOMAS.items()]))
        dialog.form.add("fte", "ETP", NumberField(minimum=Decimal("0.01"), maximum=Decimal(1)),
                        required=True).set_value(Decimal(1))
        store = self.ctx.store

        def submit(values: Values) -> None:
            self.ctx.save(lambda: create_worker(  # refused if the id was taken
                store, values["name"], values["diploma"] or Diploma.CESF, float(values["fte"])),
                Topic.WORKERS, lambda _r: dialog.accept())

        dialog.on_submit = submit
        self.dialog = dialog
        dialog.open()

    def edit_absence(self) -> None:
        absence = selected_row(self.absences_view)
        if absence is not None:
            self._absence(absence)

    def _absence(self, absence: Absence | None) -> None:
        worker = self.worker
        if worker is None:
            return
        others = [w for w in self.ctx.workers if w.id != worker.id]

        def submit(new: Absence, dialog: FormDialog) -> None:
            kept = [a for a in worker.absences if a is not absence]
            self._save(replace(worker, absences=[*kept, new]), dialog, expected=worker)

        self.dialog = absence_dialog(self, worker, others, self.ctx.today(), absence, submit)
        self.dialog.open()

    def can_leave(self) -> bool:
        return leave_form(self, self.form.dirty, "la fiche du travailleur social",
                          self.save_worker)


def _card(worker: Worker) -> tuple[str, Diploma, float]:
    """What the card's form shows of a worker."""
    return worker.name, worker.diploma, worker.fte
