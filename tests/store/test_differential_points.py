"""The points of every month of ten years, through the store, byte for byte those of the
reference engine: on the suite's demo store, the digest of `points --month M --json` of each
month equals the one the reference revision computed (`tests/data/differential/golden.json`,
`benchmarks/differential.py`)."""

from __future__ import annotations

import json

from benchmarks.differential import (
    GOLDEN,
    months_between,
    points_digest,
    suite_months,
)
from desktop_app.store.repository import SqlStore

GOLDEN_DIGESTS = json.loads(GOLDEN.read_text("utf-8"))


def test_ten_years_of_months() -> None:
    months = [str(m) for m in months_between(suite_months())]
    assert len(months) == 120
    assert list(GOLDEN_DIGESTS["points"]) == months
    assert len(set(GOLDEN_DIGESTS["points"].values())) == 120


def test_points_of_every_month_as_the_reference(demo_store: SqlStore) -> None:
    found = {str(m): points_digest(demo_store, m) for m in months_between(suite_months())}
    differ = [m for m, d in GOLDEN_DIGESTS["points"].items() if found[m] != d]
    assert not differ, f"points différents de la référence en {differ}"
