"""The annual grid as a PDF (A4 landscape): each layout sheet as a section, N beside N−1,
and the self-check results at the end."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from desktop_app.reports import pdf
from desktop_app.reports.grid_model import GridBlock, GridDocument
from desktop_app.reports.labels import format_value

#: Usable width of an A4 landscape page between the margins.
WIDTH = 297 * mm - 2 * pdf.MARGIN


def write_grid_pdf(doc: GridDocument, out: Path) -> None:
    story: list[Flowable] = [
        pdf.title(f"{doc.title} {doc.year}"),
        pdf.para(doc.association, size=11, bold=True),
    ]
    if doc.subtitle:
        story.append(pdf.para(doc.subtitle, size=9, space=4))
    for note in doc.notes:
        story.append(pdf.para(note, size=8))
    for index, sheet in enumerate(doc.sheets):
        if index:
            story.append(PageBreak())
        story.append(pdf.heading(sheet.title))
        for number, block in enumerate(sheet.blocks):
            if number:
                story.append(Spacer(1, 4 * mm))
            story.append(CondPageBreak(40 * mm))
            story += _block(block, doc)
    story.append(PageBreak())
    story += _checks(doc)
    pdf.build(out, story, association=doc.association, document=doc.title,
              period=f"année {doc.year}", wide=True)


def _block(block: GridBlock, doc: GridDocument) -> list[Flowable]:
    title = pdf.para(block.title, size=10, bold=True, space=4)
    if block.groups:
        return [KeepTogether([title, _table_block(block, doc)])]
    return _list_block(block, doc, title)


def _table_block(block: GridBlock, doc: GridDocument) -> Flowable:
    """Rows × (column × year): a font small enough for the widest figure."""
    this, last = doc.years
    header1: list[object] = [""]
    for group in block.groups:
        header1 += [group, ""]
    header2: list[object] = ["Mois", *[y for _ in block.groups for y in (this, last)]]
    rows: list[list[object]] = [header1, header2]
    totals = []
    for row in block.rows:
        if row.kind == "total":
            totals.append(len(rows))
        rows.append([row.label, *[format_value(v) for v in row.values]])
    label = 26 * mm
    width = (WIDTH - label) / (2 * len(block.groups))
    longest = max(len(str(cell)) for row in rows[2:] for cell in row[1:])
    # DejaVu Sans Bold figures are 0,70 em wide; 6 points of padding in each cell.
    size = max(5.5, min(7.5, (width - 6) / (0.72 * max(longest, 1))))
    table = pdf.table(rows, [label] + [width] * (2 * len(block.groups)), header_rows=2,
                      size=size, bold_rows=totals, padding=3)
    table.setStyle([("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(block.groups))])
    return table


def _list_block(block: GridBlock, doc: GridDocument, title: Flowable) -> list[Flowable]:
    """Single figures, then each breakdown as its own table whose first row (its title and
    the years) repeats on a new page: a breakdown never loses its title."""
    this, last = doc.years
    number = 38 * mm
    widths = [WIDTH - 2 * number, number, number]
    parts: list[Flowable] = []
    pending: list[list[object]] = []
    kind = ""

    def flush() -> None:
        if not pending:
            return
        if kind == "heading":
            table = pdf.table(pending, widths, size=8.5, indent_rows=range(1, len(pending)))
        else:
            table = pdf.table([["Indicateur", this, last], *pending], widths, size=8.5)
        parts.append(table)
        pending.clear()

    for row in block.rows:
        if row.kind == "heading" or (row.kind != "item" and kind == "heading"):
            flush()
            kind = row.kind if row.kind == "heading" else "row"
        if row.kind == "heading":
            pending.append([row.label, this, last])
        else:
            pending.append([row.label, *[format_value(v) for v in row.values]])
            kind = kind or "row"
    flush()
    if not parts:
        return [title]
    return [KeepTogether([title, parts[0]]), *parts[1:]]


def _checks(doc: GridDocument) -> list[Flowable]:
    verdict = ("Aucune anomalie : la grille est cohérente." if not doc.problems
               else f"{len(doc.problems)} anomalie(s) à corriger avant l'envoi.")
    rows: list[list[object]] = [["Contrôle", "Résultat"]]
    bold = []
    for check in doc.checks:
        if not check.ok:
            bold.append(len(rows))
        rows.append([check.label, "Conforme" if check.ok else "Écart"])
        for problem in check.problems:
            rows.append(["\u00a0" * 6 + problem, ""])
    return [
        pdf.heading("Contrôles de cohérence de la grille"),
        pdf.para(verdict, size=10, bold=True, space=4),
        pdf.table(rows, [WIDTH - 35 * mm, 35 * mm], bold_rows=bold, size=8.5,
                  text_columns=[1]),
    ]
