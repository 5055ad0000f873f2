"""The bilan's layout: the signatures are never left alone on the last page."""

from __future__ import annotations

from pathlib import Path

from desktop_app.reports import BilanText, write_bilan
from tests.domain.indicators.builders import example
from tests.reports.helpers import pdf_pages


def test_signatures_stay_with_the_last_section(tmp_path: Path) -> None:
    long = "Le ménage a été reçu chaque mois ; le budget a été revu ligne par ligne. " * 5
    text = BilanText(long, "Régler la dette.", "Plan d'apurement.", "Dette soldée.",
                     "Renouvellement de six mois demandé.")
    out = tmp_path / "bilan.pdf"
    write_bilan(example("exemple-2.json"), "m1", text, out)
    pages = pdf_pages(out)
    # With this text, the signature boxes alone would no longer fit on page 1 (laid out
    # section by section, page 2 held nothing but them): the renewal request goes with
    # them to page 2.
    assert len(pages) == 2
    assert "Signatures" not in pages[0]
    assert "Demande de renouvellement" in pages[1] and "Signatures" in pages[1]
    assert "Renouvellement de six mois demandé." in pages[1]
