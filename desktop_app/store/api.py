"""What the rest of the application asks of the store (CLI, GUI, reports, benchmarks).

`desktop_app.store.repository.SqlStore` implements it over SQLAlchemy; nothing outside
`desktop_app/store/` writes SQL. Every write method runs in one transaction and leaves the
store unchanged if it raises. Aggregates are saved whole: `save_measure` replaces the
measure's periods, visits, reports… with those of the object given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Caseload,
    Home,
    Household,
    Measure,
    ReportKind,
    Tariff,
    Worker,
)

if TYPE_CHECKING:
    from desktop_app.domain.alerts import Alert
    from desktop_app.domain.bilan_text import BilanText
    from desktop_app.domain.indicators.profile import ProfileBrackets
    from desktop_app.domain.retention import RetentionSettings
    from desktop_app.store.bilans import Unread
    from desktop_app.store.records import (
        AuditEntry,
        HouseholdAccess,
        HouseholdRow,
        ImportBatch,
        MeasureRow,
        MergeReport,
        RetentionRow,
        StoredBilan,
        TreatedAlert,
    )


class Store(Protocol):
    #: Who makes the changes, for the audit trail: a worker id, or « système ».
    profile: str

    # --- whole caseload --------------------------------------------------------------
    def is_empty(self) -> bool: ...
    def import_caseload(self, caseload: Caseload, source: str = "", *,
                        only_if_empty: bool = False) -> None:
        """Add everything; raises `DuplicateIdsError` (with the JSON paths) if an id exists.
        Recorded as an import batch (`source`: the file's name) that can be undone.
        `only_if_empty`: a `RefusedError` if the store holds records (the demonstration)."""
    def import_parts(self, parts: Iterable[Caseload], source: str = "") -> dict[str, int]:
        """`import_caseload` of a caseload given in pieces (`interchange.read_parts`), one
        in memory at a time, all in one transaction; what was added (workers, households,
        homes, measures, visits). A problem raised by `parts` rolls everything back."""
    def export_caseload(self) -> Caseload: ...

    # --- what the engines need ---------------------------------------------------------
    def load_for_month(self, month: Month) -> Caseload:
        """A caseload with every measure that can earn something in `month` (P1–P7, Q1–Q2)."""
    def load_for_months(self, first: Month, last: Month) -> Caseload:
        """`load_for_month` of each month from `first` to `last`, in one read transaction."""
    def load_for_day(self, day: date) -> Caseload:
        """A caseload with every measure that can raise an alert on `day`, those needed for
        the month's quotas and the year's convention counts, and the `spans` of the history the
        day's rules read."""
    def load_for_year(self, year: int) -> Caseload:
        """A caseload with every measure the annual grid of `year` counts (in force, paid
        once or able to raise an alert in it; per ALT home the next stay after 31/12), with
        all their children, and `spans` of all measures."""
    def alert_settings(self) -> AlertSettings: ...
    def load_for_alerts(self, day: date
                        ) -> tuple[Caseload, AlertSettings, dict[str, TreatedAlert]]:
        """In one read transaction: `load_for_day(day)`, the alerts' settings and every alert
        marked treated (`treated_alerts`) — what the alerts of the day are computed on."""
    def save_alert_settings(self, settings: AlertSettings, *,
                            expected: AlertSettings | None = None) -> None:
        """`expected`: the settings as the editor read them; `ConflictError` in French
        (`SETTINGS_CHANGED`) and nothing written if the store now holds others."""

    # --- association, tariffs, workers, homes ------------------------------------------
    def association(self) -> Association: ...
    def save_association(self, association: Association) -> None: ...
    def update_association(self, change: Callable[[Association], Association | None]
                           ) -> Association:
        """In one write transaction: the stored association read, `change` applied to it (it
        mutates the association given or returns the new version), the result written with
        its audit entry and returned — a change made elsewhere before is kept, never
        overwritten."""
    def tariffs(self) -> list[Tariff]: ...
    def association_settings(self) -> tuple[Association, list[Tariff], AlertSettings]:
        """In one read transaction: the association, the tariffs and the alerts' settings
        (the « Paramètres » screen)."""
    def save_tariffs(self, tariffs: list[Tariff], *,
                     expected: list[Tariff] | None = None) -> None:
        """`expected`: the tariffs as the editor read them; `ConflictError` in French
        (`TARIFFS_CHANGED`) and nothing written if the store now holds others."""
    def workers(self) -> list[Worker]: ...
    def save_worker(self, worker: Worker, *, expected: Worker | None = None,
                    new: bool = False) -> None:
        """`expected`, `new`: see `save_household`."""
    def homes(self) -> list[Home]: ...
    def homes_and_fal_measures(self) -> tuple[list[Home], list[tuple[MeasureRow, Measure]]]:
        """In one read transaction: the homes, and every FAL measure (its row, in the order of
        `measure_rows`, and the measure, with its stays)."""
    def save_home(self, home: Home, *, expected: Home | None = None,
                  new: bool = False) -> None:
        """`expected`, `new`: see `save_household`."""

    # --- households and measures -------------------------------------------------------
    def household_rows(
        self, on: date, text: str = "", limit: int | None = None
    ) -> list[HouseholdRow]:
        """Households whose name, reference, town or territory contains `text` (accents and
        case ignored), sorted by name."""
    def household(self, household_id: str) -> Household | None: ...
    def save_household(self, household: Household, *,
                       expected: Household | None = None, new: bool = False) -> None:
        """Save and record the change in the audit trail (same transaction). `expected`: the
        household as the editor read it; if the store now holds another version (changed in
        another window or process), `ConflictError` in French and nothing written. `new`:
        a record just created under an id of `new_id`; if another window or process created
        one under that id meanwhile, `ConflictError` (never an overwrite of theirs)."""
    def treat_alert(self, alert: Alert, reason: str) -> None:
        """Mark `alert` « traitée » for `reason`, with its audit entry (same transaction);
        `RefusedError` in French without a reason or if already marked."""
    def treated_alerts(self) -> dict[str, TreatedAlert]:
        """Every alert marked treated, by `alert_fingerprint`."""
    def history(self, household_id: str) -> list[AuditEntry]:
        """The audit trail of the household and its measures, oldest first."""
    def measures_of_household(self, household_id: str) -> list[Measure]: ...
    def household_file(self, household_id: str) -> tuple[
            Household, list[Measure], list[AuditEntry], date | None] | None:
        """In one read transaction: the household, its measures (by first period), its audit
        trail (`history`) and the day it was archived (None: not archived). None if the
        household is not stored."""
    def measure_rows(self, on: date | None = None, referent: str | None = None) -> list[MeasureRow]:
        """Measures (of `referent` if given) in force on `on` if given, else all."""
    def team_with_month(self, on: date) -> tuple[list[Worker], list[MeasureRow], Caseload]:
        """`team(on)` and `load_for_month` of `on`'s month, in one read transaction."""
    def team(self, on: date) -> tuple[list[Worker], list[MeasureRow]]:
        """In one read transaction: the workers and the measures in force on `on`."""
    def measure(self, measure_id: str) -> Measure | None: ...
    def measure_caseload(self, measure_id: str) -> tuple[Caseload, date | None] | None:
        """In one read transaction: the caseload around a measure — the association, the
        tariffs, the workers, the homes, its household and the household's measures (this one
        among them, by first period) — and the day its household was archived (None: not
        archived). None if the measure is not stored."""
    def save_measure(self, measure: Measure, *, expected: Measure | None = None,
                     new: bool = False) -> None:
        """`expected`, `new`: see `save_household`."""
    def update_measure(self, measure_id: str, change: Callable[[Measure], Measure | None], *,
                       expected: Measure) -> Measure:
        """In one write transaction: the stored measure read once — `ConflictError` in French
        (`MEASURE_CHANGED`) and nothing written if it is not `expected` (changed or removed
        elsewhere since the editor read it) —, `change` applied to it (it mutates the measure
        given or returns the new version), the result written with its audit entry and
        returned. The save of an existing measure: `save_measure(…, new=True)` creates one."""
    def new_id(self, prefix: str) -> str:
        """A fresh id for a new record (`h123`, `m456`…), never used in the store."""

    # --- batches, household files, right of access ---------------------------
    def import_batches(self) -> list[ImportBatch]:
        """Every import and merge, newest first, each said undoable or not (and why)."""
    def undo_import(self, batch_id: int) -> None:
        """Delete the batch's records whole, or raise `StoreError` naming what changed."""
    def export_household(self, household_id: str) -> Caseload:
        """The household, its measures and the workers and homes they refer to."""
    def merge_caseload(self, caseload: Caseload, source: str = "") -> MergeReport:
        """Add what is absent here, skip what is identical, report conflicts (unchanged)."""
    def household_access(self, household_id: str) -> HouseholdAccess:
        """Everything about one household for a right-of-access request."""

    # --- bilans ----------------------------------------------------------------
    def bilan_text(self, measure_id: str, kind: ReportKind,
                   period_end: date) -> StoredBilan | None:
        """The worker's text of the bilan of that report, None if never saved."""
    def save_bilan_text(self, measure_id: str, kind: ReportKind, period_end: date,
                        text: BilanText, signed_on: date | None, sent_on: date | None, *,
                        profile: str | None = None,
                        expected: StoredBilan | Unread | None = ...) -> None:
        """Save the text; the measure's report gets `sent_on`, and `signed` when signed
        (see `desktop_app.store.bilans`); one audit entry « bilan », by `profile` (default:
        the store's profile, the worker of the window); `expected` as the editor read it:
        `ConflictError` if the stored bilan changed meanwhile."""

    # --- GDPR keeping rules (`desktop_app.store.retention`) ----------------------
    def retention_settings(self) -> RetentionSettings: ...
    def save_retention_settings(self, settings: RetentionSettings) -> None: ...
    def retention_candidates(self, on: date) -> list[RetentionRow]:
        """Households not archived whose last measure ended more than N years before `on`."""
    def archived_households(self) -> list[RetentionRow]: ...
    def retention_overview(self, on: date) -> tuple[
            RetentionSettings, list[RetentionRow], list[RetentionRow]]:
        """In one read transaction: `retention_settings`, `retention_candidates(on)` and
        `archived_households`."""
    def is_archived(self, household_id: str) -> bool: ...
    def archived_on(self, household_id: str) -> date | None: ...
    def archive_households(self, ids: list[str], on: date,
                           profile: str | None = None) -> None:
        """Move to the read-only archive (each one due on `on`, else `StoreError`)."""
    def anonymise_households(self, ids: list[str], on: date, profile: str | None = None,
                             brackets: ProfileBrackets | None = None) -> None:
        """Anonymise archived households once the keeping date has passed (else
        `StoreError`); the annual grids stay identical."""
    def delete_households(self, ids: list[str], on: date,
                          profile: str | None = None) -> None:
        """Delete archived households once the keeping date has passed (else `StoreError`)."""
