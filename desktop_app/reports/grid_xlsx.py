"""The annual grid as an XLSX workbook: one sheet per layout sheet, N beside N−1, and a
« Contrôles » sheet with the self-check results."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.indicators.change import Change
from desktop_app.reports import xlsx
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.grid_model import CHANGE_COLUMNS, GridBlock, GridDocument
from desktop_app.reports.labels import NOT_SIGNIFICANT

DOCUMENT = "Grille d'activité annuelle"
#: The gap N − (N−1) signed (« + », « − » U+2212), and the evolution in per cent.
GAP_FORMATS = {int: '+#,##0;"\u2212"#,##0;0',
               Decimal: '+#,##0.00\\ "€";"\u2212"#,##0.00\\ "€";0.00\\ "€"',
               float: '+0.0;"\u2212"0.0;0.0'}
PERCENT_FORMAT = '+0.0\\ %;"\u2212"0.0\\ %;0.0\\ %'


def write_grid_xlsx(doc: GridDocument, out: Path, status: DocumentStatus | None = None) -> None:
    """The grid to `out`; `status` (by default: today, final) on every sheet, lines to sign
    at the end of « Contrôles »."""
    workbook = xlsx.new_workbook()
    period = f"année {doc.year}"
    for index, sheet in enumerate(doc.sheets):
        ws = xlsx.add_sheet(workbook, sheet.name, doc.association, doc.title, period,
                            wide=sheet.wide, status=status)
        ws["A3"] = sheet.title
        ws["A3"].font = xlsx.TITLE
        wide_table = sheet.wide  # the twelve months; a narrow table sits in the lists' columns
        columns = 13 if wide_table else 5
        row = 4
        if index == 0 and doc.subtitle:
            _text(ws, row, doc.subtitle, columns)
            row += 1
        row += 1
        for block in sheet.blocks:
            row = _block(ws, block, doc, row) + 1
        if index == 0:
            for note in doc.notes:
                _text(ws, row, note, columns)
                row += 1
        xlsx.widths(ws, [24] + [15] * 12 if wide_table else [70, 12, 12, 13, 12, 12, 12])
        _print_setup(ws)
    _checks(xlsx.add_sheet(workbook, "Contrôles", doc.association, doc.title, period,
                           wide=False, status=status), doc)
    xlsx.save(workbook, out)


def _text(ws: Worksheet, row: int, text: str, columns: int) -> None:
    """A note across the sheet's table width, wrapped (its row's height is set to fit by
    `xlsx.fit_rows`)."""
    ws.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True,
                                                                  vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)


def _print_setup(ws: Worksheet) -> None:
    """The title block frozen on screen and repeated on every printed page (A4, one page
    wide, header and footer: `xlsx.add_sheet`; rows fitted to their text: `xlsx.save`)."""
    ws.freeze_panes = "A4"
    ws.print_title_rows = "1:3"


def _block(ws: Worksheet, block: GridBlock, doc: GridDocument, row: int) -> int:
    this, last = doc.years
    ws.cell(row=row, column=1, value=block.title).font = xlsx.BLOCK_TITLE
    row += 1
    if block.groups:
        xlsx.put(ws, row, 1, "", fill=xlsx.HEADER_FILL)
        for index, group in enumerate(block.groups):
            column = 2 + 2 * index
            xlsx.put(ws, row, column, group, bold=True, fill=xlsx.HEADER_FILL)
            xlsx.put(ws, row, column + 1, "", fill=xlsx.HEADER_FILL)
            ws.cell(row=row, column=column).alignment = Alignment(horizontal="center")
            ws.merge_cells(start_row=row, start_column=column, end_row=row,
                           end_column=column + 1)
        row += 1
        xlsx.put_row(ws, row, [block.row_title,
                               *[y for _ in block.groups for y in (this, last)]], header=True)
    else:
        xlsx.put_row(ws, row, ["Indicateur", this, last, *CHANGE_COLUMNS], header=True)
    row += 1
    for grid_row in block.rows:
        if grid_row.kind == "heading":
            xlsx.put(ws, row, 1, grid_row.label, bold=True, fill=xlsx.SECTION_FILL)
            for column in range(2, 6):
                xlsx.put(ws, row, column, "", fill=xlsx.SECTION_FILL)
        else:
            bold = grid_row.kind == "total"
            xlsx.put(ws, row, 1, grid_row.label, bold=bold,
                     indent=2 if grid_row.kind == "item" else 0)
            for offset, value in enumerate(grid_row.values):
                xlsx.put(ws, row, 2 + offset, value, bold=bold)
            if not block.groups:
                _change(ws, row, grid_row.change, bold)
        row += 1
    return row


def _change(ws: Worksheet, row: int, change: Change | None, bold: bool) -> None:
    """« Écart » and « Évolution » as numbers (the evolution as a ratio shown in per cent),
    « n.s. » from 0, « — » without N−1."""
    if change is None:
        xlsx.put(ws, row, 4, None, bold=bold)
        xlsx.put(ws, row, 5, None, bold=bold)
        return
    xlsx.put(ws, row, 4, change.gap, bold=bold)
    ws.cell(row=row, column=4).number_format = GAP_FORMATS[type(change.gap)]
    if change.percent is None:
        xlsx.put(ws, row, 5, NOT_SIGNIFICANT, bold=bold)
        ws.cell(row=row, column=5).alignment = Alignment(horizontal="right")
    else:
        xlsx.put(ws, row, 5, change.percent / 100, bold=bold)
        ws.cell(row=row, column=5).number_format = PERCENT_FORMAT


def _checks(ws: Worksheet, doc: GridDocument) -> None:
    ws["A3"] = "Contrôles de cohérence de la grille"
    ws["A3"].font = xlsx.TITLE
    verdict = ("Aucune anomalie : la grille est cohérente." if not doc.problems
               else f"{len(doc.problems)} anomalie(s) à corriger avant l'envoi.")
    ws["A4"] = verdict
    ws["A4"].font = xlsx.BOLD
    xlsx.put_row(ws, 6, ["Contrôle", "Résultat"], header=True)
    row = 7
    for check in doc.checks:
        xlsx.put(ws, row, 1, check.label)
        xlsx.put(ws, row, 2, "Conforme" if check.ok else "Écart", bold=not check.ok)
        row += 1
        for problem in check.problems:
            xlsx.put(ws, row, 1, problem, indent=2)
            xlsx.put(ws, row, 2, "")
            row += 1
    xlsx.signature_lines(ws, row + 1, f"Pour {doc.association}")
    xlsx.widths(ws, [100, 14])
    _print_setup(ws)
