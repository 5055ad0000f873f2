"""Tableau de bord: today's alerts by severity, the week's due dates, visits still needed,
the month's points against quota and convention; « Mes dossiers » or « Toute l'équipe »."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.app.dashboard import Ahead, AlertRow, Dashboard, VisitNeed, dashboard
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import MONTH_NAMES, format_date, format_month
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.actions import AlertActions
from desktop_app.ui.dashboard.alert_panel import AlertPanel
from desktop_app.ui.dashboard.scope_bar import ScopeBar
from desktop_app.ui.models import ROW_ROLE, Column, RowTableModel, date_key
from desktop_app.ui.points.panel import PointsPanel
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button, page_header, section

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def long_date(day: date) -> str:
    """« mardi 16 septembre 2025 »."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


WEEK_COLUMNS: list[Column[AlertRow]] = [
    Column("Échéance", lambda r: format_date(r.alert.due), lambda r: date_key(r.alert.due)),
    Column("Alerte", lambda r: r.label),
    Column("Concerne", lambda r: r.subject),
    Column("Référent(e)", lambda r: r.worker_name, fit=True),
]
#: The measure and its referent in the household's tooltip: the panel is narrow at 1024 px.
VISIT_COLUMNS: list[Column[VisitNeed]] = [
    Column("Ménage", lambda v: v.household_name,
           tooltip=lambda v: f"{v.measure_label} — Référent(e) : {v.referent_name}"),
    Column("Faites", lambda v: f"{v.held} sur {v.required}", lambda v: v.held - v.required,
           Qt.AlignmentFlag.AlignCenter,
           tooltip=lambda v: f"{v.measure_label} : {v.required} visites à domicile par mois"
           if v.required > 1 else f"{v.measure_label} : 1 visite à domicile par mois"),
    Column("Échéance", lambda v: v.deadline, lambda v: date_key(v.due), fit=True),
]


