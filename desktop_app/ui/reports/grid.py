"""The annual activity grid in the « Rapports » screen: choose the year, preview it (N beside
N−1, one tab per sheet, the self-checks), export it as XLSX or PDF, note the day it was sent.

The grid is computed in the background with a determinate progress bar fed by the
computation's own `progress(done, total)`; the window stays responsive meanwhile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import reports as jobs
from desktop_app.app.association import mark_grid_sent
from desktop_app.domain.document_period import PeriodState, year_state
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import FormDialog
from desktop_app.ui.reports.export import ExportJob, ask_save_path
from desktop_app.ui.reports.model import GridSheetModel, sheet_view
from desktop_app.ui.reports.sent import sent_day_dialog, sent_text
from desktop_app.ui.topics import Topic
from desktop_app.ui.widgets import button

if TYPE_CHECKING:
    from desktop_app.reports import GridDocument

ALL_GOOD = "Contrôles : tout est cohérent."


def checks_text(problems: list[str]) -> str:
    if not problems:
        return ALL_GOOD
    lines = "\n".join(f"• {p}" for p in problems)
    return f"Contrôles : {len(problems)} point(s) à vérifier avant l'envoi :\n{lines}"


class GridPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc: GridDocument | None = None
        #: Writes the grid (background thread); tests put a slow one in its place.
        self.export_work = jobs.grid_export
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Année :", self))
        self.year = QSpinBox(self)
        self.year.setAccessibleName("Année de la grille")
        self.year.setRange(2000, ctx.today().year)
        self.year.setValue(ctx.today().year - 1)
        self.year.valueChanged.connect(self._year_changed)
        row.addWidget(self.year)
        self.preview_button = button("Aperçu", self, self.preview, primary=True,
                                     tip="Calculer la grille de l'année et l'afficher")
        row.addWidget(self.preview_button)
        self.xlsx_button = button("Exporter en XLSX…", self, lambda: self.export(".xlsx"))
        self.pdf_button = button("Exporter en PDF…", self, lambda: self.export(".pdf"))
        self.sent_button = button("Marquer comme envoyée le…", self, self.ask_sent_day)
        for widget in (self.xlsx_button, self.pdf_button, self.sent_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.sent = QLabel(self)
        self.sent.setObjectName("subtitle")
        layout.addWidget(self.sent)
        progress_row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Avancement du calcul de la grille")
        self.progress_text = QLabel(self)
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.progress_text, 2)
        layout.addLayout(progress_row)
        self.checks = QLabel("Choisissez l'année puis « Aperçu » : la grille de l'année est "
                             "calculée à côté de celle de l'année précédente.", self)
        self.checks.setWordWrap(True)
        layout.addWidget(self.checks)
        self.sheets = QTabWidget(self)
        self.sheets.setAccessibleName("Feuilles de la grille")
        layout.addWidget(self.sheets, 1)
        self.models: list[GridSheetModel] = []
        self.job = ExportJob(ctx, self, self.bar, self.progress_text,
                             [self.preview_button, self.xlsx_button, self.pdf_button])
        self._marking = False  # the day sent is being saved (no reason to recompute)
        ctx.changed.connect(self._data_changed)

    # --- preview ---------------------------------------------------------------------------
    def preview(self) -> None:
        store, year, today = self.ctx.store, self.year.value(), self.ctx.today()
        self.job.start(lambda progress: jobs.grid_preview(store, year, today, progress),
                       f"Calcul de la grille {year}…", self.show_document)

    def show_document(self, doc: GridDocument) -> None:
        self.doc = doc
        provisional = year_state(doc.year, self.ctx.today()) is PeriodState.PROVISIONAL
        self.progress_text.setText(
            f"Grille {doc.year} calculée (à côté de {doc.year - 1})"
            + (" : PROVISOIRE, l'année n'est pas terminée." if provisional else "."))
        self.checks.setText(checks_text(doc.problems))
        self.checks.setObjectName("fieldError" if doc.problems else "")
        self.checks.style().polish(self.checks)
        self.sheets.clear()
        self.models = []
        for sheet in doc.sheets:
            model = GridSheetModel(self.sheets)
            model.set_sheet(sheet, doc.years)
            self.sheets.addTab(sheet_view(model, sheet.title, self.sheets), sheet.name)
            self.models.append(model)

    def _data_changed(self, what: str) -> None:
        """A save anywhere: the preview may no longer be the store's; an export computes the
        grid again."""
        if what == Topic.ASSOCIATION and self._marking:
            self._marking = False
            return
        if self.doc is not None:
            self.doc = None
            self.progress_text.setText("Des données ont été modifiées depuis cet aperçu : "
                                       "cliquez sur « Aperçu » pour le mettre à jour.")

    def _year_changed(self) -> None:
        if self.doc is not None and self.doc.year != self.year.value():
            self.checks.setText(f"L'aperçu affiché est celui de {self.doc.year} : cliquez sur "
                                f"« Aperçu » pour calculer {self.year.value()}.")
        self.show_sent()

    # --- export ---------------------------------------------------------------------------
    def export(self, suffix: str, path: Path | None = None) -> None:
        year = self.year.value()
        if path is None:
            path = ask_save_path(self, f"Exporter la grille d'activité {year}",
                                 f"grille-activite-{year}{suffix}")
            if path is None:
                return
        store, today, work = self.ctx.store, self.ctx.today(), self.export_work
        doc = self.doc if self.doc is not None and self.doc.year == year else None
        target = path

        def done(problems: list[str]) -> None:
            extra = "" if not problems else (f"Attention : {len(problems)} contrôle(s) de "
                                             "cohérence à vérifier avant l'envoi.")
            self.job.finished_file(target, extra)

        self.job.start(lambda progress: work(store, year, target, today, doc, progress),
                       f"Écriture de la grille {year} : {path.name}…", done, path=path)

    # --- sent -----------------------------------------------------------------------------
    def show_sent(self) -> None:
        store, year = self.ctx.store, self.year.value()
        self.ctx.run(lambda: jobs.grid_sent_on(store, year), self._show_sent,
                     text="Lecture de l'envoi de la grille…")

    def _show_sent(self, day: date | None) -> None:
        self.sent.setText(sent_text(self.year.value(), day, self.ctx.today()))

    def ask_sent_day(self) -> FormDialog:
        dialog = sent_day_dialog(self, self.year.value(), self.ctx.today())
        dialog.on_submit = lambda values: self.mark_sent(values["day"], dialog)
        dialog.open()
        return dialog

    def mark_sent(self, day: date, dialog: FormDialog | None = None) -> None:
        store, year = self.ctx.store, self.year.value()

        def done(_result: object) -> None:
            if dialog is not None:
                dialog.accept()
            self._show_sent(day)

        def failed(error: BaseException) -> None:
            self._marking = False  # else the next change of the association would be missed
            show_error(dialog if dialog is not None else self, error)

        self._marking = True
        self.ctx.save(lambda: mark_grid_sent(store, year, day), Topic.ASSOCIATION, done,
                      on_error=failed)
