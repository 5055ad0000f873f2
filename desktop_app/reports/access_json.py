"""The right-of-access JSON: the household, its measures, its history and its bilans, with
every key in French (docs/echange.md, « Droit d'accès ») and nobody else's data.

`KEYS` is the one place of its keys: the French key of each key of the interchange format
(docs/echange.md) the document reuses, and `DOCUMENT_KEYS`, the keys of its own. Codes are
given as words (« réalisée », not `realisee`); workers, homes and measures as names,
addresses and numbers (`access_names`), never as ids.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop_app.domain.model import Household, Measure
from desktop_app.interchange.measure_json import code, day, measure_to_json, money
from desktop_app.reports.access_names import ACTIONS, AccessNames, field_text, leaf, ordered
from desktop_app.reports.access_notice import Section
from desktop_app.reports.labels import TYPE_NAMES
from desktop_app.store.conflict_text import code_words, value_text
from desktop_app.store.records import AuditEntry, HouseholdAccess

DOCUMENT = "Droit d'accès aux données personnelles (RGPD, article 15)"

#: The French key of each interchange key (docs/echange.md) the document holds.
KEYS: dict[str, str] = {
    # the household and its members
    "reference": "référence", "name": "nom", "address": "adresse",
    "postcode": "code_postal", "city": "commune", "territory": "territoire",
    "territory_other": "autre_territoire", "phone": "téléphone",
    "monthly_resources": "ressources_mensuelles", "members": "membres",
    "birth_date": "date_de_naissance", "role": "rôle",
    # a measure
    "type": "type", "referent": "référent", "decision_date": "date_de_décision",
    "periods": "périodes", "closed_on": "clôturée_le", "exit_reason": "motif_de_sortie",
    "close_reason": "motif_de_clôture", "suspensions": "suspensions", "visits": "visites",
    "reports": "bilans", "notices": "signalements", "contract": "contrat",
    "retroactive": "mesure_rétroactive", "asll_content": "contenu_de_l_asll",
    "agreement_on": "accord_le", "agreement_extensions": "prolongations_de_l_accord",
    "lease_transferred_on": "bail_glissé_le", "failure_claim": "demande_de_prise_en_charge",
    "relay_authorized": "relais_autorisé", "concertation_on": "concertation_le",
    "stays": "séjours", "long_stay_reason": "motif_de_séjour_long",
    "extension": "prolongation", "summoned_on": "convocation_le",
    "hearing_on": "entretien_le", "outcome": "issue", "transmitted_on": "transmis_le",
    "done_on": "réalisé_le",
    # what a measure lists
    "start": "début", "end": "fin", "level": "niveau", "kind": "nature", "reason": "motif",
    "date": "date", "place": "lieu", "worker": "intervenant", "period_end": "fin_de_période",
    "sent_on": "envoyé_le", "signed": "signé", "signed_on": "signé_le",
    "not_signed_on": "non_signé_le", "not_signed_reason": "motif_de_non_signature",
    "new_end": "nouvelle_fin", "departure_on": "départ_le", "unpaid_rent": "loyers_impayés",
    "damage": "dégradations", "eviction": "procédure_d_expulsion", "invoices": "factures",
    "decision": "décision", "decided_on": "décidée_le", "granted": "montant_accordé",
    "home": "logement",
    # a bilan's text
    "measure_id": "mesure", "situation": "situation", "objectives": "objectifs",
    "actions": "actions_menées", "results": "résultats",
    "renewal_request": "demande_de_renouvellement", "updated_at": "modifié_le",
}
#: The keys of the document's own parts: the document, its notice, its measures' numbers
#: and its history.
DOCUMENT_KEYS: tuple[str, ...] = (
    "document", "association", "établi_le", "informations", "titre", "paragraphes",
    "ménage", "mesures", "numéro", "historique", "le", "par", "objet", "action",
    "changements", "champ", "avant", "après", "textes_des_bilans",
)
#: Interchange keys left out: internal ids (the household's, a measure's).
LEFT_OUT = frozenset({"id", "household"})


def french(key: str, value: Any, names: AccessNames) -> Any:
    """`value` (found under the interchange key `key`) with French keys, codes as words and
    ids as names."""
    if isinstance(value, dict):
        return {KEYS.get(k, k): french(k, v, names) for k, v in value.items()
                if k not in LEFT_OUT}
    if isinstance(value, list):
        return [french(key, v, names) for v in value]
    if isinstance(value, str):
        named = names.value(key, value)
        return code_words().get(key, {}).get(named, named)
    return value


def household_json(h: Household, names: AccessNames) -> dict[str, Any]:
    found = {"reference": h.reference, "name": h.name, "address": h.address,
             "postcode": h.postcode, "city": h.city, "territory": code(h.territory),
             "territory_other": h.territory_other, "phone": h.phone,
             "monthly_resources": money(h.monthly_resources),
             "members": [{"name": m.name, "birth_date": day(m.birth_date),
                          "role": m.role.value} for m in h.members]}
    result: dict[str, Any] = french("", found, names)
    return result


def measure_json(m: Measure, names: AccessNames) -> dict[str, Any]:
    """The measure's number, then every key of the format (its type in words)."""
    found: dict[str, Any] = french("", measure_to_json(m), names)
    return {"numéro": names.numbers[m.id], **found, "type": TYPE_NAMES[m.type]}


def _text(key: str, value: Any, names: AccessNames) -> str:
    """A value of the history in French: a list as its items, « ; » between them."""
    if isinstance(value, list):
        return " ; ".join(_text(key, v, names) for v in value) or "(vide)"
    return value_text(names.value(key, value), key)


def entry_json(entry: AuditEntry, names: AccessNames) -> dict[str, Any]:
    return {"le": entry.at.isoformat(), "par": names.profile(entry.profile),
            "objet": names.record(entry), "action": ACTIONS.get(entry.action, entry.action),
            "changements": [{"champ": field_text(path),
                             "avant": _text(leaf(path), before, names),
                             "après": _text(leaf(path), after, names)}
                            for path, (before, after) in entry.changes.items()]}


def notice_json(notice: list[Section]) -> list[dict[str, Any]]:
    return [{"titre": s.title, "paragraphes": list(s.paragraphs)} for s in notice]


def access_json(access: HouseholdAccess, produced_at: datetime, notice: list[Section],
                names: AccessNames) -> dict[str, Any]:
    """The right-of-access document (keys: document, association, établi_le, informations,
    ménage, mesures, historique, textes_des_bilans)."""
    return {
        "document": DOCUMENT,
        "association": access.caseload.association.name,
        "établi_le": produced_at.replace(microsecond=0).isoformat(),
        "informations": notice_json(notice),
        "ménage": household_json(access.caseload.households[0], names),
        "mesures": [measure_json(m, names) for m in ordered(access.caseload.measures)],
        "historique": [entry_json(e, names) for e in access.history],
        "textes_des_bilans": [french("", b, names) for b in access.bilan_texts],
    }
