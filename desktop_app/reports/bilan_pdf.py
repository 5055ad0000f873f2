"""The bilan to sign, laid out with reportlab (A4 portrait)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop_app.domain.bilan_text import BilanText
from desktop_app.reports import pdf
from desktop_app.reports.bilan import BilanFacts

WIDTH = 210 * mm - 2 * pdf.MARGIN
EMPTY = "(non renseigné)"
NO_RENEWAL = "Pas de demande de renouvellement."


def _facts(rows: list[tuple[str, str]]) -> Table:
    return pdf.table([[label, value] for label, value in rows], [62 * mm, WIDTH - 62 * mm],
                     header_rows=0, numeric_from=2, size=9)


def _signatures(facts: BilanFacts) -> Table:
    heads = ["Le ménage", "Le travailleur social", "Pour l'association"]
    names = [facts.household_name, facts.worker_name, facts.association]
    blank = "Fait à :\nLe :\nSignature :"
    # The association's signatory is not in the model: name and quality written by hand.
    blanks = [blank, blank, "Nom et qualité du signataire :\n" + blank]
    rows = [[pdf.para(h, size=9, bold=True) for h in heads],
            [pdf.para(n, size=8.5) for n in names],
            [pdf.para(b, size=8.5) for b in blanks]]
    table = Table(rows, colWidths=[WIDTH / 3] * 3, rowHeights=[None, None, 32 * mm],
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (0, -1), 0.6, colors.black),
        ("BOX", (1, 0), (1, -1), 0.6, colors.black),
        ("BOX", (2, 0), (2, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def bilan_pdf(facts: BilanFacts, text: BilanText, out: Path) -> None:
    story: list[Flowable] = [
        pdf.title(f"{facts.kind} — {facts.measure_name}"),
        pdf.heading("Le ménage"), _facts(facts.household),
        pdf.heading("La mesure"), _facts(facts.measure),
        pdf.heading("Le suivi de la période"), _facts(facts.followup),
    ]
    sections: list[list[Flowable]] = []
    for heading, body in text.sections():
        if heading == "Demande de renouvellement" and not body.strip():
            body = NO_RENEWAL
        sections.append([pdf.heading(heading), pdf.para(body.strip() or EMPTY, size=9.5)])
    story += [KeepTogether(section) for section in sections[:-1]]
    # The signatures never stand alone on a page: the last section goes with them.
    story.append(KeepTogether([*sections[-1], Spacer(1, 3 * mm), pdf.heading("Signatures"),
                               _signatures(facts)]))
    pdf.build(out, story, association=facts.association,
              document=f"{facts.kind} — {facts.reference}", period=facts.period_text)
