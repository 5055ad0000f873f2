"""Fingerprints of the top-level records of an import batch: a SHA-256 that changes
whenever anything the interchange file says about the record changes.

The fingerprint covers every interchange field of the record and of its children (a
measure's periods, visits, reports…, a household's members, a worker's absences, a home's
vacancies), children in a canonical order (sorted), so that a record saved again unchanged
— even with its visits in another order — keeps its fingerprint. It is computed from the
dataclasses, both at import time and when a batch is checked, by the same code.

It is not the text of the canonical interchange JSON (`caseload_to_json`) but a compact
equivalent of it — the same values, without the keys, children as joined strings: on a
5 000-household demo caseload (5 673 measures, 81 699 visits) it takes 0,13 s where the
canonical JSON record by record takes 0,31–0,44 s, which keeps the import fast (≈ +10 %).
Money is formatted as in the file ("1234.50"), so that 1234.5 and 1234.50 are the same.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from decimal import Decimal

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import Caseload, FailureClaim, Home, Household, Measure, Worker
from desktop_app.domain.money import format_amount

#: Joins the fields of a child (never in a code, a date or an id of the file).
SEP = "\x1f"


def _d(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _digest(parts: list[object]) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def worker_fingerprint(w: Worker) -> str:
    absences = sorted([json.dumps([_d(a.start), _d(a.end), a.reason, _d(a.slisl_notified_on),
                                  a.replacement], ensure_ascii=False) for a in w.absences])
    return _digest([w.id, w.name, w.diploma, float(w.fte), absences])


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def household_fingerprint(h: Household) -> str:
    members = [[m.name, m.role, _d(m.birth_date)] for m in h.members]  # order kept (no date)
    return _digest([h.id, h.reference, h.name, h.address, h.postcode, h.city, h.territory,
                    h.phone, _money(h.monthly_resources), members, h.territory_other])


def home_fingerprint(h: Home) -> str:
    vacancies = sorted([f"{v.start}{SEP}{v.end}{SEP}{v.justified}" for v in h.vacancies])
    return _digest([h.id, h.address, vacancies])


def measure_fingerprint(m: Measure) -> str:
    c = m.contract
    contract = None if c is None else [_d(c.signed_on), _d(c.sent_on), _d(c.not_signed_on),
                                       c.not_signed_reason]
    return _digest([
        m.id, m.household, m.type, m.referent, _d(m.decision_date),
        sorted([f"{p.start}{SEP}{p.end}{SEP}{p.level or ''}{SEP}{p.kind or ''}"
               for p in m.periods]),
        _d(m.closed_on), m.exit_reason, m.close_reason,
        sorted([f"{s.start}{SEP}{_d(s.end)}{SEP}{s.reason}" for s in m.suspensions]),
        sorted([f"{v.date}{SEP}{v.outcome}{SEP}{v.place or ''}{SEP}{v.worker or ''}"
               for v in m.visits]),
        sorted([f"{r.period_end}{SEP}{r.kind}{SEP}{_d(r.sent_on)}{SEP}{r.signed}"
               for r in m.reports]),
        sorted([f"{n.sent_on}{SEP}{n.kind}" for n in m.notices]),
        contract, m.retroactive, _d(m.agreement_on), _d(m.lease_transferred_on),
        m.relay_authorized, _d(m.concertation_on),
        sorted([f"{s.start}{SEP}{_d(s.end)}{SEP}{s.home}" for s in m.stays]),
        m.long_stay_reason, m.extension, _d(m.summoned_on), _d(m.hearing_on), m.outcome,
        _d(m.transmitted_on), _d(m.done_on), m.asll_content,
        sorted([f"{e.sent_on}{SEP}{e.new_end}" for e in m.agreement_extensions]),
        _claim(m.failure_claim),
        # only when there is one: the fingerprints of the measures without stay as they were
        *([] if m.dsf_content is None else [_dsf(m.dsf_content)]),
    ])


def _dsf(c: DsfContent) -> list[object]:
    return [_money(value) if isinstance(value, Decimal) else
            _d(value) if isinstance(value, date) else value
            for value in (getattr(c, f.name) for f in fields(DsfContent))]


def _claim(c: FailureClaim | None) -> list[object] | None:
    if c is None:
        return None
    return [_d(c.departure_on), _money(c.unpaid_rent), _money(c.damage), _money(c.eviction),
            c.invoices, _d(c.sent_on), c.decision, _d(c.decided_on), _money(c.granted)]


def fingerprints(caseload: Caseload) -> Iterator[tuple[str, str, str]]:
    """(kind, id, fingerprint) of every top-level record of the caseload."""
    for w in caseload.workers:
        yield "worker", w.id, worker_fingerprint(w)
    for h in caseload.households:
        yield "household", h.id, household_fingerprint(h)
    for home in caseload.homes:
        yield "home", home.id, home_fingerprint(home)
    for m in caseload.measures:
        yield "measure", m.id, measure_fingerprint(m)
