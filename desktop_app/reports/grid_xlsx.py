"""The annual grid as an XLSX workbook: one sheet per layout sheet, N beside N−1, and a
« Contrôles » sheet with the self-check results."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.reports import xlsx
from desktop_app.reports.grid_model import GridBlock, GridDocument

DOCUMENT = "Grille d'activité annuelle"


def write_grid_xlsx(doc: GridDocument, out: Path) -> None:
    workbook = xlsx.new_workbook()
    period = f"année {doc.year}"
    for index, sheet in enumerate(doc.sheets):
        ws = xlsx.add_sheet(workbook, sheet.name, doc.association, doc.title, period,
                            wide=sheet.wide)
        ws["A3"] = sheet.title
        ws["A3"].font = xlsx.TITLE
        row = 4
        if index == 0 and doc.subtitle:
            ws.cell(row=row, column=1, value=doc.subtitle).alignment = Alignment(wrap_text=True)
            row += 1
        row += 1
        for block in sheet.blocks:
            row = _block(ws, block, doc, row) + 1
        if index == 0:
            for note in doc.notes:
                ws.cell(row=row, column=1, value=note).alignment = Alignment(wrap_text=True)
                row += 1
        wide_table = any(b.groups for b in sheet.blocks)
        xlsx.widths(ws, [24] + [15] * 12 if wide_table else [78, 16, 16])
    _checks(xlsx.add_sheet(workbook, "Contrôles", doc.association, doc.title, period,
                           wide=False), doc)
    xlsx.save(workbook, out)


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
        xlsx.put_row(ws, row, ["Mois", *[y for _ in block.groups for y in (this, last)]],
                     header=True)
    else:
        xlsx.put_row(ws, row, ["Indicateur", this, last], header=True)
    row += 1
    for grid_row in block.rows:
        if grid_row.kind == "heading":
            xlsx.put(ws, row, 1, grid_row.label, bold=True, fill=xlsx.SECTION_FILL)
            for column in (2, 3):
                xlsx.put(ws, row, column, "", fill=xlsx.SECTION_FILL)
        else:
            bold = grid_row.kind == "total"
            xlsx.put(ws, row, 1, grid_row.label, bold=bold,
                     indent=2 if grid_row.kind == "item" else 0)
            for offset, value in enumerate(grid_row.values):
                xlsx.put(ws, row, 2 + offset, value, bold=bold)
        row += 1
    return row


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
    xlsx.widths(ws, [100, 14])
