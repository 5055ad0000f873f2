"""Fichier menu: import an interchange file, export the store, fill an empty store with demo
data. The work runs in the background; a rejected file lists every problem in French."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.app.caseload import import_caseload, import_parts
from desktop_app.domain.fr import os_reason
from desktop_app.interchange import read_parts, write_file
from desktop_app.store.errors import NotEmptyError
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.topics import Topic

FILTER = "Fichiers d'échange Suivi FSL (*.json);;Tous les fichiers (*)"


def _problems_box(parent: QWidget, title: str, problems: list[object]) -> QMessageBox:
    lines = [f"{getattr(p, 'path', '')} : {getattr(p, 'message', p)}" for p in problems]
    box = QMessageBox(QMessageBox.Icon.Warning, title,
                      f"{len(lines)} problème(s) ; rien n'a été importé. Corrigez le fichier "
                      "puis recommencez.", QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))
    box.setDetailedText("\n".join(lines))
    box.open()
    return box


def import_file(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    if path is None:
        name, _f = QFileDialog.getOpenFileName(parent, "Importer un fichier d'échange", "", FILTER)
        if not name:
            return
        path = Path(name)
    store = ctx.store

    def work() -> str:
        added = import_parts(store, read_parts(path), path.name)
        return f"Import terminé : {added['households']} ménages, {added['measures']} mesures."

    def failed(error: BaseException) -> None:
        show_read_failure(parent, path, "importé", error)

    def done(message: str) -> None:
        ctx.status_message.emit(message)
        ctx.load_workers()
        ctx.changed.emit(Topic.ALL)

    ctx.run(work, done, text="Import en cours…", on_error=failed)


def show_read_failure(parent: QWidget, path: Path, what: str, error: BaseException) -> None:
    """An interchange file not `what` (« importé », « fusionné »): its problems with their
    JSON paths, a file that cannot be read with the French reason, anything else as
    `show_error` says it."""
    problems = getattr(error, "problems", None)
    if problems is not None:
        _problems_box(parent, f"Le fichier {path.name} n'a pas été {what}", list(problems))
    elif isinstance(error, OSError):
        QMessageBox.warning(parent, "Lecture impossible",
                            f"Impossible de lire {path} : {os_reason(error)}.")
    else:
        show_error(parent, error)


def export_file(parent: QWidget, ctx: AppContext, path: Path | None = None) -> None:
    if path is None:
        name, _f = QFileDialog.getSaveFileName(parent, "Exporter toute la base",
                                               "suivi-fsl-export.json", FILTER)
        if not name:
            return
        path = Path(name)
    store = ctx.store

    def work() -> str:
        caseload = store.export_caseload()
        write_file(caseload, path)
        return f"Export terminé : {path} ({len(caseload.households)} ménages)."

    def failed(error: BaseException) -> None:
        """A full disk, a folder gone, a device or a folder chosen: said in French."""
        # start-up cost: the reports' messages (the package) load when an export fails
        from desktop_app.ui.reports.export import show_failure

        show_failure(parent, "Export non écrit", error, path)

    ctx.run(work, ctx.status_message.emit, text="Export en cours…", on_error=failed)


def demo_data(parent: QWidget, ctx: AppContext, ask: bool = True) -> None:
    """Fill an EMPTY store with fictitious households (never touches a store in use)."""
    store, today = ctx.store, ctx.today()

    def work() -> str:
        if not store.is_empty():
            return ""
        from desktop_app.demo import generate_caseload  # start-up cost: on demand only

        caseload = generate_caseload(today=today)
        try:  # checked again in the import's transaction: another window may have filled it
            import_caseload(store, caseload, "données de démonstration", only_if_empty=True)
        except NotEmptyError:
            return ""
        return f"Données de démonstration créées : {len(caseload.households)} ménages."

    def done(message: str) -> None:
        if not message:
            QMessageBox.information(
                parent, "Données de démonstration",
                "La base contient déjà des dossiers : les données de démonstration ne "
                "s'ajoutent qu'à une base vide.")
            return
        ctx.status_message.emit(message)
        ctx.load_workers()
        ctx.changed.emit(Topic.ALL)

    if ask and QMessageBox.question(
            parent, "Données de démonstration",
            "Remplir la base, si elle est vide, de ménages et de mesures fictifs ?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    ) != QMessageBox.StandardButton.Yes:
        return
    ctx.run(work, done, text="Création des données de démonstration…")
