"""What every PDF of the application shares (reportlab): DejaVu fonts for accents and €,
the association's name and the year on every page, « Page 2 sur 5 » at the foot."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from desktop_app.private_files import atomic_path
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.pdf_canvas import NumberedCanvas, fit_text
from desktop_app.reports.pdf_style import BOLD, DARK, FONT, GREY, MARGIN, register_fonts

#: Names of the two page templates every PDF has (`NextPageTemplate(LANDSCAPE)` turns the
#: following pages); the document opens on the one `build(wide=…)` names.
PORTRAIT, LANDSCAPE = "portrait", "paysage"
_TOP, _BOTTOM = MARGIN + 8 * mm, MARGIN + 6 * mm

__all__ = ["BOLD", "DARK", "FONT", "GREY", "LANDSCAPE", "MARGIN", "PORTRAIT", "build",
           "fit_text", "heading", "para", "register_fonts", "signature_block", "style", "table",
           "title"]


def style(size: float = 9, bold: bool = False, right: bool = False, space: float = 0,
          color: Any = colors.black, center: bool = False) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        "s", fontName=BOLD if bold else FONT, fontSize=size, leading=size * 1.25,
        alignment=TA_CENTER if center else (TA_RIGHT if right else TA_LEFT),
        spaceBefore=space, spaceAfter=space / 2, textColor=color,
    )


def para(text: str, size: float = 9, bold: bool = False, right: bool = False,
         space: float = 0) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style(size, bold, right, space))


def title(text: str) -> Paragraph:
    return Paragraph(escape(text), style(14, bold=True, space=4, color=DARK))


def heading(text: str) -> Paragraph:
    return Paragraph(escape(text), style(11, bold=True, space=8, color=DARK))


def table(rows: Sequence[Sequence[object]], widths: Sequence[float], header_rows: int = 1,
          numeric_from: int = 1, size: float = 8, bold_rows: Sequence[int] = (),
          indent_rows: Sequence[int] = (), span_rows: Sequence[int] = (),
          text_columns: Sequence[int] = (), padding: float = 6) -> Table:
    """A table with a repeated grey header (its figure columns centred); columns from
    `numeric_from` right-aligned (except `text_columns`); `span_rows`: rows whose first
    cell spans the whole width.
    Cells may be strings (wrapped in paragraphs) or flowables."""
    register_fonts()
    body = []
    for r, row in enumerate(rows):
        cells: list[object] = []
        for c, cell in enumerate(row):
            if isinstance(cell, str):
                bold = r < header_rows or r in bold_rows
                text = ("\u00a0" * 4 + cell) if c == 0 and r in indent_rows else cell
                figure = c >= numeric_from and c not in text_columns
                right = figure and r >= header_rows
                center = figure and r < header_rows
                cells.append(Paragraph(escape(text), style(size, bold, right, center=center)))
            else:
                cells.append(cell)
        body.append(cells)
    result = Table(body, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), GREY))
    for r in bold_rows:
        commands.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f4f6f8")))
    for r in span_rows:
        commands.append(("SPAN", (0, r), (-1, r)))
    result.setStyle(TableStyle(commands))
    return result


def signature_block(signing_for: str, width: float) -> Flowable:
    """Where and when, who (name and quality, for `signing_for`) and the signature: boxes to
    fill by hand (the model holds none of them), one row high, kept whole on a page."""
    register_fonts()
    heads = ["Lieu et date", f"Signataire, pour {signing_for}", "Signature"]
    blanks = ["Fait à :\n\nLe :", "Nom :\n\nQualité :", ""]
    rows = [[para(text, size=8, bold=True) for text in heads],
            [para(text, size=8) for text in blanks]]
    box = Table(rows, colWidths=[width * 0.3, width * 0.4, width * 0.3],
                rowHeights=[None, 17 * mm], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return KeepTogether([box])


def build(out: Path, story: list[Flowable], *, association: str, document: str, period: str,
          wide: bool = False, status: DocumentStatus | None = None) -> None:
    """Write the PDF, atomically and privately (`private_files`): `association` and
    `period` (the year…) in every page's header, « Établi le … » (`status`, by default
    today's and final) and « Page n sur N » in every footer, « PROVISOIRE » above every
    header of a provisional document.
    Pages are A4 landscape when `wide`, else portrait; a `NextPageTemplate(PORTRAIT or
    LANDSCAPE)` in `story` turns the pages that follow."""
    register_fonts()
    stamp = status or DocumentStatus.today()

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(association, document, period, stamp, *args, **kwargs)

    def template(name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(MARGIN, _BOTTOM, size[0] - 2 * MARGIN, size[1] - _TOP - _BOTTOM,
                      id=name)
        return PageTemplate(id=name, frames=[frame], pagesize=size)

    pages = [template(PORTRAIT, A4), template(LANDSCAPE, landscape(A4))]
    if wide:
        pages.reverse()
    with atomic_path(out) as temporary:
        doc = BaseDocTemplate(
            str(temporary), pagesize=pages[0].pagesize, leftMargin=MARGIN,
            rightMargin=MARGIN, topMargin=_TOP, bottomMargin=_BOTTOM,
            title=f"{document} — {period}" + (f" — {stamp.mark}" if stamp.provisional
                                                else ""), author=association, lang="fr-FR",
            creator="Suivi FSL", producer="Suivi FSL", subject=document,
            displayDocTitle=True, pageTemplates=pages,
        )
        doc.build(story, canvasmaker=canvas_maker)
