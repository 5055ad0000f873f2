"""Logements ALT: the association's temporary homes, who lives there, vacancies and whether
they are justified; the monthly occupancy table sent to the SPSLH."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from desktop_app.app.association import change_association
from desktop_app.app.home_commands import change_home, create_home
from desktop_app.app.homes import HomeLine, Homes, Occupation, homes
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.model import Association, Home, OccupancyTableSent, Vacancy
from desktop_app.ui.charts import BarChartWidget
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.actions import not_after
from desktop_app.ui.fields import CheckField, ChoiceField, DateField, TextField
from desktop_app.ui.forms import FormDialog, Values
from desktop_app.ui.measure.dialogs import end_after_start
from desktop_app.ui.models import RIGHT, Column, RowTableModel, date_key
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import selected_row, table_view, view_row
from desktop_app.ui.widgets import button, page_header, section


class HomesScreen(Screen):
    key = "logements"
    title = "Logements ALT"
    topics = frozenset({Topic.HOMES, Topic.MEASURE, Topic.ASSOCIATION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data = Homes([], [])
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        header, _t = page_header(self.title, self)
        header.addWidget(button("Tableau d'occupation envoyé…", self, self.record_table))
        header.addWidget(button("Nouveau logement…", self, self.new_home, primary=True))
        layout.addLayout(header)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        self.homes: RowTableModel[HomeLine] = RowTableModel([
            Column("Adresse", lambda h: h.home.address),
            Column("Occupé par", lambda h: h.occupants),
            Column("Depuis le", lambda h: format_date(h.since), lambda h: date_key(h.since)),
            Column("État", lambda h: h.state, tooltip=lambda h: h.state,
                   color=lambda h: "#f8d7da" if h.long_vacancy
                   or h.state.startswith("Vacance non") else None),
            Column("Occupation", lambda h: f"{h.occupancy_rate} %",
                   lambda h: h.occupancy_rate, RIGHT,
                   tooltip=lambda _h: "Part des jours occupés depuis le 1er janvier"),
            Column("Vacances notées", lambda h: str(len(h.home.vacancies)),
                   lambda h: len(h.home.vacancies), RIGHT),
        ], self)
        self.homes_view = table_view(self.homes, splitter, "Logements ALT",
                                     empty="Aucun logement ALT : « Nouveau logement… ».")
        self.homes_view.selectionModel().currentRowChanged.connect(lambda *_: self._select())
        pictures = QWidget(splitter)
        row = QHBoxLayout(pictures)
        row.setContentsMargins(0, 0, 0, 0)
        card, box, _t = section("Taux d'occupation", pictures)
        self.occupancy_chart = BarChartWidget("Graphique du taux d'occupation de chaque "
                                              "logement depuis le 1er janvier", card)
        box.addWidget(self.occupancy_chart)
        row.addWidget(card, 1)
        card, box, _t = section("Jours vides depuis le dernier départ", pictures)
        self.vacancy_chart = BarChartWidget("Graphique des jours vides de chaque logement "
                                            "contre les 31 jours payés", card)
        box.addWidget(self.vacancy_chart)
        row.addWidget(card, 1)
        bottom = QWidget(splitter)
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        card, box, self.stays_title = section("Ménages accueillis", bottom)
        self.stays: RowTableModel[Occupation] = RowTableModel([
            Column("Ménage", lambda o: o.household),
            Column("Entrée", lambda o: format_date(o.start), lambda o: date_key(o.start)),
            Column("Sortie", lambda o: format_date(o.end) or "—", lambda o: date_key(o.end)),
        ], card)
        self.stays_view = table_view(self.stays, card, "Ménages accueillis dans le logement",
                                     empty="Aucun ménage accueilli.")
        self.stays_view.activated.connect(
            lambda _i: ctx.open_measure.emit(selected_row(self.stays_view).measure))
        box.addWidget(self.stays_view)
        row.addWidget(card, 1)
        card, box, self.vacancies_title = section("Vacances", bottom)
        self.vacancies: RowTableModel[Vacancy] = RowTableModel([
            Column("Du", lambda v: format_date(v.start), lambda v: date_key(v.start)),
            Column("Au", lambda v: format_date(v.end), lambda v: date_key(v.end)),
            Column("Jours", lambda v: str((v.end - v.start).days + 1),
                   lambda v: (v.end - v.start).days, RIGHT),
            Column("Justification", lambda v: "Vacance technique justifiée" if v.justified
                   else "Non justifiée"),
        ], card)
        self.vacancies_view = table_view(self.vacancies, card, "Vacances du logement",
                                         empty="Aucune vacance notée.")
        box.addWidget(self.vacancies_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(button("Nouvelle vacance…", card, self.new_vacancy))
        box.addLayout(buttons)
        row.addWidget(card, 1)
        splitter.setSizes([230, 230, 230])

    def reload(self) -> None:
        store, today = self.ctx.store, self.ctx.today()
        self.ctx.run(lambda: homes(store, today), self._loaded, text="Chargement des logements…")

    def _loaded(self, loaded: Homes) -> None:
        self.data = loaded
        self.occupancy_chart.set_chart(loaded.occupancy)
        self.vacancy_chart.set_chart(loaded.vacancy)
        current = selected_row(self.homes_view)
        self.homes.set_rows(loaded.lines)
        ids = [line.home.id for line in self.homes.rows]
        wanted = current.home.id if current is not None and current.home.id in ids else None
        if ids:
            source = self.homes.index(ids.index(wanted) if wanted else 0, 0)
            self.homes_view.selectRow(view_row(self.homes_view, source))
        self._select()

    def _select(self) -> None:
        line: HomeLine | None = selected_row(self.homes_view)
        if line is None:
            return
        self.stays.set_rows(self.data.stays(line.home.id))
        self.stays_title.setText(f"Ménages accueillis — {line.home.address}")
        self.vacancies.set_rows(sorted(line.home.vacancies, key=lambda v: v.start, reverse=True))
        self.vacancies_title.setText(f"Vacances ({len(line.home.vacancies)})")

    def _save_home(self, home: Home, dialog: FormDialog, expected: Home) -> None:
        """Refused (`ConflictError`) if the home changed elsewhere since it was shown: the
        dialog stays open with what was typed."""
        store = self.ctx.store
        self.ctx.save(lambda: change_home(store, home, expected), Topic.HOMES,
                      lambda _r: dialog.accept())

    def new_home(self) -> None:
        dialog = FormDialog(self, "Nouveau logement ALT")
        dialog.form.add("address", "Adresse", TextField(placeholder="3 place d'Armes, Béthune"),
                        required=True)
        store = self.ctx.store

        def submit(values: Values) -> None:
            # new=True: refused if another window took the id meanwhile (two writers)
            self.ctx.save(lambda: create_home(store, values["address"]),
                          Topic.HOMES, lambda _r: dialog.accept())

        dialog.on_submit = submit
        self._open(dialog)

    def new_vacancy(self) -> None:
        line: HomeLine | None = selected_row(self.homes_view)
        if line is None:
            return
        dialog = FormDialog(self, f"Vacance — {line.home.address}",
                            "Une vacance technique justifiée est payée au tarif d'un ménage "
                            "seul ; entre deux ménages, 31 jours au plus sont payés.")
        dialog.form.add("start", "Du", DateField(), required=True)
        dialog.form.add("end", "Au (inclus)", DateField(), required=True)
        dialog.form.add("justified", "Justification", CheckField("Vacance technique justifiée"))
        dialog.form.validators.append(end_after_start())
        dialog.on_submit = lambda v: self._save_home(replace(line.home, vacancies=[
            *line.home.vacancies, Vacancy(v["start"], v["end"], v["justified"])]), dialog,
            line.home)
        self._open(dialog)

    def record_table(self) -> None:
        today = self.ctx.today()
        months = [Month.of(today).plus(-i) for i in range(1, 13)]
        dialog = FormDialog(self, "Tableau d'occupation ALT envoyé au SPSLH")
        dialog.form.add("month", "Mois", ChoiceField([(format_month(m), m) for m in months]))
        dialog.form.add("sent_on", "Envoyé le", DateField(), required=True).set_value(today)
        dialog.form.validators.append(not_after(today))
        store = self.ctx.store

        def submit(values: Values) -> None:
            def sent(association: Association) -> None:
                association.occupancy_tables_sent.append(
                    OccupancyTableSent(values["month"], values["sent_on"]))

            self.ctx.save(lambda: change_association(store, sent), Topic.ASSOCIATION,
                          lambda _r: dialog.accept())

        dialog.on_submit = submit
        self._open(dialog)

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()
