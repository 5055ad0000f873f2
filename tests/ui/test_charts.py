"""The bar chart widget (`ui.charts`): it draws its bars, marks a bar over its ceiling by a
hatch and « ▲ » (not by colour alone), and says every figure as accessible text; the Points
screen shows the 12 months of the small caseload (tests/app/small_caseload.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from desktop_app.domain.charts import BarChart, Reference
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.ui.charts import BAR, OVER, BarChartWidget, nice_step
from tests.app.small_caseload import small_caseload
from tests.ui.conftest import settle

CHART = BarChart("Points par mois", "points", "Points du mois",
                 ("août 2025", "sept. 2025", "oct. 2025"), (30.0, 46.0, 20.0),
                 (Reference("Plafond ETP", (45.0, 45.0, 45.0), ceiling=True),
                  Reference("Convention", (40.0, 40.0, 40.0))))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'suivi.sqlite3'}")
    opened.import_caseload(small_caseload())
    yield opened
    opened.close()


def _pixels(image: QImage, color: QColor) -> int:
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y) == color)


def test_round_steps_of_the_value_axis() -> None:
    assert [nice_step(v) for v in (3, 46, 90, 105, 700)] == [1.0, 10.0, 20.0, 25.0, 200.0]


def test_the_widget_draws_bars_and_says_the_figures(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = BarChartWidget("Graphique des points")
    qtbot.addWidget(widget)
    widget.resize(480, 240)
    widget.show()
    assert widget.accessibleDescription() == "Aucune donnée."
    widget.set_chart(CHART)
    image = widget.grab().toImage()
    assert _pixels(image, BAR) > 100  # the bars under the ceiling
    assert _pixels(image, OVER) > 20  # September, over its ceiling of 45 (hatched)
    text = widget.accessibleDescription()
    assert widget.accessibleName() == "Graphique des points"
    assert "sept. 2025 : 46 points (plafond ETP 45, convention 40), au-dessus du plafond" in text
    assert "oct. 2025 : 20 points (plafond ETP 45, convention 40)." in text
    widget.set_chart(None)
    assert widget.accessibleDescription() == "Aucune donnée."


def test_the_points_screen_draws_the_twelve_months(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.show_screen("points")
    screen = window.screens["points"]
    qtbot.waitUntil(lambda: screen.history.chart is not None, timeout=15000)
    settle(qtbot, window)
    chart = screen.history.chart
    # The window's day is 16/09/2025: October 2024 to September 2025; P1 gives m1 (ASLL
    # renforce, from July) 2 points a month and m2 (ASLL simple, from September) 1 point.
    assert chart.values == (0.0,) * 9 + (2.0, 2.0, 3.0)
    text = screen.history.accessibleDescription()
    assert "sept. 2025 : 3 points (plafond ETP 90, convention 46)." in text
    assert "déc. 2024 : 0 point (plafond ETP 90)." in text
    assert _pixels(screen.history.grab().toImage(), BAR) > 20
