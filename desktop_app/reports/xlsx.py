"""What every XLSX of the application shares (openpyxl): a title block with the
association's name and the period, the same in the printed header, « Page n sur N » in the
printed footer, numbers stored as numbers with French-looking formats (« 1 234,56 € » in a
French spreadsheet), dates as dates (« 01/02/2026 »)."""

from __future__ import annotations

import gc
import io
import math
import re
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.private_files import write_bytes
from desktop_app.reports.common import Cell
from desktop_app.reports.document_status import DocumentStatus, stamp_sheet

#: Negative amounts and counts with « − » (U+2212), as the PDF and the screens show them.
EUR_FORMAT = '#,##0.00\\ "€";"\u2212"#,##0.00\\ "€"'
INT_FORMAT = '#,##0;"\u2212"#,##0'
ONE_DECIMAL = '0.0#;"\u2212"0.0#'
#: An ETP: always two decimals (« 1,00 »).
FTE_FORMAT = "0.00"
DATE_FORMAT = "DD/MM/YYYY"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14, color="1F3A5A")
BLOCK_TITLE = Font(bold=True, size=12, color="1F3A5A")
HEADER_FILL = PatternFill("solid", fgColor="E8ECF0")
SECTION_FILL = PatternFill("solid", fgColor="F4F6F8")
_THIN = Side(style="thin", color="9AA5B1")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: What a figure « sans objet » (None) shows.
NONE = "—"


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # the one sheet a new workbook opens with
    return workbook


