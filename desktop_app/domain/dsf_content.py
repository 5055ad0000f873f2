"""What a DSF (diagnostic social et financier) says: the content fixed by the décret
n° 2021-8 du 5 janvier 2021 (article 2), in its order, and what the convention adds (the
support request and the « Signal logement » report that may follow it).

`content_problems` says in French what is wrong with a content (field → message);
`missing_for_sending` which required parts are still empty before it goes to the SLISL.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from desktop_app.domain.fr import format_date
from desktop_app.domain.limits import MAX_AMOUNT, text_limit, text_problem
from desktop_app.domain.money import format_eur


@dataclass(frozen=True, slots=True)
class DsfContent:
    """The diagnostic, in the décret's order. Empty texts: not filled in."""

    #: Identity of the writer: name and function.
    writer: str = ""
    tenant_present: bool = False
    #: The diagnostic given to the tenant and to the landlord (mandatory).
    sent_to_tenant_on: date | None = None
    sent_to_landlord_on: date | None = None
    #: Tenant's identity and family situation.
    family_situation: str = ""
    #: Social, legal and judicial support already in place.
    social_support: str = ""
    rental_situation: str = ""
    #: The rent debt on the day of the diagnostic (None: not filled in).
    rent_debt: Decimal | None = None
    #: Debt treatment schemes (FSL, plan d'apurement, surendettement…).
    debt_treatment: str = ""
    rent_resumed: bool = False
    repayment_capacity: str = ""
    #: Recommendations and observations of the social worker.
    recommendations: str = ""
    #: Where relevant: written observations of the writer, the tenant or the landlord.
    observations: str = ""
    rehousing_needed: bool = False
    rehousing_steps: str = ""
    ccapex_referred: bool = False
    ccapex_recommendations: str = ""
    #: The household accepted a support measure: the association filled in the request.
    support_requested: bool = False
    #: The worker reported the home on the « Signal logement » platform.
    housing_signal: bool = False


#: French name of each field, as the screen and the document say it.
LABELS: dict[str, str] = {
    "writer": "Rédacteur (nom et fonction)",
    "tenant_present": "Locataire présent lors du diagnostic",
    "sent_to_tenant_on": "Transmis au locataire le",
    "sent_to_landlord_on": "Transmis au bailleur le",
    "family_situation": "Identité et situation familiale du locataire",
    "social_support": "Accompagnement social, juridique et judiciaire",
    "rental_situation": "Situation locative",
    "rent_debt": "Dette locative",
    "debt_treatment": "Dispositifs de traitement de la dette",
    "rent_resumed": "Reprise du paiement du loyer",
    "repayment_capacity": "Capacité de remboursement",
    "recommendations": "Préconisations et observations du travailleur social",
    "observations": "Observations écrites du rédacteur, du locataire ou du bailleur",
    "rehousing_needed": "Besoin de relogement",
    "rehousing_steps": "Démarches engagées pour le relogement",
    "ccapex_referred": "Saisine de la CCAPEX",
    "ccapex_recommendations": "Préconisations de la CCAPEX",
    "support_requested": "Demande d'accompagnement complétée",
    "housing_signal": "Signalement sur la plateforme « Signal logement »",
}

#: The parts every diagnostic needs before it is sent to the SLISL.
REQUIRED = ("writer", "family_situation", "social_support", "rental_situation", "rent_debt",
            "debt_treatment", "repayment_capacity", "recommendations")

TEXT_FIELDS = tuple(f.name for f in fields(DsfContent)
                    if f.type == "str")


def content_problems(content: DsfContent, done_on: date | None) -> dict[str, str]:
    """What is wrong with `content` of a DSF made on `done_on` (field → French message),
    {} if nothing."""
    problems: dict[str, str] = {}
    for name in TEXT_FIELDS:
        problem = text_problem(getattr(content, name), text_limit(name))
        if problem is not None:
            problems[name] = f"{LABELS[name]} : {problem}."
    debt = content.rent_debt
    if debt is not None and debt < 0:
        problems["rent_debt"] = "La dette locative ne peut pas être négative (0 € au moins)."
    elif debt is not None and debt > MAX_AMOUNT:
        problems["rent_debt"] = (f"La dette locative dépasse le plus grand montant accepté "
                                 f"({format_eur(MAX_AMOUNT)}).")
    elif debt is not None and debt != debt.quantize(Decimal("0.01")):
        problems["rent_debt"] = "La dette locative s'écrit au centime près (deux décimales)."
    for name, whom in (("sent_to_tenant_on", "au locataire"),
                       ("sent_to_landlord_on", "au bailleur")):
        sent: date | None = getattr(content, name)
        if sent is None:
            continue
        if done_on is None:
            problems[name] = (f"La transmission {whom} suppose un diagnostic réalisé : "
                              f"indiquez d'abord la date du diagnostic.")
        elif sent < done_on:
            problems[name] = (f"La transmission {whom} ({format_date(sent)}) ne peut pas "
                              f"précéder le diagnostic ({format_date(done_on)}).")
    return problems


def missing_for_sending(content: DsfContent | None) -> list[str]:
    """French names of the parts still to fill in before the diagnostic is sent (in the
    décret's order); [] when it can go."""
    if content is None:
        return [LABELS[name] for name in REQUIRED]
    missing = [name for name in REQUIRED if _empty(getattr(content, name))]
    if content.rehousing_needed and _empty(content.rehousing_steps):
        missing.append("rehousing_steps")
    if content.ccapex_referred and _empty(content.ccapex_recommendations):
        missing.append("ccapex_recommendations")
    order = list(LABELS)
    return [LABELS[name] for name in sorted(missing, key=order.index)]


def is_blank(content: DsfContent) -> bool:
    """Nothing filled in: the same as no content at all."""
    return content == DsfContent()


def without_texts(content: DsfContent) -> DsfContent:
    """The content with its yes/no answers only: what anonymisation keeps (the texts name
    people and places; the debt and the dates would help to find them)."""
    return DsfContent(**{f.name: getattr(content, f.name) for f in fields(DsfContent)
                         if f.type == "bool"})


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
