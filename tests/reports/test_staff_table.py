"""The staff table as the département receives it: `tableau-salaries-AAAA.pdf` (A4
landscape, nothing under 7 points, « Établi le », « PROVISOIRE » on every page of a year not
ended) and `.xlsx` (numbers as numbers, printing set up, and as LibreOffice prints it: all its
text there, no two lines over each other); both private. Figures of
tests/domain/indicators/test_staff.py."""

from __future__ import annotations

import re
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from desktop_app.domain.indicators.staff import StaffTable, staff_table
from desktop_app.domain.model import Absence, Worker
from desktop_app.reports.staff_table import write_staff_table
from tests.domain.indicators.builders import caseload
from tests.domain.indicators.test_staff import _measures, _team
from tests.reports.helpers import english_words, pdf_pages, texts, workbook
from tests.reports.printing import libreoffice_print, overlaps, words_of

AFTER = date(2027, 3, 1)
DURING = date(2026, 10, 30)


def _table(today: date, workers: list[Worker] | None = None) -> StaffTable:
    absences = [Absence(date(2026, 4, 27), date(2026, 6, 1), replacement="w2"),
                Absence(date(2026, 9, 1), None)]
    return staff_table(caseload(*_measures(), workers=workers or _team(absences)), 2026, today)


@pytest.fixture
def ended(tmp_path: Path) -> list[Path]:
    return write_staff_table(_table(AFTER), tmp_path, AFTER)


def test_file_names_and_private(ended: list[Path]) -> None:
    assert [p.name for p in ended] == ["tableau-salaries-2026.pdf", "tableau-salaries-2026.xlsx"]
    for path in ended:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_pdf_of_a_year_ended(ended: list[Path]) -> None:
    (page,) = PdfReader(str(ended[0])).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    (text,) = pdf_pages(ended[0])
    flat = " ".join(text.split())
    assert "Tableau relatif aux missions exercées par les salariés — année 2026" in flat
    assert "Établi le 01/03/2027." in flat
    assert "PROVISOIRE" not in flat
    # Bruno Petit (arrived in July): 1,00 ETP, ASLL 2, AML 0, FAL 1, DSF 1, 6 months, 16
    # points, 2,67 per ETP and month; Claire Martin: 0,50, 1 1 0 0, 12, 24, 4,00.
    assert "Bruno Petit Assistant(e) de service social 1,00 2 0 1 1 6 16 2,67 aucune" in flat
    assert "Claire Martin CESF 0,50 1 1 0 0 12 24 4,00" in flat
    assert ("du 27/04/2026 au 01/06/2026 (22 jours ouvrés) : remplacé(e) par Bruno Petit"
            in flat)
    # The open-ended absence counted up to 31/12/2026: September 22, October 22, November
    # 20 (11/11 a holiday), December 22 (25/12 a holiday) working days.
    assert ("depuis le 01/09/2026, sans date de fin (86 jours ouvrés au 31/12/2026) : "
            "non remplacé(e)") in flat
    assert "Ensemble 1,50 3 1 1 1 40 3,33 2 absence(s)" in flat
    assert english_words(text) == []


def test_pdf_nothing_under_7_points(ended: list[Path]) -> None:
    reader = PdfReader(str(ended[0]))
    sizes = {float(operands[1]) for page in reader.pages
             for operands, operator in ContentStream(page.get_contents(), reader).operations
             if operator == b"Tf"}
    assert min(sizes) >= 7


def test_year_not_ended_is_provisional_on_every_page(tmp_path: Path) -> None:
    team = [Worker(f"w{n}", f"Salarié {n:02d}", _team()[0].diploma, 1.0,
                   absences=[Absence(date(2026, 1, 5), date(2026, 3, 6))])
            for n in range(1, 41)]
    pdf, xlsx = write_staff_table(_table(DURING, team), tmp_path, DURING)
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for text in pages:
        assert "année 2026 — PROVISOIRE" in text
    assert "chiffres arrêtés au 30/10/2026, document provisoire" in " ".join(pages[0].split())
    ws = workbook(xlsx)["Salariés"]
    assert ws["A2"].value.endswith("— PROVISOIRE")
    assert ws.oddHeader.right.text.endswith("PROVISOIRE")


def test_xlsx_numbers_and_printing(ended: list[Path]) -> None:
    ws = workbook(ended[1])["Salariés"]
    assert ws["A3"].value == "Établi le 01/03/2027."
    rows = {row[0]: row for row in ws.iter_rows(min_row=5, values_only=True) if row[0]}
    assert rows["Bruno Petit"][:10] == ("Bruno Petit", "Assistant(e) de service social", 1.0,
                                        2, 0, 1, 1, 6, 16, 2.67)
    assert rows["Claire Martin"][2] == 0.5 and rows["Claire Martin"][9] == 4.0
    assert rows["Ensemble"][2] == 1.5 and rows["Ensemble"][9] == 3.33
    assert ws.cell(row=5, column=3).number_format == "0.00"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$4" and ws.freeze_panes == "A5"
    assert ws.oddFooter.right.text == "Établi le 01/03/2027 — Page &P sur &N"


@pytest.fixture
def libreoffice_pdf(ended: list[Path], tmp_path: Path) -> Path:
    return libreoffice_print(ended[1], tmp_path / "libreoffice")


def test_xlsx_printed_by_libreoffice(libreoffice_pdf: Path, ended: list[Path]) -> None:
    pages = words_of(libreoffice_pdf)
    printed = {w[4] for *_, words in pages for w in words}
    ws = workbook(ended[1])["Salariés"]
    missing = {word for text in texts(ws) if not re.fullmatch(r"[\d\s.,€-]+", text)
               for word in text.split()} - printed
    assert not missing, sorted(missing)[:10]
    for number, (*_, words) in enumerate(pages, start=1):
        overlapping = list(overlaps(words))
        assert not overlapping, (number, overlapping[:5])