def sheet_title(name: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\ ."""
    return re.sub(r"[\[\]:*?/\\]", "-", name)[:31]


def add_sheet(workbook: Workbook, name: str, association: str, document: str, period: str,
              wide: bool = True, status: DocumentStatus | None = None) -> Worksheet:
    """A sheet opening with the association, the document and the period (rows 1–2), with
    the same words in the printed header and the page number in the printed footer; the
    `status` (by default today's, final: « Établi le … », « PROVISOIRE ») after the
    document's words and in the centre of the printed header and footer."""
    sheet: Worksheet = workbook.create_sheet(sheet_title(name))  # stubs: Any
    workbook.properties.creator = association
    workbook.properties.lastModifiedBy = association
    workbook.properties.title = f"{document} — {period}"
    workbook.properties.language = "fr-FR"
    sheet["A1"] = association
    sheet["A1"].font = TITLE
    sheet["A2"] = f"{document} — {period}"
    sheet["A2"].font = BOLD
    header, footer = sheet.oddHeader, sheet.oddFooter
    fit = sheet.sheet_properties.pageSetUpPr
    # openpyxl makes all three with every sheet; its stubs allow None.
    assert header is not None and footer is not None and fit is not None
    header.left.text = association
    header.right.text = f"{document} — {period}"
    footer.left.text = f"{association} — {period}"
    footer.right.text = "Page &P sur &N"
    stamp_sheet(sheet, status or DocumentStatus.today())
    sheet.page_setup.orientation = "landscape" if wide else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    fit.fitToPage = True
    return sheet


def put(sheet: Worksheet, row: int, column: int, value: Cell, *, bold: bool = False,
        fill: PatternFill | None = None, border: bool = True, indent: int = 0) -> None:
    """One cell, formatted after its type (amounts: Decimal, counts: int, means: float)."""
    cell = sheet.cell(row=row, column=column, value=NONE if value is None else value)
    if isinstance(value, Decimal):
        cell.number_format = EUR_FORMAT
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        cell.number_format = INT_FORMAT
    elif isinstance(value, float):
        cell.number_format = ONE_DECIMAL
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = BOLD
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = BORDER
    if isinstance(value, str):
        cell.alignment = Alignment(wrap_text=True, vertical="center", indent=indent)
    if value is None:
        cell.alignment = Alignment(horizontal="center")


def put_row(sheet: Worksheet, row: int, values: Sequence[Cell], *, header: bool = False,
            bold: bool = False, first_column: int = 1) -> None:
    for offset, value in enumerate(values):
        put(sheet, row, first_column + offset, value, bold=header or bold,
            fill=HEADER_FILL if header else (SECTION_FILL if bold else None))
        if header and offset:
            sheet.cell(row=row, column=first_column + offset).alignment = Alignment(
                horizontal="center", vertical="center", wrap_text=True)


#: The lines a signed document ends with, to fill by hand.
SIGNATURE_LINES = ("Fait à : ", "Le : ", "Nom du signataire : ", "Qualité du signataire : ",
                   "Signature : ")


def signature_lines(sheet: Worksheet, row: int, signing_for: str) -> int:
    """« Signature », who signs for what, then the lines to fill by hand from `row`; the
    row after them."""
    sheet.cell(row=row, column=1, value="Signature").font = BLOCK_TITLE
    sheet.cell(row=row + 1, column=1, value=signing_for)
    row += 2
    for text in SIGNATURE_LINES:
        sheet.cell(row=row, column=1, value=text + "_" * 40)
        row += 1
    return row


def widths(sheet: Worksheet, values: Sequence[float]) -> None:
    for index, width in enumerate(values, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


#: Points of row height per point of type (the spreadsheets' own line spacing, with room).
LINE_HEIGHT = 1.35
#: Characters of ordinary text a column of width 1 holds (a width counts « 0 » digits of
#: the default 11-point font; words wrap before the edge).
CHARACTERS_PER_WIDTH = 0.95
DEFAULT_SIZE = 11.0


def fit_rows(sheet: Worksheet) -> None:
    """Give every row holding larger or wrapped text a height that shows all of it: the
    number of lines each cell needs in its column (or merged range) at its font size. A
    spreadsheet opening the file does not measure the rows itself (LibreOffice draws the
    lines of a wrapped cell over the next rows)."""
    spans: dict[tuple[int, int], float] = {}
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = sum(
            _width(sheet, column) for column in range(merged.min_col, merged.max_col + 1))
        covered |= {(r, c) for r in range(merged.min_row, merged.max_row + 1)
                    for c in range(merged.min_col, merged.max_col + 1)}
    heights: dict[int, float] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or not isinstance(cell.value, str) or cell.value == "":
                continue
            place = (cell.row, cell.column)
            if place in covered and place not in spans:
                continue
            size = float(cell.font.sz or DEFAULT_SIZE) if cell.font is not None else DEFAULT_SIZE
            lines = 1
            if cell.alignment is not None and cell.alignment.wrap_text:
                room = spans.get(place) or _width(sheet, cell.column)
                room -= 2 * (cell.alignment.indent or 0)
                per_line = max(1.0, room * CHARACTERS_PER_WIDTH * DEFAULT_SIZE / size)
                lines = sum(max(1, math.ceil(len(part) / per_line))
                            for part in cell.value.split("\n"))
            needed = lines * size * LINE_HEIGHT + 2
            if lines > 1 or size > DEFAULT_SIZE:
                heights[cell.row] = max(heights.get(cell.row, 0.0), needed)
    for number, height in heights.items():
        sheet.row_dimensions[number].height = round(height, 1)


def _width(sheet: Worksheet, column: int) -> float:
    width = sheet.column_dimensions[get_column_letter(column)].width
    return float(width) if width else 8.43  # the spreadsheets' default width


def save(workbook: Workbook, out: Path) -> None:
    """The workbook in `out`, atomically and privately (`private_files`), every sheet's
    rows fitted to their text first (`fit_rows`: every document, not only those that thought
    of it, prints whole in LibreOffice). It is made in memory first: openpyxl left to write a
    file would leave it open on a full disk."""
    for sheet in workbook.worksheets:
        fit_rows(sheet)
    buffer = io.BytesIO()
    try:
        workbook.save(buffer)
    except OSError as error:  # the disk of openpyxl's temporary sheet files is full
        _close_quietly(error)
        raise
    write_bytes(out, buffer.getvalue())


def _close_quietly(error: BaseException) -> None:
    """openpyxl's sheet writers, left open in the frames of `error`, closed now: their own
    failure to finish a temporary file would else be printed later as an English traceback
    (« Exception ignored in … »)."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(error.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook
