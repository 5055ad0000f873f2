"""The annual grid as a PDF on A4: each layout sheet as a section, N beside N−1, and the
self-check results at the end. Sections follow one another on portrait pages (their tables
are narrow); a wide sheet (the twelve months) has landscape pages of its own. Nothing is
printed under 7 points; a heading always stands with the first rows under it, and a
breakdown, a short block, never splits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from desktop_app.reports import pdf
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.grid_figure import grid_figure
from desktop_app.reports.grid_model import CHANGE_COLUMNS, GridBlock, GridDocument, GridSheet
from desktop_app.reports.labels import format_gap, format_percent, format_value

#: Usable widths of an A4 page between the margins (the frame's 6-point paddings off).
PORTRAIT_WIDTH = 210 * mm - 2 * pdf.MARGIN - 12
LANDSCAPE_WIDTH = 297 * mm - 2 * pdf.MARGIN - 12
#: The smallest type on any page, the size of the lists' rows and the months' tables'.
SMALLEST = 7.0
LIST_SIZE = 8.0
#: The lists' cell paddings (points each side): room for « −17 478,13 € » in 24 mm.
LIST_PADDING = 3.0
MONTH_SIZE = 7.5
#: A section starts on a new page when less than this is left on the current one.
SECTION_ROOM = 70 * mm


def write_grid_pdf(doc: GridDocument, out: Path, status: DocumentStatus | None = None) -> None:
    """The grid to `out`; `status` (by default: today, final) on every page, a signature
    block at the end."""
    story: list[Flowable] = [
        pdf.title(f"{doc.title} {doc.year}"),
        pdf.para(doc.association, size=11, bold=True),
    ]
    if doc.subtitle:
        story.append(pdf.para(doc.subtitle, size=9, space=4))
    for note in doc.notes:
        story.append(pdf.para(note, size=8))
    landscape = False
    for index, sheet in enumerate(doc.sheets):
        if sheet.wide != landscape:  # a turn of the page: only where the tables need it
            landscape = sheet.wide
            story += [NextPageTemplate(pdf.LANDSCAPE if landscape else pdf.PORTRAIT),
                      PageBreak()]
        elif index:
            story += [Spacer(1, 6 * mm), CondPageBreak(SECTION_ROOM)]
        story += _sheet(sheet, doc, LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH)
        if index == 0 and doc.figure is not None and not landscape:
            story += [Spacer(1, 4 * mm), grid_figure(doc.figure, PORTRAIT_WIDTH)]
    if landscape:
        story += [NextPageTemplate(pdf.PORTRAIT), PageBreak()]
    else:
        story += [Spacer(1, 6 * mm), CondPageBreak(SECTION_ROOM)]
    story += [*_checks(doc), Spacer(1, 3 * mm),
              pdf.signature_block(doc.association, PORTRAIT_WIDTH)]
    pdf.build(out, story, association=doc.association, document=doc.title,
              period=f"année {doc.year}", wide=False, status=status)


def _sheet(sheet: GridSheet, doc: GridDocument, width: float) -> list[Flowable]:
    """The sheet's heading kept with the first part of its first block."""
    parts: list[Flowable] = []
    for number, block in enumerate(sheet.blocks):
        if number:
            parts.append(Spacer(1, 3 * mm))
        first, *rest = _block(block, doc, width)
        if number == 0:
            first = [pdf.heading(sheet.title), *first]
        parts += [KeepTogether(first), *[KeepTogether(part) for part in rest]]
    return parts or [pdf.heading(sheet.title)]


def _block(block: GridBlock, doc: GridDocument, width: float) -> list[list[Flowable]]:
    """The block's title with its first table, then each further table: the parts kept
    whole."""
    title = pdf.para(block.title, size=10, bold=True, space=3)
    tables = _tables(block, doc, width) if block.groups else _list_tables(block, doc, width)
    return [[title, *tables[:1]], *[[t] for t in tables[1:]]]