class DashboardScreen(Screen):
    key = "tableau"
    title = "Tableau de bord"
    topics = frozenset({Topic.HOUSEHOLD, Topic.MEASURE, Topic.WORKERS, Topic.HOMES,
                        Topic.ASSOCIATION, Topic.SETTINGS, Topic.ALERTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        #: The data computed while the window was built (`Launch`), for the first load.
        self.ahead: Ahead | None = None
        self.alert_actions = AlertActions(ctx, self)
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        self.scope = ScopeBar(ctx, self)
        self.worker_box, self.mine, self.team = (self.scope.worker_box, self.scope.mine,
                                                 self.scope.team)
        header.addWidget(self.scope)
        layout.addLayout(header)
        self.today_label = QLabel(self)
        self.today_label.setObjectName("subtitle")
        layout.addWidget(self.today_label)
        grid = QGridLayout()
        layout.addLayout(grid, 1)

        card, box, self.alerts_title = section("Alertes du jour", self)
        self.alerts = AlertPanel(card, ctx.worker_name)
        self.alerts.acted.connect(self.alert_actions.act)
        row = QHBoxLayout()
        self.treated_filter = QCheckBox("Traitées", card)
        self.treated_filter.setToolTip("Les alertes marquées traitées, dont les faits n'ont pas "
                                       "changé depuis")
        self.treated_filter.toggled.connect(lambda _on: self._show())
        row.addWidget(self.treated_filter)
        row.addStretch(1)
        self.treat_button = button(
            "Marquer traitée…", card, self._treat,
            tip="Rien de plus à faire aujourd'hui : l'alerte quitte la liste jusqu'à ce que "
                "ses faits changent (elle reste comptée dans la grille)")
        row.addWidget(self.treat_button)
        box.addLayout(row)
        self.alert_model, self.alert_view = self.alerts.model, self.alerts.view
        self.detail = self.alerts.detail
        box.addWidget(self.alerts)
        grid.addWidget(card, 0, 0, 2, 1)

        card, box, self.week_title = section("Échéances de la semaine", self)
        self.week_model: RowTableModel[AlertRow] = RowTableModel(WEEK_COLUMNS, self)
        self.week_view = table_view(self.week_model, card, "Échéances de la semaine",
                                    empty="Rien n'arrive à échéance cette semaine.")
        self.week_view.doubleClicked.connect(self._open_week)
        box.addWidget(self.week_view)
        grid.addWidget(card, 2, 0)

        card, box, self.points_title = section("Points du mois", self)
        self.points_panel = PointsPanel(card)
        self.points_text = self.points_panel.text
        box.addWidget(self.points_panel)
        grid.addWidget(card, 0, 1)

        card, box, self.visits_title = section("Visites à faire ce mois-ci", self)
        self.visit_model: RowTableModel[VisitNeed] = RowTableModel(VISIT_COLUMNS, self)
        self.visit_view = table_view(self.visit_model, card, "Visites à faire ce mois-ci",
                                     empty="Toutes les visites du mois sont faites.")
        self.visit_view.doubleClicked.connect(
            lambda i: self.ctx.open_measure.emit(i.data(ROW_ROLE).measure))
        box.addWidget(self.visit_view)
        grid.addWidget(card, 1, 1, 2, 1)
        grid.setColumnStretch(0, 3)  # the alerts whole, their action buttons included
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 2)

        ctx.scope_changed.connect(self._show)

    # --- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        day = self.ctx.today()
        self.today_label.setText(f"Aujourd'hui, {long_date(day)}")
        store = self.ctx.store
        ahead, self.ahead = self.ahead, None

        def work() -> Dashboard:
            data = ahead.take(store, day) if ahead is not None else None
            return data if data is not None else dashboard(store, day)

        self.ctx.run(work, self._loaded, text="Calcul des alertes et des points du jour…")

    def _loaded(self, data: Dashboard) -> None:
        self.data = data
        self._show()

    def _show(self) -> None:
        if self.data is None:
            return
        data = self.data.of_worker(self.ctx.current_worker) if self.ctx.mine_only \
            else self.data
        # The visits to do this month show once, in the visits panel, not as alerts too.
        alerts, treated = data.listed(), data.treated
        showing_treated = self.treated_filter.isChecked()
        self.alerts.set_alerts(treated if showing_treated else alerts)
        self.alerts.empty.setText("Aucune alerte traitée." if showing_treated
                                  else "Aucune alerte aujourd'hui.")
        self.treated_filter.setText(f"Traitées ({len(treated)})")
        self.treat_button.setEnabled(not showing_treated and bool(alerts))
        self.alerts_title.setText(f"Alertes traitées ({len(treated)})" if showing_treated
                                  else f"Alertes du jour ({len(alerts)})")
        first, last = data.week
        week = data.due_this_week()
        self.week_model.set_rows(week)
        self.week_title.setText(f"Échéances du {first:%d/%m} au {last:%d/%m} ({len(week)})")
        self.week_title.setToolTip(f"Ce qui arrive à échéance du {format_date(first)} au "
                                   f"{format_date(last)}")
        visits = data.visits
        self.visit_model.set_rows(visits)
        self.visits_title.setText(f"Visites à domicile à faire ({len(visits)})")
        self._show_points(data)

    def _show_points(self, data: Dashboard) -> None:
        self.points_title.setText(f"Points de {format_month(Month.of(data.day))}")
        worker = self.ctx.current_worker if self.ctx.mine_only else None
        self.points_panel.show_points(data.points, data.convention, worker,
                                      self.ctx.worker_name(worker))

    # --- actions -------------------------------------------------------------------------
    def _open_week(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AlertRow):
            self.alert_actions.open_subject(row)

    def _treat(self) -> None:
        row = self.alerts.current_row()
        if row is not None and row.treated is None:
            self.alert_actions.mark_treated(row)

    def next_alert(self) -> None:
        """F8: select the next alert, ready for Enter."""
        self.alerts.next_alert()
