"""« Établi le JJ/MM/AAAA » and « PROVISOIRE » on every page of the PDF and XLSX writers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak

from desktop_app.demo import generate_caseload
from desktop_app.domain.dates import Month
from desktop_app.reports import pdf, write_statement, xlsx
from desktop_app.reports.document_status import DocumentStatus, FuturePeriodError
from tests.reports.helpers import pdf_pages, workbook


def test_texts() -> None:
    status = DocumentStatus(date(2026, 12, 4), provisional=True)
    assert status.produced_text == "Établi le 04/12/2026"
    assert status.mark == "PROVISOIRE"
    assert status.line == "Établi le 04/12/2026 — PROVISOIRE"
    final = DocumentStatus(date(2027, 1, 1))
    assert final.mark == ""
    assert final.line == "Établi le 01/01/2027"


def test_status_of_a_year() -> None:
    assert DocumentStatus.for_year(2026, date(2026, 12, 31)).provisional
    assert not DocumentStatus.for_year(2026, date(2027, 1, 1)).provisional
    with pytest.raises(FuturePeriodError, match="2031 n'a pas commencé"):
        DocumentStatus.for_year(2031, date(2026, 12, 4))


def test_status_of_a_period() -> None:
    status = DocumentStatus.for_period(date(2026, 8, 1), date(2027, 7, 31), date(2027, 8, 1))
    assert status == DocumentStatus(date(2027, 8, 1), False)
    with pytest.raises(FuturePeriodError, match="du 01/08/2026 au 31/07/2027"):
        DocumentStatus.for_period(date(2026, 8, 1), date(2027, 7, 31), date(2026, 7, 1))


@pytest.mark.parametrize("provisional", [True, False])
def test_every_pdf_page_carries_the_status(tmp_path: Path, provisional: bool) -> None:
    out = tmp_path / "d.pdf"
    story = [pdf.para("Première page"), PageBreak(), pdf.para("Deuxième"), PageBreak(),
             pdf.para("Troisième")]
    pdf.build(out, story, association="Association Essai", document="Essai",
              period="année 2026", status=DocumentStatus(date(2026, 12, 4), provisional))
    pages = pdf_pages(out)
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert f"Établi le 04/12/2026 — Page {number} sur 3" in text
        assert ("PROVISOIRE" in text) is provisional


def test_a_pdf_without_status_is_dated_today(tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    pdf.build(out, [pdf.para("Texte")], association="A", document="Essai", period="2026")
    (text,) = pdf_pages(out)
    assert "Établi le" in text and "PROVISOIRE" not in text


def test_xlsx_sheet_visible_line_header_and_footer(tmp_path: Path) -> None:
    out = tmp_path / "d.xlsx"
    book = xlsx.new_workbook()
    xlsx.add_sheet(book, "Une", "Association Essai", "Essai", "année 2026",
                   status=DocumentStatus(date(2026, 12, 4), provisional=True))
    xlsx.add_sheet(book, "Deux", "Association Essai", "Essai", "année 2025",
                   status=DocumentStatus(date(2026, 12, 4)))
    xlsx.save(book, out)
    sheets = workbook(out)
    one, two = sheets["Une"], sheets["Deux"]
    assert one["A2"].value == "Essai — année 2026 — Établi le 04/12/2026 — PROVISOIRE"
    assert one.oddHeader.right.text == "PROVISOIRE — Essai — année 2026"
    assert one.oddFooter.right.text == "Établi le 04/12/2026 — Page &P sur &N"
    assert two["A2"].value == "Essai — année 2025 — Établi le 04/12/2026"
    assert two.oddHeader.right.text == "Essai — année 2025"
    assert two.oddFooter.right.text == "Établi le 04/12/2026 — Page &P sur &N"


def test_a_period_made_ahead_is_provisional_until_it_is_over() -> None:
    """A statement, an occupancy table or a convention follow-up may be made during its
    period (the window offers the current month): PROVISOIRE until its last day is past."""
    today = date.today()
    month = Month.of(today)
    current = DocumentStatus.of_period(month.first_day, month.last_day)
    assert (current.produced_on, current.provisional) == (today, True)
    before = month.previous()
    assert not DocumentStatus.of_period(before.first_day, before.last_day).provisional
    later = month.next()
    assert DocumentStatus.of_period(later.first_day, later.last_day).provisional


def test_the_statement_of_the_month_under_way_says_provisoire(tmp_path: Path) -> None:
    caseload = generate_caseload(today=date.today())
    month = Month.of(date.today())
    write_statement(caseload, month, tmp_path / "releve.pdf")
    write_statement(caseload, month.previous(), tmp_path / "releve-avant.pdf")
    assert all("PROVISOIRE" in page for page in pdf_pages(tmp_path / "releve.pdf"))
    assert not any("PROVISOIRE" in page for page in pdf_pages(tmp_path / "releve-avant.pdf"))
