"""The month's statement as JSON (docs/echange.md) and as a French table."""

from __future__ import annotations

import json

from desktop_app.domain.funding import format_month_points_fr, month_points_to_json
from desktop_app.domain.model import Caseload, DsfOutcome, MeasureType, Worker
from tests.domain.funding.builders import RENFORCE, D, caseload, measure, month, period, worker

NBSP = "\u00a0"


def big_caseload() -> tuple[list[Worker], Caseload]:
    workers = [Worker("w1", "Claire Martin", worker("w1").diploma, 1.0),
               Worker("w2", "Karim Benali", worker("w2").diploma, 0.5)]
    asll = [measure(f"m{i:02d}", MeasureType.ASLL,
                    period(D(2025, 7, 1), D(2025, 12, 31), RENFORCE)) for i in range(15)]
    dsf = measure("m99", MeasureType.DSF, outcome=DsfOutcome.SANS_RENCONTRE,
                  done_on=D(2025, 9, 4), referent="w2")
    return workers, caseload(*asll, dsf, workers=workers)


def test_json_shape_and_types() -> None:
    _, load = big_caseload()
    got = month_points_to_json(month(load, "2025-09"))
    assert list(got) == ["month", "lines", "totals", "quotas"]
    assert got["month"] == "2025-09"
    # 15 × 2 points × 85,95 = 2 578,50; the DSF without meeting 0,00 with its reason.
    totals = got["totals"]
    assert isinstance(totals, dict)
    assert (totals["points"], totals["amount"]) == (30, "2578.50")
    assert list(totals["by_type"]) == ["AML", "ASLL", "ASLL_DIAG", "DSF", "FAL"]
    lines = got["lines"]
    assert isinstance(lines, list)
    assert lines[-1]["amount"] == "0.00" and "sans rencontrer" in lines[-1]["reason"]
    assert list(lines[0]) == ["measure", "home", "household", "referent", "type", "item",
                              "points", "days", "amount", "reason"]
    # fte and limits as floats: 1.0, 50.0 (and 75.0 for 1,5 ETP).
    text = json.dumps(got["quotas"])
    assert '"fte": 1.0' in text and '"limit": 75.0' in text and '"fal_limit": 45.0' in text


def test_french_table() -> None:
    workers, load = big_caseload()
    text = format_month_points_fr(month(load, "2025-09"), workers)
    assert "septembre 2025" in text
    # 2 578,50 € with no-break spaces, and a line at 171,90 €.
    assert f"Total : 30 points, 2{NBSP}578,50{NBSP}€" in text
    assert f"171,90{NBSP}€" in text
    assert "Claire Martin" in text and "Karim Benali" in text
    assert "Motifs :" in text and "sans rencontrer" in text
    # Quotas: 1,5 ETP, 30 points for a limit of 75; Karim Benali 0,5 ETP, limit 25.
    quota = next(line for line in text.splitlines() if line.startswith("Association"))
    assert quota.split() == ["Association", "1,50", "30", "75", "0", "45"]
    karim = next(line for line in text.splitlines() if line.startswith("Karim Benali  "))
    assert karim.split()[2:] == ["0,50", "0", "25", "0", "15"]


def test_french_table_of_an_empty_month() -> None:
    text = format_month_points_fr(month(caseload(), "2026-02"), [])
    assert "Aucune ligne payée en février 2026." in text
    assert f"Total : 0 point, 0,00{NBSP}€" in text
