"""A store for each test of the application layer, on each engine (a SQLite file, then a
PostgreSQL database: `tests.conftest.store_url`), filled with `full_caseload`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.store.repository import SqlStore, open_store
from tests.app.small_caseload import small_caseload
from tests.store.builders import full_caseload


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    opened.import_caseload(full_caseload())
    opened.profile = "w1"
    yield opened
    opened.close()


@pytest.fixture
def small(store_url: str) -> Iterator[SqlStore]:
    """A store holding `small_caseload` (the queries' tests), on each engine."""
    opened = open_store(store_url)
    opened.import_caseload(small_caseload())
    opened.profile = "w1"
    yield opened
    opened.close()
