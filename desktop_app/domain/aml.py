"""AML rules of the convention's AML annex that are not alerts by themselves: the agreement in
principle and its extension by e-mail, the claim after a failure (item 5,
below).

« L'accord de principe est valable 9 mois. Sa durée peut être prolongée par simple mail
adressé au SPSLH ou au SLISL. » Readings: the agreement ends `AGREEMENT_MONTHS` after it was
given (`add_months`: given 15/05/2025, it ends 15/02/2026); an extension counts from the day
its e-mail is sent, only if sent while the agreement is still valid (on or before the end in
force that day: a lapsed agreement is not extended, a new one is asked for); its new end
replaces the old one when later. Several extensions chain in the order they were sent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import AgreementExtension, FailureClaim, Measure, MeasureType
from desktop_app.domain.money import format_eur

#: The AML agreement in principle is valid this many months.
AGREEMENT_MONTHS = 9


def agreement_end(measure: Measure, on: date | None = None) -> date | None:
    """The last day of the agreement in principle as known on `on` (every extension sent on
    or before it; all of them for None), or None without an agreement."""
    if measure.agreement_on is None:
        return None
    end = add_months(measure.agreement_on, AGREEMENT_MONTHS)
    for extension in sorted(measure.agreement_extensions, key=lambda e: (e.sent_on, e.new_end)):
        if on is not None and extension.sent_on > on:
            break
        if extension.sent_on <= end < extension.new_end:
            end = extension.new_end
    return end


def extension_problems(measure: Measure, extension: AgreementExtension) -> dict[str, str]:
    """What is wrong with recording `extension` (field → French message), {} if nothing."""
    agreement = measure.agreement_on
    if agreement is None:
        return {"sent_on": "Indiquez d'abord la date de l'accord de principe (onglet Suivi)."}
    if extension.sent_on < agreement:
        return {"sent_on": f"Le mail est daté d'avant l'accord de principe "
                           f"({format_date(agreement)})."}
    end = agreement_end(measure, extension.sent_on)
    assert end is not None
    if extension.sent_on > end:
        return {"sent_on": f"L'accord de principe a expiré le {format_date(end)} : un mail ne "
                           f"le prolonge que tant qu'il est valable ; demandez un nouvel "
                           f"accord."}
    if extension.new_end <= end:
        return {"new_end": f"La nouvelle fin doit être après la fin actuelle de l'accord "
                           f"({format_date(end)})."}
    return {}


# --- « L'échec de la mesure » (item 5) ---------------------------------------------------
# « Lorsque le bail n'a pas glissé et que l'association supporte soit un impayé de loyer soit
# des dégradations au sein du logement, celle-ci peut solliciter une prise en charge de ces
# frais dans la limite de 2 500 €. […] s'il s'avère que l'association a dû mettre en œuvre
# une procédure d'expulsion, une aide de 2 000 € peut être octroyée dans les mêmes
# conditions. La demande de prise en charge est à transmettre au SPSLH dans le mois qui suit
# le départ du sous-locataire. »
# Readings: the 2 500 € cap is for unpaid rent and damage together (« ces frais »); the
# 2 000 € for the eviction procedure is on top of it; « dans le mois qui suit le départ »:
# at the latest the same day of the following month (`add_months`, clamped to the month's
# end): left on 01/03/2026 → due 01/04/2026 (31 days after, on time), 02/04/2026 (32 days
# after) is late; left on 31/01/2026 → due 28/02/2026.

#: Unpaid rent and damage together, at most.
RENT_AND_DAMAGE_CAP = Decimal("2500.00")
#: The eviction procedure, at most, on top of it.
EVICTION_CAP = Decimal("2000.00")


def claim_due(claim: FailureClaim) -> date:
    """The last day to send the claim to the SPSLH: a month after the departure."""
    return add_months(claim.departure_on, 1)


def claim_sent_in_time(claim: FailureClaim) -> bool | None:
    """True/False once sent (on or before `claim_due`), None while not sent."""
    return None if claim.sent_on is None else claim.sent_on <= claim_due(claim)


def claimed_total(claim: FailureClaim) -> Decimal:
    return claim.unpaid_rent + claim.damage + claim.eviction


def claim_problems(measure: Measure, claim: FailureClaim) -> dict[str, str]:
    """What is wrong with `claim` for `measure` (field → French message), {} if nothing."""
    problems: dict[str, str] = {}
    if measure.type is not MeasureType.AML:
        problems["departure_on"] = "La prise en charge de l'échec ne concerne que l'AML."
    elif measure.lease_transferred_on is not None:
        problems["departure_on"] = (
            f"Le bail a glissé au ménage le {format_date(measure.lease_transferred_on)} : la "
            f"mesure n'est pas en échec, il n'y a pas de prise en charge à demander.")
    rent_and_damage = claim.unpaid_rent + claim.damage
    if rent_and_damage > RENT_AND_DAMAGE_CAP:
        problems["damage"] = (
            f"Impayés de loyer et dégradations : {format_eur(rent_and_damage)} demandés, "
            f"la prise en charge est limitée à {format_eur(RENT_AND_DAMAGE_CAP)} au total.")
    if claim.eviction > EVICTION_CAP:
        problems["eviction"] = (f"La procédure d'expulsion est prise en charge dans la "
                                f"limite de {format_eur(EVICTION_CAP)}.")
    if claim.sent_on is not None and claim.sent_on < claim.departure_on:
        problems["sent_on"] = (f"La demande est datée d'avant le départ du sous-locataire "
                               f"({format_date(claim.departure_on)}).")
    if claim.decision is not None and claim.sent_on is None:
        problems["sent_on"] = "Indiquez la date d'envoi de la demande avant sa décision."
    if claim.granted is not None and claim.granted > claimed_total(claim):
        problems["granted"] = (f"Le montant accordé dépasse le montant demandé "
                               f"({format_eur(claimed_total(claim))}).")
    return problems
