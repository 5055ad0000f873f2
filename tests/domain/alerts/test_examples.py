"""The worked examples of tests/data/examples, reproduced exactly (message aside)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop_app.domain.alerts import alerts_to_json, compute_alerts
from desktop_app.domain.model import AlertSettings
from desktop_app.interchange import read_file as load_caseload
from tests.conftest import ALERTS_CASES, EXAMPLES


@pytest.mark.parametrize(("example", "day"), ALERTS_CASES)
def test_worked_example(example: str, day: str) -> None:
    on = date.fromisoformat(day)
    found = compute_alerts(load_caseload(EXAMPLES / f"{example}.json"), on, AlertSettings())
    got = alerts_to_json(on, found)
    messages = [a.pop("message") for a in got["alerts"]]  # type: ignore[attr-defined]
    assert all(isinstance(m, str) and m for m in messages)
    expected = json.loads((EXAMPLES / f"{example}.alerts-{day}.json").read_text("utf-8"))
    assert got == expected


def test_example_1_messages_give_the_due_date_in_french() -> None:
    on = date(2025, 9, 20)
    found = compute_alerts(load_caseload(EXAMPLES / "exemple-1.json"), on, AlertSettings())
    closed = next(a for a in found if a.code == "portes_closes")
    # Doors on 09/09 and 16/09; 5th working day after 16/09 is 23/09.
    assert "SLISL" in closed.message and "23/09/2025" in closed.message
    table = next(a for a in found if a.code == "tableau_occupation")
    assert "d'août 2025" in table.message and "10/09/2025" in table.message
