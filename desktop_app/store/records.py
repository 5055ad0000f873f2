"""The plain records the store hands out besides the caseload's own dataclasses: a line of
the household or measure list, of the retention screen, of the audit trail, an import batch,
what a merge did, a right-of-access extract, a treated alert. Frozen values, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop_app.domain.model import Caseload, MeasureType


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """One line of the household list (Ménages screen): everything the list shows."""

    id: str
    name: str
    reference: str | None
    city: str | None
    territory: str | None
    measure_in_force: MeasureType | None  # the support measure in force today, if any
    measure_id: str | None
    referent: str | None  # referent's worker id of that measure
    referent_name: str | None


@dataclass(frozen=True, slots=True)
class MeasureRow:
    """One measure of the caseload, in a list (no children loaded)."""

    id: str
    household: str
    household_name: str
    household_reference: str | None
    type: MeasureType
    referent: str
    start: date | None  # first day in force, None without periods
    end: date | None  # last day in force
    closed_on: date | None


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """One household of the retention screen: due for the archive, or archived."""

    household_id: str
    name: str
    reference: str | None
    last_end: date | None  # end of its last measure (`domain.retention.last_end`)
    archived_on: date | None = None
    anonymised_on: date | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change of the audit trail: when, who, which record, what changed."""

    at: datetime
    profile: str  # worker id of the profile in use, or « système »
    record_kind: str  # household, measure, worker, home, bilan, import…
    record_id: str | None
    household_id: str | None
    action: str  # create, update, delete, import, undo, merge, archive, anonymise…
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (before, after)


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """One import, or merge of a household file, that may be taken back whole."""

    id: int
    at: datetime
    profile: str
    kind: str  # import, merge
    source: str  # the file's name ("" if not known)
    counts: dict[str, int]  # workers, households, homes, measures, visits
    undone_at: datetime | None
    undoable: bool
    reason: str | None  # why not undoable, in French


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What merging a household file did: records added (as batch `batch_id`), skipped as
    identical, and conflicts (kept as they are here), one French line per differing field."""

    added: dict[str, list[str]]  # kind (worker, household, home, measure) → ids
    skipped: dict[str, list[str]]
    conflicts: list[str]
    batch_id: int | None  # None when nothing was added


@dataclass(frozen=True, slots=True)
class HouseholdAccess:
    """Everything the store holds about one household (GDPR art. 15), read at one moment."""

    caseload: Caseload  # the household, its measures, the workers and homes they refer to
    history: list[AuditEntry]
    bilan_texts: list[dict[str, Any]]  # rows of `bilan_texts` of its measures, as JSON values


@dataclass(frozen=True, slots=True)
class TreatedAlert:
    """An alert a worker marked « traitée »: why, who, when."""

    fingerprint: str
    code: str
    reason: str
    profile: str  # worker id, or « système »
    at: datetime
