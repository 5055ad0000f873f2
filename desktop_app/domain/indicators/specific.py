"""What the SPSLH asks of one measure type only: AML leases, FAL exits, DSF outcomes."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import timedelta

from desktop_app.domain.alerts.deadlines import DSF_DAYS_BEFORE_HEARING
from desktop_app.domain.aml import claim_sent_in_time
from desktop_app.domain.funding.dsf import asll_by_household, payment_of
from desktop_app.domain.indicators.activity import span_in_year
from desktop_app.domain.indicators.model import AmlIndicators, DsfIndicators, FalIndicators
from desktop_app.domain.model import Caseload, DsfOutcome, ExitReason, Measure, MeasureType
from desktop_app.domain.reference_lists import HOUSING_EXITS
from desktop_app.domain.tariffs import default_tariffs

#: Words of a closing reason that mean the household left for an ordinary home (the close
#: reason is free text; accents and case are ignored).
HOUSING_WORDS = ("logement autonome", "droit commun", "relog", "parc social", "parc prive",
                 "logement ordinaire", "logement social", "logement prive", "logement perenne")
NOT_MET = "Informations recueillies sans rencontrer le ménage"
FOLLOWED_IN_ASLL = "Ménage suivi en ASLL par l'association"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_exit_to_housing(reason: str | None) -> bool:
    """A closing reason that says the household moved to ordinary housing."""
    return reason is not None and any(word in _plain(reason) for word in HOUSING_WORDS)


def is_housing_exit(measure: Measure) -> bool:
    """Social or private rehousing; or « autre » whose text says ordinary housing (« Sortie
    vers un logement ordinaire », typed before the list: neither social nor private)."""
    if measure.exit_reason is ExitReason.AUTRE:
        return is_exit_to_housing(measure.close_reason)
    return measure.exit_reason in HOUSING_EXITS


def _ended_in(measure: Measure, year: int) -> bool:
    span = span_in_year(measure, year)
    return span is not None and span[1].year == year


def aml_indicators(measures: list[Measure], year: int) -> AmlIndicators:
    result = AmlIndicators()
    for measure in measures:
        if measure.agreement_on is not None and measure.agreement_on.year == year:
            result.agreements += 1
        transferred = measure.lease_transferred_on
        if transferred is not None and transferred.year == year:
            result.leases_transferred += 1
        if _ended_in(measure, year) and transferred is None:
            result.exits_without_transfer += 1
        claim = measure.failure_claim
        if claim is not None and claim.sent_on is not None and claim.sent_on.year == year:
            result.claims_sent += 1
            result.claims_on_time += bool(claim_sent_in_time(claim))
            result.claimed_rent += claim.unpaid_rent
            result.claimed_damage += claim.damage
            result.claimed_eviction += claim.eviction
            result.granted += claim.granted or 0
    return result


def fal_indicators(measures: list[Measure], year: int, fal: FalIndicators) -> None:
    """Exits of N to ordinary housing; long stays (CADA, DALO) and extensions in force in N."""
    for measure in measures:
        if span_in_year(measure, year) is None:
            continue
        fal.long_stays += measure.long_stay_reason is not None
        fal.extensions += measure.extension
        if _ended_in(measure, year) and is_housing_exit(measure):
            fal.exits_to_housing += 1


def dsf_indicators(measures: list[Measure], caseload: Caseload, year: int) -> DsfIndicators:
    """DSF whose payment day is in N (P6: `dsf_payment`, through its per-household form
    `payment_of`): carried out with the household met, closed doors paid, not paid (by
    reason); transmitted to the SLISL at the latest 10 days before the hearing (rule
    `dsf_transmission`), late, or not at all; followed by a support request or by a
    « Signal logement » report (as recorded on its content)."""
    result = DsfIndicators()
    reasons: Counter[str] = Counter()
    aslls = asll_by_household(caseload.measures)
    tariffs = caseload.tariffs or default_tariffs()
    for measure in measures:
        if measure.type is not MeasureType.DSF:
            continue
        payment = payment_of(measure, aslls.get(measure.household, []), tariffs)
        if payment is None or payment.on.year != year:
            continue
        if payment.amount <= 0:
            result.not_paid += 1
            reasons[NOT_MET if measure.outcome is DsfOutcome.SANS_RENCONTRE
                    else FOLLOWED_IN_ASLL] += 1
        elif payment.closed_door:
            result.closed_doors += 1
        else:
            result.done += 1
        sent, hearing = measure.transmitted_on, measure.hearing_on
        if sent is None:
            result.not_sent += 1
        elif hearing is None or sent <= hearing - timedelta(days=DSF_DAYS_BEFORE_HEARING):
            result.sent_on_time += 1
        else:
            result.sent_late += 1
        content = measure.dsf_content
        if content is not None:
            result.support_requested += content.support_requested
            result.housing_signal += content.housing_signal
    result.not_paid_by_reason = dict(sorted(reasons.items()))
    return result
