"""`cet`, `dsf_transmission`, `accord_principe`: documents due at a fixed date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType

CET = "cet"
DSF = "dsf_transmission"
AGREEMENT = "accord_principe"
#: The DSF reaches the SLISL at the latest this many days before the hearing.
DSF_DAYS_BEFORE_HEARING = 10
#: The AML agreement in principle is valid this many months.
AGREEMENT_MONTHS = 9


@applies_to(MeasureType.ASLL)
def cet(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """ASLL: the CET goes to the SLISL within the month after the CL decision; raised from
    the decision until the contract is recorded as sent or as not signed (P2). (AML: the CTOP
    is signed at entry; the file holds nothing more to check.)"""
    measure = view.measure
    decision = measure.decision_date
    if decision is None or decision > ctx.on:
        return
    contract = measure.contract
    if contract is not None and any(
        d is not None and d <= ctx.on for d in (contract.sent_on, contract.not_signed_on)
    ):
        return
    due = add_months(decision, 1)
    yield ctx.measure_alert(
        CET, measure, due,
        f"Envoyer au SLISL le contrat d'engagement (CET) de "
        f"{ctx.household_name(measure.household)}, signé par le ménage, le prescripteur et "
        f"l'association, au plus tard le {format_date(due)} (décision du "
        f"{format_date(decision)}).",
    )


@applies_to(MeasureType.DSF)
def dsf_transmission(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """DSF: transmitted to the SLISL at the latest 10 days before the hearing; raised from the
    summons (always without one) until recorded as transmitted on or before `on`."""
    measure = view.measure
    hearing = measure.hearing_on
    if hearing is None:
        return
    if measure.summoned_on is not None and measure.summoned_on > ctx.on:
        return
    if measure.transmitted_on is not None and measure.transmitted_on <= ctx.on:
        return
    due = hearing - timedelta(days=DSF_DAYS_BEFORE_HEARING)
    yield ctx.measure_alert(
        DSF, measure, due,
        f"Transmettre au SLISL le diagnostic (DSF) de {ctx.household_name(measure.household)} "
        f"au plus tard le {format_date(due)} (audience du {format_date(hearing)}).",
    )


@applies_to(MeasureType.AML)
def accord_principe(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """AML: the agreement in principle is valid 9 months; raised from its last month while
    no period has started (on or before `on`)."""
    measure = view.measure
    agreement = measure.agreement_on
    if agreement is None:
        return
    if any(p.start <= ctx.on for p in measure.periods):
        return
    due = add_months(agreement, AGREEMENT_MONTHS)
    if ctx.on < add_months(due, -1):
        return
    yield ctx.measure_alert(
        AGREEMENT, measure, due,
        f"L'accord de principe AML de {ctx.household_name(measure.household)} (du "
        f"{format_date(agreement)}) expire le {format_date(due)} : faire entrer le ménage "
        f"dans le logement d'ici là ou demander un nouvel accord.",
    )
