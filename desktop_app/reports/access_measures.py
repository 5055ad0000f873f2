"""The measures of the right-of-access PDF: for each one its facts, periods,
suspensions, visits, bilans (and their text), notices and stays, in French."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import (
    DSF_OUTCOMES,
    LEVELS,
    LONG_STAY,
    NOT_SIGNED,
    NOTICE_KINDS,
    OUTCOMES,
    PERIOD_KINDS,
    PLACES,
    REPORT_KINDS,
    RETROACTIVE,
    SUSPENSION_REASONS,
    label,
)
from desktop_app.domain.model import Measure
from desktop_app.domain.reference_lists import exit_text
from desktop_app.reports import pdf
from desktop_app.reports.access_names import AccessNames
from desktop_app.reports.labels import TYPE_NAMES

WIDTH = 210 * mm - 2 * pdf.MARGIN
#: Rows of a list kept on one page with its title.
SHORT = 15
BILAN_PARTS = (("situation", "Situation"), ("objectives", "Objectifs"),
               ("actions", "Actions menées"), ("results", "Résultats"),
               ("renewal_request", "Demande de renouvellement"))


def facts_table(rows: list[tuple[str, str]]) -> Flowable:
    return pdf.table([[name, value] for name, value in rows], [58 * mm, WIDTH - 58 * mm],
                     header_rows=0, numeric_from=2, size=9)


def _yes(value: bool) -> str:
    return "oui" if value else "non"


def _facts(m: Measure, names: AccessNames) -> list[tuple[str, str]]:
    rows = [("Référent(e)", names.worker(m.referent)),
            ("Date de décision", format_date(m.decision_date)),
            ("Clôturée le", format_date(m.closed_on)),
            ("Motif de clôture", exit_text(m.exit_reason, m.close_reason))]
    c = m.contract
    if c is not None:
        rows += [("Contrat signé le", format_date(c.signed_on)),
                 ("Contrat envoyé le", format_date(c.sent_on)),
                 ("Contrat non signé le", format_date(c.not_signed_on)),
                 ("Motif de non-signature", label(NOT_SIGNED, c.not_signed_reason))]
    rows += [("Mesure rétroactive", label(RETROACTIVE, m.retroactive)),
             ("Accord (AML) le", format_date(m.agreement_on)),
             ("Glissement du bail le", format_date(m.lease_transferred_on)),
             ("Concertation le", format_date(m.concertation_on)),
             ("Motif de séjour long", label(LONG_STAY, m.long_stay_reason)),
             ("Convocation (DSF) le", format_date(m.summoned_on)),
             ("Entretien le", format_date(m.hearing_on)),
             ("Issue du DSF", label(DSF_OUTCOMES, m.outcome)),
             ("Transmis le", format_date(m.transmitted_on)),
             ("Réalisé le", format_date(m.done_on))]
    if m.relay_authorized:
        rows.append(("Relais autorisé", _yes(True)))
    if m.extension:
        rows.append(("Prolongation", _yes(True)))
    return [(name, value) for name, value in rows if value]


def _list(title: str, head: list[str], rows: list[list[str]],
          widths: list[float]) -> list[Flowable]:
    if not rows:
        return []
    scale = WIDTH / sum(widths)
    parts: list[Flowable] = [pdf.para(title, size=9.5, bold=True, space=5),
                             pdf.table([head, *rows], [w * scale for w in widths],
                                       numeric_from=len(head))]
    # A short list stays with its title; a long one starts on the page (it splits by rows).
    return [KeepTogether(parts)] if len(rows) <= SHORT else parts


def measure_story(m: Measure, names: AccessNames,
                  bilans: list[dict[str, Any]]) -> list[Flowable]:
    story: list[Flowable] = [KeepTogether([
        pdf.heading(f"Mesure {names.numbers[m.id]} — {TYPE_NAMES[m.type]}"),
        facts_table(_facts(m, names))])]
    story += _list("Périodes", ["Du", "Au", "Niveau", "Nature"], [
        [format_date(p.start), format_date(p.end), label(LEVELS, p.level),
         label(PERIOD_KINDS, p.kind)] for p in sorted(m.periods, key=lambda p: p.start)],
        [1, 1, 1, 1.4])
    story += _list("Suspensions", ["Du", "Au", "Motif"], [
        [format_date(s.start), format_date(s.end) or "en cours",
         label(SUSPENSION_REASONS, s.reason)] for s in m.suspensions], [1, 1, 2])
    story += _list("Visites et contacts", ["Date", "Résultat", "Lieu", "Par"], [
        [format_date(v.date), label(OUTCOMES, v.outcome), label(PLACES, v.place),
         names.worker(v.worker or m.referent)]
        for v in sorted(m.visits, key=lambda v: v.date)], [1, 1.5, 1.2, 1.6])
    story += _list("Bilans", ["Bilan", "Fin de période", "Envoyé le", "Signé"], [
        [label(REPORT_KINDS, r.kind), format_date(r.period_end), format_date(r.sent_on),
         _yes(r.signed)] for r in sorted(m.reports, key=lambda r: r.period_end)],
        [1.6, 1, 1, 0.6])
    story += _list("Signalements", ["Objet", "Envoyé le"], [
        [label(NOTICE_KINDS, n.kind), format_date(n.sent_on)] for n in m.notices], [3, 1])
    story += _list("Séjours en logement ALT", ["Logement", "Du", "Au"], [
        [names.value("home", s.home), format_date(s.start), format_date(s.end) or "en cours"]
        for s in m.stays], [3, 1, 1])
    if m.dsf_content is not None:  # what the DSF says (décret n° 2021-8), field by field
        from desktop_app.reports.dsf_document import content_rows

        story.append(KeepTogether([pdf.para("Contenu du diagnostic", size=9.5, bold=True,
                                            space=5),
                                   facts_table(content_rows(m.dsf_content))]))
    for bilan in bilans:
        story.append(pdf.para(f"Texte du {label(REPORT_KINDS, bilan['kind']).lower()} "
                              f"(période finissant le {_iso_date(bilan['period_end'])})",
                              size=9.5, bold=True, space=5))
        for key, title in BILAN_PARTS:  # paragraphs, not table cells: a long text may split
            if bilan.get(key):
                story += [pdf.para(title, size=9, bold=True, space=2),
                          pdf.para(str(bilan[key]), size=9)]
    return story


def _iso_date(text: str) -> str:
    from datetime import date

    return format_date(date.fromisoformat(text[:10]))
