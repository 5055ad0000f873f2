"""Plain tuples from Core selects → dataclasses of the caseload.

Each `*_COLUMNS` tuple is the select list its builder reads, position by position: the
loaders fetch plain tuples (no ORM objects) and build the dataclasses here, which is what
keeps a department-scale load fast. Codes are looked up in dicts, not parsed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from enum import StrEnum
from typing import Any, TypeVar

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import (
    Absence,
    AgreementExtension,
    AsllContent,
    ClaimDecision,
    Contract,
    Diploma,
    DsfOutcome,
    ExitReason,
    FailureClaim,
    Level,
    LongStayReason,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Notice,
    NoticeKind,
    NotSignedReason,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Retroactive,
    Stay,
    Suspension,
    SuspensionReason,
    Territory,
    Vacancy,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from desktop_app.store.rows import DSF_KEYS
from desktop_app.store.tables import (
    ABSENCES,
    AGREEMENT_EXTENSIONS,
    MEASURES,
    MEMBERS,
    NOTICES,
    PERIODS,
    REPORTS,
    STAYS,
    SUSPENSIONS,
    VACANCIES,
    VISITS,
    WORKERS,
)

E = TypeVar("E", bound=StrEnum)
Tup = Sequence[Any]


def _optional(enum: type[E]) -> dict[str | None, E | None]:
    """Code → member, None → None (a column that may be empty)."""
    found: dict[str | None, E | None] = {None: None}
    found.update({member.value: member for member in enum})
    return found


def _required(enum: type[E]) -> dict[str, E]:
    return {member.value: member for member in enum}


TYPES = _required(MeasureType)
_DIPLOMA = _required(Diploma)
_ROLE = _required(MemberRole)
_LEVEL = _optional(Level)
_KIND = _optional(PeriodKind)
_REASON = _required(SuspensionReason)
_OUTCOME = _required(VisitOutcome)
_PLACE = _optional(VisitPlace)
_REPORT = _required(ReportKind)
_NOTICE = _required(NoticeKind)
_NOT_SIGNED = _optional(NotSignedReason)
_RETRO = _optional(Retroactive)
_LONG = _optional(LongStayReason)
_DSF = _optional(DsfOutcome)
_EXIT = _optional(ExitReason)
_CONTENT = _optional(AsllContent)
_DECISION = _optional(ClaimDecision)
TERRITORY = _optional(Territory)


def measure_type(code: str) -> MeasureType:
    return TYPES[code]


M = MEASURES.c
MEASURE_COLUMNS = (
    M.id, M.household_id, M.type, M.referent_id, M.decision_date, M.closed_on, M.close_reason,
    M.has_contract, M.contract_signed_on, M.contract_sent_on, M.contract_not_signed_on,
    M.contract_not_signed_reason, M.retroactive, M.agreement_on, M.lease_transferred_on,
    M.relay_authorized, M.concertation_on, M.long_stay_reason, M.extension, M.summoned_on,
    M.hearing_on, M.outcome, M.transmitted_on, M.done_on, M.exit_reason, M.asll_content,
    M.claim_departure_on, M.claim_unpaid_rent, M.claim_damage, M.claim_eviction,
    M.claim_invoices, M.claim_sent_on, M.claim_decision, M.claim_decided_on, M.claim_granted,
    *(M[key] for key in DSF_KEYS),
)
_DSF_AT = 35  # position of the first `dsf_*` column
_DSF_FIELDS = fields(DsfContent)


def build_measure(r: Tup) -> Measure:
    contract = Contract(r[8], r[9], r[10], _NOT_SIGNED[r[11]]) if r[7] else None
    return Measure(
        id=r[0], household=r[1], type=TYPES[r[2]], referent=r[3], decision_date=r[4],
        closed_on=r[5], close_reason=r[6], contract=contract, retroactive=_RETRO[r[12]],
        agreement_on=r[13], lease_transferred_on=r[14], relay_authorized=bool(r[15]),
        concertation_on=r[16], long_stay_reason=_LONG[r[17]], extension=bool(r[18]),
        summoned_on=r[19], hearing_on=r[20], outcome=_DSF[r[21]], transmitted_on=r[22],
        done_on=r[23], exit_reason=_EXIT[r[24]], asll_content=_CONTENT[r[25]],
        failure_claim=None if r[26] is None else FailureClaim(
            r[26], r[27], r[28], r[29], json.loads(r[30] or "[]"), r[31], _DECISION[r[32]],
            r[33], r[34]),
        dsf_content=build_dsf_content(r[_DSF_AT:_DSF_AT + len(_DSF_FIELDS)]),
    )


def build_dsf_content(values: Tup) -> DsfContent | None:
    """The content from its `dsf_*` columns; None when they are null (no content)."""
    if values[1] is None:  # dsf_tenant_present: set whenever a content is stored
        return None
    found: dict[str, Any] = {f.name: ("" if value is None and f.type == "str" else value)
                             for f, value in zip(_DSF_FIELDS, values, strict=True)}
    return DsfContent(**found)


# Children: (own id, parent id, fields…); the builder gets the fields only.
PERIOD_COLUMNS = (PERIODS.c.id, PERIODS.c.measure_id, PERIODS.c.start, PERIODS.c.end,
                  PERIODS.c.level, PERIODS.c.kind)
SUSPENSION_COLUMNS = (SUSPENSIONS.c.id, SUSPENSIONS.c.measure_id, SUSPENSIONS.c.start,
                      SUSPENSIONS.c.end, SUSPENSIONS.c.reason)
VISIT_COLUMNS = (VISITS.c.id, VISITS.c.measure_id, VISITS.c.day, VISITS.c.outcome,
                 VISITS.c.place, VISITS.c.worker_id)
REPORT_COLUMNS = (REPORTS.c.id, REPORTS.c.measure_id, REPORTS.c.kind, REPORTS.c.period_end,
                  REPORTS.c.sent_on, REPORTS.c.signed)
NOTICE_COLUMNS = (NOTICES.c.id, NOTICES.c.measure_id, NOTICES.c.kind, NOTICES.c.sent_on)
STAY_COLUMNS = (STAYS.c.id, STAYS.c.measure_id, STAYS.c.home_id, STAYS.c.start, STAYS.c.end)
EXTENSION_COLUMNS = (AGREEMENT_EXTENSIONS.c.id, AGREEMENT_EXTENSIONS.c.measure_id,
                     AGREEMENT_EXTENSIONS.c.sent_on, AGREEMENT_EXTENSIONS.c.new_end)
ABSENCE_COLUMNS = (ABSENCES.c.id, ABSENCES.c.worker_id, ABSENCES.c.start, ABSENCES.c.end,
                   ABSENCES.c.reason, ABSENCES.c.slisl_notified_on, ABSENCES.c.replacement_id)
MEMBER_COLUMNS = (MEMBERS.c.id, MEMBERS.c.household_id, MEMBERS.c.name, MEMBERS.c.role,
                  MEMBERS.c.birth_date)
VACANCY_COLUMNS = (VACANCIES.c.id, VACANCIES.c.home_id, VACANCIES.c.start, VACANCIES.c.end,
                   VACANCIES.c.justified)
WORKER_COLUMNS = (WORKERS.c.id, WORKERS.c.name, WORKERS.c.diploma, WORKERS.c.fte)


def build_period(r: Tup) -> Period:
    return Period(r[2], r[3], _LEVEL[r[4]], _KIND[r[5]])


def build_suspension(r: Tup) -> Suspension:
    return Suspension(r[2], r[3], _REASON[r[4]])


def build_visit(r: Tup) -> Visit:
    return Visit(r[2], _OUTCOME[r[3]], _PLACE[r[4]], r[5])


def build_report(r: Tup) -> Report:
    return Report(_REPORT[r[2]], r[3], r[4], bool(r[5]))


def build_notice(r: Tup) -> Notice:
    return Notice(_NOTICE[r[2]], r[3])


def build_stay(r: Tup) -> Stay:
    return Stay(r[2], r[3], r[4])


def build_extension(r: Tup) -> AgreementExtension:
    return AgreementExtension(r[2], r[3])


def build_absence(r: Tup) -> Absence:
    return Absence(r[2], r[3], r[4], r[5], r[6])


def build_member(r: Tup) -> Member:
    return Member(r[2], _ROLE[r[3]], r[4])


def build_vacancy(r: Tup) -> Vacancy:
    return Vacancy(r[2], r[3], bool(r[4]))


def build_worker(r: Tup) -> Worker:
    return Worker(r[0], r[1], _DIPLOMA[r[2]], float(r[3]))
