"""The homes query (`app.homes.homes`) on `small_caseload`, on a SQLite file and on
PostgreSQL; worked out by hand (tests/app/small_caseload.py)."""

from __future__ import annotations

from datetime import date

from desktop_app.app.homes import Occupation, homes
from desktop_app.store.repository import SqlStore
from tests.app.small_caseload import TODAY

D = date


def test_each_home_as_of_the_day(small: SqlStore) -> None:
    found = homes(small, TODAY)
    # 15/10/2025: u1 left on 30/09, in its justified vacancy (05/10–20/10); u2 lived in by
    # MOREAU Paul since 01/10; u3 never lived in, no vacancy.
    assert [(h.home.id, h.occupants, h.since, h.state) for h in found.lines] == [
        ("u1", "—", D(2025, 10, 5), "Vacance justifiée"),
        ("u2", "MOREAU Paul", D(2025, 10, 1), "Occupé"),
        ("u3", "—", None, "Vide"),
    ]
    assert found.stays("u1") == [Occupation("u1", "m3", "MOREAU Paul", D(2025, 9, 1),
                                            D(2025, 9, 30))]
    assert found.stays("u3") == []


def test_an_empty_home_counts_the_days_since_the_last_departure(small: SqlStore) -> None:
    # 25/10/2025: the vacancy is over; empty since 01/10 (the day after 30/09), 01/10 to
    # 25/10 inclusive = 25 days.
    u1 = homes(small, D(2025, 10, 25)).lines[0]
    assert (u1.occupants, u1.since, u1.state) == ("—", D(2025, 10, 1), "Vide depuis 25 jours")
    # 31/08/2025: before the first stay, u1 is empty with no departure to count from.
    before = homes(small, D(2025, 8, 31)).lines[0]
    assert (before.since, before.state) == (None, "Vide")
