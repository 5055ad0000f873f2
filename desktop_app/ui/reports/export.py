"""Writing a document from the window: the file dialog, the work in the background with a
progress bar (the window stays responsive), then the offer to open the file.

`ExportJob` drives one progress bar and the buttons that must wait while it runs; a failed
export says in French what went wrong (a file open in a spreadsheet, a read-only folder…)
and leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop_app.private_files import write_failure
from desktop_app.reports import LayoutError, ReportFormatError
from desktop_app.reports.document_status import FuturePeriodError
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext

FILTERS = {".xlsx": "Classeur Excel (*.xlsx)", ".pdf": "Document PDF (*.pdf)"}
FOLDER_KEY = "rapports/dossier"
Work = Callable[[Callable[[int, int], None]], Any]


def ask_save_path(parent: QWidget, title: str, name: str) -> Path | None:
    """The file to write, asked in a French save dialog (None if cancelled); the suffix of
    `name` is added when the user typed a name without it."""
    suffix = Path(name).suffix.lower()
    folder = str(QSettings().value(FOLDER_KEY, "", str)) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name),
                                                  FILTERS[suffix])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    QSettings().setValue(FOLDER_KEY, str(path.parent))
    return path


def offer_open(parent: QWidget, path: Path, extra: str = "") -> QMessageBox:
    """« Fichier écrit » with « Ouvrir » (the system's viewer) and « Fermer » (non-blocking)."""
    box = QMessageBox(QMessageBox.Icon.Information, "Document écrit",
                      f"Le document a été écrit :\n{path}" + (f"\n\n{extra}" if extra else ""),
                      QMessageBox.StandardButton.NoButton, parent)
    opener = box.addButton("Ouvrir", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Fermer", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(opener)
    box.buttonClicked.connect(
        lambda clicked: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if clicked is opener else None)
    box.open()
    return box


def failure_text(error: BaseException, path: Path | None) -> str | None:
    """What to tell the user about an export that failed for a reason they can fix."""
    if isinstance(error, ReportFormatError | LayoutError | LookupError):
        return str(error)
    if isinstance(error, FuturePeriodError):
        text = str(error)
        return text[:1].upper() + text[1:]
    if isinstance(error, OSError):
        return write_failure(path if path is not None else Path(error.filename or ""), error)
    return None


def show_failure(parent: QWidget, title: str, error: BaseException,
                 path: Path | None) -> QMessageBox:
    """A file not written: what the user can fix (a file open elsewhere, a folder gone…) in
    a warning titled `title`, anything else as `show_error` says it (non-blocking)."""
    message = failure_text(error, path)
    if message is None:
        return show_error(parent, error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.open()
    return box


class ExportJob:
    """One background operation at a time for a panel: progress bar, label, buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget, bar: QProgressBar, label: QLabel,
                 buttons: list[QPushButton]) -> None:
        self.ctx, self.parent, self.bar, self.label = ctx, parent, bar, label
        self.buttons = buttons
        self.running = False
        self.last_box: QMessageBox | None = None
        self.steps: list[tuple[int, int]] = []  # what the bar was told (tests, figures)
        bar.setVisible(False)
        bar.setTextVisible(True)
        bar.setFormat("%p\u00a0%")  # « 42 % », the space unbreakable

    def start(self, work: Work, text: str, on_done: Callable[[Any], None],
              on_failed: Callable[[], None] | None = None, path: Path | None = None) -> None:
        if self.running:
            return
        self.running = True
        self.steps = []
        for widget in self.buttons:
            widget.setEnabled(False)
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.bar.setVisible(True)
        self.label.setText(text)

        def done(result: Any) -> None:
            self._stop()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._stop()
            self.last_box = show_failure(self.parent, "Document non écrit", error, path)
            self.label.setText("Le document n'a pas été écrit.")
            if on_failed is not None:
                on_failed()

        self.ctx.runner.run_with_progress(work, done, self._progress, text=text,
                                          on_error=failed)

    def _progress(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    def _stop(self) -> None:
        self.running = False
        self.bar.setVisible(False)
        for widget in self.buttons:
            widget.setEnabled(True)

    def finished_file(self, path: Path, extra: str = "") -> None:
        """Tell the user the file is written and offer to open it."""
        self.label.setText(f"Document écrit : {path.name}")
        self.ctx.status_message.emit(f"Document écrit : {path}")
        self.last_box = offer_open(self.parent, path, extra)
