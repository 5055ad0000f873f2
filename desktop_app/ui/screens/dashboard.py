"""Tableau de bord: today's alerts by severity, the week's due dates, visits still needed,
the month's points against quota and convention; « Mes dossiers » or « Toute l'équipe »."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import Month
from desktop_app.domain.fr import MONTH_NAMES, format_date, format_month
from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.model import Convention
from desktop_app.ui.alert_model import ACTION_COLUMN, AlertTreeModel
from desktop_app.ui.charts import PointsChart
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard_actions import AlertActions
from desktop_app.ui.dashboard_data import (
    AlertRow,
    DashboardData,
    VisitNeed,
    build_alerts,
    build_points,
)
from desktop_app.ui.labels import number, plural
from desktop_app.ui.models import ROW_ROLE, Column, RowTableModel, date_key
from desktop_app.ui.screens.base import Screen, page_header, section
from desktop_app.ui.views import ButtonDelegate, table_view

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
VISIT_COLUMNS: list[Column[VisitNeed]] = [
    Column("Ménage", lambda v: v.household_name,
           tooltip=lambda v: f"Référent(e) : {v.referent_name}"),
    Column("Mesure", lambda v: v.measure_label, fit=True),
    Column("Faites", lambda v: f"{v.held} sur {v.required}", lambda v: v.held - v.required,
           Qt.AlignmentFlag.AlignCenter),
]


class DashboardScreen(Screen):
    key = "tableau"
    title = "Tableau de bord"
    topics = frozenset({"household", "measure", "workers", "homes", "association", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: DashboardData | None = None
        self.points: tuple[MonthPoints, Convention | None] | None = None
        self.actions = AlertActions(ctx, self)
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        header.addWidget(QLabel("Travailleur social :", self))
        self.worker_box = QComboBox(self)
        self.worker_box.setAccessibleName("Travailleur social courant")
        self.worker_box.setMinimumWidth(180)
        header.addWidget(self.worker_box)
        self.mine = QRadioButton("Mes dossiers", self)
        self.team = QRadioButton("Toute l'équipe", self)
        scope = QButtonGroup(self)
        for radio in (self.mine, self.team):
            scope.addButton(radio)
            header.addWidget(radio)
        layout.addLayout(header)
        self.today_label = QLabel(self)
        self.today_label.setObjectName("subtitle")
        layout.addWidget(self.today_label)
        grid = QGridLayout()
        layout.addLayout(grid, 1)

        card, box, self.alerts_title = section("Alertes du jour", self)
        self.alert_model = AlertTreeModel(self)
        self.alert_view = QTreeView(card)
        self.alert_view.setModel(self.alert_model)
        self.alert_view.setAccessibleName("Alertes du jour, par gravité")
        self.alert_view.setRootIsDecorated(False)
        self.alert_view.setUniformRowHeights(True)
        self.alert_view.setAlternatingRowColors(True)
        self.alert_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alert_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alert_view.setObjectName("alerts")
        header_view = self.alert_view.header()
        header_view.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Fixed,
                                       QHeaderView.ResizeMode.Fixed)):
            header_view.setSectionResizeMode(column, mode)
        header_view.resizeSection(2, 150)
        header_view.resizeSection(ACTION_COLUMN, 140)
        self.alert_view.setIndentation(6)
        self.delegate = ButtonDelegate(self.alert_view)
        self.alert_view.setItemDelegateForColumn(ACTION_COLUMN, self.delegate)
        self.delegate.clicked.connect(self._act)
        self.alert_view.selectionModel().currentChanged.connect(self._describe)
        self.alert_view.activated.connect(self._act)
        self.empty = QLabel("Aucune alerte aujourd'hui.", card)
        self.empty.setObjectName("muted")
        self.detail = QLabel(card)
        self.detail.setWordWrap(True)
        self.detail.setObjectName("detail")
        self.detail.setAccessibleName("Ce qu'il faut faire pour l'alerte choisie")
        self.detail.setMinimumHeight(44)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.alert_view, 1)
        box.addWidget(self.empty)
        box.addWidget(self.detail)
        grid.addWidget(card, 0, 0, 2, 1)

        card, box, self.week_title = section("Échéances de la semaine", self)
        self.week_model: RowTableModel[AlertRow] = RowTableModel(WEEK_COLUMNS, self)
        self.week_view = table_view(self.week_model, card, "Échéances de la semaine",
                                    empty="Rien n'arrive à échéance cette semaine.")
        self.week_view.doubleClicked.connect(self._open_week)
        box.addWidget(self.week_view)
        grid.addWidget(card, 2, 0)

        card, box, self.points_title = section("Points du mois", self)
        self.chart = PointsChart(card)
        self.points_text = QLabel(card)
        self.points_text.setWordWrap(True)
        box.addWidget(self.chart, 1)
        box.addWidget(self.points_text)
        grid.addWidget(card, 0, 1)

        card, box, self.visits_title = section("Visites à faire ce mois-ci", self)
        self.visit_model: RowTableModel[VisitNeed] = RowTableModel(VISIT_COLUMNS, self)
        self.visit_view = table_view(self.visit_model, card, "Visites à faire ce mois-ci",
                                     empty="Toutes les visites du mois sont faites.")
        self.visit_view.doubleClicked.connect(
            lambda i: self.ctx.open_measure.emit(i.data(ROW_ROLE).measure))
        box.addWidget(self.visit_view)
        grid.addWidget(card, 1, 1, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 2)

        self.mine.toggled.connect(lambda _on: self._scope_edited())
        self.worker_box.activated.connect(lambda _i: self._scope_edited())
        ctx.workers_loaded.connect(self._fill_workers)
        ctx.scope_changed.connect(self._show)
        self._fill_workers()

    # --- scope ---------------------------------------------------------------------------
    def _fill_workers(self) -> None:
        self.worker_box.blockSignals(True)
        self.worker_box.clear()
        for worker in self.ctx.workers:
            self.worker_box.addItem(worker.name, worker.id)
        self.worker_box.setCurrentIndex(max(self.worker_box.findData(self.ctx.current_worker), 0))
        self.worker_box.blockSignals(False)
        (self.mine if self.ctx.mine_only else self.team).setChecked(True)

    def _scope_edited(self) -> None:
        self.ctx.set_scope(self.worker_box.currentData(), self.mine.isChecked())

    def _mine(self, worker: str | None) -> bool:
        return not self.ctx.mine_only or worker == self.ctx.current_worker

    # --- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        day = self.ctx.today()
        self.today_label.setText(f"Aujourd'hui, {long_date(day)}")
        store = self.ctx.store
        self.points = None
        # Alerts first (what the worker came for), then the month's points.
        self.ctx.run(lambda: build_alerts(store, day), self._loaded,
                     text="Calcul des alertes du jour…")
        self.ctx.run(lambda: build_points(store, day), self._points_loaded,
                     text="Calcul des points du mois…")

    def _loaded(self, data: DashboardData) -> None:
        if self.points is not None:
            data.points, data.convention = self.points
        self.data = data
        self._show()

    def _points_loaded(self, points: tuple[MonthPoints, Convention | None]) -> None:
        self.points = points
        if self.data is not None:
            self.data.points, self.data.convention = points
            self._show_points(self.data)

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        alerts = [r for r in data.alerts if self._mine(r.alert.worker)]
        self.alert_model.set_alerts(alerts)
        self.alert_view.expandAll()
        for group in range(self.alert_model.rowCount()):
            self.alert_view.setFirstColumnSpanned(group, QModelIndex(), True)
        leaves = self.alert_model.leaves()
        if leaves:
            self.alert_view.setCurrentIndex(leaves[0])
        else:
            self.detail.clear()
        self.empty.setVisible(not alerts)
        self.alerts_title.setText(f"Alertes du jour ({len(alerts)})")
        first, last = data.week
        week = [r for r in alerts if r.alert.due is not None and first <= r.alert.due <= last]
        self.week_model.set_rows(week)
        self.week_title.setText(f"À échéance cette semaine, du {format_date(first)} au "
                                f"{format_date(last)} ({len(week)})")
        visits = [v for v in data.visits if self._mine(v.referent)]
        self.visit_model.set_rows(visits)
        self.visits_title.setText(f"Visites à domicile à faire ce mois-ci ({len(visits)})")
        self._show_points(data)

    def _show_points(self, data: DashboardData) -> None:
        points = data.points
        month = Month.of(data.day)
        self.points_title.setText(f"Points de {format_month(month)}")
        if points is None:
            self.points_text.setText("Calcul des points du mois…")
            return
        figures = points.association
        who = "de l'association"
        if self.ctx.mine_only:
            quota = next((w for w in points.workers if w.worker == self.ctx.current_worker), None)
            if quota is not None:
                figures = quota.figures
                who = f"de {self.ctx.worker_name(quota.worker)}"
        values = [("Points du mois", float(figures.points)),
                  ("Plafond ETP (Q1)", float(figures.limit))]
        text = (f"{plural(figures.points, 'point')} {who} ce mois-ci, pour un plafond de "
                f"{number(figures.limit)} (50 par ETP).")
        convention = data.convention
        if convention is not None and not self.ctx.mine_only:
            agreed = convention.asll_points_per_month + convention.aml_points_per_month
            values.append(("Convention", float(agreed)))
            text += f" Convention {convention.year} : {agreed} points par mois (ASLL + AML)."
        self.chart.set_values(values)
        self.points_text.setText(text)

    def _describe(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        self.detail.setText(f"<b>{escape(row.label)}</b> — {escape(row.alert.message)}"
                            if isinstance(row, AlertRow) else "")

    # --- actions -------------------------------------------------------------------------
    def _act(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AlertRow):
            self.actions.act(row)

    def _open_week(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AlertRow):
            self.actions.open_subject(row)

    def next_alert(self) -> None:
        """F8: select the next alert (wrapping), ready for Enter."""
        leaves = self.alert_model.leaves()
        if not leaves:
            return
        current = self.alert_view.currentIndex()
        rows = [(i.parent().row(), i.row()) for i in leaves]
        here = (current.parent().row(), current.row()) if current.parent().isValid() else None
        position = rows.index(here) + 1 if here in rows else 0
        target = leaves[position % len(leaves)]
        self.alert_view.setCurrentIndex(target)
        self.alert_view.scrollTo(target)
        self.alert_view.setFocus()
