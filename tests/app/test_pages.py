"""Each screen's query reads the store in one read transaction (`tests.reads`), on
`small_caseload` as of 15/10/2025, on a SQLite file and on PostgreSQL; the pages of the
household, the team, the keeping lists and the settings worked out by hand
(tests/app/small_caseload.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from desktop_app.app.dashboard import dashboard
from desktop_app.app.earnings import earnings
from desktop_app.app.homes import homes
from desktop_app.app.measure_page import measure_page
from desktop_app.app.pages import household_page, retention_page, settings_page, team_page
from desktop_app.app.reports import grid_sent_on
from desktop_app.domain.dates import Month
from desktop_app.domain.model import AlertSettings
from desktop_app.domain.retention import RetentionSettings
from desktop_app.store.repository import SqlStore
from tests.app.small_caseload import TODAY
from tests.reads import counting

#: Each screen's query (the households list and the reports screen read with one store call).
QUERIES: dict[str, Callable[[SqlStore], Any]] = {
    "tableau": lambda s: dashboard(s, TODAY),
    "menages": lambda s: s.household_rows(TODAY),
    "menage": lambda s: household_page(s, "h1"),
    "mesure": lambda s: measure_page(s, "m1", TODAY),
    "equipe": lambda s: team_page(s, TODAY),
    "logements": lambda s: homes(s, TODAY),
    "points": lambda s: earnings(s, Month.of(TODAY)),
    "rapports": lambda s: grid_sent_on(s, 2024),
    "conservation": lambda s: retention_page(s, TODAY),
    "parametres": settings_page,
}


@pytest.mark.parametrize("screen", list(QUERIES))
def test_each_screens_query_is_one_read_transaction(small: SqlStore, screen: str) -> None:
    with counting(small) as reads:
        QUERIES[screen](small)
    assert (reads.reads, len(reads.transactions)) == (1, 1)


def test_the_household_page(small: SqlStore) -> None:
    page = household_page(small, "h3")
    assert page is not None and page.household.name == "MOREAU Paul"
    assert [m.id for m in page.measures] == ["m3"] and page.archived_on is None
    # The import: one entry for the household (tests/store/test_audit.py).
    assert [(e.household_id, e.action) for e in page.history] == [("h3", "import")]
    assert household_page(small, "h99") is None


def test_the_team_page(small: SqlStore) -> None:
    page = team_page(small, TODAY)
    assert [(w.id, w.name) for w in page.workers] == [("w1", "Claire Martin"),
                                                      ("w2", "Karim Benali")]
    # 15/10/2025: m1 and m3 of Claire Martin, m2 of Karim Benali, all in force.
    assert sorted((r.id, r.referent) for r in page.measures) == [
        ("m1", "w1"), ("m2", "w2"), ("m3", "w1")]


def test_the_retention_page(small: SqlStore) -> None:
    # The default rules (2 years in the active base); on 02/01/2028 m1 of DURAND Marie
    # (ended 31/12/2025) is due, m2 (28/02/2026) and m3 (31/08/2026) are not.
    page = retention_page(small, date(2028, 1, 2))
    assert page.settings == RetentionSettings()
    assert [r.name for r in page.due] == ["DURAND Marie"] and page.archived == []


def test_the_settings_page(small: SqlStore) -> None:
    page = settings_page(small)
    assert page.association.name == "Association Test"
    assert [(c.year, c.asll_points_per_month) for c in page.association.conventions] == [
        (2025, 40)]
    assert [t.from_date for t in page.tariffs] == [date(2025, 7, 1)]
    assert page.alerts == AlertSettings()
