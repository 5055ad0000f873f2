"""Dataclasses of the caseload → rows to insert (dicts keyed by column name).

Children come in list order (their integer key keeps it). The measure's denormalized columns
are computed here, from `measure_facts`, every time a measure is written.
"""

from __future__ import annotations

import json
from dataclasses import fields
from enum import StrEnum
from typing import Any

from desktop_app.domain.alerts.durations import duration_problems
from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import (
    Association,
    FailureClaim,
    Home,
    Household,
    Measure,
    Tariff,
    Worker,
)
from desktop_app.domain.reference_lists import territory_text
from desktop_app.store.search import search_text

Row = dict[str, Any]


def code(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def tariff_row(t: Tariff) -> Row:
    return {"from_date": t.from_date, "point_value": t.point_value,
            "fal_support_per_year": t.fal_support_per_year,
            "fal_management_per_year": t.fal_management_per_year, "dsf_done": t.dsf_done,
            "dsf_closed_door": t.dsf_closed_door, "points_per_fte": t.points_per_fte,
            "fal_per_fte": t.fal_per_fte}


def association_rows(a: Association) -> dict[str, list[Row]]:
    """Rows of the association's tables, by table name."""
    return {
        "association": [{"id": 1, "name": a.name}],
        "conventions": [{
            "year": c.year, "asll_points_per_month": c.asll_points_per_month,
            "aml_points_per_month": c.aml_points_per_month, "fal_count": c.fal_count,
            "dsf_count": c.dsf_count, "dsf_closed_door_count": c.dsf_closed_door_count,
            "has_max_subsidy": c.max_subsidy is not None} for c in a.conventions],
        "convention_subsidies": [
            {"year": c.year, "type": kind.value, "amount": amount}
            for c in a.conventions for kind, amount in (c.max_subsidy or {}).items()],
        "grids_sent": [{"year": g.year, "sent_on": g.sent_on} for g in a.grids_sent],
        "occupancy_tables_sent": [{"month": str(o.month), "sent_on": o.sent_on}
                                  for o in a.occupancy_tables_sent],
    }


def worker_row(w: Worker) -> Row:
    return {"id": w.id, "name": w.name, "diploma": w.diploma.value, "fte": float(w.fte)}


def absence_rows(w: Worker) -> list[Row]:
    return [{"worker_id": w.id, "start": a.start, "end": a.end, "reason": a.reason,
             "slisl_notified_on": a.slisl_notified_on, "replacement_id": a.replacement}
            for a in w.absences]


def household_row(h: Household) -> Row:
    return {"id": h.id, "reference": h.reference, "name": h.name, "address": h.address,
            "postcode": h.postcode, "city": h.city, "territory": code(h.territory),
            "territory_other": h.territory_other, "phone": h.phone,
            "monthly_resources": h.monthly_resources,
            "search_text": search_text(h.name, h.reference, h.city,
                                       territory_text(h.territory, h.territory_other))}


def member_rows(h: Household) -> list[Row]:
    return [{"household_id": h.id, "name": m.name, "role": m.role.value,
             "birth_date": m.birth_date} for m in h.members]


def home_row(h: Home) -> Row:
    return {"id": h.id, "address": h.address}


def vacancy_rows(h: Home) -> list[Row]:
    return [{"home_id": h.id, "start": v.start, "end": v.end, "justified": v.justified}
            for v in h.vacancies]


def measure_row(m: Measure) -> Row:
    span = in_force_span(m)
    contract = m.contract
    return {
        "id": m.id, "household_id": m.household, "type": m.type.value, "referent_id": m.referent,
        "decision_date": m.decision_date, "closed_on": m.closed_on,
        "exit_reason": code(m.exit_reason), "close_reason": m.close_reason,
        "has_contract": contract is not None,
        "contract_signed_on": contract.signed_on if contract else None,
        "contract_sent_on": contract.sent_on if contract else None,
        "contract_not_signed_on": contract.not_signed_on if contract else None,
        "contract_not_signed_reason": code(contract.not_signed_reason) if contract else None,
        "retroactive": code(m.retroactive), "asll_content": code(m.asll_content),
        "agreement_on": m.agreement_on,
        "lease_transferred_on": m.lease_transferred_on, "relay_authorized": m.relay_authorized,
        "concertation_on": m.concertation_on, "long_stay_reason": code(m.long_stay_reason),
        "extension": m.extension, "summoned_on": m.summoned_on, "hearing_on": m.hearing_on,
        "outcome": code(m.outcome), "transmitted_on": m.transmitted_on, "done_on": m.done_on,
        "span_start": span[0] if span else None, "span_end": span[1] if span else None,
        "one_off_on": one_off_date(m), "duration_breach": bool(duration_problems(m)),
        **claim_columns(m.failure_claim),
        **dsf_columns(m.dsf_content),
    }


def claim_columns(claim: FailureClaim | None) -> Row:
    """The `claim_*` columns of `measures` (all null without a claim)."""
    if claim is None:
        return dict.fromkeys(CLAIM_KEYS)
    return {"claim_departure_on": claim.departure_on, "claim_unpaid_rent": claim.unpaid_rent,
            "claim_damage": claim.damage, "claim_eviction": claim.eviction,
            "claim_invoices": json.dumps(claim.invoices, ensure_ascii=False),
            "claim_sent_on": claim.sent_on, "claim_decision": code(claim.decision),
            "claim_decided_on": claim.decided_on, "claim_granted": claim.granted}


CLAIM_KEYS = ("claim_departure_on", "claim_unpaid_rent", "claim_damage", "claim_eviction",
              "claim_invoices", "claim_sent_on", "claim_decision", "claim_decided_on",
              "claim_granted")


#: The `dsf_*` columns of `measures`, in the order of `DsfContent`'s fields.
DSF_KEYS = tuple(f"dsf_{f.name}" for f in fields(DsfContent))


def dsf_columns(content: DsfContent | None) -> Row:
    """The `dsf_*` columns of `measures`: all null without a content, empty texts null."""
    if content is None:
        return dict.fromkeys(DSF_KEYS)
    return {f"dsf_{f.name}": _kept(getattr(content, f.name)) for f in fields(DsfContent)}


def _kept(value: object) -> object:
    """False and 0 stay what they are; an empty text becomes null."""
    return None if value == "" else value


def measure_children(m: Measure) -> dict[str, list[Row]]:
    """Rows of the measure's child tables, by table name."""
    i = m.id
    return {
        "periods": [{"measure_id": i, "start": p.start, "end": p.end, "level": code(p.level),
                     "kind": code(p.kind)} for p in m.periods],
        "suspensions": [{"measure_id": i, "start": s.start, "end": s.end,
                         "reason": s.reason.value} for s in m.suspensions],
        "visits": [{"measure_id": i, "day": v.date, "outcome": v.outcome.value,
                    "place": code(v.place), "worker_id": v.worker} for v in m.visits],
        "reports": [{"measure_id": i, "kind": r.kind.value, "period_end": r.period_end,
                     "sent_on": r.sent_on, "signed": r.signed} for r in m.reports],
        "notices": [{"measure_id": i, "kind": n.kind.value, "sent_on": n.sent_on}
                    for n in m.notices],
        "stays": [{"measure_id": i, "home_id": s.home, "start": s.start, "end": s.end}
                  for s in m.stays],
        "agreement_extensions": [{"measure_id": i, "sent_on": e.sent_on, "new_end": e.new_end}
                                 for e in m.agreement_extensions],
    }
