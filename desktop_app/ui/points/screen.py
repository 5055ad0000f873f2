"""Points du mois: the month's lines, totals per measure type, quotas per worker and for the
association (rules P1–P7, Q1–Q2), from the earnings query (`app.earnings`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.app.earnings import Earnings, Line, Quota, earnings
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_fte, format_month
from desktop_app.domain.funding.results import over_quota
from desktop_app.domain.labels import ITEMS, MEASURE_TYPES, number, plural
from desktop_app.domain.model import MeasureType
from desktop_app.domain.money import format_eur
from desktop_app.ui.charts import BarChartWidget
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import RIGHT, Column, RowTableModel
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button, page_header, section


def _over(value: float, limit: float) -> str | None:
    return "#f8d7da" if over_quota(value, limit) else None


def against(value: int, limit: float) -> str:
    """« 52 — dépassé » above the limit: said in words, not by the colour alone."""
    return f"{value} — dépassé" if over_quota(value, limit) else str(value)


LINES: list[Column[Line]] = [
    Column("Type", lambda r: MEASURE_TYPES[r.line.type], fit=True),
    Column("Concerne", lambda r: r.subject),
    Column("Référent(e)", lambda r: r.referent, fit=True),
    Column("Au titre de", lambda r: ITEMS.get(r.line.item, r.line.item)),
    Column("Points", lambda r: str(r.line.points), lambda r: r.line.points, RIGHT),
    Column("Jours", lambda r: "" if r.line.days is None else str(r.line.days),
           lambda r: r.line.days or 0, RIGHT),
    Column("Montant", lambda r: format_eur(r.line.amount), lambda r: float(r.line.amount), RIGHT),
    Column("Motif", lambda r: r.line.reason or "", tooltip=lambda r: r.line.reason or ""),
]
QUOTAS: list[Column[Quota]] = [
    Column("", lambda q: q.who, fit=True),  # a name read whole, even beside « dépassé »
    Column("ETP", lambda q: format_fte(q.fte), lambda q: q.fte, RIGHT),
    Column("Points", lambda q: against(q.points, q.limit), lambda q: q.points, RIGHT,
           color=lambda q: _over(q.points, q.limit)),
    Column("Plafond", lambda q: number(q.limit), lambda q: q.limit, RIGHT,
           tooltip=lambda _q: "Plafond : 50 points par mois et par ETP"),
    Column("FAL", lambda q: against(q.fal, q.fal_limit), lambda q: q.fal, RIGHT,
           color=lambda q: _over(q.fal, q.fal_limit), tooltip=lambda _q: "FAL en cours"),
    Column("Plafond FAL", lambda q: number(q.fal_limit), lambda q: q.fal_limit, RIGHT,
           tooltip=lambda _q: "Plafond : 30 FAL en cours par ETP"),
]
TOTALS: list[Column[tuple[MeasureType, int, str]]] = [
    Column("Type", lambda t: MEASURE_TYPES[t[0]], fit=False),
    Column("Points", lambda t: str(t[1]), lambda t: t[1], RIGHT),
    Column("Montant", lambda t: t[2], align=RIGHT),
]


class PointsScreen(Screen):
    key = "points"
    title = "Points du mois"
    topics = frozenset({Topic.MEASURE, Topic.WORKERS, Topic.HOMES, Topic.ASSOCIATION,
                        Topic.SETTINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.month = Month.of(ctx.today())
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        header.addWidget(button("◀ Mois précédent", self, lambda: self._move(-1)))
        header.addWidget(button("Mois suivant ▶", self, lambda: self._move(1)))
        layout.addLayout(header)
        top = QHBoxLayout()
        card, box, _t = section("Total du mois", self)
        self.total = QLabel(card)
        self.total.setObjectName("bigNumber")
        self.total.setWordWrap(True)
        box.addWidget(self.total)
        self.convention = QLabel(card)
        self.convention.setWordWrap(True)
        box.addWidget(self.convention)
        box.addStretch(1)
        top.addWidget(card, 2)
        card, box, _t = section("Par type de mesure", self)
        self.totals: RowTableModel[tuple[MeasureType, int, str]] = RowTableModel(TOTALS, card)
        box.addWidget(table_view(self.totals, card, "Totaux par type de mesure", sortable=False))
        top.addWidget(card, 3)
        card, box, _t = section("Plafonds par ETP", self)
        self.quotas: RowTableModel[Quota] = RowTableModel(QUOTAS, card)
        self.quotas_view = table_view(self.quotas, card, "Quotas par travailleur social et "
                                      "pour l'association", sortable=False)
        box.addWidget(self.quotas_view)
        top.addWidget(card, 6)  # room for « 26 — dépassé » and whole names
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        holder = QWidget(splitter)
        holder.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        card, box, _t = section("Points sur 12 mois", splitter)
        self.history = BarChartWidget("Graphique des points par mois sur 12 mois", card)
        box.addWidget(self.history)
        card, box, self.lines_title = section("Lignes du mois", splitter)
        self.lines: RowTableModel[Line] = RowTableModel(LINES, card)
        self.lines_view = table_view(self.lines, card, "Lignes du mois",
                                     empty="Aucune mesure ne rapporte ce mois-ci.")
        box.addWidget(self.lines_view)
        splitter.setSizes([250, 200, 260])
        layout.addWidget(splitter, 1)

    def _move(self, months: int) -> None:
        self.month = self.month.plus(months)
        self.refresh()

    def show_month(self, month: Month) -> None:
        self.month = month
        self.refresh()

    def reload(self) -> None:
        store, month = self.ctx.store, self.month
        self.heading.setText(f"{self.title} — {format_month(month)}")
        self.ctx.run(lambda: earnings(store, month), self._loaded,
                     text="Calcul des points du mois…")

    def _loaded(self, loaded: Earnings) -> None:
        points = loaded.points
        self.lines.set_rows(loaded.lines)
        self.lines_title.setText(f"Lignes du mois ({len(points.lines)})")
        self.totals.set_rows([(t, total.points, format_eur(total.amount))
                              for t, total in points.by_type.items()])
        self.quotas.set_rows(loaded.quotas)
        self.history.set_chart(loaded.history)
        self.total.setText(f"{plural(points.points, 'point')}\n{format_eur(points.amount)}")
        convention = loaded.convention
        if convention is None:
            self.convention.setText(f"Aucune convention {loaded.month.year} n'est saisie "
                                    "(Paramètres).")
        else:
            asll = points.by_type[MeasureType.ASLL].points
            aml = points.by_type[MeasureType.AML].points
            self.convention.setText(
                f"Convention {convention.year}, par mois : ASLL {plural(asll, 'point')} pour "
                f"{convention.asll_points_per_month} prévus, AML {plural(aml, 'point')} pour "
                f"{convention.aml_points_per_month} prévus.")
