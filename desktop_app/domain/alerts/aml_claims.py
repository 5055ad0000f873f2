"""`echec_aml`: the claim after an AML failure goes to the SPSLH within the month after the
sub-tenant left (AML annex, « L'échec de la mesure »; `domain.aml`).

Unlike the other measure rules it concerns measures already closed (the sub-tenant's
departure usually ends the AML), so the engine runs it over every AML with a claim."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.context import AlertContext
from desktop_app.domain.aml import claim_due
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType

CODE = "echec_aml"


def echec_aml(ctx: AlertContext) -> Iterator[Alert]:
    """Raised from the departure day until the claim is recorded as sent on or before `on`."""
    for measure in ctx.caseload.measures:
        claim = measure.failure_claim
        if measure.type is not MeasureType.AML or claim is None:
            continue
        if claim.departure_on > ctx.on or (claim.sent_on is not None
                                           and claim.sent_on <= ctx.on):
            continue
        due = claim_due(claim)
        yield ctx.measure_alert(
            CODE, measure, due,
            f"Transmettre au SPSLH la demande de prise en charge de l'échec de l'AML de "
            f"{ctx.household_name(measure.household)} (départ du sous-locataire le "
            f"{format_date(claim.departure_on)}) : formulaire dédié et factures, au plus tard "
            f"le {format_date(due)}.",
        )
