"""A store for each test of the application layer, on each engine (a SQLite file, then a
PostgreSQL database: `tests.conftest.store_url`), filled with `full_caseload`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.domain.model import Caseload
from desktop_app.store.repository import SqlStore, open_store
from tests.app.small_caseload import small_caseload
from tests.store.builders import full_caseload


def store_holding(store_url: str, caseload: Caseload) -> Iterator[SqlStore]:
    """A store at `store_url` holding `caseload`, its audit profile w1; closed after."""
    opened = open_store(store_url)
    opened.import_caseload(caseload)
    opened.profile = "w1"
    yield opened
    opened.close()


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    yield from store_holding(store_url, full_caseload())


@pytest.fixture
def small(store_url: str) -> Iterator[SqlStore]:
    """A store holding `small_caseload` (the queries' tests), on each engine."""
    yield from store_holding(store_url, small_caseload())
