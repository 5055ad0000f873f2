"""The monthly statement of one worker (the measures they are referent of), worked example 2."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType
from desktop_app.reports import build_statement, write_statement
from tests.domain.indicators.builders import example
from tests.reports.helpers import english_words, pdf_text


def test_claire_martins_december_2025() -> None:
    st = build_statement(example("exemple-2.json"), Month(2025, 12), worker="w1")
    # exemple-2.points-2025-12.json, referent w1: m1 ASLL 2 points 171,90 € and m7 diagnostic
    # 2 points 171,90 €: 4 points, 343,80 €; u1's management (no referent) is nobody's.
    assert st.worker == "Claire Martin"
    assert [(ln.subject, ln.points, ln.amount) for ln in st.lines] == [
        ("FSL-2025-0201", 2, Decimal("171.90")), ("FSL-2025-0207", 2, Decimal("171.90"))]
    assert (st.result.points, st.result.amount) == (4, Decimal("343.80"))
    assert st.result.by_type[MeasureType.ASLL].amount == Decimal("171.90")
    assert st.result.by_type[MeasureType.FAL].amount == Decimal("0")
    assert st.unassigned == Decimal("0.00")
    # Her quota (Q1: 50 points per FTE, 1 FTE) is the statement's « association » figure.
    assert (st.result.association.points, st.result.association.limit) == (4, 50.0)


def test_pdf_names_the_worker_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "releve-w1.pdf"
    write_statement(example("exemple-2.json"), Month(2025, 12), out, worker="w1")
    text = pdf_text(out)
    assert "Relevé mensuel des points et montants — décembre 2025 — Claire Martin" in text
    assert "Gestion des logements ALT" not in text and "Karim Benali" not in text
    assert "343,80 €" in text and english_words(text) == []
