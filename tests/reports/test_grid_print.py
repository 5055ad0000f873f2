"""The annual grid of the demo's last full year as the département's officer receives it:
the PDF on A4 (at most 12 pages, nothing under 7 points, no heading left alone at the foot
of a page, portrait except the twelve months' tables), and the XLSX as LibreOffice prints it
(every text there, no two lines drawn over each other, printing set up on every sheet)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from desktop_app.demo import generate_caseload
from desktop_app.reports import grid_document
from desktop_app.reports.grid import write_document
from desktop_app.reports.grid_model import GridDocument
from tests.reports.helpers import texts, workbook
from tests.reports.printing import Word, libreoffice_print, overlaps, words_of

#: The demo made on this day: its last full year is 2025 (beside 2024).
TODAY = date(2026, 12, 4)
YEAR = 2025


@pytest.fixture(scope="module")
def demo_grid() -> GridDocument:
    caseload = generate_caseload(today=TODAY)  # the size `suivi-fsl demo` makes
    return grid_document(caseload, caseload, YEAR, today=TODAY)


@pytest.fixture(scope="module")
def grid_pdf(demo_grid: GridDocument, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grid") / "grille.pdf"
    write_document(demo_grid, out)
    return out


@pytest.fixture(scope="module")
def grid_xlsx(demo_grid: GridDocument, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grid") / "grille.xlsx"
    write_document(demo_grid, out)
    return out


def _lines(words: list[Word]) -> list[str]:
    """The words gathered into lines (same top within a point), top to bottom."""
    lines: list[tuple[float, list[Word]]] = []
    for word in sorted(words, key=lambda w: (w[1], w[0])):
        if lines and abs(lines[-1][0] - word[1]) < 1:
            lines[-1][1].append(word)
        else:
            lines.append((word[1], [word]))
    return [" ".join(w[4] for w in sorted(line, key=lambda w: w[0])) for _, line in lines]


# --- The PDF -------------------------------------------------------------------------------


def test_pdf_fits_in_twelve_a4_pages(grid_pdf: Path) -> None:
    pages = PdfReader(str(grid_pdf)).pages
    assert len(pages) <= 12
    for page in pages:
        size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert size == [595, 842]  # A4, either way


def test_pdf_is_portrait_except_the_months_tables(grid_pdf: Path) -> None:
    for page in PdfReader(str(grid_pdf)).pages:
        text = page.extract_text() or ""
        landscape = float(page.mediabox.width) > float(page.mediabox.height)
        assert landscape == ("Mois" in text.split()), text[:200]


def test_pdf_nothing_under_7_points(grid_pdf: Path) -> None:
    reader = PdfReader(str(grid_pdf))
    sizes = set()
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                sizes.add(float(operands[1]))
            if operator == b"Tm":  # text matrices never scale the type down
                assert float(operands[0]) >= 1 and float(operands[3]) >= 1
    assert min(sizes) >= 7


def test_pdf_no_heading_alone_at_the_foot_of_a_page(grid_pdf: Path,
                                                   demo_grid: GridDocument) -> None:
    """The last line of every page's body is a table row, never a section's, a block's or
    a breakdown's title (nor a table's header), and no page carries a mere scrap."""
    this, last = demo_grid.years
    headings = {"Contrôles de cohérence de la grille", f"Indicateur {this} {last}",
                f"Mois {this} {last}"}
    for sheet in demo_grid.sheets:
        headings.add(sheet.title)
        for block in sheet.blocks:
            headings.add(block.title)
            headings |= {f"{row.label} {this} {last}" for row in block.rows
                         if row.kind == "heading"}
    for number, (_width, height, words) in enumerate(words_of(grid_pdf), start=1):
        # The header's rule is 15 mm from the top, the footer's 15 mm + 10 points from the
        # bottom: the body lies between.
        body = [w for w in words if w[1] > 55 and w[3] < height - 55]
        lines = _lines(body)
        assert len(lines) >= 8, (number, lines)
        assert " ".join(lines[-1].split()) not in headings, (number, lines[-3:])


def test_pdf_keeps_every_figure_and_label(grid_pdf: Path, demo_grid: GridDocument) -> None:
    printed = {w[4] for *_, words in words_of(grid_pdf) for w in words}
    for sheet in demo_grid.sheets:
        for block in sheet.blocks:
            for row in block.rows:
                assert set(row.label.split()) <= printed, row.label


# --- The XLSX ------------------------------------------------------------------------------


def test_xlsx_every_sheet_is_set_up_for_printing(grid_xlsx: Path) -> None:
    for name, ws in workbook(grid_xlsx).items():
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), name
        assert ws.print_title_rows == "$1:$3", name
        assert ws.freeze_panes == "A4", name
        assert ws.oddHeader.left.text and ws.oddHeader.right.text, name
        assert ws.oddFooter.right.text.endswith(" — Page &P sur &N"), name
    sheets = workbook(grid_xlsx)
    assert sheets["Points et montants"].page_setup.orientation == "landscape"
    assert sheets["Synthèse"].page_setup.orientation == "portrait"


def test_xlsx_rows_of_wrapped_notes_are_tall_enough(grid_xlsx: Path,
                                                    demo_grid: GridDocument) -> None:
    ws = workbook(grid_xlsx)["Synthèse"]
    for note in [demo_grid.subtitle, *demo_grid.notes]:
        (cell,) = [c for row in ws.iter_rows() for c in row if c.value == note]
        # Five columns (70 + 12 + 12 + 13 + 12 = 119 wide) hold about 110 characters a
        # line.
        lines = -(-len(note) // 110)
        height = ws.row_dimensions[cell.row].height or 15  # unset: one line, 15 points
        assert height >= lines * 11 * 1.2, (note, height)
    assert ws.row_dimensions[3].height and ws.row_dimensions[3].height >= 14 * 1.2


@pytest.fixture(scope="module")
def libreoffice_pdf(grid_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return libreoffice_print(grid_xlsx, tmp_path_factory.mktemp("libreoffice"))


def test_xlsx_printed_by_libreoffice_shows_all_its_text(libreoffice_pdf: Path,
                                                       grid_xlsx: Path) -> None:
    printed = {w[4] for *_, words in words_of(libreoffice_pdf) for w in words}
    for name, ws in workbook(grid_xlsx).items():
        missing = {word for text in texts(ws) if not re.fullmatch(r"[\d\s.,€-]+", text)
                   for word in text.split()} - printed
        assert not missing, (name, sorted(missing)[:10])


def test_xlsx_printed_by_libreoffice_has_no_overlapping_text(libreoffice_pdf: Path) -> None:
    for number, (*_, words) in enumerate(words_of(libreoffice_pdf), start=1):
        overlapping = list(overlaps(words))
        assert not overlapping, (number, overlapping[:5])
