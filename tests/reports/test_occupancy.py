"""ALT occupancy table of a month (XLSX), on hand-worked homes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.dates import Month
from desktop_app.domain.model import Caseload, Home, MeasureType, Stay, Vacancy
from desktop_app.reports import ReportFormatError, occupancy_rows, write_occupancy_table
from tests.domain.indicators.builders import caseload, example, measure
from tests.reports.helpers import row_of, workbook

D = date


def march_homes() -> Caseload:
    """u1: FSL-h1 leaves on 10/03/2025, FSL-h2 enters on 25/03 (a 14-day gap the entry
    closes); u2: FSL-h3 leaves on 15/03, then works recorded as a justified vacancy 16–31/03;
    u3: no FAL at all."""
    a = measure("a", MeasureType.FAL, "h1", (D(2024, 10, 1), D(2025, 9, 30)),
                stays=[Stay("u1", D(2024, 10, 1), D(2025, 3, 10))])
    b = measure("b", MeasureType.FAL, "h2", (D(2025, 3, 25), D(2026, 3, 24)),
                stays=[Stay("u1", D(2025, 3, 25))])
    c = measure("c", MeasureType.FAL, "h3", (D(2024, 6, 1), D(2025, 5, 31)),
                stays=[Stay("u2", D(2024, 6, 1), D(2025, 3, 15))])
    homes = [Home("u1", "1 rue A, Arras"),
             Home("u2", "2 rue B, Lens", [Vacancy(D(2025, 3, 16), D(2025, 3, 31), True)]),
             Home("u3", "3 rue C, Liévin")]
    return caseload(a, b, c, homes=homes)


def test_rows_of_march() -> None:
    u1, u2 = occupancy_rows(march_homes(), Month(2025, 3))
    # u1: 1–10 March (10 days) + 25–31 March (7 days) = 17; 31 − 17 = 14 days empty, all
    # paid (gap of 14 days ≤ 31 closed by the entry of 25/03)
    assert (u1.address, u1.occupied_days, u1.empty_days, u1.paid_vacancy_days) == \
        ("1 rue A, Arras", 17, 14, 14)
    assert u1.households == ["FSL-h1", "FSL-h2"]
    assert (u1.entries, u1.exits) == (["25/03/2025 (FSL-h2)"], ["10/03/2025 (FSL-h1)"])
    assert u1.justification == ["Vacance entre deux ménages : 14 jours rémunérés "
                                "(31 jours au plus)"]
    # amounts (P5, each line rounded): support 1 562,80 × 10/365 = 42,82 and × 7/365 = 29,97;
    # management 500 × 17/365 = 23,29; vacancy 2 062,80 × 14/365 = 79,12 → 175,20
    assert u1.amount == Decimal("175.20")
    # u2: occupied 1–15 (15 days), 16 days of justified technical vacancy, all paid
    assert (u2.occupied_days, u2.empty_days, u2.paid_vacancy_days) == (15, 16, 16)
    assert u2.justification == ["Vacance technique justifiée du 16/03/2025 au 31/03/2025"]
    # 1 562,80 × 15/365 = 64,22; 500 × 15/365 = 20,55; 2 062,80 × 16/365 = 90,42 → 175,19
    assert u2.amount == Decimal("175.19")


def test_xlsx_of_march(tmp_path: Path) -> None:
    out = tmp_path / "occupation.xlsx"
    write_occupancy_table(march_homes(), Month(2025, 3), out)
    ws = workbook(out)["Occupation"]
    assert ws["A1"].value == "Association Test"
    assert ws["A2"].value.startswith("Tableau d'occupation des logements ALT — mars 2025 — "
                                     "Établi le ")
    assert ws.oddFooter.right.text.endswith(" — Page &P sur &N")
    u1 = row_of(ws, "1 rue A, Arras")
    assert u1[:4] == ["1 rue A, Arras", 17, 0, "FSL-h1\nFSL-h2"]
    assert u1[4:8] == ["25/03/2025 (FSL-h2)", "10/03/2025 (FSL-h1)", 14, 14]
    total = row_of(ws, "Total")
    # 17 + 15 = 32 days occupied, none unpaid; 14 + 16 = 30 empty and paid; 175,20 + 175,19
    # = 350,39
    assert (total[1], total[2], total[6], total[7]) == (32, 0, 30, 30)
    assert Decimal(str(total[9])).quantize(Decimal("0.01")) == Decimal("350.39")
    with pytest.raises(AssertionError):
        row_of(ws, "3 rue C, Liévin")  # no FAL paid for u3: not in the table


def overstay() -> Caseload:
    """u1: FSL-h1's FAL has one period 01/08/2024–31/07/2025, neither renewed nor closed, and
    the household is still in the home; FSL-h2's FAL period starts on 20/09/2025 but it
    entered u2 on 10/09/2025."""
    a = measure("a", MeasureType.FAL, "h1", (D(2024, 8, 1), D(2025, 7, 31)),
                stays=[Stay("u1", D(2024, 8, 1))])
    b = measure("b", MeasureType.FAL, "h2", (D(2025, 9, 20), D(2026, 9, 19)),
                stays=[Stay("u2", D(2025, 9, 10))])
    return caseload(a, b, homes=[Home("u1", "1 rue A, Arras"), Home("u2", "2 rue B, Lens")])


def test_days_outside_the_measure_are_occupied_but_not_paid(tmp_path: Path) -> None:
    u1, u2 = occupancy_rows(overstay(), Month(2025, 9))
    # u1: occupied all 30 days of September, none paid (the period ended on 31/07/2025)
    assert (u1.occupied_days, u1.unpaid_days, u1.empty_days, u1.paid_vacancy_days) == (
        30, 30, 0, 0)
    assert u1.amount == Decimal("0.00")
    assert u1.households == ["FSL-h1"]
    assert u1.justification == ["30 jours d'occupation hors période de la mesure FAL, non "
                                "payés : renouveler ou clore la mesure"]
    # u2: occupied 10–30/09 (21 days), paid from 20/09 (11 days): 1 562,80 × 11/365 =
    # 47,097… → 47,10 and 500 × 11/365 = 15,068… → 15,07: 62,17; 9 days empty, not paid
    assert (u2.occupied_days, u2.unpaid_days, u2.empty_days, u2.paid_vacancy_days) == (
        21, 10, 9, 0)
    assert u2.amount == Decimal("62.17")
    assert u2.justification == [
        "Vacance non rémunérée",
        "10 jours d'occupation hors période de la mesure FAL, non payés : renouveler ou clore "
        "la mesure"]
    out = tmp_path / "occupation.xlsx"
    write_occupancy_table(overstay(), Month(2025, 9), out)
    ws = workbook(out)["Occupation"]
    assert ws["C5"].value == "dont jours non payés (hors mesure)"
    assert row_of(ws, "1 rue A, Arras")[:3] == ["1 rue A, Arras", 30, 30]
    assert row_of(ws, "Total")[1:3] == [51, 40]


def test_example_2_february(tmp_path: Path) -> None:
    # m4 enters u1 on 01/02/2025: 28 days in February 2025; support 1 562,80 × 28/365 =
    # 119,886… → 119,89 and management 500 × 28/365 = 38,356… → 38,36: 158,25
    [row] = occupancy_rows(example("exemple-2.json"), Month(2025, 2))
    assert (row.occupied_days, row.entries, row.exits) == (28, ["01/02/2025 (FSL-2025-0204)"],
                                                           [])
    assert row.amount == Decimal("158.25")


def test_only_xlsx(tmp_path: Path) -> None:
    with pytest.raises(ReportFormatError, match=r"\.xlsx"):
        write_occupancy_table(march_homes(), Month(2025, 3), tmp_path / "occupation.pdf")
