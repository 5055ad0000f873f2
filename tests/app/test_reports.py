"""The « Rapports » screen's reads and its record of the grid sent (`app.reports`), on
`small_caseload` (the 2024 grid sent on 28/01/2025), on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.app.association import mark_grid_sent
from desktop_app.app.reports import grid_export, grid_sent_on
from desktop_app.reports.document_status import FuturePeriodError
from desktop_app.store.repository import SqlStore
from tests.reports.helpers import pdf_pages

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


def test_the_screen_grid_of_a_year_under_way_is_provisional(small: SqlStore,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "grille.pdf"
    grid_export(small, 2025, out, D(2025, 12, 31), None, lambda done, total: None)
    pages = pdf_pages(out)
    assert all("PROVISOIRE" in page and "Établi le 31/12/2025" in page for page in pages)
    grid_export(small, 2025, out, D(2026, 1, 1), None, lambda done, total: None)
    assert not any("PROVISOIRE" in page for page in pdf_pages(out))


def test_the_screen_refuses_the_grid_of_a_year_not_begun(small: SqlStore,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "grille.pdf"
    with pytest.raises(FuturePeriodError, match="l'année 2026 n'a pas commencé"):
        grid_export(small, 2026, out, D(2025, 12, 31), None, lambda done, total: None)
    assert not out.exists()
