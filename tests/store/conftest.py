"""A store in a temporary SQLite file for each test (no QApplication, no user folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.store.repository import SqlStore, open_store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{store_path}")
    yield opened
    opened.close()
