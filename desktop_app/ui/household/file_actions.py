"""A household's file between laptops, and the right of access.

- « Exporter le dossier… » (household screen): for a colleague (an interchange file) or for a
  right-of-access request (a JSON and a readable PDF);
- Fichier › « Fusionner un dossier reçu… »: add what is new, skip what is identical, and show
  the conflicts (kept as they are here) in a report.
All store work runs in the background (`ctx.run`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.caseload import merge_household_file
from desktop_app.interchange import read_file, write_file
from desktop_app.reports.access_export import write_access_export
from desktop_app.store.records import MergeReport
from desktop_app.ui.context import AppContext
from desktop_app.ui.file_actions import FILTER, show_read_failure
from desktop_app.ui.reports.export import show_failure
from desktop_app.ui.topics import Topic

FOR_COLLEAGUE = "Pour un collègue (fichier d'échange .json)"
FOR_ACCESS = "Droit d'accès (JSON + PDF lisible)"
WORDS = {"household": ("ménage", "ménages"), "measure": ("mesure", "mesures"),
         "worker": ("intervenant", "intervenants"), "home": ("logement ALT", "logements ALT")}


def _count(ids: dict[str, list[str]]) -> str:
    parts = [f"{len(ids[k])} {WORDS[k][len(ids[k]) > 1]}" for k in WORDS if ids.get(k)]
    return ", ".join(parts) or "rien"


def report_text(report: MergeReport) -> str:
    lines = [f"Ajouté : {_count(report.added)}.", f"Déjà identique ici : {_count(report.skipped)}."]
    if report.conflicts:
        lines += ["", f"{len(report.conflicts)} différence(s) : la version de cette base est "
                  "gardée ; voyez avec votre collègue laquelle est juste.", ""]
        lines += [f"• {line}" for line in report.conflicts]
    return "\n".join(lines)


class MergeReportDialog(QDialog):
    def __init__(self, parent: QWidget, source: str, report: MergeReport) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Fusion de {source}")
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.summary = QLabel("Aucune différence : le dossier a été fusionné." if not
                              report.conflicts else "Le dossier a été fusionné, avec des "
                              "différences à vérifier.", self)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(report_text(report), self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Compte rendu de la fusion")
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def merge_file(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    if path is None:
        name, _f = QFileDialog.getOpenFileName(parent, "Fusionner un dossier reçu", "", FILTER)
        if not name:
            return
        path = Path(name)
    store, source = ctx.store, path.name

    def work() -> MergeReport:
        return merge_household_file(store, read_file(path), source)

    def done(report: MergeReport) -> None:
        dialog = MergeReportDialog(parent, source, report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if report.batch_id is not None:
            ctx.load_workers()
            ctx.changed.emit(Topic.ALL)

    ctx.run(work, done, text="Fusion du dossier…",
            on_error=lambda error: show_read_failure(parent, path, "fusionné", error))


def choose_export(parent: QWidget) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Question, "Exporter le dossier",
                      "Pour qui exporter le dossier de ce ménage ?",
                      QMessageBox.StandardButton.Cancel, parent)
    colleague = box.addButton(FOR_COLLEAGUE, QMessageBox.ButtonRole.AcceptRole)
    access = box.addButton(FOR_ACCESS, QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    clicked = box.clickedButton()
    return FOR_COLLEAGUE if clicked is colleague else FOR_ACCESS if clicked is access else None


def export_household(parent: QWidget, ctx: AppContext, household_id: str,
                     choice: str | None = None, target: Path | None = None,
                     who: str = "") -> None:
    """`choice`: FOR_COLLEAGUE (`target` a .json file) or FOR_ACCESS (`target` a folder);
    `who`: the household as a file name says it (`domain.file_names.household_part`)."""
    choice = choice or choose_export(parent)
    if choice is None:
        return
    if target is None:
        if choice == FOR_COLLEAGUE:
            name, _f = QFileDialog.getSaveFileName(parent, "Exporter le dossier",
                                                   f"dossier-{who or 'menage'}.json", FILTER)
        else:
            name = QFileDialog.getExistingDirectory(parent, "Dossier où écrire le JSON et le PDF")
        if not name:
            return
        target = Path(name)
    store, where = ctx.store, target

    def work() -> str:
        if choice == FOR_COLLEAGUE:
            write_file(store.export_household(household_id), where)
            return f"Dossier exporté pour un collègue : {where}"
        json_path, pdf_path = write_access_export(store, household_id, where)
        return f"Droit d'accès écrit : {json_path.name} et {pdf_path.name} dans {where}"

    def failed(error: BaseException) -> None:
        """A folder gone or protected, a file open elsewhere: said in French (not as a fault
        of the program)."""
        show_failure(parent, "Dossier non exporté", error, where)

    ctx.run(work, ctx.status_message.emit, text="Export du dossier…", on_error=failed)
