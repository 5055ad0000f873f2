"""Convention follow-up (Q3) of the worked example 1, as XLSX and PDF."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from desktop_app.reports import write_convention_followup
from tests.domain.indicators.builders import caseload, example
from tests.reports.helpers import english_words, flat, pdf_pages, row_of, workbook


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_xlsx_of_example_1(tmp_path: Path) -> None:
    out = tmp_path / "convention.xlsx"
    write_convention_followup(example("exemple-1.json"), 2025, out)
    ws = workbook(out)["Convention"]
    assert ws["A2"].value.startswith("Suivi de la convention — année 2025 — Établi le ")
    # ASLL: 60 points agreed (10 × 6 months), 6 carried out = 10 %; 515,70 € carried out;
    # estimated maximum 5 157,00; advance 3 609,90; due 515,70; balance −3 094,20
    asll = row_of(ws, "ASLL")
    assert asll[1:4] == ["Points ASLL", 60, 6]
    assert ws.cell(row=5, column=5).value == 0.1
    assert [money(v) for v in asll[5:10]] == [Decimal(x) for x in (
        "515.70", "5157.00", "3609.90", "515.70", "-3094.20")]
    total = row_of(ws, "Total")
    # 515,70 + 1 031,40 + 864,70 + 162,38 = 2 574,18 carried out; balance −4 660,40
    assert money(total[5]) == Decimal("2574.18") and money(total[9]) == Decimal("-4660.40")
    assert any(row[0] == "Remboursement attendu : 4\u00a0660,40\u00a0€ (la subvention versée "
               "dépasse l'activité réalisée)." for row in ws.iter_rows(values_only=True))


def test_pdf_of_example_1(tmp_path: Path) -> None:
    out = tmp_path / "convention.pdf"
    write_convention_followup(example("exemple-1.json"), 2025, out)
    text = flat(pdf_pages(out)[0])
    assert "ASLL Points ASLL 60 6 10,0 % 515,70 € 5 157,00 € 3 609,90 € 515,70 € \u22123 094,20 €" \
        in text
    assert ("DSF DSF réalisés 6 1 16,7 % 162,38 € 1 052,52 € 736,76 € 162,38 € \u2212574,38 €"
            in text)
    assert "Remboursement attendu : 4 660,40 €" in text
    assert "Période : du 01/07/2025 au 31/12/2025." in text
    assert re.search(r"Association Exemple — année 2025 Établi le \d\d/\d\d/\d{4} — Page 1 "
                     r"sur 1", text)
    assert english_words(text) == []


def test_without_convention_says_what_to_enter(tmp_path: Path) -> None:
    out = tmp_path / "convention.pdf"
    write_convention_followup(caseload(), 2026, out)
    assert "Aucune convention n'est enregistrée pour 2026" in flat(pdf_pages(out)[0])
