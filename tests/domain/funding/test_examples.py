"""The worked examples of tests/data/examples reproduced exactly (`points --month --json`)."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points, month_points_to_json
from desktop_app.interchange import read_file as load_caseload
from tests.conftest import EXAMPLES, POINTS_CASES


# exemple-1, 2025-09: m2 AML renforce 2 pts = 171,90; m1 ASLL simple 1 pt = 85,95 (two
# closed doors do not stop the points); m4 DSF met 162,38; u1 FAL 30 days: 1 562,80 × 30 / 365
# = 128,449… → 128,45 and 500 × 30 / 365 = 41,095… → 41,10. Total 589,78. ETP 1,0 + 0,5:
# limits 75 and 45.
# exemple-2, 2025-12: m1 renforce 171,90 + m2 simple 85,95 (starts 1 Dec) + m7 diagnosis
# 2 × 85,95 = 171,90 + m3 DSF 162,38 + FAL 31 days: 132,73 and 42,47 = 767,33; m6 ended 30 Nov,
# m5 has no period. ETP 1,0 + 0,8: limits 90 and 54.
@pytest.mark.parametrize(("example", "month"), POINTS_CASES)
def test_worked_example_exactly(example: str, month: str) -> None:
    caseload = load_caseload(EXAMPLES / f"{example}.json")
    got = month_points_to_json(compute_month_points(caseload, Month.parse(month)))
    expected = json.loads((EXAMPLES / f"{example}.points-{month}.json").read_text("utf-8"))
    assert got == expected
    # The exact text too: key order of the contract and `fte`/`limit` written as floats.
    assert json.dumps(got) == json.dumps(expected)


def test_example_1_other_months() -> None:
    caseload = load_caseload(EXAMPLES / "exemple-1.json")
    july = compute_month_points(caseload, Month(2025, 7))
    # m1 ASLL simple from 01/07: 1 pt; m2 AML renforce from 15/07 (a started month): 2 pts;
    # m3 FAL starts 01/08: nothing; DSF in September: nothing → 3 points, 257,85 €.
    assert [(x.measure, x.points) for x in july.lines] == [("m2", 2), ("m1", 1)]
    assert str(july.amount) == "257.85"
    # January 2026: m1 ended 31/12/2025; m2 renforce 171,90; FAL 31 days 132,73 + 42,47.
    january = compute_month_points(caseload, Month(2026, 1))
    assert [(x.measure, x.item, str(x.amount)) for x in january.lines] == [
        ("m2", "mensuel", "171.90"), (None, "fal_gestion", "42.47"),
        ("m3", "fal_accompagnement", "132.73")]
