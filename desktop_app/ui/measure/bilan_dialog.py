"""« Rédiger le bilan » of one report of a measure: the worker's five sections, the day the
bilan was sent and the day the household signed it, saved in the store; « Imprimer (PDF)… »
writes the bilan to sign (the measure's facts and the text as typed) in the background.

What was typed is never lost: a failed save or print leaves the dialog open, the text in it,
and says in French what went wrong; closing with unsaved text asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import reports as jobs
from desktop_app.app.bilans import save_bilan
from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import REPORT_KINDS
from desktop_app.domain.model import Measure, Report, ReportKind
from desktop_app.store.records import SYSTEM_PROFILE, StoredBilan
from desktop_app.ui.background import describe_error, show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.fields import DateField
from desktop_app.ui.forms import Form, save_shortcut
from desktop_app.ui.measure.bilan_sections import BilanSections
from desktop_app.ui.reports.export import ask_save_path, failure_text, offer_open
from desktop_app.ui.screen import ask_unsaved
from desktop_app.ui.topics import Topic


class BilanDialog(QDialog):
    def __init__(self, ctx: AppContext, measure: Measure, report: Report,
                 parent: QWidget | None = None, reference: str = "", subject: str = "",
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.measure, self.report, self.reference = ctx, measure, report, reference
        #: An archived file: the bilan is read and printed, never written.
        self.read_only = read_only
        self.setWindowTitle(f"{REPORT_KINDS[report.kind]} — période finissant le "
                            f"{format_date(report.period_end)}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(780, 800)
        self.dirty = False
        self.busy = False
        #: The bilan as stored when read (None: none yet), handed to the save: a bilan
        #: changed meanwhile in another window is refused, never overwritten.
        self.stored: StoredBilan | None = None
        self._ended = False  # accepted or rejected: the dialog is going away
        self.last_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        title = QLabel(f"{subject + ' · ' if subject else ''}{REPORT_KINDS[report.kind]} de la "
                       f"période finissant le {format_date(report.period_end)}", self)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.state = QLabel("Lecture du bilan enregistré…", self)
        self.state.setObjectName("intro")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.body = BilanSections(self)
        self.body.edited.connect(self._edited)
        #: name → text box of each section (situation, objectives, actions…).
        self.sections = self.body.editors
        layout.addWidget(self.body, 1)
        self.form = Form(self)
        self.sent_on = self.form.add("sent_on", "Envoyé le", DateField())
        self.signed_on = self.form.add("signed_on", "Signé le", DateField(),
                                       hint="Jour où le ménage a signé le bilan.")
        for field in (self.sent_on, self.signed_on):
            field.setMaximumWidth(140)
        self.form.edited.connect(self._edited)
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("Imprimer (PDF)…", self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Enregistrer")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("Fermer")
        self.print_button.clicked.connect(lambda _c=False: self.print_pdf())
        self.save_button.clicked.connect(lambda _c=False: self.save())
        close.clicked.connect(self.reject)
        # Ctrl+S as « Enregistrer », when it may be used (not before the text is read, never
        # on an archived file); the dialog stays open to go on writing.
        save_shortcut(self, lambda: self.save_button.isEnabled() and self.save(close=False))
        layout.addWidget(self.buttons)
        self.form.set_values({"sent_on": report.sent_on})
        self._load()

    # --- reading ---------------------------------------------------------------------------
    def _load(self) -> None:
        """Read the stored text; until it is there the boxes are read-only and « Enregistrer »
        waits (typing would be wiped by the text read, a save would write over it)."""
        store, m, r = self.ctx.store, self.measure, self.report
        self._set_writable(False)
        self.ctx.run(lambda: store.bilan_text(m.id, r.kind, r.period_end), self._loaded,
                     text="Lecture du bilan…", on_error=self._load_failed)

    def _set_writable(self, writable: bool) -> None:
        for editor in self.sections.values():
            editor.setReadOnly(not writable)
        self.save_button.setEnabled(writable)
        self.form.setEnabled(writable)

    def _load_failed(self, error: BaseException) -> None:
        self.state.setText("Le texte enregistré n'a pas pu être lu : "
                           f"{describe_error(error)[1]}\n\nFermez ce bilan puis rouvrez-le.")

    def _loaded(self, stored: object) -> None:
        self._set_writable(not self.read_only)
        self.stored = stored if isinstance(stored, StoredBilan) else None
        if isinstance(stored, StoredBilan):
            self.body.set_text(stored.text)
            self.form.set_values({"sent_on": self.report.sent_on,
                                  "signed_on": stored.signed_on})
            self.state.setText(f"Texte enregistré le {format_date(stored.updated_at.date())} "
                               f"à {stored.updated_at:%H:%M}.")
        else:
            self.state.setText("Aucun texte enregistré pour ce bilan : rédigez-le ci-dessous.")
        if self.read_only:
            self.state.setText(self.state.text().removesuffix(" : rédigez-le ci-dessous.")
                               + " Dossier archivé : lecture seule.")
        self.dirty = False

    def _edited(self) -> None:
        self.dirty = True

    def text(self) -> BilanText:
        return self.body.text()

    # --- saving ----------------------------------------------------------------------------
    def save(self, close: bool = True) -> bool:
        """Save in the background; False when a date is wrong (said under the field)."""
        values = self.form.read()
        if values is None or self.busy:
            return False
        sent, signed = values["sent_on"], values["signed_on"]
        if signed is not None and sent is None:
            self.form.set_error("sent_on", "Un bilan signé a été envoyé : indiquez le jour "
                                "où il a été envoyé au SLISL.")
            return False
        store, m, r, text = self.ctx.store, self.measure, self.report, self.text()
        profile = self.ctx.current_worker or SYSTEM_PROFILE
        self.busy = True

        expected = self.stored

        def done(_result: object) -> None:
            self.busy = False
            self.dirty = False
            self.stored = StoredBilan(text, signed, datetime.now())  # what is stored now
            self.ctx.status_message.emit("Bilan enregistré.")
            self.ctx.changed.emit(Topic.MEASURE)
            if close and self._here():
                self.accept()

        self.ctx.run(lambda: save_bilan(store, m.id, r.kind, r.period_end, text, signed, sent,
                                        profile, expected),
                     done, text="Enregistrement du bilan…", on_error=self._failed("enregistré"))
        return True

    def _failed(self, what: str, path: Path | None = None) -> Callable[[BaseException], None]:
        """The French message of a failed save or print; the dialog and its text stay."""
        def failed(error: BaseException) -> None:
            self.busy = False
            if not self._here():  # closed meanwhile: said over the window
                show_error(self.ctx.runner.error_parent(), error)
                return
            message = failure_text(error, path)
            _title, text, details = describe_error(error)
            box = QMessageBox(QMessageBox.Icon.Warning, f"Bilan non {what}",
                              f"Le bilan n'a pas été {what}. Votre texte est toujours dans la "
                              f"fenêtre : rien n'est perdu.\n\n{message or text}",
                              QMessageBox.StandardButton.Ok, self)
            if details and message is None:
                box.setDetailedText(details)
            box.open()
            self.last_box = box
        return failed

    # --- printing --------------------------------------------------------------------------
    def print_pdf(self, path: Path | None = None) -> None:
        """Write the bilan to sign as PDF (the text as typed now, saved or not)."""
        r = self.report
        if path is None:
            ref = self.reference or self.measure.id
            path = ask_save_path(self, "Imprimer le bilan",
                                 f"bilan-{ref}-{r.period_end.isoformat()}.pdf")
            if path is None:
                return
        store, m, text, target = self.ctx.store, self.measure, self.text(), path
        self.print_button.setEnabled(False)

        def done(_out: object) -> None:
            if not self._here():  # closed meanwhile: the status bar says where it went
                self.ctx.status_message.emit(f"Bilan écrit : {target}")
                return
            self.print_button.setEnabled(True)
            self.last_box = offer_open(self, target)

        def failed(error: BaseException) -> None:
            if self._here():
                self.print_button.setEnabled(True)
            self._failed("imprimé", target)(error)

        self.ctx.run(lambda: jobs.bilan_pdf(store, m.id, r.kind, r.period_end, text, target),
                     done, text="Impression du bilan…", on_error=failed)

    # --- leaving ---------------------------------------------------------------------------
    def _here(self) -> bool:
        """Still open (perhaps hidden by the lock): a save or a print may end after
        « Fermer », and the dialog deletes itself once closed."""
        return shiboken6.isValid(self) and not self._ended

    def done(self, result: int) -> None:
        self._ended = True
        super().done(result)

    def reject(self) -> None:
        if self.dirty:
            answer = ask_unsaved(self, "ce bilan")
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save(close=True)
                return
        super().reject()


def default_report(measure: Measure) -> Report | None:
    """The report a new bilan is written for: the final one of the last period."""
    if not measure.periods:
        return None
    end = max(p.end for p in measure.periods)
    found = next((r for r in measure.reports if r.kind is ReportKind.FINAL
                  and r.period_end == end), None)
    return found or Report(ReportKind.FINAL, end, None, False)
