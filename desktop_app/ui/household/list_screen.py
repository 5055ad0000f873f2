"""Ménages: the searchable, sortable list of households; « Nouveau ménage »."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.app.households import create_household
from desktop_app.domain.model import Household
from desktop_app.store.records import HouseholdRow
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import FormDialog, Values
from desktop_app.ui.household.form import add_household_fields, apply_household_values
from desktop_app.ui.household.model import HouseholdListModel
from desktop_app.ui.models import ROW_ROLE
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button, page_header


class HouseholdsScreen(Screen):
    key = "menages"
    title = "Ménages"
    topics = frozenset({Topic.HOUSEHOLD, Topic.MEASURE, Topic.WORKERS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        header, _title = page_header(self.title, self)
        self.new_button = button("Nouveau ménage…", self, self.new_household, primary=True,
                                 tip="Créer le dossier d'un ménage")
        header.addWidget(self.new_button)
        layout.addLayout(header)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Rechercher par nom, référence FSL, commune ou territoire "
                                       "(Ctrl+F)")
        self.search.setAccessibleName("Rechercher un ménage")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)
        self.model = HouseholdListModel(self)
        self.view = table_view(self.model, self, "Liste des ménages", sortable=False, stretch=0,
                               empty="Aucun ménage ne correspond.")
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in ((1, 150), (2, 170), (3, 190), (4, 130), (5, 170)):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view, 1)
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        layout.addWidget(self.count)
        QWidget.setTabOrder(self.search, self.view)
        QWidget.setTabOrder(self.view, self.new_button)

    def reload(self) -> None:
        store, day = self.ctx.store, self.ctx.today()
        self.count.setText("Chargement des ménages…")
        self.ctx.run(lambda: store.household_rows(day), self._loaded,
                     text="Chargement des ménages…")

    def _loaded(self, rows: list[HouseholdRow]) -> None:
        self.model.set_rows(rows)
        self._count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._count()

    def _count(self) -> None:
        total, shown = self.model.total, self.model.matching
        word = "ménage" if total == 1 else "ménages"
        self.count.setText(f"{total} {word}" if shown == total
                           else f"{shown} sur {total} {word} correspondent à la recherche")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, HouseholdRow):
            self.ctx.open_household.emit(row.id)

    def new_household(self) -> None:
        dialog = FormDialog(self, "Nouveau ménage",
                            "Les champs marqués d'une * sont obligatoires.")
        add_household_fields(dialog.form)
        store = self.ctx.store

        def save(values: Values) -> None:
            def work() -> str:
                household = apply_household_values(Household("", ""), values)
                return create_household(store, household).id  # refused if the id was taken

            def done(household_id: str) -> None:
                dialog.accept()
                QTimer.singleShot(0, lambda: self.ctx.open_household.emit(household_id))

            self.ctx.save(work, Topic.HOUSEHOLD, done)

        dialog.on_submit = save
        self.dialog = dialog
        dialog.open()
