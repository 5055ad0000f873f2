"""JSON values of dates, money and codes, and the canonical JSON of one measure."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import Contract, FailureClaim, Measure
from desktop_app.domain.money import format_amount

Json = dict[str, object]


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def money(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def code(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def measure_to_json(m: Measure) -> Json:
    """Every key of a measure, in the order of docs/echange.md; children by date, then by every
    other field, so that the order never depends on the store."""
    periods = sorted(m.periods, key=lambda p: (p.start, p.end, p.level or "", p.kind or ""))
    suspensions = sorted(m.suspensions, key=lambda s: (s.start, s.end or date.max, s.reason))
    visits = sorted(m.visits, key=lambda v: (v.date, v.outcome, v.place or "", v.worker or ""))
    reports = sorted(m.reports, key=lambda r: (r.period_end, r.kind, r.sent_on or date.max,
                                               r.signed))
    notices = sorted(m.notices, key=lambda n: (n.sent_on, n.kind))
    stays = sorted(m.stays, key=lambda s: (s.start, s.end or date.max, s.home))
    extensions = sorted(m.agreement_extensions, key=lambda e: (e.sent_on, e.new_end))
    found: Json = {
        "id": m.id, "household": m.household, "type": m.type.value, "referent": m.referent,
        "decision_date": day(m.decision_date),
        "periods": [{"start": day(p.start), "end": day(p.end), "level": code(p.level),
                     "kind": code(p.kind)} for p in periods],
        "closed_on": day(m.closed_on), "exit_reason": code(m.exit_reason),
        "close_reason": m.close_reason,
        "suspensions": [{"start": day(s.start), "end": day(s.end), "reason": s.reason.value}
                        for s in suspensions],
        "visits": [{"date": v.date.isoformat(), "outcome": v.outcome.value,
                    "place": code(v.place), "worker": v.worker} for v in visits],
        "reports": [{"kind": r.kind.value, "period_end": day(r.period_end),
                     "sent_on": day(r.sent_on), "signed": r.signed} for r in reports],
        "notices": [{"kind": n.kind.value, "sent_on": day(n.sent_on)} for n in notices],
        "contract": _contract(m.contract),
        "retroactive": code(m.retroactive), "asll_content": code(m.asll_content),
        "agreement_on": day(m.agreement_on),
        "agreement_extensions": [{"sent_on": day(e.sent_on), "new_end": day(e.new_end)}
                                 for e in extensions],
        "lease_transferred_on": day(m.lease_transferred_on),
        "failure_claim": _claim(m.failure_claim),
        "relay_authorized": m.relay_authorized, "concertation_on": day(m.concertation_on),
        "stays": [{"home": s.home, "start": day(s.start), "end": day(s.end)} for s in stays],
        "long_stay_reason": code(m.long_stay_reason), "extension": m.extension,
        "summoned_on": day(m.summoned_on), "hearing_on": day(m.hearing_on),
        "outcome": code(m.outcome), "transmitted_on": day(m.transmitted_on),
        "done_on": day(m.done_on),
    }
    if m.dsf_content is not None:  # the key only when there is one: older files unchanged
        found["dsf_content"] = dsf_content_json(m.dsf_content)
    return found


def dsf_content_json(content: DsfContent) -> Json:
    """The DSF's content, keys in the décret's order (the fields of `DsfContent`)."""
    found: Json = {}
    for f in fields(DsfContent):
        value = getattr(content, f.name)
        found[f.name] = (money(value) if isinstance(value, Decimal) else
                         day(value) if isinstance(value, date) else value)
    return found


def _claim(claim: FailureClaim | None) -> Json | None:
    if claim is None:
        return None
    return {"departure_on": day(claim.departure_on), "unpaid_rent": money(claim.unpaid_rent),
            "damage": money(claim.damage), "eviction": money(claim.eviction),
            "invoices": list(claim.invoices), "sent_on": day(claim.sent_on),
            "decision": code(claim.decision), "decided_on": day(claim.decided_on),
            "granted": money(claim.granted)}


def _contract(contract: Contract | None) -> Json | None:
    if contract is None:
        return None
    return {"signed_on": day(contract.signed_on), "sent_on": day(contract.sent_on),
            "not_signed_on": day(contract.not_signed_on),
            "not_signed_reason": code(contract.not_signed_reason)}
