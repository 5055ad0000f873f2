"""Le dossier du ménage: identity, members, resources, address, its measures and one timeline
of visits, closed doors, reports, notices and suspensions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop_app.app.households import change_household, create_measure
from desktop_app.app.pages import HouseholdPage, household_page
from desktop_app.domain.file_names import household_part
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Household, Measure
from desktop_app.ui.archive_banner import ArchiveBanner, editing_widgets
from desktop_app.ui.background import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import Form, FormDialog
from desktop_app.ui.history_model import HistoryModel
from desktop_app.ui.history_text import measure_name
from desktop_app.ui.household.file_actions import export_household
from desktop_app.ui.household.form import (
    add_household_fields,
    apply_household_values,
    household_values,
)
from desktop_app.ui.household.members import MembersCard
from desktop_app.ui.measure.new_measure import new_measure_dialog
from desktop_app.ui.measure.timeline import Event, household_timeline
from desktop_app.ui.models import ROW_ROLE, Column, RowTableModel, date_key
from desktop_app.ui.screen import Screen, leave_form
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button, page_header, section

MeasureLine = tuple[Measure, str, str]  # measure, referent's name, state


def measure_state_short(measure: Measure, today: date) -> str:
    span = in_force_span(measure)
    if measure.closed_on is not None and measure.closed_on <= today:
        return f"Clôturée le {format_date(measure.closed_on)}"
    if span is None:
        return "Sans période"
    if span[0] > today:
        return "À venir"
    return "En cours" if span[1] >= today else f"Terminée le {format_date(span[1])}"


MEASURES: list[Column[MeasureLine]] = [
    Column("Mesure", lambda r: MEASURE_TYPES[r[0].type], fit=True),
    Column("Début", lambda r: format_date(s[0]) if (s := in_force_span(r[0])) else "—",
           lambda r: date_key(s[0]) if (s := in_force_span(r[0])) else -1),
    Column("Fin", lambda r: format_date(s[1]) if (s := in_force_span(r[0])) else "—",
           lambda r: date_key(s[1]) if (s := in_force_span(r[0])) else -1),
    Column("Référent(e)", lambda r: r[1]),
    Column("État", lambda r: r[2]),
]
EVENTS: list[Column[Event]] = [
    Column("Date", lambda e: format_date(e.day), lambda e: date_key(e.day)),
    Column("Mesure", lambda e: e.measure_label, fit=True),
    Column("Événement", lambda e: e.what, fit=True),
    Column("Détail", lambda e: e.detail, tooltip=lambda e: e.detail),
]


class HouseholdScreen(Screen):
    key = "menage"
    title = "Ménage"
    topics = frozenset({Topic.HOUSEHOLD, Topic.MEASURE, Topic.WORKERS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household: Household | None = None
        self.household_id: str | None = None
        #: The version the identity form's values were typed over (sent as `expected`).
        self.identity_base: Household | None = None
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        header.insertWidget(0, button("← Ménages", self, lambda: ctx.open_screen.emit("menages")))
        self.export_button = button("Exporter le dossier…", self, self.export_file)
        header.addWidget(self.export_button)
        self.new_measure_button = button("Nouvelle mesure…", self, self.new_measure, primary=True)
        header.addWidget(self.new_measure_button)
        layout.addLayout(header)
        self.archive_banner = ArchiveBanner(self, lambda: editing_widgets(
            self.identity, self.save_button, self.new_measure_button, self.members_card))
        layout.addWidget(self.archive_banner)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)
        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        card, box, _t = section("Identité, adresse et ressources", left)
        self.identity = Form(card)
        add_household_fields(self.identity)
        box.addWidget(self.identity)
        self.save_button = button("Enregistrer", card, self.save_identity)
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.identity.save_with(self.save_identity)
        column.addWidget(card)
        self.members_card = MembersCard(ctx, left)
        self.members_view = self.members_card.view
        column.addWidget(self.members_card, 1)

        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        card, box, self.measures_title = section("Mesures", right)
        self.measures: RowTableModel[MeasureLine] = RowTableModel(MEASURES, card)
        self.measures_view = table_view(self.measures, card, "Mesures du ménage",
                                         empty="Aucune mesure : « Nouvelle mesure… ».")
        self.measures_view.activated.connect(self._open_measure)
        box.addWidget(self.measures_view)
        column.addWidget(card, 1)
        card, box, self.timeline_title = section("Historique", right)
        self.history_tabs = QTabWidget(card)
        self.timeline: RowTableModel[Event] = RowTableModel(EVENTS, card)
        self.timeline_view = table_view(self.timeline, self.history_tabs, "Historique du ménage",
                                         empty="Rien encore dans l'historique.")
        self.timeline_view.activated.connect(
            lambda i: ctx.open_measure.emit(i.data(ROW_ROLE).measure))
        self.history_tabs.addTab(self.timeline_view, "Événements")
        # The audit trail: who changed what in the file, and when.
        self.history = HistoryModel(card)
        self.history_view = table_view(self.history, self.history_tabs,
                                       "Modifications du dossier",
                                       empty="Aucune modification enregistrée.")
        self.history_tabs.addTab(self.history_view, "Modifications")
        box.addWidget(self.history_tabs)
        column.addWidget(card, 2)
        splitter.setSizes([430, 640])

    # --- loading -------------------------------------------------------------------------
    def show_household(self, household_id: str) -> None:
        """Show another record (reloaded now if the screen is visible, else when shown)."""
        if household_id != self.household_id:
            self.identity.mark_clean()
        self.household_id = household_id
        self.stale = True
        if self.isVisible():
            self.refresh()

    def reload(self) -> None:
        if self.household_id is None:
            return
        store, household_id = self.ctx.store, self.household_id
        self.ctx.run(lambda: household_page(store, household_id), self._loaded,
                     text="Ouverture du dossier…")

    def _loaded(self, page: HouseholdPage | None) -> None:
        """The page read by one query (`app.pages.household_page`), shown whole."""
        self.archive_banner.show_archived(None if page is None else page.archived_on)
        if page is None:
            self.heading.setText("Ménage introuvable")
            return
        household, measures, history = page.household, page.measures, page.history
        self._adopt(household)
        ref = f" — {household.reference}" if household.reference else ""
        self.heading.setText(f"{household.name}{ref}")
        if not self.identity.dirty:
            self.identity.set_values(household_values(household))
        self.members_card.show_household(household)
        today = self.ctx.today()
        lines = [(m, self.ctx.worker_name(m.referent), measure_state_short(m, today))
                 for m in measures]
        self.measures.set_rows(lines)
        self.measures_title.setText(f"Mesures ({len(measures)})")
        labels = []
        for measure in measures:
            span = in_force_span(measure)
            year = f" {span[0].year}" if span else ""
            labels.append((measure, f"{MEASURE_TYPES[measure.type]}{year}"))
        events = household_timeline(labels)
        self.timeline.set_rows(events)
        self.timeline_title.setText(f"Historique ({len(events)} événements)")
        self.history.set_entries(history, self.ctx.worker_name,
                                 {m.id: measure_name(m) for m in measures})
        self.history_tabs.setTabText(1, f"Modifications ({len(history)})")

    def _adopt(self, household: Household) -> None:
        """`household` as read from the store: also the identity form's base, unless the user
        is typing over a version whose identity fields were different (a save is then
        refused: `ConflictError`, typed values kept)."""
        self.household = household
        base = self.identity_base
        if (not self.identity.dirty or base is None or base.id != household.id
                or household_values(base) == household_values(household)):
            self.identity_base = household

    # --- identity and members ------------------------------------------------------------
    def save_identity(self) -> bool:
        values = self.identity.read()
        base = self.identity_base
        if values is None or base is None:
            return False
        household = apply_household_values(base, values)
        self.identity.mark_clean()
        store = self.ctx.store

        def saved(_result: object) -> None:
            self.household = self.identity_base = household

        self.ctx.save(lambda: change_household(store, household, base), Topic.HOUSEHOLD,
                      saved, on_error=self._identity_refused)
        return True

    def _identity_refused(self, error: BaseException) -> None:
        """The typed values stay in the form (still to save), the reason is shown."""
        self.identity.dirty = True
        show_error(self, error)

    # --- measures ------------------------------------------------------------------------
    def new_measure(self) -> None:
        if self.household is None:
            return
        store, household_id = self.ctx.store, self.household.id

        def submit(measure: Measure, dialog: FormDialog) -> None:
            def work() -> str:
                return create_measure(store, measure).id  # refused if the id was taken

            def done(measure_id: str) -> None:
                dialog.accept()
                QTimer.singleShot(0, lambda: self.ctx.open_measure.emit(measure_id))

            self.ctx.save(work, Topic.MEASURE, done)

        self.dialog = new_measure_dialog(self, household_id,
                                         [(w.name, w.id) for w in self.ctx.workers],
                                         self.ctx.current_worker, submit)
        self.dialog.open()

    def export_file(self) -> None:
        """For a colleague (interchange file) or a right-of-access request (JSON + PDF)."""
        if self.household_id is not None:
            who = ("" if self.household is None
                   else household_part(self.household.reference, self.household.name))
            export_household(self, self.ctx, self.household_id, who=who)

    def _open_measure(self, index: QModelIndex) -> None:
        line = index.data(ROW_ROLE)
        if line is not None:
            self.ctx.open_measure.emit(line[0].id)

    def can_leave(self) -> bool:
        return leave_form(self, self.identity.dirty, "l'identité du ménage", self.save_identity)
