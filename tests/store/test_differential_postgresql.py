"""The differential check on PostgreSQL (when `SUIVI_FSL_TEST_PG` names a server), on a subset:
the suite's demo store imported into a database of the test server answers the alerts of one
day a month of 2025 and the points of the twelve months of 2025 as the reference revision did
(`tests/data/differential/golden.json`), and a random interchange file imported there answers
as the engines on the whole file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from benchmarks.differential import (
    ALERT_YEAR,
    GOLDEN,
    alerts_digest,
    file_differences,
    opened,
    points_digest,
    random_caseload,
    random_questions,
    suite_caseload,
)
from desktop_app.domain.dates import Month
from desktop_app.interchange import write_file
from tests.postgres import TestServer, url_text

GOLDEN_DIGESTS = json.loads(GOLDEN.read_text("utf-8"))
#: The days asked: the 15th of each month, and the year's first and last days.
DAYS = [date(ALERT_YEAR, 1, 1), *(date(ALERT_YEAR, m, 15) for m in range(1, 13)),
        date(ALERT_YEAR, 12, 31)]


@pytest.fixture(scope="module")
def database(pg_server: TestServer) -> Iterator[str]:
    name = pg_server.create()
    try:
        yield url_text(pg_server.url_of(name))
    finally:
        pg_server.drop(name)


def test_demo_store_answers_as_the_reference(database: str) -> None:
    with opened(database) as store:
        store.import_caseload(suite_caseload())
        days = {d.isoformat(): list(alerts_digest(store, d)) for d in DAYS}
        months = {str(m): points_digest(store, m)
                  for m in (Month(ALERT_YEAR, n) for n in range(1, 13))}
    assert days == {d: GOLDEN_DIGESTS["alerts"][d] for d in days}
    assert months == {m: GOLDEN_DIGESTS["points"][m] for m in months}


def test_random_file_answers_as_the_engines(pg_server: TestServer, tmp_path: Path) -> None:
    caseload, today, _ = random_caseload(5)
    path = tmp_path / "aleatoire.json"
    write_file(caseload, path)
    days, months = random_questions(5, today)
    name = pg_server.create()
    try:
        asked, differ = file_differences(path, url_text(pg_server.url_of(name)), days, months)
    finally:
        pg_server.drop(name)
    assert (asked, differ) == (len(days) + len(months), [])
