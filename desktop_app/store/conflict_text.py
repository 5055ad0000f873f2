"""The conflicts of a merge said in French, one line per differing field:
« Ménage h12 (DUPONT Jean) : téléphone « 0601020304 » ici, « 0701020304 » dans le fichier ».

Values are the interchange JSON's: dates are shown « 15/10/2025 », amounts « 1 234,50 € »,
true/false « oui »/« non », empty « (vide) ». For a list (visits, periods, members…) the
line gives how many there are on each side and the items found on one side only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from desktop_app.domain.fr import format_date
from desktop_app.domain.money import format_eur

FIELDS = {
    "reference": "référence", "name": "nom", "address": "adresse", "postcode": "code postal",
    "city": "commune", "territory": "territoire", "phone": "téléphone",
    "territory_other": "autre territoire", "exit_reason": "motif de sortie",
    "asll_content": "contenu de l'ASLL",
    "agreement_extensions": "prolongations de l'accord de principe",
    "new_end": "nouvelle fin", "failure_claim": "demande de prise en charge (échec AML)",
    "dsf_content": "contenu du diagnostic",
    "monthly_resources": "ressources mensuelles", "members": "membres",
    "diploma": "diplôme", "fte": "ETP", "vacancies": "périodes de vacance",
    "household": "ménage", "type": "type de mesure", "referent": "référent",
    "decision_date": "date de décision", "periods": "périodes", "closed_on": "clôture",
    "close_reason": "motif de clôture", "suspensions": "suspensions", "visits": "visites",
    "reports": "bilans", "notices": "signalements", "contract": "contrat",
    "retroactive": "rétroactivité", "agreement_on": "date d'accord",
    "lease_transferred_on": "date de glissement du bail", "relay_authorized": "relais autorisé",
    "concertation_on": "date de concertation", "stays": "séjours",
    "long_stay_reason": "motif de séjour long", "extension": "prolongation",
    "summoned_on": "date de convocation", "hearing_on": "date d'entretien",
    "outcome": "issue", "transmitted_on": "date de transmission", "done_on": "date de réalisation",
    # children and bilans (the audit trail's paths: `visits[3].date`, `signed_on`…)
    "date": "date", "place": "lieu", "worker": "intervenant", "start": "début", "end": "fin",
    "level": "niveau", "kind": "nature", "reason": "motif", "period_end": "fin de période",
    "sent_on": "envoi", "signed": "signé", "signed_on": "signature", "home": "logement",
    "situation": "situation", "objectives": "objectifs", "actions": "actions menées",
    "results": "résultats", "renewal_request": "demande de renouvellement",
    "birth_date": "date de naissance", "role": "rôle", "not_signed_on": "non signé le",
    "not_signed_reason": "motif de non-signature", "justified": "justifiée",
}


@cache
def code_words() -> dict[str, dict[str, str]]:
    """Field → {code: French word}: the window's words (`desktop_app.domain.labels`, plain
    Python without Qt), in lower case."""
    from desktop_app.domain import labels as w

    tables: dict[str, tuple[Mapping[Any, str], ...]] = {
        "outcome": (w.OUTCOMES, w.DSF_OUTCOMES), "place": (w.PLACES,), "level": (w.LEVELS,),
        "kind": (w.PERIOD_KINDS, w.REPORT_KINDS, w.NOTICE_KINDS),
        "reason": (w.SUSPENSION_REASONS,), "role": (w.ROLES,), "diploma": (w.DIPLOMAS,),
        "not_signed_reason": (w.NOT_SIGNED,), "retroactive": (w.RETROACTIVE,),
        "long_stay_reason": (w.LONG_STAY,), "exit_reason": (w.EXIT_REASONS,),
        "territory": (w.TERRITORIES,), "asll_content": (w.ASLL_CONTENTS,),
    }
    found: dict[str, dict[str, str]] = {}
    for key, maps in tables.items():
        words: dict[str, str] = {}
        for table in maps:
            for code, word in table.items():
                words.setdefault(str(code.value), word.lower())
        found[key] = words
    return found


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONEY = re.compile(r"-?\d+\.\d{2}")
#: Items of a list shown on each side; the others are counted.
ITEMS_SHOWN = 4


def value_text(value: Any, key: str = "") -> str:
    """A JSON value in French."""
    if value is None or value == "":
        return "(vide)"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str) and key in code_words():
        return code_words()[key].get(value, value)
    if isinstance(value, str) and _ISO.fullmatch(value):
        return format_date(date.fromisoformat(value))
    if isinstance(value, str) and key == "monthly_resources" and _MONEY.fullmatch(value):
        return format_eur(Decimal(value))
    if isinstance(value, dict):
        return " ".join(value_text(v, k) for k, v in value.items() if v not in (None, False))
    return str(value).replace(".", ",") if isinstance(value, float) else str(value)


def record_label(kind: str, record: dict[str, Any]) -> str:
    i = record["id"]
    if kind == "household":
        return f"Ménage {i} ({record['name']})"
    if kind == "measure":
        return f"Mesure {i} ({record['type']} du ménage {record['household']})"
    if kind == "worker":
        return f"Intervenant {i} ({record['name']})"
    return f"Logement ALT {i} ({record['address']})"


def _list_text(mine: list[Any], theirs: list[Any]) -> str:
    def items(side: list[Any], other: list[Any]) -> str:
        only = [value_text(item) for item in side if item not in other]
        shown = ", ".join(f"« {text} »" for text in only[:ITEMS_SHOWN])
        return shown + (f" et {len(only) - ITEMS_SHOWN} autre(s)"
                        if len(only) > ITEMS_SHOWN else "")

    here, there = items(mine, theirs), items(theirs, mine)
    text = f"{len(mine)} ici, {len(theirs)} dans le fichier"
    if here:
        text += f" ; seulement ici : {here}"
    if there:
        text += f" ; seulement dans le fichier : {there}"
    return text


def conflict_lines(kind: str, mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """One line per field whose value differs (the record's own fields, in file order)."""
    label = record_label(kind, mine)
    lines = []
    for key, value in mine.items():
        other = theirs.get(key)
        if value == other:
            continue
        field = FIELDS.get(key, key)
        if isinstance(value, list) and isinstance(other, list):
            lines.append(f"{label} : {field} : {_list_text(value, other)}")
        else:
            lines.append(f"{label} : {field} « {value_text(value, key)} » ici, "
                         f"« {value_text(other, key)} » dans le fichier")
    return lines
