"""A store for each test (no QApplication, no user folder): `store` on each engine (a SQLite
file, then a PostgreSQL database: `tests.conftest.store_url`); `store_path` is the file of
the SQLite-only tests (encryption, files, crashes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.store.repository import SqlStore, open_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(store_path: Path) -> Iterator[SqlStore]:
    """A store in a SQLite file, for the tests of what only a file has."""
    opened = open_store(f"sqlite:///{store_path}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    """The differential tests' store: the suite's demo (`benchmarks.differential.SUITE_DEMO`,
    400 households over ten years), made once per test module."""
    from benchmarks.differential import opened, suite_caseload

    url = f"sqlite:///{tmp_path_factory.mktemp('differentiel') / 'demo.sqlite3'}"
    with opened(url) as store:
        store.import_caseload(suite_caseload())
        yield store
