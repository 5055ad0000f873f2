"""The figure on the grid PDF's first page (`reports.grid_figure`): the year's points month by
month against the ETP ceiling and the convention, worked out by hand on `small_caseload`
(tests/app/small_caseload.py); on the demo's grid it adds no page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from desktop_app.demo import generate_caseload
from desktop_app.reports import grid_document
from desktop_app.reports.grid import write_document
from tests.app.small_caseload import small_caseload

TODAY = date(2026, 12, 4)


def test_the_figure_of_the_small_caseload(tmp_path: Path) -> None:
    caseload = small_caseload()
    doc = grid_document(caseload, None, 2025, today=date(2026, 1, 15), parallel=False)
    chart = doc.figure
    assert chart is not None and chart.title == "Points par mois en 2025"
    assert chart.labels[0] == "janv." and chart.labels[-1] == "déc."
    # P1: m1 ASLL renforce July–December (2 points), m2 ASLL simple from September (1 point).
    assert chart.values == (0.0,) * 6 + (2.0, 2.0, 3.0, 3.0, 3.0, 3.0)
    ceiling, convention = chart.references
    # Q1: 50 × (1,0 + 0,8) ETP = 90; the 2025 convention: 40 ASLL + 6 AML points a month.
    assert ceiling.values == (90.0,) * 12 and convention.values == (46.0,) * 12
    out = tmp_path / "grille.pdf"
    write_document(doc, out)
    first = PdfReader(out).pages[0].extract_text()
    assert "Points par mois en 2025" in first
    assert "Plafond ETP" in first and "Convention" in first and "sept." in first


def test_the_demo_grid_keeps_its_page_count(tmp_path: Path) -> None:
    caseload = generate_caseload(today=TODAY)
    doc = grid_document(caseload, caseload, 2025, today=TODAY)
    with_figure, without = tmp_path / "avec.pdf", tmp_path / "sans.pdf"
    write_document(doc, with_figure)
    write_document(replace(doc, figure=None), without)
    pages = len(PdfReader(with_figure).pages)
    assert pages == len(PdfReader(without).pages) and pages <= 12  # 11 for the demo of 2026
    assert "Points par mois en 2025" in PdfReader(with_figure).pages[0].extract_text()