def _tables(block: GridBlock, doc: GridDocument, width: float) -> list[Flowable]:
    """Rows × (column × year) at the largest size from 7 to 7,5 points where the widest
    figure fits (the row labels on one line); when even 7 points would not, the columns
    are shared among several tables, one under the other."""
    padding = 2.5
    cells = [format_value(v) for row in block.rows for v in row.values]
    widest = max((pdfmetrics.stringWidth(c, pdf.BOLD, 1) for c in cells), default=1.0)
    longest = max((pdfmetrics.stringWidth(row.label, pdf.BOLD, 1) for row in block.rows),
                  default=1.0)
    count = len(block.groups)

    def fits(size: float, groups: int) -> bool:
        label = min(30 * mm, longest * size + 2 * padding + 1)
        return (width - label) / (2 * groups) >= widest * size + 2 * padding + 1

    size = MONTH_SIZE
    while size > SMALLEST and not fits(size, count):
        size -= 0.25
    while count > 1 and not fits(size, count):
        count -= 1
    label = min(30 * mm, longest * size + 2 * padding + 1)
    column = (width - label) / (2 * count)
    return [_table(block, doc, start, start + count, label, column, size, padding)
            for start in range(0, len(block.groups), count)]


def _table(block: GridBlock, doc: GridDocument, start: int, end: int, label: float,
           column: float, size: float, padding: float) -> Table:
    this, last = doc.years
    groups = block.groups[start:end]
    header1: list[object] = [""]
    for group in groups:
        header1 += [group, ""]
    header2: list[object] = [block.row_title, *[y for _ in groups for y in (this, last)]]
    rows: list[list[object]] = [header1, header2]
    totals = []
    for row in block.rows:
        if row.kind == "total":
            totals.append(len(rows))
        values = row.values[2 * start:2 * end]
        rows.append([row.label, *[format_value(v) for v in values]])
    table = pdf.table(rows, [label] + [column] * (2 * len(groups)), header_rows=2,
                      size=size, bold_rows=totals, padding=padding)
    table.setStyle([("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(groups))])
    return _compact(table)


def _list_tables(block: GridBlock, doc: GridDocument, width: float) -> list[Flowable]:
    """Single figures, then each breakdown as its own table whose first row (its title and
    the years) repeats on a new page: a breakdown never loses its title. Each figure of N
    has N−1, the gap and the evolution beside it."""
    this, last = doc.years
    gap, evolution = CHANGE_COLUMNS
    widths = _list_widths(block, doc, width)
    parts: list[Flowable] = []
    pending: list[list[object]] = []
    totals: list[int] = []  # rows of `pending` that are totals (printed in bold)
    kind = ""

    def flush() -> None:
        if not pending:
            return
        if kind == "heading":
            table = _compact(pdf.table(pending, widths, size=LIST_SIZE,
                                       indent_rows=range(1, len(pending)), padding=LIST_PADDING))
        else:
            table = _compact(pdf.table([["Indicateur", this, last, gap, evolution], *pending],
                                       widths, size=LIST_SIZE, padding=LIST_PADDING,
                                       bold_rows=[1 + i for i in totals]))
        parts.append(table)
        pending.clear()
        totals.clear()

    for row in block.rows:
        if row.kind == "heading" or (row.kind != "item" and kind == "heading"):
            flush()
            kind = row.kind if row.kind == "heading" else "row"
        if row.kind == "heading":
            pending.append([row.label, this, last, gap, evolution])
        else:
            if row.kind == "total":
                totals.append(len(pending))
            pending.append([row.label, *[format_value(v) for v in row.values],
                            format_gap(row.change), format_percent(row.change)])
            kind = kind or "row"
    flush()
    return parts


def _list_widths(block: GridBlock, doc: GridDocument, width: float) -> list[float]:
    """A list's columns: each figure column as wide as the block's widest figure or
    heading (in bold), at least 14 mm; the label takes the rest (on one line mostly)."""
    figures = [*doc.years, *CHANGE_COLUMNS[:1]]
    percents = [CHANGE_COLUMNS[1]]
    for row in block.rows:
        figures += [format_value(v) for v in row.values]
        figures.append(format_gap(row.change))
        percents.append(format_percent(row.change))

    def widest(texts: list[str]) -> float:
        room = max(pdfmetrics.stringWidth(t, pdf.BOLD, LIST_SIZE) for t in texts)
        return max(14 * mm, room + 2 * LIST_PADDING + 2)

    number, percent = widest(figures), widest(percents)
    return [width - 3 * number - percent, number, number, number, percent]


def _compact(table: Table) -> Table:
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.0)])
    return table


def _checks(doc: GridDocument) -> Sequence[Flowable]:
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
    return [KeepTogether([
        pdf.heading("Contrôles de cohérence de la grille"),
        pdf.para(verdict, size=10, bold=True, space=4),
        pdf.table(rows, [PORTRAIT_WIDTH - 25 * mm, 25 * mm], bold_rows=bold, size=LIST_SIZE,
                  text_columns=[1]),
    ])]
