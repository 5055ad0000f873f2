"""The small bar chart of the dashboard: the month's points against quota and convention."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class PointsChart(QChartView):
    """Horizontal bars, one per figure (« Points du mois », « Plafond ETP », « Convention »)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Graphique des points du mois")
        self.setMinimumHeight(150)
        chart = QChart()
        chart.legend().setVisible(False)
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self.values: list[tuple[str, float]] = []

    def set_values(self, values: list[tuple[str, float]]) -> None:
        """(category, value) pairs, drawn top to bottom in the order given."""
        self.values = list(values)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        ordered = list(reversed(self.values))  # a horizontal chart draws bottom-up
        bars = QBarSet("Points")
        bars.setColor(QColor("#2f6db3"))
        bars.setLabelColor(QColor("#1b1b1b"))
        bars.append([value for _c, value in ordered])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.6)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([category for category, _v in ordered])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        top = max([value for _c, value in self.values] + [1.0])
        numbers = QValueAxis()
        numbers.setRange(0, top * 1.15)
        numbers.applyNiceNumbers()
        numbers.setLabelFormat("%d")
        chart.addAxis(numbers, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(numbers)
