"""The « Salariés » tab of the « Rapports » screen: the staff table the convention asks for
with the yearly documents (article 5-2). Choose the year, preview the table, write its PDF
and XLSX side by side in a folder; computed and written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.staff import staff_export, staff_of_year
from desktop_app.domain.fr import format_date
from desktop_app.domain.indicators.staff import StaffTable
from desktop_app.reports.staff_table import (
    ABSENCES_COLUMN,
    HEAD,
    absence_text,
    document_status,
    file_names,
    table_rows,
    totals,
)
from desktop_app.ui.context import AppContext
from desktop_app.ui.reports.export import FOLDER_KEY, ExportJob
from desktop_app.ui.widgets import button

INTRO = ("Tableau relatif aux missions exercées par les salariés, à joindre aux documents de "
         "l'année (convention, article 5) : diplôme, ETP, mesures suivies par type, points par "
         "ETP et par mois, absences de plus de 21 jours ouvrés et leur remplacement.")
#: Columns of text (left-aligned); the others are figures.
TEXT_COLUMNS = {0, 1}
#: The preview's headings, on two lines where long; the absences are listed under the table
#: (a column of sentences would leave the figures no room at 1024 pixels).
PREVIEW_HEAD = [*HEAD[:7], "Mois\ntravaillés", "Points", "Points par ETP\net par mois"]


def ask_folder(parent: QWidget, title: str) -> Path | None:
    """The folder to write into, asked in a French dialog (None if cancelled)."""
    start = str(QSettings().value(FOLDER_KEY, "", str)) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    chosen = QFileDialog.getExistingDirectory(parent, title, start)
    if not chosen:
        return None
    QSettings().setValue(FOLDER_KEY, chosen)
    return Path(chosen)


def status_text(table: StaffTable, today_year_over: bool) -> str:
    if today_year_over:
        return f"Tableau {table.year} calculé ({len(table.lines)} salarié(s))."
    return (f"Année {table.year} en cours : tableau PROVISOIRE, chiffres arrêtés au "
            f"{format_date(table.last_day)} ({len(table.lines)} salarié(s)).")


def absences_summary(table: StaffTable) -> str:
    """The absences of more than 21 working days, one line per absence, or that there are
    none."""
    lines = [f"• {line.name} : {absence_text(absence, table.last_day)}"
             for line in table.lines for absence in line.absences]
    if not lines:
        return "Absences de plus de 21 jours ouvrés : aucune."
    return "Absences de plus de 21 jours ouvrés :\n" + "\n".join(lines)


class StaffPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: StaffTable | None = None
        layout = QVBoxLayout(self)
        note = QLabel(INTRO, self)
        note.setWordWrap(True)
        note.setObjectName("intro")
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(QLabel("Année :", self))
        self.year = QSpinBox(self)
        self.year.setAccessibleName("Année du tableau des salariés")
        self.year.setRange(2000, ctx.today().year)
        self.year.setValue(ctx.today().year - 1)  # sent within six months of the year's end
        row.addWidget(self.year)
        self.preview_button = button("Aperçu", self, self.preview, primary=True,
                                     tip="Calculer le tableau de l'année et l'afficher")
        self.export_button = button("Exporter en PDF et XLSX…", self, self.export,
                                    tip="Écrire tableau-salaries-AAAA.pdf et .xlsx dans un "
                                        "dossier")
        row.addWidget(self.preview_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        progress_row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Avancement du tableau des salariés")
        self.progress_text = QLabel("Choisissez l'année puis « Aperçu ».", self)
        self.progress_text.setWordWrap(True)
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.progress_text, 2)
        layout.addLayout(progress_row)
        self.view = QTableWidget(0, len(PREVIEW_HEAD), self)
        self.view.setAccessibleName("Aperçu du tableau des salariés")
        self.view.setHorizontalHeaderLabels(PREVIEW_HEAD)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.view, 2)
        self.absences = QLabel(self)
        self.absences.setWordWrap(True)
        self.absences.setAccessibleName("Absences de plus de 21 jours ouvrés")
        self.absences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.absences, 1, Qt.AlignmentFlag.AlignTop)
        self.job = ExportJob(ctx, self, self.bar, self.progress_text,
                             [self.preview_button, self.export_button])

    def preview(self) -> None:
        store, year, today = self.ctx.store, self.year.value(), self.ctx.today()
        self.job.start(lambda _progress: staff_of_year(store, year, today),
                       f"Calcul du tableau des salariés {year}…", self.show_table)

    def show_table(self, table: StaffTable) -> None:
        self.table = table
        rows = [*table_rows(table), totals(table)] if table.lines else []
        self.view.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[:ABSENCES_COLUMN]):
                item = QTableWidgetItem("—" if value is None else str(value))
                if c not in TEXT_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.view.setItem(r, c, item)
        self.view.resizeRowsToContents()
        self.absences.setText(absences_summary(table))
        over = document_status(table.year, self.ctx.today()) is None
        text = status_text(table, over)
        if not table.lines:
            text += f" Aucun salarié n'a suivi de mesure en {table.year}."
        self.progress_text.setText(text)

    def export(self, folder: Path | None = None) -> None:
        year = self.year.value()
        if folder is None:
            folder = ask_folder(self, f"Dossier du tableau des salariés {year}")
            if folder is None:
                return
        store, today, table, target = self.ctx.store, self.ctx.today(), self.table, folder
        pdf_name, xlsx_name = file_names(year)

        def done(written: list[Path]) -> None:
            self.job.finished_file(written[0], f"Le classeur est à côté : {written[1].name}.")

        # No path: a failure names the file (or the folder) it is about.
        self.job.start(lambda _progress: staff_export(store, year, target, today, table),
                       f"Écriture de {pdf_name} et {xlsx_name}…", done)
