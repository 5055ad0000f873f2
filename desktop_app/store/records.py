"""The plain records the store hands out besides the caseload's own dataclasses: a line of
the household or measure list, of the retention screen, of the audit trail, an import batch,
what a merge did, a right-of-access extract, a treated alert, who is connected to a server,
an account's line, a stored bilan, what a backup holds; and the store's named constants (the
program's audit profile, the accounts' groups, the server's default port). Frozen values, no
behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.bilan_text import BilanText
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


#: The profile the program's own writes are recorded under (a file store, the command line).
SYSTEM_PROFILE = "système"

#: The three groups of a server's accounts, in the order they are said.
GROUPS = ("travailleur", "responsable", "lecture")
TRAVAILLEUR, RESPONSABLE, LECTURE = GROUPS

#: PostgreSQL's port, unless the association's server says another.
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class Session:
    """Who is connected to a PostgreSQL store."""

    login: str
    #: Owner of the schema (or superuser): every right, under policies that let it all.
    owner: bool
    #: The group the login is a member of (travailleur, responsable, lecture), if any.
    group: str | None
    worker_id: str | None
    has_account: bool

    @property
    def author(self) -> str | None:
        """The name its writes are recorded under (its worker, else its login), as the
        server's policies require; None for the owner without an account: the program's
        profile (« système » on the command line), as on a file."""
        if self.has_account or (self.group is not None and not self.owner):
            return self.worker_id or self.login
        return None

    @property
    def manages(self) -> bool:
        return self.owner or self.group == RESPONSABLE

    @property
    def group_text(self) -> str:
        return self.group or "sans rôle"


@dataclass(frozen=True)
class AccountLine:
    login: str
    group: str
    worker_id: str | None
    worker_name: str | None
    created_on: date
    disabled_on: date | None
    #: The households explicitly shared with the account: (id, name), by name.
    shares: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class StoredBilan:
    """The stored text of a bilan, the day the household signed it, when it was saved."""

    text: BilanText
    signed_on: date | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds, shown before it is restored."""

    path: Path
    taken: datetime
    households: int
    measures: int
    visits: int
    workers: int
    revision: str
    encrypted: bool
