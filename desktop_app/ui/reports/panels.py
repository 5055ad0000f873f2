"""The smaller documents of the « Rapports » screen: the monthly statement (association-wide
or one worker, PDF or XLSX), the ALT occupancy table of a month (XLSX) and the convention
follow-up of a year (PDF or XLSX). Each is written in the background, then offered to open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import reports as jobs
from desktop_app.domain.dates import Month
from desktop_app.domain.file_names import file_name_part
from desktop_app.domain.fr import format_month
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import LEFT, RIGHT, Column, RowTableModel
from desktop_app.ui.reports.export import ExportJob, ask_save_path
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button

if TYPE_CHECKING:
    from desktop_app.reports.previews import Preview

#: Months offered: this one and the 35 before it.
MONTHS = 36
WHOLE = "Toute l'association"


def month_combo(parent: QWidget, today: Month, name: str) -> QComboBox:
    """Recent months, newest first; the month before `today` chosen (the one to send)."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for back in range(MONTHS):
        month = today.plus(-back)
        text = format_month(month)
        combo.addItem(text[:1].upper() + text[1:], month)
    combo.setCurrentIndex(1)
    combo.setMaximumWidth(260)
    return combo


def _cell(index: int) -> Callable[[list[str]], str]:
    return lambda row: row[index]


