"""The dashboard's card of the month's points: the chart and the sentence under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.funding.results import over_quota
from desktop_app.domain.labels import number, plural
from desktop_app.domain.model import Convention
from desktop_app.ui.points.charts import PointsChart


class PointsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = PointsChart(self)
        self.text = QLabel("Calcul des points du mois…", self)
        self.text.setWordWrap(True)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.text)

    def show_points(self, points: MonthPoints | None, convention: Convention | None,
                    worker: str | None = None, worker_name: str = "") -> None:
        """The association's figures, or those of `worker` (« Mes dossiers »)."""
        if points is None:
            self.text.setText("Calcul des points du mois…")
            return
        figures, who = points.association, "de l'association"
        quota = next((w for w in points.workers if w.worker == worker), None)
        if worker is not None and quota is not None:
            figures, who = quota.figures, f"de {worker_name}"
        values = [("Points du mois", float(figures.points)),
                  ("Plafond par ETP", float(figures.limit))]
        text = (f"{plural(figures.points, 'point')} {who} ce mois-ci, pour un plafond de "
                f"{number(figures.limit)} (50 par ETP)"
                + (" : plafond dépassé." if over_quota(figures.points, figures.limit) else "."))
        if convention is not None and worker is None:
            agreed = convention.asll_points_per_month + convention.aml_points_per_month
            values.append(("Convention", float(agreed)))
            text += f" Convention {convention.year} : {agreed} points par mois (ASLL + AML)."
        self.chart.set_values(values)
        self.text.setText(text)
