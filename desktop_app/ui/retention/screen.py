"""Conservation: the GDPR keeping rules. The households whose last measure ended
more than 2 years ago (CNIL délibération 2023-095), to review and move to the read-only
archive; the archive, to anonymise (or delete for good) once the convention's keeping date
(31/12/2034) has passed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.app import retention_commands
from desktop_app.app.pages import RetentionPage, retention_page
from desktop_app.domain.fr import format_date
from desktop_app.domain.retention import RetentionSettings, past_keeping_date
from desktop_app.store.api import Store
from desktop_app.store.records import RetentionRow
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import FormDialog
from desktop_app.ui.models import ROW_ROLE
from desktop_app.ui.retention import dialogs
from desktop_app.ui.retention.model import CheckedRows, archive_model, candidate_model
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import TableView, table_view
from desktop_app.ui.widgets import button, page_header, section

EMPTY_DUE = "Aucun dossier dont la dernière mesure a pris fin il y a plus de {years}."


def _years(count: int) -> str:
    return f"{count} an{'s' if count > 1 else ''}"


class RetentionScreen(Screen):
    key = "conservation"
    title = "Conservation"
    topics = frozenset({Topic.HOUSEHOLD, Topic.MEASURE, Topic.RETENTION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.settings = RetentionSettings()
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        header, _t = page_header("Conservation des dossiers", self)
        header.addWidget(button("Durées de conservation…", self, self.edit_settings))
        layout.addLayout(header)
        self.rules = QLabel(self)
        self.rules.setObjectName("subtitle")
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules)

        card, box, self.due_title = section("Dossiers à archiver", self)
        self.due = candidate_model(card)
        self.due_view = self._view(self.due, card, "Dossiers à archiver",
                                   EMPTY_DUE.format(years=_years(self.settings.active_years)))
        box.addWidget(self.due_view)
        row = QHBoxLayout()
        row.addWidget(QLabel("Ouvrez un dossier (double clic) pour le revoir, puis cochez-le.",
                             card), 1)
        row.addWidget(button("Tout cocher", card, lambda: self.due.check_all(True)))
        self.archive_button = button("Archiver la sélection…", card, self.archive,
                                     primary=True)
        row.addWidget(self.archive_button)
        box.addLayout(row)
        layout.addWidget(card, 1)

        card, box, self.archive_title = section("Archive (lecture seule)", self)
        self.archived = archive_model(card)
        self.archive_view = self._view(self.archived, card, "Dossiers archivés",
                                       "Aucun dossier archivé.")
        box.addWidget(self.archive_view)
        row = QHBoxLayout()
        self.keeping_note = QLabel(card)
        self.keeping_note.setObjectName("muted")
        self.keeping_note.setWordWrap(True)
        row.addWidget(self.keeping_note, 1)
        self.anonymise_button = button("Anonymiser la sélection…", card, self.anonymise,
                                       primary=True)
        self.delete_button = button("Supprimer définitivement…", card, self.delete)
        row.addWidget(self.anonymise_button)
        row.addWidget(self.delete_button)
        box.addLayout(row)
        layout.addWidget(card, 1)
        self.due.checked_changed.connect(self._enable)
        self.archived.checked_changed.connect(self._enable)
        self._enable()

    def _view(self, model: CheckedRows, parent: QWidget, name: str, empty: str) -> TableView:
        view = table_view(model, parent, name, empty=empty)
        view.activated.connect(self._open)
        return view

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        store, today = self.ctx.store, self.ctx.today()
        self.ctx.run(lambda: retention_page(store, today), self._loaded,
                     text="Recherche des dossiers à archiver…")

    def _loaded(self, page: RetentionPage) -> None:
        self.settings, due, archived = page.settings, page.due, page.archived
        years, until = _years(self.settings.active_years), format_date(self.settings.keep_until)
        self.due_view.empty_text = EMPTY_DUE.format(years=years)
        self.rules.setText(
            f"Un dossier reste dans la base active {years} après la fin de sa dernière "
            f"mesure (CNIL, délibération 2023-095), puis il est archivé en lecture seule après "
            f"revue. Il est conservé jusqu'au {until} (annexe de la convention FSL), puis "
            "anonymisé — les grilles annuelles passées restent identiques — ou supprimé.")
        self.due.set_rows(due)
        self.archived.set_rows(archived)
        self.due_title.setText(f"Dossiers à archiver ({len(due)})")
        self.archive_title.setText(f"Archive, lecture seule ({len(archived)})")
        self._enable()

    def _enable(self) -> None:
        past = past_keeping_date(self.ctx.today(), self.settings)
        first = date.fromordinal(self.settings.keep_until.toordinal() + 1)
        self.keeping_note.setText(
            "Date de conservation passée : les dossiers cochés peuvent être anonymisés." if past
            else f"Anonymiser ou supprimer : possible à partir du {format_date(first)}.")
        self.archive_button.setEnabled(bool(self.due.checked))
        pending = [r for r in self.archived.checked_rows() if r.anonymised_on is None]
        self.anonymise_button.setEnabled(past and bool(pending))
        self.delete_button.setEnabled(past and bool(self.archived.checked))

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RetentionRow):
            self.ctx.open_household.emit(row.household_id)

    # --- actions -------------------------------------------------------------------------
    def archive(self) -> None:
        rows = self.due.checked_rows()
        if rows and dialogs.confirm_archive(self, rows):
            self._write(retention_commands.archive, rows, "Archivage…")

    def anonymise(self) -> None:
        rows = [r for r in self.archived.checked_rows() if r.anonymised_on is None]
        if rows and dialogs.confirm_anonymise(self, rows):
            self._write(retention_commands.anonymise, rows, "Anonymisation…")

    def delete(self) -> None:
        rows = self.archived.checked_rows()
        if rows and dialogs.confirm_delete(self, rows):
            self._write(retention_commands.delete, rows, "Suppression…")

    def _write(self, work: Callable[[Store, list[str], date], None], rows: list[RetentionRow],
               text: str) -> None:
        store, day = self.ctx.store, self.ctx.today()
        ids = [r.household_id for r in rows]
        self.ctx.save(lambda: work(store, ids, day), Topic.HOUSEHOLD, text=text)

    def edit_settings(self) -> None:
        store = self.ctx.store

        def save(settings: RetentionSettings, dialog: FormDialog) -> None:
            self.ctx.save(lambda: retention_commands.save_settings(store, settings),
                          Topic.RETENTION, lambda _r: dialog.accept())

        self.dialog = dialogs.settings_dialog(self, self.settings, save)
        self.dialog.open()
