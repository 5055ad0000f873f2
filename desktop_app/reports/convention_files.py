"""The convention follow-up written as PDF (reportlab) or XLSX (openpyxl)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl.styles import Alignment
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.indicators import ConventionFollowup
from desktop_app.reports import pdf, xlsx
from desktop_app.reports.common import Cell
from desktop_app.reports.convention import (
    DOCUMENT,
    HEAD,
    format_rate,
    notes,
    table_rows,
    totals,
    verdict,
)
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.labels import format_value

WIDTH = 297 * mm - 2 * pdf.MARGIN


def _pdf_row(row: list[Cell], count_line: bool = True) -> list[object]:
    cells: list[object] = []
    for index, value in enumerate(row):
        if isinstance(value, str):
            cells.append(value)
        elif index == 4:
            cells.append(format_rate(value if isinstance(value, float) else None)
                         if count_line else "")
        elif isinstance(value, int | float | Decimal) or value is None:
            cells.append(format_value(value))
    return cells


def convention_pdf(f: ConventionFollowup, out: Path) -> None:
    rows = [HEAD] + [_pdf_row(r) for r in table_rows(f)] + [_pdf_row(totals(f), False)]
    widths = [18 * mm, 52 * mm, 22 * mm, 20 * mm, 24 * mm]
    widths += [(WIDTH - sum(widths)) / 5] * 5
    period = f"année {f.year}"
    story: list[Flowable] = [
        pdf.title(f"{DOCUMENT} — {period}"),
        pdf.para(f.association, size=11, bold=True),
        pdf.heading("Objectifs convenus et activité réalisée"),
        pdf.table(rows, widths, numeric_from=2, size=8, bold_rows=[len(rows) - 1]),
        pdf.para(verdict(f), size=11, bold=True, space=8),
    ]
    story += [pdf.para(text, size=8) for text in notes(f)]
    story += [Spacer(1, 4 * mm), pdf.signature_block(f.association, 180 * mm)]
    pdf.build(out, story, association=f.association, document=DOCUMENT, period=period,
              wide=True, status=DocumentStatus.of_period(f.first_day, f.last_day))


def convention_xlsx(f: ConventionFollowup, out: Path) -> None:
    workbook = xlsx.new_workbook()
    period = f"année {f.year}"
    ws = xlsx.add_sheet(workbook, "Convention", f.association, DOCUMENT, period,
                        status=DocumentStatus.of_period(f.first_day, f.last_day))
    xlsx.put_row(ws, 4, HEAD, header=True)
    line = 5
    for row in table_rows(f):
        ratio = row[4]
        xlsx.put_row(ws, line, [*row[:4], "", *row[5:]])
        if isinstance(ratio, float):
            cell = ws.cell(row=line, column=5, value=ratio / 100)
            cell.number_format = "0.0 %"
        line += 1
    xlsx.put_row(ws, line, totals(f), bold=True)
    line += 2
    ws.cell(row=line, column=1, value=verdict(f)).font = xlsx.BOLD
    for text in notes(f):
        line += 1
        ws.cell(row=line, column=1, value=text).alignment = Alignment(wrap_text=False)
    xlsx.signature_lines(ws, line + 2, f"Pour {f.association}")
    xlsx.widths(ws, [12, 30, 12, 12, 14, 16, 16, 16, 16, 16])
    xlsx.save(workbook, out)