class DocumentPanel(QWidget):
    """A form of choices above a row of export buttons and a progress bar."""

    def __init__(self, ctx: AppContext, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        note = QLabel(intro, self)
        note.setWordWrap(True)
        note.setObjectName("intro")
        layout.addWidget(note)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons_row = QHBoxLayout()
        layout.addLayout(self.buttons_row)
        self.bar = QProgressBar(self)
        self.progress_text = QLabel(self)
        self.progress_text.setWordWrap(True)
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_text)
        self.preview_title = QLabel(self)
        self.preview_title.setObjectName("subtitle")
        self.preview_title.setWordWrap(True)
        layout.addWidget(self.preview_title)
        self.tables = QTabWidget(self)
        self.tables.setAccessibleName("Aperçu du document")
        self.tables.setVisible(False)
        layout.addWidget(self.tables, 1)
        self.preview_notes = QLabel(self)
        self.preview_notes.setWordWrap(True)
        layout.addWidget(self.preview_notes)
        self.stretch = QWidget(self)  # holds the free room while no preview is shown
        layout.addWidget(self.stretch, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.job = ExportJob(ctx, self, self.bar, self.progress_text, [])
        #: The preview shown (None: none, or the choices changed since).
        self.preview: Preview | None = None
        self.preview_models: list[RowTableModel[list[str]]] = []

    def add_preview(self, make: Callable[[], Callable[[], Preview]]) -> None:
        """An « Aperçu » button: `make()`, on the GUI thread, reads the choices and gives the
        work run in the background; its tables are shown below."""

        def start() -> None:
            work = make()
            self.job.start(lambda _progress: work(), "Calcul de l'aperçu…", self.show_preview)

        widget = button("Aperçu", self, start, primary=True,
                        tip="Calculer le document et l'afficher avant de l'écrire")
        self.buttons["apercu"] = widget
        self.buttons_row.addWidget(widget)
        self.job.buttons.append(widget)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.progress_text.setText("Aperçu calculé : le fichier contiendra ces tableaux.")
        self.preview_title.setText(preview.title)
        self.tables.clear()
        self.preview_models = []
        for table in preview.tables:
            columns = [Column(head, _cell(index), align=RIGHT if index in table.numeric
                              else LEFT, fit=False, tooltip=_cell(index))
                       for index, head in enumerate(table.head)]
            model: RowTableModel[list[str]] = RowTableModel(columns, self.tables)
            model.set_rows(table.rows)
            self.preview_models.append(model)
            self.tables.addTab(table_view(model, self.tables, table.title, sortable=False,
                                          empty="Aucune ligne."), table.title)
        self.preview_notes.setText("\n".join(preview.notes))
        self.tables.setVisible(True)
        self.stretch.setVisible(False)

    def clear_preview(self) -> None:
        """The choices changed: the preview shown is no longer the document's."""
        if self.preview is None:
            return
        self.preview = None
        self.tables.clear()
        self.preview_models = []
        self.tables.setVisible(False)
        self.stretch.setVisible(True)
        self.preview_title.setText("")
        self.preview_notes.setText("")

    def add_export(self, suffix: str, slot: Callable[[], None]) -> None:
        widget = button(f"Exporter en {suffix[1:].upper()}…", self, slot,
                        primary=not self.buttons)
        self.buttons[suffix] = widget
        self.buttons_row.addWidget(widget)
        self.job.buttons.append(widget)

    def write(self, title: str, name: str, work: Callable[[Path], None],
              path: Path | None) -> None:
        """Ask where (unless `path` is given), then run `work(path)` in the background."""
        if path is None:
            path = ask_save_path(self, title, name)
            if path is None:
                return
        target = path
        self.job.start(lambda _progress: work(target), f"Écriture de {target.name}…",
                       lambda _r: self.job.finished_file(target), path=target)


class StatementPanel(DocumentPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Points et montants du mois, par type de mesure, par "
                         "travailleur social et ligne par ligne (ménages par référence FSL).",
                         parent)
        self.month = month_combo(self, Month.of(ctx.today()), "Mois du relevé")
        self.form.addRow("Mois :", self.month)
        self.worker = QComboBox(self)
        self.worker.setAccessibleName("Relevé de")
        self.worker.setMaximumWidth(260)
        self.form.addRow("Relevé de :", self.worker)
        self.add_preview(lambda: partial(jobs.statement_preview, self.ctx.store,
                                         self.month.currentData(), self.worker.currentData()))
        self.month.currentIndexChanged.connect(self.clear_preview)
        self.worker.currentIndexChanged.connect(self.clear_preview)
        self.add_export(".pdf", lambda: self.export(".pdf"))
        self.add_export(".xlsx", lambda: self.export(".xlsx"))
        self.buttons_row.addStretch(1)
        ctx.workers_loaded.connect(self.fill_workers)
        self.fill_workers()

    def fill_workers(self) -> None:
        chosen = self.worker.currentData()
        self.worker.clear()
        self.worker.addItem(WHOLE, None)
        for worker in self.ctx.workers:
            self.worker.addItem(worker.name, worker.id)
        index = self.worker.findData(chosen)
        self.worker.setCurrentIndex(max(index, 0))

    def export(self, suffix: str, path: Path | None = None) -> None:
        month: Month = self.month.currentData()
        worker: str | None = self.worker.currentData()
        store = self.ctx.store
        who = "" if worker is None else f"-{file_name_part(self.worker.currentText())}"
        self.write(f"Relevé mensuel {format_month(month)}", f"releve-{month}{who}{suffix}",
                   lambda out: jobs.statement_export(store, month, worker, out), path)


class OccupancyPanel(DocumentPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Tableau d'occupation des logements ALT du mois pour le SPSLH : "
                         "jours d'occupation, ménages (référence FSL), entrées, sorties, "
                         "vacances et leur justification.", parent)
        self.month = month_combo(self, Month.of(ctx.today()), "Mois du tableau")
        self.form.addRow("Mois :", self.month)
        self.add_preview(lambda: partial(jobs.occupancy_preview, self.ctx.store,
                                         self.month.currentData()))
        self.month.currentIndexChanged.connect(self.clear_preview)
        self.add_export(".xlsx", lambda: self.export())
        self.buttons_row.addStretch(1)

    def export(self, path: Path | None = None) -> None:
        month: Month = self.month.currentData()
        store = self.ctx.store
        self.write(f"Tableau d'occupation ALT {format_month(month)}",
                   f"occupation-alt-{month}.xlsx",
                   lambda out: jobs.occupancy_export(store, month, out), path)


class ConventionPanel(DocumentPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Suivi de la convention de l'année : par type de mesure, le "
                         "convenu et le réalisé, l'avance de 70 %, le solde attendu ou le "
                         "remboursement.", parent)
        self.year = QSpinBox(self)
        self.year.setAccessibleName("Année de la convention")
        self.year.setRange(2000, ctx.today().year + 1)
        today = ctx.today()  # until March, last year's balance is the one being settled
        self.year.setValue(today.year - 1 if today.month <= 3 else today.year)
        self.form.addRow("Année :", self.year)
        self.add_preview(lambda: partial(jobs.convention_preview, self.ctx.store,
                                         self.year.value()))
        self.year.valueChanged.connect(self.clear_preview)
        self.add_export(".pdf", lambda: self.export(".pdf"))
        self.add_export(".xlsx", lambda: self.export(".xlsx"))
        self.buttons_row.addStretch(1)

    def export(self, suffix: str, path: Path | None = None) -> None:
        year, store = self.year.value(), self.ctx.store
        self.write(f"Suivi de la convention {year}", f"suivi-convention-{year}{suffix}",
                   lambda out: jobs.convention_export(store, year, out), path)
