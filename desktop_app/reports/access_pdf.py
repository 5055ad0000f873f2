"""The right-of-access PDF (GDPR art. 15): a readable French document of everything
about one household — identity, members, measures with their periods, visits, bilans and
notices, and the history of changes — with the association's name and « Page n sur N » on
every page (`pdf.build`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import ROLES, label
from desktop_app.domain.money import format_eur
from desktop_app.domain.reference_lists import territory_text
from desktop_app.reports import pdf
from desktop_app.reports.access_measures import WIDTH, facts_table, measure_story
from desktop_app.reports.access_names import ACTIONS, AccessNames, field_text, leaf, ordered
from desktop_app.reports.access_notice import TITLE, Section
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.store.conflict_text import value_text
from desktop_app.store.records import AuditEntry, HouseholdAccess

#: Characters of a value shown in the history (a bilan's whole text is in its own section
#: and in the JSON; a table cell cannot be split across pages).
SHOWN = 160
#: Changed fields listed per entry of the history.
LINES = 10


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN].rstrip() + "…"


def _change(path: str, before: Any, after: Any, names: AccessNames) -> str:
    key = leaf(path)
    if isinstance(before, list) or isinstance(after, list):
        return f"{field_text(path)} : modifié"
    before, after = names.value(key, before), names.value(key, after)
    return (f"{field_text(path)} : « {_short(value_text(before, key))} » → "
            f"« {_short(value_text(after, key))} »")


def _changes(entry: AuditEntry, names: AccessNames) -> str:
    """One line per field, at most `LINES` (the JSON file has them all)."""
    lines = [_change(k, b, a, names) for k, (b, a) in entry.changes.items() if k != "source"]
    if len(lines) > LINES:
        lines = [*lines[:LINES], f"… et {len(lines) - LINES} autre(s) changement(s) (voir le "
                                 "fichier JSON)"]
    return "\n".join(lines) or "—"


def _history(entries: list[AuditEntry], names: AccessNames) -> list[Flowable]:
    rows = [[f"{format_date(e.at.date())} {e.at:%H:%M}", names.profile(e.profile),
             names.record(e), ACTIONS.get(e.action, e.action), _changes(e, names)]
            for e in entries]
    if not rows:
        return [pdf.para("Aucune modification enregistrée.", size=9)]
    widths = [24 * mm, 24 * mm, 30 * mm, 24 * mm]
    return [pdf.table([["Date", "Par", "Objet", "Action", "Changements"], *rows],
                      [*widths, WIDTH - sum(widths)], numeric_from=5, size=7.5)]


def _identity(access: HouseholdAccess) -> list[tuple[str, str]]:
    h = access.caseload.households[0]
    money = "" if h.monthly_resources is None else format_eur(h.monthly_resources)
    rows = [("Nom", h.name), ("Référence du dossier", h.reference or ""),
            ("Adresse", h.address or ""), ("Code postal", h.postcode or ""),
            ("Commune", h.city or ""),
            ("Territoire", territory_text(h.territory, h.territory_other)),
            ("Téléphone", h.phone or ""), ("Ressources mensuelles", money)]
    return [(name, value or "(non renseigné)") for name, value in rows]


def notice_story(notice: list[Section]) -> list[Flowable]:
    """The notice (purposes, recipients, keeping, rights, CNIL): each part kept whole."""
    story: list[Flowable] = []
    for number, section in enumerate(notice):
        heading = [pdf.heading(TITLE)] if number == 0 else []  # never alone at a page's foot
        story.append(KeepTogether([
            *heading, pdf.para(section.title, size=9.5, bold=True, space=5),
            *(pdf.para(text, size=9, space=2) for text in section.paragraphs)]))
    return story


def access_pdf(access: HouseholdAccess, out: Path, produced_at: datetime,
               notice: list[Section], names: AccessNames) -> None:
    """`names`: how people, homes and measures are named (no id, nobody else's data)."""
    caseload = access.caseload
    household = caseload.households[0]
    association = caseload.association.name or "Association"
    day = format_date(produced_at.date())
    story: list[Flowable] = [
        pdf.title(f"Vos données dans Suivi FSL — {household.name}"),
        pdf.para(f"Document établi le {day} en réponse à une demande d'accès aux données "
                 "personnelles (RGPD, article 15). Il reprend tout ce que "
                 f"{association} conserve sur le ménage dans le logiciel Suivi FSL : "
                 "identité, membres du foyer, mesures d'accompagnement (FSL du "
                 "Pas-de-Calais) et historique des modifications. Pourquoi ces données sont "
                 "traitées, qui les reçoit, combien de temps elles sont conservées et vos "
                 "droits sont dits en fin de document.", size=9.5, space=4),
        pdf.heading("Identité et coordonnées"), facts_table(_identity(access)),
        pdf.heading("Membres du foyer"),
    ]
    members = [[m.name, label(ROLES, m.role), format_date(m.birth_date) or "(non renseignée)"]
               for m in household.members]
    story.append(pdf.table([["Nom", "Rôle", "Date de naissance"], *members],
                           [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25], numeric_from=3)
                 if members else pdf.para("Aucun membre enregistré.", size=9))
    if not caseload.measures:
        story += [pdf.heading("Mesures"), pdf.para("Aucune mesure enregistrée.", size=9)]
    for measure in ordered(caseload.measures):
        texts = [b for b in access.bilan_texts if b["measure_id"] == measure.id]
        story += measure_story(measure, names, texts)
    story += [pdf.heading("Historique des modifications"), *_history(access.history, names)]
    story += notice_story(notice)
    pdf.build(out, story, association=association,
              document=f"Droit d'accès — {household.name}",
              period=f"dossier {household.reference or 'sans référence'}",
              status=DocumentStatus(produced_at.date()))
