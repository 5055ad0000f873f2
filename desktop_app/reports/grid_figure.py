"""The figure of the grid's first page: the year's points month by month against the ETP
ceiling and the convention (`domain.charts.BarChart`), drawn with reportlab's graphics. The
references are told apart by their dash pattern and a bar over its ceiling is hatched and
marked « ▲ » (a grey printout loses colours); the same figures stand in the tables."""

from __future__ import annotations

import math
from typing import Literal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.charts import BarChart
from desktop_app.domain.labels import number
from desktop_app.reports import pdf

Anchor = Literal["start", "middle", "end"]
#: The figure's height on the page, legend and month names included.
HEIGHT = 58 * mm
#: Its type: never under the grid's smallest (7 points).
SIZE = 7.0
BAR = colors.HexColor("#2f6db3")
OVER = colors.HexColor("#b3261e")
#: Each reference's colour and dash pattern (None: solid).
PENS: tuple[tuple[colors.Color, tuple[float, ...] | None], ...] = (
    (colors.HexColor("#1b1b1b"), None), (colors.HexColor("#6a3d9a"), (4, 2)),
    (colors.HexColor("#8a5a00"), (1, 2)))


def _rect(x: float, y: float, width: float, height: float, color: colors.Color) -> Rect:
    shape = Rect(x, y, width, height)
    shape.fillColor, shape.strokeColor = color, None
    return shape


def _dashed(x1: float, y1: float, x2: float, y2: float, color: colors.Color,
            dash: tuple[float, ...] | None) -> Line:
    shape = Line(x1, y1, x2, y2, strokeColor=color, strokeWidth=1.2)
    if dash is not None:
        shape.strokeDashArray = list(dash)
    return shape


def _step(top: float) -> float:
    raw = max(top, 1.0) / 4
    power = 10.0 ** math.floor(math.log10(raw))
    return next((f * power for f in (1.0, 2.0, 2.5, 5.0) if raw <= f * power), 10 * power)


def chart_drawing(chart: BarChart, width: float, height: float = HEIGHT) -> Drawing:
    """`chart` as a reportlab drawing of `width` × `height` points."""
    pdf.register_fonts()
    drawing = Drawing(width, height)
    line = SIZE * 1.3
    step = _step(chart.highest())
    top = step * max(1, math.ceil(chart.highest() / step))
    axis = stringWidth(number(top), pdf.FONT, SIZE) + 4
    left, bottom = axis, 2 * line + 4
    plot_width, plot_height = width - axis, height - bottom - line

    def y_of(value: float) -> float:
        return bottom + plot_height * value / top

    def text(x: float, y: float, value: str, anchor: Anchor = "middle") -> None:
        drawing.add(String(x, y, value, fontName=pdf.FONT, fontSize=SIZE, textAnchor=anchor))

    value = 0.0
    while value <= top + 1e-9:
        drawing.add(Line(left, y_of(value), width, y_of(value), strokeColor=colors.lightgrey,
                         strokeWidth=0.4))
        text(left - 3, y_of(value) - SIZE / 3, number(value), "end")
        value += step
    slot = plot_width / max(len(chart.values), 1)
    for index, (label, figure) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = left + slot * index + slot * 0.2
        over = chart.over(index)
        drawing.add(_rect(x, bottom, slot * 0.6, y_of(figure) - bottom, OVER if over else BAR))
        if over:  # hatched: seen without colour
            for k in range(1, 6):
                drawing.add(Line(x, bottom + (y_of(figure) - bottom) * k / 6,
                                 x + slot * 0.6, bottom + (y_of(figure) - bottom) * (k - 1) / 6,
                                 strokeColor=colors.white, strokeWidth=0.6))
        text(x + slot * 0.3, y_of(figure) + 2, number(figure) + (" ▲" if over else ""))
        text(x + slot * 0.3, bottom - line, label)
    for number_, reference in enumerate(chart.references):
        color, dash = PENS[number_ % len(PENS)]
        for index, level in enumerate(reference.values):
            if level is not None:
                drawing.add(_dashed(left + slot * index, y_of(level),
                                    left + slot * (index + 1), y_of(level), color, dash))
    drawing.add(Line(left, bottom, width, bottom, strokeColor=colors.black, strokeWidth=0.6))
    x = left
    items: list[tuple[str, int]] = [(chart.series, -1)]
    items += [(r.label, i) for i, r in enumerate(chart.references)]
    if any(chart.over(i) for i in range(len(chart.values))):
        items.append((f"▲ {chart.over_label}", -2))
    for label, kind in items:
        if kind < 0:
            drawing.add(_rect(x, 2, 14, 5, BAR if kind == -1 else OVER))
        else:
            color, dash = PENS[kind % len(PENS)]
            drawing.add(_dashed(x, 4.5, x + 14, 4.5, color, dash))
        text(x + 17, 2, label, "start")
        x += 17 + stringWidth(label, pdf.FONT, SIZE) + 12
    return drawing


def grid_figure(chart: BarChart, width: float) -> Flowable:
    """The figure under its heading, kept together on the page."""
    return KeepTogether([pdf.para(chart.title, size=9, bold=True, space=2),
                         chart_drawing(chart, width)])

