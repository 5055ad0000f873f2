"""French words for the codes of the model, as the window shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.domain.fr import french_minus
from desktop_app.domain.model import (
    ClaimDecision,
    Diploma,
    DsfOutcome,
    Level,
    LongStayReason,
    MeasureType,
    MemberRole,
    NoticeKind,
    NotSignedReason,
    PeriodKind,
    ReportKind,
    Retroactive,
    SuspensionReason,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.domain.reference_lists import (
    ASLL_CONTENT_LABELS,
    EXIT_LABELS,
    TERRITORY_LABELS,
)

MEASURE_TYPES: dict[MeasureType, str] = {
    MeasureType.ASLL: "ASLL",
    MeasureType.ASLL_DIAG: "Diagnostic ASLL",
    MeasureType.AML: "AML",
    MeasureType.FAL: "FAL",
    MeasureType.DSF: "DSF",
}
MEASURE_TYPE_NAMES: dict[MeasureType, str] = {
    MeasureType.ASLL: "Accompagnement Social Lié au Logement",
    MeasureType.ASLL_DIAG: "Diagnostic ASLL",
    MeasureType.AML: "Aide à la Médiation Locative",
    MeasureType.FAL: "Forfait Annuel Logement",
    MeasureType.DSF: "Diagnostic Social et Financier",
}
DIPLOMAS: dict[Diploma, str] = {
    Diploma.CESF: "CESF",
    Diploma.ASS: "Assistant(e) de service social",
    Diploma.ES: "Éducateur(trice) spécialisé(e)",
    Diploma.AUTRE: "Autre diplôme",
}
ROLES: dict[MemberRole, str] = {
    MemberRole.DEMANDEUR: "Demandeur",
    MemberRole.CONJOINT: "Conjoint(e)",
    MemberRole.ENFANT: "Enfant",
    MemberRole.AUTRE: "Autre",
}
LEVELS: dict[Level, str] = {Level.SIMPLE: "Simple", Level.RENFORCE: "Renforcé"}
PERIOD_KINDS: dict[PeriodKind, str] = {
    PeriodKind.INITIALE: "Initiale",
    PeriodKind.RENOUVELLEMENT: "Renouvellement",
    PeriodKind.EXCEPTIONNELLE: "Exceptionnelle",
}
SUSPENSION_REASONS: dict[SuspensionReason, str] = {
    SuspensionReason.HOSPITALISATION: "Hospitalisation",
    SuspensionReason.INCARCERATION: "Incarcération",
    SuspensionReason.AUTRE: "Autre motif",
}
OUTCOMES: dict[VisitOutcome, str] = {
    VisitOutcome.REALISEE: "Réalisée",
    VisitOutcome.PORTE_CLOSE: "Porte close",
    VisitOutcome.PORTE_CLOSE_JUSTIFIEE: "Porte close justifiée",
    VisitOutcome.ANNULEE: "Annulée",
}
PLACES: dict[VisitPlace, str] = {
    VisitPlace.DOMICILE: "Domicile",
    VisitPlace.BUREAU: "Bureau",
    VisitPlace.TELEPHONE: "Téléphone",
    VisitPlace.AUTRE: "Autre lieu",
}
REPORT_KINDS: dict[ReportKind, str] = {
    ReportKind.INTERMEDIAIRE: "Bilan intermédiaire",
    ReportKind.FINAL: "Bilan final",
}
NOTICE_KINDS: dict[NoticeKind, str] = {
    NoticeKind.PORTES_CLOSES: "Portes closes",
    NoticeKind.INDISPONIBILITE: "Indisponibilité du ménage",
    NoticeKind.AUTRE: "Autre information",
}
NOT_SIGNED: dict[NotSignedReason, str] = {
    NotSignedReason.PORTE_CLOSE: "Portes closes (2 tentatives)",
    NotSignedReason.REFUS: "Refus du ménage",
}
RETROACTIVE: dict[Retroactive, str] = {
    Retroactive.SORTIE_CHRS: "Sortie de CHRS",
    Retroactive.SORTIE_ALT: "Sortie de logement temporaire (ALT)",
    Retroactive.DSF: "Après un DSF",
}
LONG_STAY: dict[LongStayReason, str] = {
    LongStayReason.CADA: "Sortie de CADA",
    LongStayReason.DALO: "Reconnu DALO",
}
DSF_OUTCOMES: dict[DsfOutcome, str] = {
    DsfOutcome.REALISE: "Réalisé, ménage rencontré",
    DsfOutcome.PORTE_CLOSE: "Portes closes",
    DsfOutcome.SANS_RENCONTRE: "Sans rencontre du ménage",
}
#: Reasons a measure ends, territories: their lists are data (`reference_lists`).
EXIT_REASONS = EXIT_LABELS
TERRITORIES = TERRITORY_LABELS
ASLL_CONTENTS = ASLL_CONTENT_LABELS
CLAIM_DECISIONS: dict[ClaimDecision, str] = {
    ClaimDecision.ACCORDEE: "Accordée",
    ClaimDecision.PARTIELLE: "Accordée en partie",
    ClaimDecision.REFUSEE: "Refusée",
}
SEVERITIES: dict[str, str] = {
    "manquement": "Manquements",
    "a_faire": "À faire",
    "a_venir": "À venir",
    "information": "Pour information",
}
SEVERITY_ORDER = ("manquement", "a_faire", "a_venir", "information")
#: Items of the funding lines (docs/echange.md, `points`).
ITEMS: dict[str, str] = {
    "mensuel": "Points du mois",
    "cet_non_signe": "CET non signé",
    "diagnostic": "Diagnostic",
    "fal_accompagnement": "FAL : accompagnement",
    "fal_gestion": "FAL : gestion locative",
    "fal_vacance": "FAL : vacance",
    "dsf": "DSF",
}


def number(value: float) -> str:
    """« 75 », « 37,5 »: a figure without useless decimals, with a French comma."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return french_minus(text.replace(".", ","))


def plural(count: int, word: str) -> str:
    """« 0 point », « 1 point », « 3 points » (French: singular below 2)."""
    return f"{count} {word}{'s' if abs(count) >= 2 else ''}"


def label(table: Mapping[Any, str], code: object | None, empty: str = "") -> str:
    """The French label of `code` in `table`, the code itself if unknown."""
    if code is None:
        return empty
    return table.get(code, str(code))
