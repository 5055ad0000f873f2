"""Monthly statement of the worked examples, as XLSX and PDF."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.dates import Month
from desktop_app.reports import write_statement
from tests.conftest import EXAMPLES
from tests.domain.indicators.builders import example
from tests.reports.helpers import english_words, flat, pdf_pages, row_of, texts, workbook


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_december_2025_of_example_2_in_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "releve.xlsx"
    write_statement(example("exemple-2.json"), Month(2025, 12), out)
    sheets = workbook(out)
    assert list(sheets) == ["Synthèse", "Détail"]
    summary = sheets["Synthèse"]
    assert summary["A2"].value.startswith("Relevé mensuel des points et montants — décembre "
                                          "2025 — Établi le ")
    # exemple-2.points-2025-12.json: ASLL 3 points 257,85 €; total 5 points 767,33 €
    asll = row_of(summary, "ASLL")
    assert (asll[1], money(asll[2])) == (3, Decimal("257.85"))
    total = row_of(summary, "Total")
    assert (total[1], money(total[2])) == (5, Decimal("767.33"))
    # Claire Martin (w1, 1 ETP): m1 2 points 171,90 + m7 diagnostic 171,90 = 343,80 €
    claire = row_of(summary, "Claire Martin")
    assert claire[1:6] == [1.0, 4, 50.0, 0, 30.0] and money(claire[6]) == Decimal("343.80")
    # Karim Benali (w2, 0,8 ETP): m2 85,95 + m3 DSF 162,38 + m4 FAL support 132,73 = 381,06
    karim = row_of(summary, "Karim Benali")
    assert karim[1:6] == [0.8, 1, 40.0, 1, 24.0] and money(karim[6]) == Decimal("381.06")
    # u1's management (no referent): 42,47; 343,80 + 381,06 + 42,47 = 767,33
    assert money(row_of(summary, "Gestion des logements ALT (sans référent)")[6]) == \
        Decimal("42.47")
    association = row_of(summary, "Association")
    assert association[2:6] == [5, 90.0, 1, 54.0] and money(association[6]) == Decimal("767.33")
    detail = sheets["Détail"]
    lines = [row for row in detail.iter_rows(min_row=5, values_only=True) if row[0]]
    assert len(lines) == 6
    assert lines[0][:5] == ("ASLL", "FSL-2025-0201", "Claire Martin", "Mesure du mois", 2)
    assert "ROGER" not in " ".join(texts(detail))  # households by reference only


def test_september_2025_of_example_1_matches_its_worked_statement(tmp_path: Path) -> None:
    expected = json.loads((EXAMPLES / "exemple-1.points-2025-09.json").read_text("utf-8"))
    out = tmp_path / "releve.xlsx"
    write_statement(example("exemple-1.json"), Month(2025, 9), out)
    summary = workbook(out)["Synthèse"]
    for code, label in (("ASLL", "ASLL"), ("ASLL_DIAG", "Diag. ASLL"), ("AML", "AML"),
                        ("FAL", "FAL"), ("DSF", "DSF")):
        row = row_of(summary, label)
        by_type = expected["totals"]["by_type"][code]
        assert (row[1], money(row[2])) == (by_type["points"], Decimal(by_type["amount"]))
    total = row_of(summary, "Total")
    assert (total[1], money(total[2])) == (3, Decimal(expected["totals"]["amount"]))


def test_statement_pdf(tmp_path: Path) -> None:
    out = tmp_path / "releve.pdf"
    write_statement(example("exemple-2.json"), Month(2025, 12), out)
    pages = pdf_pages(out)
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Relevé mensuel des points et montants — décembre 2025" in text
    assert re.search(r"Association Exemple — décembre 2025 Établi le \d\d/\d\d/\d{4} — Page "
                     r"1 sur 1", text)
    assert "ASLL 3 257,85 €" in text and "Total 5 767,33 €" in text
    assert "Claire Martin 1,00 4 50 0 30 343,80 €" in text
    assert "Karim Benali 0,80 1 40 1 24 381,06 €" in text
    assert "Association 1,80 5 90 1 54 767,33 €" in text
    assert "FSL-2025-0204 Karim Benali Accompagnement 0 31 132,73 €" in text
    assert "CARON" not in text
    assert english_words(text) == []


def test_negative_amounts_and_ftes_in_the_statement(tmp_path: Path) -> None:
    out = tmp_path / "releve.xlsx"
    write_statement(example("exemple-2.json"), Month(2025, 12), out)
    sheet = workbook(out)["Synthèse"]
    ftes = [row[1] for row in sheet.iter_rows(min_row=1) if isinstance(row[1].value, float)]
    assert ftes and all(cell.number_format == "0.00" for cell in ftes)
    amounts = [c for row in sheet.iter_rows() for c in row if c.number_format.startswith("#")]
    assert amounts and all("\u2212" in c.number_format for c in amounts)
