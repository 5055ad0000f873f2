"""Test-wide settings: Qt offscreen, no user folder touched; the store of a test on each of
the two engines (SQLite file, PostgreSQL server: `store_url`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import NO_SERVER, TestServer, server_url, url_text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The repository's root: no test reads anything outside it (`tests/test_stands_alone.py`).
ROOT = Path(__file__).resolve().parent.parent
#: The worked examples of the contract (interchange files and the exact outputs expected from
#: them, `tests/data/examples/README.md`).
EXAMPLES = ROOT / "tests" / "data" / "examples"
#: (example, month) of each `NAME.points-YYYY-MM.json` in EXAMPLES: `points --month --json`.
POINTS_CASES = [("exemple-1", "2025-09"), ("exemple-2", "2025-12")]
#: (example, day) of each `NAME.alerts-YYYY-MM-DD.json` in EXAMPLES: `alerts --on --json`.
ALERTS_CASES = [("exemple-1", "2025-09-20"), ("exemple-2", "2026-01-05")]
#: The project's own documentation: the rule book and the interchange contract.
DOCS = ROOT / "docs"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder and no default store from the environment."""
    monkeypatch.setenv("SUIVI_FSL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SUIVI_FSL_DB", raising=False)
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)


#: The engines a store test runs on (the ids of `store_url`'s parameters).
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TestServer]:
    """The PostgreSQL test server (`SUIVI_FSL_TEST_PG`); its tests skip when it is unset
    (and fail when it is set but cannot be reached: a server meant to be there)."""
    url = server_url()
    if url is None:
        pytest.skip(NO_SERVER)
    server = TestServer(url)
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new store's URL: a file in the test's folder, or a new database on the test server
    (already migrated, dropped after the test)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    server: TestServer = request.getfixturevalue("pg_server")
    database = server.create()
    try:
        yield url_text(server.url_of(database))
    finally:
        server.drop(database)
