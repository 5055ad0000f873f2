"""A quota overrun is said in words, not by the colour alone: « 26 — dépassé »."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.domain.model import (
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Territory,
)
from desktop_app.ui.points.screen import against
from tests.ui.conftest import settle


def test_an_overrun_count_is_followed_by_the_word() -> None:
    assert against(52, 50.0) == "52 — dépassé"
    assert against(50, 50.0) == "50"


def test_points_screen_says_which_quota_is_overrun(window, qtbot, store):  # type: ignore[no-untyped-def]
    # Julien Petit (0,5 ETP: a limit of 50 × 0,5 = 25 points) is the referent of 13 ASLL
    # « renforcé » in force in September 2025: 13 × 2 = 26 points, one over his limit. The
    # association (1,5 ETP: 75 points) with the same 26 points is within its limit.
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042", city="Arras",
                                   territory=Territory.ARRAGEOIS))
    for number in range(13):
        store.save_measure(Measure(f"m{number}", "h1", MeasureType.ASLL, "w2",
                                   decision_date=date(2025, 6, 12),
                                   periods=[Period(date(2025, 7, 1), date(2025, 12, 31),
                                                   Level.RENFORCE, PeriodKind.INITIALE)]))
    window.ctx.changed.emit("all")
    assert window.show_screen("points")
    settle(qtbot, window)
    quotas = window.screens["points"].quotas
    shown = {quotas.index(r, 0).data(): quotas.index(r, 2).data()
             for r in range(quotas.rowCount())}
    assert shown["Julien Petit"] == "26 — dépassé"
    assert shown["Claire Martin"] == "0"
    assert [v for k, v in shown.items() if k not in ("Julien Petit", "Claire Martin")] == ["26"]
    row = next(r for r in range(quotas.rowCount()) if quotas.index(r, 0).data() == "Julien Petit")
    assert quotas.index(row, 2).data(Qt.ItemDataRole.BackgroundRole) is not None  # and coloured
