"""The DSF sent to the SLISL, laid out with reportlab (A4 portrait, nothing under 7 pt)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop_app.domain.fr import format_date
from desktop_app.reports import pdf
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.dsf_document import SUBTITLE, TITLE, DsfDocument

WIDTH = 210 * mm - 2 * pdf.MARGIN
LABEL = 70 * mm


def _rows(rows: list[tuple[str, str]]) -> Table:
    return pdf.table([[label, value] for label, value in rows], [LABEL, WIDTH - LABEL],
                     header_rows=0, numeric_from=2, size=9)


def _signature(document: DsfDocument) -> Table:
    rows = [[pdf.para("Le rédacteur du diagnostic", size=9, bold=True)],
            [pdf.para(document.writer, size=9)],
            [pdf.para(f"Établi le {format_date(document.made_on)}\n\nSignature :", size=9)]]
    table = Table(rows, colWidths=[WIDTH / 2], rowHeights=[None, None, 32 * mm],
                  hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def dsf_pdf(document: DsfDocument, out: Path) -> None:
    story: list[Flowable] = [
        pdf.title(f"{TITLE} — {document.household_name}"),
        pdf.para(SUBTITLE, size=9),
        pdf.para(f"Établi le {format_date(document.made_on)} par {document.association}, "
                 f"pour le SLISL. Référence FSL : {document.reference}.", size=9, space=4),
        pdf.heading("La procédure"), _rows(document.procedure),
    ]
    for heading, body in document.parts:
        block = _rows(body) if isinstance(body, list) else pdf.para(body, size=9.5)
        story.append(KeepTogether([pdf.heading(heading), block]))
    story.append(KeepTogether([Spacer(1, 6 * mm), _signature(document)]))
    pdf.build(out, story, association=document.association,
              document=f"{TITLE} — {document.reference}",
              period=document.hearing, status=DocumentStatus(document.made_on))
