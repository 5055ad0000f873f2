"""The staff table written as PDF (reportlab, A4 landscape) and XLSX (openpyxl, printed on A4
landscape, fitted to the width, header rows repeated), both atomically and private (`pdf.build`,
`xlsx.save`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl.styles import Alignment, Font
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.domain.indicators.staff import STAFF_TYPES, StaffTable
from desktop_app.reports import pdf, xlsx
from desktop_app.reports.staff_table import (
    ABSENCES_COLUMN,
    DOCUMENT,
    HEAD,
    TITLE,
    absences_text,
    document_status,
    made_on,
    notes,
    period,
    status_of,
    table_rows,
    totals,
)

ABSENCES = ABSENCES_COLUMN
WIDTH = 297 * mm - 2 * pdf.MARGIN
#: Name, diploma, ETP, the four types, months, points, points per ETP; the absences take
#: the rest.
PDF_WIDTHS = [35 * mm, 35 * mm, 13 * mm, *([13 * mm] * len(STAFF_TYPES)), 20 * mm, 15 * mm,
              22 * mm]
SIZE = 8
XLSX_WIDTHS = [24, 26, 8, 8, 8, 8, 8, 11, 9, 13, 56]
DECIMAL_FORMAT = "0.00"
RED = "B3261E"


def _pdf_cells(row: list[object]) -> list[object]:
    cells: list[object] = []
    for index, value in enumerate(row):
        if index == ABSENCES:
            cells.append(pdf.para(str(value), size=SIZE))
        else:
            cells.append(str(value))
    return cells


def staff_pdf(table: StaffTable, out: Path, today: date) -> None:
    rows: list[list[object]] = [list(HEAD)]
    rows += [_pdf_cells(list(row)) for row in table_rows(table)]
    rows.append(_pdf_cells(list(totals(table))))
    widths = [*PDF_WIDTHS, WIDTH - sum(PDF_WIDTHS)]
    story: list[Flowable] = [
        pdf.title(f"{TITLE} — année {table.year}"),
        pdf.para(table.association, size=11, bold=True),
        pdf.para(made_on(table, today), size=9,
                 bold=document_status(table.year, today) is not None, space=4),
    ]
    if table.lines:
        story.append(pdf.table(rows, widths, numeric_from=2, size=SIZE,
                               text_columns=[ABSENCES], bold_rows=[len(rows) - 1],
                               padding=3))
    else:
        story.append(pdf.para(f"Aucun salarié n'a suivi de mesure en {table.year}.", size=10))
    story += [pdf.para(text, size=8, space=3) for text in notes(table)]
    pdf.build(out, story, association=table.association, document=DOCUMENT,
              period=period(table, today), wide=True, status=status_of(table.year, today))


def staff_xlsx(table: StaffTable, out: Path, today: date) -> None:
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Salariés", table.association, DOCUMENT,
                        period(table, today), status=status_of(table.year, today))
    ws["A2"] = f"{TITLE} — {period(table, today)}"
    ws["A3"] = made_on(table, today)
    provisional = document_status(table.year, today) is not None
    ws["A3"].font = Font(bold=provisional, color=RED if provisional else None)
    xlsx.put_row(ws, 4, HEAD, header=True)
    line = 5
    for staff, row in zip(table.lines, table_rows(table), strict=True):
        values = list(row)
        values[2] = float(staff.fte)
        values[9] = (None if staff.points_per_fte_month is None
                     else float(staff.points_per_fte_month))
        values[ABSENCES] = absences_text(staff, table.last_day)
        xlsx.put_row(ws, line, values)
        for column in (3, 10):
            if ws.cell(row=line, column=column).value != xlsx.NONE:
                ws.cell(row=line, column=column).number_format = DECIMAL_FORMAT
        line += 1
    total = list(totals(table))
    total[2] = float(sum((s.fte for s in table.lines), Decimal(0)))
    total[9] = (None if table.points_per_fte_month is None
                else float(table.points_per_fte_month))
    xlsx.put_row(ws, line, total, bold=True)
    total_row = line
    for column in (3, 10):
        if ws.cell(row=line, column=column).value != xlsx.NONE:
            ws.cell(row=line, column=column).number_format = DECIMAL_FORMAT
    line += 1
    for text in notes(table):
        line += 1
        ws.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(HEAD))
        cell = ws.cell(row=line, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cells in ws.iter_rows(min_row=5, max_row=total_row):
        for figure in cells:  # figures in the middle of their row, as the wrapped texts are
            if figure.value == xlsx.NONE:
                figure.alignment = Alignment(horizontal="center", vertical="center")
            elif not isinstance(figure.value, str):
                figure.alignment = Alignment(vertical="center")
        # The absences kept off the figure on their left.
        cells[ABSENCES].alignment = Alignment(horizontal="left", vertical="center",
                                              wrap_text=True, indent=1)
    xlsx.widths(ws, XLSX_WIDTHS)
    ws.freeze_panes = "A5"
    ws.print_title_rows = "1:4"
    xlsx.save(workbook, out)
