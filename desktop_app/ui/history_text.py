"""The audit trail in French words: which record, which action, what changed.

The store keeps each change as interchange paths and JSON values (`visits[4].date`,
"2025-09-12"); the household file shows « Visite 5 — Date : 05/07/2025 → 06/07/2025 »,
« Personne 2 retirée : DURAND Léo, 01/06/2015, Enfant ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop_app.domain import labels as L
from desktop_app.domain.dsf_content import LABELS as DSF_LABELS
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.domain.model import Measure
from desktop_app.domain.money import format_eur
from desktop_app.store.records import AuditEntry

FIELDS: dict[str, str] = {
    "id": "Identifiant", "name": "Nom", "reference": "Référence FSL", "address": "Adresse",
    "postcode": "Code postal", "city": "Commune", "territory": "Territoire",
    "territory_other": "Autre territoire", "exit_reason": "Motif de sortie",
    "asll_content": "Contenu de l'ASLL",
    "agreement_extensions": "Prolongation de l'accord de principe",
    "alert": "Alerte", "due": "Échéance", "treated_reason": "Motif",
    "new_end": "Nouvelle fin", "failure_claim": "Demande de prise en charge (échec AML)",
    "departure_on": "Départ du sous-locataire", "unpaid_rent": "Impayés de loyer",
    "damage": "Dégradations", "eviction": "Procédure d'expulsion", "invoices": "Factures",
    "decision": "Décision", "decided_on": "Décidée le", "granted": "Montant accordé",
    "phone": "Téléphone", "monthly_resources": "Ressources mensuelles", "members": "Personne",
    "birth_date": "Date de naissance", "role": "Lien", "household": "Ménage",
    "type": "Type de mesure", "referent": "Référent(e)", "decision_date": "Date de décision",
    "periods": "Période", "start": "Début", "end": "Fin", "level": "Niveau", "kind": "Type",
    "closed_on": "Clôturée le", "close_reason": "Motif de clôture",
    "suspensions": "Suspension", "reason": "Motif", "visits": "Visite", "date": "Date",
    "outcome": "Résultat", "place": "Lieu", "worker": "Intervenant(e)", "reports": "Bilan",
    "period_end": "Fin de la période", "sent_on": "Envoyé le", "signed": "Signé",
    "notices": "Information", "contract": "Contrat", "signed_on": "Signé le",
    "not_signed_on": "Impossible à signer, constaté le", "not_signed_reason": "Motif",
    "retroactive": "Financement rétroactif", "agreement_on": "Accord de principe le",
    "lease_transferred_on": "Bail glissé le", "relay_authorized": "Relais autorisé",
    "concertation_on": "Concertation le", "stays": "Séjour", "home": "Logement",
    "long_stay_reason": "Séjour long", "extension": "Prolongation exceptionnelle",
    "summoned_on": "Assignation le", "hearing_on": "Audience le",
    "transmitted_on": "Transmis au SLISL le", "done_on": "Réalisé le",
    "situation": "Situation", "objectives": "Objectifs", "actions": "Actions menées",
    "results": "Résultats", "renewal_request": "Demande de renouvellement",
    "source": "Fichier", "archived_on": "Archivé le",
}
# the content of a DSF: its parts under their French names (`dsf_content.LABELS`)
FIELDS.update({"dsf_content": "Contenu du diagnostic", **DSF_LABELS})
#: Lists whose entries are feminine words (« Visite 3 ajoutée »).
FEMININE = frozenset({"members", "periods", "suspensions", "visits", "notices",
                       "agreement_extensions"})
CODES: dict[str, Mapping[Any, str]] = {
    "role": L.ROLES, "level": L.LEVELS, "reason": L.SUSPENSION_REASONS,
    "kind": {**L.PERIOD_KINDS, **L.REPORT_KINDS, **L.NOTICE_KINDS},
    "outcome": {**L.DSF_OUTCOMES, **L.OUTCOMES}, "place": L.PLACES,
    "not_signed_reason": L.NOT_SIGNED, "retroactive": L.RETROACTIVE,
    "long_stay_reason": L.LONG_STAY, "type": L.MEASURE_TYPES, "diploma": L.DIPLOMAS,
    "exit_reason": L.EXIT_REASONS, "territory": L.TERRITORIES,
    "asll_content": L.ASLL_CONTENTS, "decision": L.CLAIM_DECISIONS,
}
MONEY = frozenset({"monthly_resources", "unpaid_rent", "damage", "eviction", "granted",
                   "rent_debt"})
WORKERS = frozenset({"referent", "worker", "replacement"})
ACTIONS: dict[str, str] = {
    "create": "Création", "update": "Modification", "delete": "Suppression",
    "import": "Import d'un fichier", "undo": "Import annulé", "merge": "Fusion d'un dossier",
    "archive": "Archivage", "anonymise": "Anonymisation",
    "treat": "Alerte marquée traitée",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")

Names = Callable[[str], str]


def measure_name(measure: Measure) -> str:
    """« ASLL débutée le 01/07/2025 » (its first period; « ASLL » when it has none)."""
    first = min((p.start for p in measure.periods), default=measure.decision_date)
    kind = MEASURE_TYPES[measure.type]
    return f"{kind} débutée le {format_date(first)}" if first else kind


def record_label(entry: AuditEntry, measure_types: Mapping[str, str]) -> str:
    """« Ménage », « Mesure ASLL débutée le 01/07/2025 », « Bilan final de la mesure ASLL
    débutée le 01/07/2025 »…: `measure_types` names each measure of the household as its
    worker knows it, never by its internal id."""
    kind, record_id = entry.record_kind, entry.record_id or ""
    if kind == "household":
        return "Ménage"
    if kind == "measure":
        return f"Mesure {measure_types.get(record_id, '')}".rstrip()
    if kind == "alert":
        return "Alerte"
    if kind == "bilan":
        measure_id, _, rest = record_id.partition("/")
        report = L.label(L.REPORT_KINDS, rest.partition("/")[0], "Bilan")
        return f"{report} de la mesure {measure_types.get(measure_id, '')}".rstrip()
    return kind.capitalize()


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def change_lines(entry: AuditEntry, names: Names) -> list[str]:
    """One French line per changed field."""
    whole = entry.action != "update"
    return [_line(path, before, after, names, whole)
            for path, (before, after) in entry.changes.items()]


def _line(path: str, before: Any, after: Any, names: Names, whole: bool) -> str:
    steps = _STEP.findall(path)
    label = " — ".join(FIELDS.get(key, key) + (f" {int(index) + 1}" if index else "")
                       for key, index in steps)
    last, index = steps[-1] if steps else (path, "")
    if index and (before is None) != (after is None):
        ending = "e" if last in FEMININE else ""
        if before is None:
            return f"{label} ajouté{ending} : {value_text(last, after, names)}"
        return f"{label} retiré{ending} : {value_text(last, before, names)}"
    if whole and before is None:
        return f"{label} : {value_text(last, after, names)}"
    return f"{label} : {value_text(last, before, names)} → {value_text(last, after, names)}"


def value_text(key: str, value: Any, names: Names) -> str:
    """A JSON value as the window shows it (dates, amounts, codes, workers in French)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, dict):
        return ", ".join(value_text(k, v, names) for k, v in value.items()
                         if v is not None and v is not False and k != "id") or "—"
    if isinstance(value, list):
        return ", ".join(value_text(key, v, names) for v in value) or "—"
    if key in CODES:
        return L.label(CODES[key], value)
    if key in WORKERS:
        return names(str(value))
    if key in MONEY:
        try:
            return format_eur(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return format_date(date.fromisoformat(value))
    if isinstance(value, float):
        return L.number(value)
    return str(value)
