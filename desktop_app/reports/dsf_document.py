"""The DSF (diagnostic social et financier) as the document sent to the SLISL: the parts of
the décret n° 2021-8 du 5 janvier 2021 (article 2) in its order, filled in from the
measure's content (`DsfContent`) and the household, « Établi le JJ/MM/AAAA » and the
writer's signature (PDF: `dsf_pdf`).

A diagnostic that still misses a required part (`missing_for_sending`) is not printed: the
French message names what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.dsf_content import LABELS, DsfContent, missing_for_sending
from desktop_app.domain.file_names import reference_part
from desktop_app.domain.fr import format_date
from desktop_app.domain.indicators.profile import composition
from desktop_app.domain.labels import DSF_OUTCOMES
from desktop_app.domain.model import Caseload, Household, Measure, MeasureType
from desktop_app.domain.money import format_eur
from desktop_app.reports.bilan import DIPLOMAS

TITLE = "Diagnostic social et financier"
SUBTITLE = ("Procédure d'expulsion locative — contenu fixé par le décret n° 2021-8 du "
            "5 janvier 2021 (article 2)")
NOT_FILLED = "Non renseigné."
YES, NO = "Oui", "Non"

#: (heading, rows or text): a part is either label/value rows or a paragraph of text.
Part = tuple[str, list[tuple[str, str]] | str]


class DsfNotReadyError(ValueError):
    """The diagnostic cannot be printed yet (said in French: what is missing)."""


@dataclass(frozen=True, slots=True)
class DsfDocument:
    association: str
    reference: str
    household_name: str
    #: The procedure: assignation, audience, diagnostic, SLISL.
    procedure: list[tuple[str, str]]
    parts: list[Part]
    writer: str
    made_on: date
    #: « audience du JJ/MM/AAAA » (the pages' header names the hearing it is for).
    hearing: str


def file_name(reference: str, made_on: date) -> str:
    """« diagnostic-<référence FSL>-<AAAA-MM-JJ>.pdf », the reference kept to letters
    without accents, digits and dashes (a folder separator never gets in)."""
    return f"diagnostic-{reference_part(reference) or 'sans-reference'}-{made_on.isoformat()}.pdf"


def dsf_document(caseload: Caseload, measure_id: str, made_on: date) -> DsfDocument:
    """The document of the DSF `measure_id` established on `made_on`; `DsfNotReadyError`
    (French) for a measure that is not a DSF or a content still incomplete."""
    measure = next((m for m in caseload.measures if m.id == measure_id), None)
    if measure is None or measure.type is not MeasureType.DSF:
        raise DsfNotReadyError("Seul un DSF s'imprime comme diagnostic social et financier.")
    content = measure.dsf_content
    missing = missing_for_sending(content)
    if content is None or missing:
        raise DsfNotReadyError("Le diagnostic ne peut pas encore être imprimé : à compléter "
                               "dans l'onglet « Contenu du diagnostic » : "
                               + " ; ".join(missing) + ".")
    household = next((h for h in caseload.households if h.id == measure.household),
                     Household(measure.household, "(ménage inconnu)"))
    reference = household.reference or "(sans référence)"
    return DsfDocument(
        association=caseload.association.name, reference=reference,
        household_name=household.name, procedure=_procedure(measure),
        parts=_parts(caseload, measure, household, content), writer=content.writer,
        made_on=made_on, hearing=(f"audience du {format_date(measure.hearing_on)}"
                                  if measure.hearing_on else "audience non renseignée"))


def document_household(caseload: Caseload, measure_id: str) -> str:
    return next(m.household for m in caseload.measures if m.id == measure_id)


def _procedure(measure: Measure) -> list[tuple[str, str]]:
    def day(value: date | None) -> str:
        return format_date(value) if value else "non renseignée"

    outcome = DSF_OUTCOMES[measure.outcome] if measure.outcome else "non renseigné"
    return [("Assignation en résiliation du bail", day(measure.summoned_on)),
            ("Audience", day(measure.hearing_on)),
            ("Diagnostic réalisé le", day(measure.done_on)),
            ("Résultat", outcome)]


def _text(value: str) -> str:
    return value.strip() or NOT_FILLED


def _parts(caseload: Caseload, measure: Measure, household: Household,
           c: DsfContent) -> list[Part]:
    worker = next((w for w in caseload.workers if w.id == measure.referent), None)
    place = " ".join(x for x in (household.postcode, household.city) if x)
    address = ", ".join(x for x in (household.address, place) if x) or "non renseignée"
    people = len(household.members)
    writer: list[tuple[str, str]] = [("Nom et fonction", c.writer),
                                     ("Organisme", caseload.association.name)]
    if worker is not None and worker.name in c.writer:
        writer.append(("Diplôme", DIPLOMAS[worker.diploma]))
    parts: list[Part] = [
        ("1. Rédacteur du diagnostic", writer),
        ("2. Présence du locataire",
         [("Le locataire était présent lors du diagnostic", YES if c.tenant_present else NO)]),
        ("3. Transmission obligatoire au locataire et au bailleur", [
            ("Transmis au locataire le", format_date(c.sent_to_tenant_on)
             if c.sent_to_tenant_on else "pas encore transmis"),
            ("Transmis au bailleur le", format_date(c.sent_to_landlord_on)
             if c.sent_to_landlord_on else "pas encore transmis")]),
        ("4. Identité et situation familiale du locataire", [
            ("Ménage", household.name), ("Référence FSL", household.reference or
                                         "(sans référence)"),
            ("Adresse", address),
            ("Composition", composition(household)
             + (f" ({people} personne{'s' * (people > 1)})" if people else "")),
            ("Situation familiale", _text(c.family_situation))]),
        ("5. Accompagnement social, juridique et judiciaire", _text(c.social_support)),
        ("6. Situation locative", _text(c.rental_situation)),
        ("7. Dette locative", [("Montant de la dette locative",
                                format_eur(c.rent_debt) if c.rent_debt is not None
                                else NOT_FILLED)]),
        ("8. Dispositifs de traitement de la dette", _text(c.debt_treatment)),
        ("9. Reprise du paiement du loyer",
         [("Le paiement du loyer a repris", YES if c.rent_resumed else NO)]),
        ("10. Capacité de remboursement", _text(c.repayment_capacity)),
        ("11. Préconisations et observations du travailleur social",
         _text(c.recommendations)),
    ]
    relevant: list[tuple[str, str]] = [
        ("Observations écrites du rédacteur, du locataire ou du bailleur",
         c.observations.strip() or "Aucune."),
        ("Besoin de relogement", YES if c.rehousing_needed else NO)]
    if c.rehousing_needed:
        relevant.append(("Démarches engagées", _text(c.rehousing_steps)))
    relevant.append(("Saisine de la CCAPEX", YES if c.ccapex_referred else NO))
    if c.ccapex_referred:
        relevant.append(("Préconisations de la CCAPEX", _text(c.ccapex_recommendations)))
    parts.append(("12. Le cas échéant", relevant))
    parts.append(("Suites données au diagnostic", [
        ("Demande d'accompagnement complétée (accord du ménage)",
         YES if c.support_requested else NO),
        ("Signalement du logement sur la plateforme « Signal logement »",
         YES if c.housing_signal else NO)]))
    return parts


def content_rows(content: DsfContent) -> list[tuple[str, str]]:
    """Every field of the content as (French name, value), in the décret's order, the empty
    ones left out (the right-of-access export lists what is recorded)."""
    rows: list[tuple[str, str]] = []
    for name, label in LABELS.items():
        value = getattr(content, name)
        if isinstance(value, bool):
            text = YES if value else NO
        elif isinstance(value, date):
            text = format_date(value)
        elif isinstance(value, Decimal):
            text = format_eur(value)
        else:
            text = (value or "").strip()
        if text:
            rows.append((label, text))
    return rows


def write_dsf(caseload: Caseload, measure_id: str, folder: Path, made_on: date,
              name: str | None = None) -> Path:
    """Write the DSF's document in `folder` (created if missing) as `name` (default
    `file_name`), atomically and privately (0600); the path written."""
    from desktop_app.private_files import private_folder
    from desktop_app.reports.dsf_pdf import dsf_pdf

    document = dsf_document(caseload, measure_id, made_on)
    household = next((h for h in caseload.households if h.id == document_household(
        caseload, measure_id)), None)
    default = file_name(household.reference if household and household.reference else "",
                        made_on)
    out = private_folder(Path(folder)) / (name or default)
    dsf_pdf(document, out)
    return out
