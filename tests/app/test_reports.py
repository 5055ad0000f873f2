"""The « Rapports » screen's reads and its record of the grid sent (`app.reports`), on
`small_caseload` (the 2024 grid sent on 28/01/2025), on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import date

from desktop_app.app.association import mark_grid_sent
from desktop_app.app.reports import grid_sent_on
from desktop_app.store.repository import SqlStore

D = date


def test_the_day_each_grid_was_sent(small: SqlStore) -> None:
    assert grid_sent_on(small, 2024) == D(2025, 1, 28)
    assert grid_sent_on(small, 2025) is None
    mark_grid_sent(small, 2025, D(2026, 1, 30))
    mark_grid_sent(small, 2025, D(2026, 1, 31))  # a new day replaces the old
    assert (grid_sent_on(small, 2024), grid_sent_on(small, 2025)) == (D(2025, 1, 28),
                                                                      D(2026, 1, 31))
    assert [(g.year, g.sent_on) for g in small.association().grids_sent] == [
        (2024, D(2025, 1, 28)), (2025, D(2026, 1, 31))]
