"""Reading back what the reports wrote: PDF text (pypdf), XLSX cells (openpyxl)."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

#: Words that would betray an English (or Python) leftover on a printed page.
ENGLISH = ("Page", "of", "Total amount", "None", "True", "False", "Household", "Worker",
           "Measure", "Month", "Points per", "nan", "Sheet", "Yes", "No", "page")


def english_words(text: str) -> list[str]:
    """The words of `ENGLISH` found in `text` as whole words (« Page 2 sur 3 » is French;
    « Page 2 of 3 » would not be: « of » is caught)."""
    found = [w for w in ENGLISH if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", text)]
    return [w for w in found if w != "Page"]


def pdf_pages(path: Path) -> list[str]:
    """Text of each page, no-break spaces read as plain spaces."""
    reader = PdfReader(str(path))
    return [(p.extract_text() or "").replace("\u00a0", " ").replace("\u202f", " ")
            for p in reader.pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def workbook(path: Path) -> dict[str, Worksheet]:
    book = load_workbook(str(path))
    return {ws.title: ws for ws in book.worksheets}


def row_of(ws: Worksheet, label: str, column: int = 1) -> list[object]:
    """The values of the first row whose cell in `column` is `label`."""
    for row in ws.iter_rows(values_only=True):
        if row[column - 1] == label:
            return list(row)
    raise AssertionError(f"no row « {label} » in sheet {ws.title}")


def cell_of(ws: Worksheet, label: str, column: int) -> Cell:
    """The cell in `column` of the first row labelled `label`."""
    for row in ws.iter_rows():
        if row[0].value == label:
            return row[column - 1]
    raise AssertionError(f"no row « {label} » in sheet {ws.title}")


def texts(ws: Worksheet) -> list[str]:
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]


def flat(text: str) -> str:
    """Every run of white space as one space, to read table rows as one line."""
    return " ".join(text.split())
