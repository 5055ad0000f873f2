"""The alerts of every day of a year, through the store, byte for byte those of the reference
engine: on the suite's demo store (`benchmarks.differential.SUITE_DEMO`: 400 households over
ten years), the digest of `alerts --on D --json` of each day of 2025 equals the one the
reference revision computed (`tests/data/differential/golden.json`, made and checked by
`python benchmarks/differential.py golden|check-golden`)."""

from __future__ import annotations

import json

import pytest

from benchmarks.differential import (
    ALERT_YEAR,
    GOLDEN,
    SUITE_DEMO,
    alerts_digest,
    caseload_digest,
    days_of,
    suite_caseload,
)
from desktop_app.store.repository import SqlStore

GOLDEN_DIGESTS = json.loads(GOLDEN.read_text("utf-8"))


def test_the_golden_file_is_of_the_suite_demo() -> None:
    assert GOLDEN_DIGESTS["demo"] == SUITE_DEMO
    assert GOLDEN_DIGESTS["year"] == ALERT_YEAR
    assert len(GOLDEN_DIGESTS["alerts"]) == 365
    # Not a trivial year: alerts every day, a different list each day.
    assert min(count for count, _ in GOLDEN_DIGESTS["alerts"].values()) > 0
    assert len({d for _, d in GOLDEN_DIGESTS["alerts"].values()}) == 365


def test_the_demo_generator_is_deterministic() -> None:
    """The same arguments give the same caseload, the one the golden digests were made on
    (else: the generator changed, the golden file must be made again)."""
    first, second = suite_caseload(), suite_caseload()
    assert first == second
    assert caseload_digest(first) == GOLDEN_DIGESTS["caseload"]


@pytest.mark.parametrize("month", range(1, 13))
def test_alerts_of_every_day_as_the_reference(demo_store: SqlStore, month: int) -> None:
    days = [d for d in days_of(ALERT_YEAR) if d.month == month]
    found = {d.isoformat(): list(alerts_digest(demo_store, d)) for d in days}
    expected = {d.isoformat(): GOLDEN_DIGESTS["alerts"][d.isoformat()] for d in days}
    differ = [d for d in expected if found[d] != expected[d]]
    assert not differ, f"alertes différentes de la référence les {differ}"

