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
        for block in sheet.blocks:
            story.append(CondPageBreak(40 * mm))
            story += _block(block, doc)
    story.append(PageBreak())
    story += _checks(doc)
    pdf.build(out, story, association=doc.association, document=doc.title,
              period=f"année {doc.year}", wide=True)


def _block(block: GridBlock, doc: GridDocument) -> list[Flowable]:
    this, last = doc.years
    title = pdf.para(block.title, size=10, bold=True, space=4)
    if block.groups:
        header1: list[object] = [""]
        for group in block.groups:
            header1 += [group, ""]
        header2 = ["Mois", *[y for _ in block.groups for y in (this, last)]]
        rows: list[list[object]] = [header1, header2]
        totals = []
        for row in block.rows:
            if row.kind == "total":
                totals.append(len(rows))
            rows.append([row.label, *[format_value(v) for v in row.values]])
        label = 28 * mm
        width = (WIDTH - label) / (2 * len(block.groups))
        table = pdf.table(rows, [label] + [width] * (2 * len(block.groups)), header_rows=2,
                          size=7.5, bold_rows=totals)
        spans = [("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(block.groups))]
        table.setStyle(spans)
        return [KeepTogether([title, table]), Spacer(1, 4 * mm)]
    rows = [["Indicateur", this, last]]
    bold, indent = [], []
    for row in block.rows:
        if row.kind == "heading":
            bold.append(len(rows))
            rows.append([row.label, "", ""])
            continue
        if row.kind == "item":
            indent.append(len(rows))
        rows.append([row.label, *[format_value(v) for v in row.values]])
    number = 38 * mm
    table = pdf.table(rows, [WIDTH - 2 * number, number, number], bold_rows=bold,
                      indent_rows=indent, span_rows=bold, size=8.5)
    if len(rows) <= 16:
        return [KeepTogether([title, table]), Spacer(1, 4 * mm)]
    return [title, table, Spacer(1, 4 * mm)]


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
        pdf.table(rows, [WIDTH - 35 * mm, 35 * mm], bold_rows=bold, size=8.5),
    ]
