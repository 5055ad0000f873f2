"""A small bar chart drawn with QPainter (`domain.charts.BarChart`): bars, reference lines
told apart by their dash pattern (not by colour alone), a legend, French labels. A bar above
a ceiling is hatched and marked « ▲ ». Its accessible description says every figure as text
(`domain.charts.describe`), for screen readers."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.charts import BarChart, describe
from desktop_app.domain.labels import number

BAR = QColor("#2f6db3")
OVER = QColor("#b3261e")
INK = QColor("#1b1b1b")
GRID = QColor("#d9d9d9")
#: Each reference's pen, in order: solid, dashed, dotted (told apart without colour).
REFERENCE_PENS = ((QColor("#1b1b1b"), Qt.PenStyle.SolidLine),
                  (QColor("#6a3d9a"), Qt.PenStyle.DashLine),
                  (QColor("#8a5a00"), Qt.PenStyle.DotLine))


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2,5 or 5 × 10ⁿ) cutting [0, top] in about `ticks` parts."""
    raw = max(top, 1.0) / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def fitted(metrics: QFontMetrics, text: str, width: int, lines: int) -> str:
    """`text` in at most `lines` lines of `width` pixels, cut on spaces, the last one ended
    « … » if it is still too long."""
    words, out = text.split(), list[str]()
    while words and len(out) < lines - 1:
        taken = words[:1]
        while len(taken) < len(words) and metrics.horizontalAdvance(
                " ".join(words[:len(taken) + 1])) <= width:
            taken = words[:len(taken) + 1]
        out.append(" ".join(taken))
        words = words[len(taken):]
    if words:
        out.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return "\n".join(out)


def reference_pen(index: int) -> QPen:
    color, style = REFERENCE_PENS[index % len(REFERENCE_PENS)]
    pen = QPen(color, 2, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


class BarChartWidget(QWidget):
    """One `BarChart`; `set_chart(None)` draws « Aucune donnée »."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: BarChart | None = None
        self.setAccessibleName(name)
        self.setAccessibleDescription("Aucune donnée.")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip("")

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def set_chart(self, chart: BarChart | None) -> None:
        self.chart = chart
        text = "Aucune donnée." if chart is None else describe(chart)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        chart = self.chart
        painter.setPen(INK)
        if chart is None or not chart.values:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "Aucune donnée")
            return
        legend_height = self._legend(painter, chart, area, metrics)
        step = nice_step(chart.highest())
        top = step * max(1, math.ceil(chart.highest() / step))
        axis_width = metrics.horizontalAdvance(number(top)) + 8
        count = len(chart.values)
        room = (area.width() - axis_width) / count - 4
        label_lines = 2 if count <= 8 and any(
            metrics.horizontalAdvance(t) > room for t in chart.labels) else 1
        plot = QRectF(area.left() + axis_width, area.top() + line * 0.6,
                      area.width() - axis_width,
                      area.height() - legend_height - (1.2 + label_lines) * line)
        if plot.height() < line or plot.width() < 10:
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * (value / top)

        value = 0.0
        while value <= top + 1e-9:
            y = y_of(value)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(INK)
            painter.drawText(QRectF(area.left(), y - line / 2, axis_width - 6, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             number(value))
            value += step
        slot = plot.width() / count
        bar_width = slot * 0.62
        # Labels wider than their slot: every other one in a long series, cut « … » else.
        widest = min(max(metrics.horizontalAdvance(t) for t in chart.labels) + 6, 80)
        show_every = 1 if count <= 8 else max(1, math.ceil(widest / max(slot, 1)))
        for index, (label, figure) in enumerate(zip(chart.labels, chart.values, strict=True)):
            left = plot.left() + slot * index + (slot - bar_width) / 2
            bar = QRectF(left, y_of(figure), bar_width, plot.bottom() - y_of(figure))
            over = chart.over(index)
            painter.fillRect(bar, OVER if over else BAR)
            if over:
                painter.fillRect(bar, QBrush(QColor("white"), Qt.BrushStyle.BDiagPattern))
            painter.setPen(INK)
            text = number(figure) + (" ▲" if over else "")
            painter.drawText(QRectF(left - slot / 2, bar.top() - line, bar_width + slot, line),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             text)
            if index % show_every == 0:
                painter.drawText(QRectF(plot.left() + slot * index - slot / 2 * (show_every - 1),
                                        plot.bottom() + 2, slot * show_every,
                                        line * label_lines),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                                 fitted(metrics, label, int(slot * show_every) - 4, label_lines))
        for number_, reference in enumerate(chart.references):
            painter.setPen(reference_pen(number_))
            for index, level in enumerate(reference.values):
                if level is not None:
                    y = y_of(level)
                    painter.drawLine(QPointF(plot.left() + slot * index, y),
                                     QPointF(plot.left() + slot * (index + 1), y))
        painter.setPen(QPen(INK, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def _legend(self, painter: QPainter, chart: BarChart, area: QRectF,
                metrics: QFontMetrics) -> float:
        """The legend along the bottom edge (wrapped over lines as needed); its height."""
        line = metrics.height()
        items: list[tuple[str, int]] = [(chart.series, -1)]
        items += [(r.label, i) for i, r in enumerate(chart.references)]
        if any(chart.over(i) for i in range(len(chart.values))):
            items.append((f"▲ {chart.over_label}", -2))
        widths = [metrics.horizontalAdvance(text) + 34 for text, _k in items]
        rows: list[list[int]] = [[]]
        used = 0.0
        for index, width in enumerate(widths):
            if rows[-1] and used + width > area.width():
                rows.append([])
                used = 0.0
            rows[-1].append(index)
            used += width
        top = area.bottom() - line * len(rows)
        for row_number, row in enumerate(rows):
            x = area.left() + 4
            y = top + line * row_number
            for index in row:
                text, kind = items[index]
                swatch = QRectF(x, y + line * 0.25, 22, line * 0.5)
                if kind == -1:
                    painter.fillRect(swatch, BAR)
                elif kind == -2:
                    painter.fillRect(swatch, OVER)
                    painter.fillRect(swatch, QBrush(QColor("white"), Qt.BrushStyle.BDiagPattern))
                else:
                    painter.setPen(reference_pen(kind))
                    painter.drawLine(QPointF(swatch.left(), swatch.center().y()),
                                     QPointF(swatch.right(), swatch.center().y()))
                painter.setPen(INK)
                painter.drawText(QRectF(x + 26, y, widths[index] - 26, line),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 text)
                x += widths[index]
        return line * len(rows) + 4
