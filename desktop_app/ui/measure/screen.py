"""Mesure: type and level, periods (« Renouveler »), contract and follow-up, suspensions,
closing, visits with a quick-entry row, reports and notices, points earned month by month."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from desktop_app.app import reports as jobs
from desktop_app.app.measure_page import MeasurePage, measure_page
from desktop_app.app.measures import add_visit, change_measure, save_dsf_content
from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.domain.model import Measure, MeasureType, Visit
from desktop_app.reports.dsf_document import DsfNotReadyError, file_name
from desktop_app.ui.archive_banner import (
    ArchiveBanner,
    action_buttons,
    editing_widgets,
)
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import FormDialog
from desktop_app.ui.measure import dialogs
from desktop_app.ui.measure.bilan_dialog import BilanDialog, default_report
from desktop_app.ui.measure.general import apply_general, general_values
from desktop_app.ui.measure.side import MeasureSide
from desktop_app.ui.measure.tables import measure_state
from desktop_app.ui.measure.tabs import MeasureTabs
from desktop_app.ui.measure.visits import VisitsPanel
from desktop_app.ui.reports.export import ask_save_path, offer_open, show_failure
from desktop_app.ui.screen import Screen, leave_form
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row
from desktop_app.ui.widgets import button, page_header, section


class MeasureScreen(Screen):
    key = "mesure"
    title = "Mesure"
    topics = frozenset({Topic.MEASURE, Topic.WORKERS, Topic.HOMES})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.measure_id: str | None = None
        self.measure: Measure | None = None
        #: The version the « Suivi » form's values were typed over (sent as `expected`).
        self.general_base: Measure | None = None
        self.dialog: FormDialog | None = None
        self.bilan: BilanDialog | None = None
        self.reference = ""
        self.last_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        header.insertWidget(0, button("← Ménage", self, self._back, tip="Retour au ménage"))
        self.renew_button = button("Renouveler…", self, self.renew, primary=True)
        header.addWidget(self.renew_button)
        header.addWidget(button("Suspendre…", self, lambda: self._requested("suspend")))
        header.addWidget(button("Clôturer…", self, self.close_measure))
        layout.addLayout(header)
        self.archive_banner = ArchiveBanner(self, lambda: editing_widgets(
            *action_buttons(self), self.visits, self.tabs, self.side))
        layout.addWidget(self.archive_banner)
        self.state = QLabel(self)
        self.state.setObjectName("subtitle")
        layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        card, box, self.visits_title = section("Visites", left)
        self.visits = VisitsPanel(ctx.today, card)
        self.visits.add_visit.connect(self._add_visit)
        box.addWidget(self.visits)
        column.addWidget(card, 3)
        self.tabs = MeasureTabs(left)
        self.tabs.requested.connect(self._requested)
        self.periods = self.tabs.periods
        self.tabs.dsf.save_requested.connect(self.save_dsf_content)
        self.tabs.dsf.print_requested.connect(self.print_dsf)
        column.addWidget(self.tabs, 2)
        self.left_column = column

        self.side = MeasureSide(splitter)
        self.side.save_requested.connect(self.save_general)
        splitter.setSizes([640, 430])

    # --- loading -------------------------------------------------------------------------
    def show_measure(self, measure_id: str) -> None:
        """Show another record (reloaded now if the screen is visible, else when shown)."""
        if measure_id != self.measure_id:
            self.side.form.mark_clean()
        self.measure_id = measure_id
        self.stale = True
        if self.isVisible():
            self.refresh()

    def reload(self) -> None:
        if self.measure_id is None:
            return
        store, measure_id, today = self.ctx.store, self.measure_id, self.ctx.today()
        self.ctx.run(lambda: measure_page(store, measure_id, today), self._loaded,
                     text="Ouverture de la mesure…")

    def _loaded(self, page: MeasurePage | None) -> None:
        """The page read by one query (`app.measure_page`), shown whole."""
        if page is None:
            self.archive_banner.show_archived(None)
            self.side.show_earnings([])
            self.heading.setText("Mesure introuvable")
            return
        measure, household = page.measure, page.household
        self.archive_banner.show_archived(page.archived_on)
        self._adopt(measure)
        name = household.name if household else measure.household
        ref = f" ({household.reference})" if household and household.reference else ""
        self.heading.setText(f"{MEASURE_TYPES[measure.type]} — {name}{ref}")
        self.reference = (household.reference or "") if household else ""
        self.state.setText(measure_state(measure, self.ctx.today(),
                                        self.ctx.worker_name(measure.referent)))
        names = {w.id: w.name for w in self.ctx.workers}
        self.visits.show_measure(measure, names)
        self.visits_title.setText(f"Visites ({len(measure.visits)})")
        shown_before = self.tabs.dsf.base
        self.tabs.show_measure(measure, page.homes)
        is_dsf = measure.type is MeasureType.DSF
        # a DSF has few visits and a long content: the tabs take most of the column, and
        # open on the content when the DSF is opened
        self.left_column.setStretchFactor(self.tabs, 5 if is_dsf else 2)
        if is_dsf and (shown_before is None or shown_before.id != measure.id):
            self.tabs.setCurrentIndex(self.tabs.dsf_tab)
        self.renew_button.setEnabled(bool(measure.periods) and measure.closed_on is None)
        self.side.show_measure(measure, self.ctx.workers)
        self.side.show_earnings(page.earnings)
        self.archive_banner.reapply()

    # --- actions -------------------------------------------------------------------------
    def _requested(self, key: str) -> None:
        if self.measure is None:
            return
        today = self.ctx.today()
        if key == "renew":
            self.renew()
        elif key == "report":
            self._open(dialogs.report_dialog(self, self.measure, today, self._save_change))
        elif key == "notice":
            self._open(dialogs.notice_dialog(self, today, self._save_change))
        elif key == "suspend":
            self._open(dialogs.suspension_dialog(self, today, self._save_change))
        elif key == "stay":
            self._new_stay()
        elif key == "claim":
            self._open(dialogs.claim_dialog(self, self.measure, today, self._save_change))
        elif key == "extend":
            self._open(dialogs.extension_dialog(self, self.measure, today, self._save_change))
        elif key == "write_bilan":
            self.write_bilan()

    def write_bilan(self) -> BilanDialog | None:
        """The bilan of the selected report (or of the final one of the last period)."""
        measure = self.measure
        if measure is None:
            return None
        if measure.type not in (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL):
            QMessageBox.information(self, "Bilan", "Un bilan se rédige pour une mesure ASLL, "
                                    "AML ou FAL.")
            return None
        report = selected_row(self.tabs.reports_view) or default_report(measure)
        if report is None:
            QMessageBox.information(self, "Bilan", "Ajoutez d'abord une période à la mesure : "
                                    "le bilan porte sur une période.")
            return None
        dialog = BilanDialog(self.ctx, measure, report, self, self.reference,
                             self.heading.text(),
                             read_only=self.archive_banner.archived_on is not None)
        dialog.open()
        self.bilan = dialog
        return dialog

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _adopt(self, measure: Measure) -> None:
        """`measure` as read from (or written to) the store: also the « Suivi » form's base,
        unless the user is typing over a version whose fields there were different (a save
        is then refused: `ConflictError`, typed values kept)."""
        self.measure = measure
        base, form = self.general_base, self.side.form
        typing = form.dirty and form.property("type") == str(measure.type)
        if (not typing or base is None or base.id != measure.id
                or general_values(base) == general_values(measure)):
            self.general_base = measure

    def _save_change(self, change: dialogs.Change, dialog: FormDialog | None = None, *,
                     expected: Measure | None = None,
                     on_error: Callable[[BaseException], None] | None = None) -> None:
        """Apply `change` to the stored measure and save it — refused (`ConflictError`, the
        dialog and what was typed stay) if it changed elsewhere since the screen showed it
        (`expected`, default the measure shown)."""
        store = self.ctx.store
        self._save(lambda measure_id, shown: change_measure(store, measure_id, change, shown),
                   dialog, expected=expected, on_error=on_error)

    def _save(self, command: Callable[[str, Measure], Measure],
              dialog: FormDialog | None = None, *, expected: Measure | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run `command` (an `app.measures` command: one transaction, checked against
        `expected`, default the measure shown) in the background; the measure saved is
        shown."""
        measure_id, shown = self.measure_id, expected or self.measure

        def work() -> Measure:
            if measure_id is None or shown is None:
                raise LookupError(f"mesure {measure_id} introuvable")
            return command(measure_id, shown)

        def done(saved: Measure) -> None:
            self._adopt(saved)
            if dialog is not None:
                dialog.accept()

        self.ctx.save(work, Topic.MEASURE, done, on_error=on_error)

    def _add_visit(self, visit: Visit) -> None:
        def refused(error: BaseException) -> None:
            if not self.visits.date.text().strip():  # the row keeps the visit typed
                self.visits.date.set_value(visit.date)
            show_error(self, error)

        store = self.ctx.store
        self._save(lambda measure_id, shown: add_visit(store, measure_id, visit, shown),
                   on_error=refused)

    def start_visit(self) -> None:
        self.visits.start_entry()

    def renew(self) -> None:
        if self.measure is not None and self.measure.periods:
            self._open(dialogs.renew_dialog(self, self.measure, self._save_change))

    def close_measure(self) -> None:
        if self.measure is not None:
            self._open(dialogs.close_dialog(self, self.measure, self.ctx.today(),
                                            self._save_change))

    def _new_stay(self) -> None:
        store = self.ctx.store
        self.ctx.run(store.homes, lambda homes: self._open(dialogs.stay_dialog(
            self, homes, self.ctx.today(), self._save_change)))

    def save_general(self) -> bool:
        values = self.side.form.read()
        base = self.general_base
        if values is None or base is None:
            return False
        self.side.form.mark_clean()
        self._save_change(lambda m: _copy_into(m, apply_general(m, values)), expected=base,
                          on_error=self._general_refused)
        return True

    def save_dsf_content(self) -> bool:
        """Save the « Contenu du diagnostic » tab against the version it was filled from;
        refused (wrong value, changed elsewhere): what was typed stays, the reason shown."""
        panel = self.tabs.dsf
        content, base = panel.read(), panel.base
        if content is None or base is None:
            return False
        panel.form.mark_clean()
        store = self.ctx.store

        def refused(error: BaseException) -> None:
            panel.form.dirty = True
            show_error(self, error)

        self._save(lambda measure_id, shown: save_dsf_content(store, measure_id, content,
                                                              shown),
                   expected=base, on_error=refused)
        return True

    def print_dsf(self, path: Path | None = None) -> None:
        """Write the DSF as sent to the SLISL (PDF), from the content as saved: a content
        being typed is saved first; an incomplete one is refused in French (what is
        missing)."""
        panel, measure = self.tabs.dsf, self.measure
        if measure is None:
            return
        if panel.form.dirty:
            QMessageBox.information(self, "Imprimer le diagnostic", "Enregistrez d'abord le "
                                    "diagnostic : l'impression reprend le contenu enregistré.")
            return
        today = self.ctx.today()
        if path is None:
            path = ask_save_path(self, "Imprimer le diagnostic",
                                 file_name(self.reference, today))
            if path is None:
                return
        store, measure_id, target = self.ctx.store, measure.id, path
        panel.print_button.setEnabled(False)

        def done(_out: object) -> None:
            panel.print_button.setEnabled(True)
            self.last_box = offer_open(self, target)

        def failed(error: BaseException) -> None:
            panel.print_button.setEnabled(True)
            if isinstance(error, DsfNotReadyError):  # what is missing, in French
                box = QMessageBox(QMessageBox.Icon.Warning, "Diagnostic non imprimé",
                                  str(error), QMessageBox.StandardButton.Ok, self)
                box.open()
                self.last_box = box
            else:
                self.last_box = show_failure(self, "Diagnostic non imprimé", error, target)

        self.ctx.run(lambda: jobs.dsf_document_pdf(store, measure_id, target.parent, today,
                                                   target.name),
                     done, text="Impression du diagnostic…", on_error=failed)

    def _general_refused(self, error: BaseException) -> None:
        """The typed values stay in the « Suivi » form (still to save), the reason is shown."""
        self.side.form.dirty = True
        show_error(self, error)

    def can_leave(self) -> bool:
        dsf = self.tabs.dsf.form
        if dsf.dirty:
            if not leave_form(self, True, "le contenu du diagnostic", self.save_dsf_content):
                return False
            dsf.mark_clean()  # saved (a refusal marks it again) or given up
        return leave_form(self, self.side.form.dirty, "la mesure", self.save_general)

    def _back(self) -> None:
        if self.measure is not None:
            self.ctx.open_household.emit(self.measure.household)


def _copy_into(target: Measure, source: Measure) -> None:
    for field in target.__slots__:
        setattr(target, field, getattr(source, field))
