"""Équipe: workers, diploma, ETP; their absences with the working-day count, the 21-day
warning and the replacement who takes over each of their measures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.fr import format_date, format_decimal
from desktop_app.domain.model import Absence, Diploma, Worker
from desktop_app.store.api import MeasureRow
from desktop_app.ui.absence_dialog import absence_dialog, absence_warning, working_days
from desktop_app.ui.context import AppContext
from desktop_app.ui.fields import ChoiceField, NumberField, TextField
from desktop_app.ui.forms import Form, FormDialog, Values
from desktop_app.ui.labels import DIPLOMAS, MEASURE_TYPES
from desktop_app.ui.models import RIGHT, Column, RowTableModel, date_key
from desktop_app.ui.screens.base import Screen, button, leave_form, page_header, section
from desktop_app.ui.views import selected_row, table_view

WorkerLine = tuple[Worker, int, str]  # worker, measures in force, absent today?
ReplacedLine = tuple[MeasureRow, str]  # measure, who replaces the referent today


def _days_text(absence: Absence, today: date) -> str:
    """« 5 », or « 22 — plus de 21 : à régulariser » / « … : fait » (`absence_travailleur`)."""
    days = str(working_days(absence, today))
    warning = absence_warning(absence, today)
    if not warning:
        return days
    return f"{days} — plus de 21 : " + ("à régulariser" if "au plus tard" in warning else "fait")


def _absent(worker: Worker, today: date) -> Absence | None:
    return next((a for a in worker.absences
                 if a.start <= today and (a.end is None or today <= a.end)), None)


class TeamScreen(Screen):
    key = "equipe"
    title = "Équipe"
    topics = frozenset({"workers", "measure"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.worker: Worker | None = None
        self.rows: list[MeasureRow] = []
        self.dialog: FormDialog | None = None
        today = ctx.today
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
            Column("ETP", lambda r: format_decimal(r[0].fte, 2), lambda r: r[0].fte, RIGHT),
            Column("Mesures en cours", lambda r: str(r[1]), lambda r: r[1], RIGHT),
            Column("Aujourd'hui", lambda r: r[2]),
        ], self)
        self.workers_view = table_view(self.workers, splitter, "Travailleurs sociaux")
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
        box.addStretch(1)
        card.setMaximumWidth(340)
        row.addWidget(card, 2)
        self.tabs = QTabWidget(bottom)
        self.tabs.setAccessibleName("Absences et mesures du travailleur social")
        row.addWidget(self.tabs, 5)
        card = QWidget(self.tabs)
        box = QVBoxLayout(card)
        self.replaced: RowTableModel[ReplacedLine] = RowTableModel([
            Column("Ménage", lambda r: r[0].household_name),
            Column("Mesure", lambda r: MEASURE_TYPES[r[0].type], fit=True),
            Column("Suivie par", lambda r: r[1]),
        ], card)
        self.replaced_view = table_view(self.replaced, card, "Mesures et remplaçants",
                                        empty="Aucune mesure en cours.")
        box.addWidget(self.replaced_view, 1)
        replaced_page = card
        card = QWidget(self.tabs)
        box = QVBoxLayout(card)
        self.absences: RowTableModel[Absence] = RowTableModel([
            Column("Du", lambda a: format_date(a.start), lambda a: date_key(a.start)),
            Column("Au", lambda a: format_date(a.end) or "nouvel ordre", lambda a: date_key(a.end)),
            Column("Motif", lambda a: a.reason or "", fit=True),
            Column("SLISL informé", lambda a: format_date(a.slisl_notified_on),
                   lambda a: date_key(a.slisl_notified_on)),
            Column("Remplaçant(e)", lambda a: ctx.worker_name(a.replacement) or "—", fit=True),
            Column("Jours ouvrés", lambda a: _days_text(a, today()),
                   lambda a: working_days(a, today()), fit=False,
                   tooltip=lambda a: absence_warning(a, today()),
                   color=lambda a: "#f8d7da" if "au plus tard" in absence_warning(a, today())
                   else None),
        ], card)
        self.absences_view = table_view(self.absences, card, "Absences du travailleur social",
                                        empty="Aucune absence notée.", sortable=False)
        self.absences_view.activated.connect(lambda _i: self.edit_absence())
        box.addWidget(self.absences_view, 1)
        self.absence_warning = QLabel(card)
        self.absence_warning.setObjectName("warning")
        self.absence_warning.setProperty("alert", True)
        self.absence_warning.setWordWrap(True)
        box.addWidget(self.absence_warning)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(button("Nouvelle absence…", card, lambda: self._absence(None)))
        buttons.addWidget(button("Modifier…", card, self.edit_absence))
        box.addLayout(buttons)
        self.tabs.addTab(card, "Absences")
        self.tabs.addTab(replaced_page, "Mesures en cours et qui les suit")
        splitter.setSizes([170, 520])

    def reload(self) -> None:
        store, day = self.ctx.store, self.ctx.today()
        self.ctx.run(lambda: (store.workers(), store.measure_rows(on=day)), self._loaded,
                     text="Chargement de l'équipe…")

    def _loaded(self, loaded: tuple[list[Worker], list[MeasureRow]]) -> None:
        workers, self.rows = loaded
        today = self.ctx.today()
        counts: dict[str, int] = {}
        for measure in self.rows:
            counts[measure.referent] = counts.get(measure.referent, 0) + 1
        lines = []
        for worker in sorted(workers, key=lambda w: w.name.casefold()):
            absence = _absent(worker, today)
            state = "Présent(e)" if absence is None else (
                f"Absent(e) jusqu'au {format_date(absence.end)}" if absence.end
                else "Absent(e) jusqu'à nouvel ordre")
            lines.append((worker, counts.get(worker.id, 0), state))
        selected = self.worker.id if self.worker else None
        self.workers.set_rows(lines)
        ids = [w.id for w, _c, _s in lines]
        row = ids.index(selected) if selected in ids else 0
        if lines:
            self.workers_view.selectRow(self.workers_view.model().mapFromSource(
                self.workers.index(row, 0)).row())
        self._select()

    def _select(self) -> None:
        line = selected_row(self.workers_view)
        if line is None:
            return
        worker: Worker = line[0]
        if self.worker is None or self.worker.id != worker.id or not self.form.dirty:
            self.form.set_values({"name": worker.name, "diploma": worker.diploma,
                                  "fte": Decimal(str(worker.fte))})
        self.worker = worker
        self.card_title.setText(f"Fiche de {worker.name}")
        self.absences.set_rows(sorted(worker.absences, key=lambda a: a.start, reverse=True))
        warnings = [absence_warning(a, self.ctx.today()) for a in worker.absences]
        self.absence_warning.setText("\n".join(
            f"Absence du {format_date(a.start)} : {w}" for a, w in zip(
                worker.absences, warnings, strict=True) if "au plus tard" in w))
        self.tabs.setTabText(0, f"Absences ({len(worker.absences)})")
        today = self.ctx.today()
        absence = _absent(worker, today)
        replacement = self.ctx.worker_name(absence.replacement) if absence and \
            absence.replacement else ("personne : à désigner" if absence else worker.name)
        followed = [(m, replacement) for m in self.rows if m.referent == worker.id]
        self.replaced.set_rows(followed)
        self.tabs.setTabText(1, f"Mesures en cours et qui les suit ({len(followed)})")

    # --- saving --------------------------------------------------------------------------
    def _save(self, worker: Worker, dialog: FormDialog | None = None) -> None:
        self.worker = worker
        store = self.ctx.store
        self.ctx.save(lambda: store.save_worker(worker), "workers",
                      lambda _r: dialog.accept() if dialog else None)

    def save_worker(self) -> bool:
        values = self.form.read()
        if values is None or self.worker is None:
            return False
        self.form.mark_clean()
        self._save(replace(self.worker, name=values["name"], diploma=values["diploma"],
                           fte=float(values["fte"])))
        return True

    def new_worker(self) -> None:
        dialog = FormDialog(self, "Nouveau travailleur social")
        dialog.form.add("name", "Nom", TextField(), required=True)
        dialog.form.add("diploma", "Diplôme", ChoiceField([(t, c) for c, t in DIPLOMAS.items()]))
        dialog.form.add("fte", "ETP", NumberField(minimum=Decimal("0.01"), maximum=Decimal(1)),
                        required=True).set_value(Decimal(1))
        store = self.ctx.store

        def submit(values: Values) -> None:
            self.ctx.save(lambda: store.save_worker(Worker(
                store.new_id("w"), values["name"], values["diploma"] or Diploma.CESF,
                float(values["fte"]))), "workers", lambda _r: dialog.accept())

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
            self._save(replace(worker, absences=[*kept, new]), dialog)

        self.dialog = absence_dialog(self, worker, others, self.ctx.today(), absence, submit)
        self.dialog.open()

    def can_leave(self) -> bool:
        return leave_form(self, self.form.dirty, "la fiche du travailleur social",
                          self.save_worker)
