"""`cet`, `dsf_transmission`, `accord_principe`: documents due at a fixed date; and when the
SLISL must be told of an event (`notice_due`: `portes_closes`, `indisponibilite`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.aml import agreement_end
from desktop_app.domain.dates import add_months
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Measure, MeasureType, NoticeKind
from desktop_app.domain.workdays import nth_working_day_after

CET = "cet"
DSF = "dsf_transmission"
AGREEMENT = "accord_principe"
#: The DSF reaches the SLISL at the latest this many days before the hearing.
DSF_DAYS_BEFORE_HEARING = 10
#: The SLISL is told of two closed doors within this many working days after the second;
#: of a household unavailable « sans tarder », read the same way (docs/regles.md section 2).
NOTICE_WORKING_DAYS = 5


def notices_sent(measure: Measure, kind: NoticeKind, on: date) -> list[date]:
    """The days the notices of `kind` of `measure` were sent, on or before `on`."""
    return [n.sent_on for n in measure.notices if n.kind is kind and n.sent_on <= on]


def notice_due(event: date, sent: list[date], on: date) -> date | None:
    """The day the SLISL must be told of `event` by: the `NOTICE_WORKING_DAYS`-th working
    day after it; None when `event` is after `on`, or a notice was `sent` on or after it."""
    if event > on or any(event <= day for day in sent):
        return None
    return nth_working_day_after(event, NOTICE_WORKING_DAYS)


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
    """AML: the agreement in principle is valid 9 months, or until the new end of an extension
    sent by e-mail while it was valid (`aml.agreement_end`); raised from its last month while
    no period has started (on or before `on`)."""
    measure = view.measure
    agreement = measure.agreement_on
    if agreement is None:
        return
    if any(p.start <= ctx.on for p in measure.periods):
        return
    due = agreement_end(measure, ctx.on)
    assert due is not None
    if ctx.on < add_months(due, -1):
        return
    extended = due != agreement_end(replace(measure, agreement_extensions=[]))
    yield ctx.measure_alert(
        AGREEMENT, measure, due,
        f"L'accord de principe AML de {ctx.household_name(measure.household)} (du "
        f"{format_date(agreement)}{', prolongé par mail' if extended else ''}) expire le "
        f"{format_date(due)} : faire entrer le ménage dans le logement d'ici là, prolonger "
        f"l'accord par un mail au SPSLH ou au SLISL tant qu'il est valable, ou demander un "
        f"nouvel accord.",
    )
