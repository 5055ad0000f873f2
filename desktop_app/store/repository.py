"""`SqlStore`: the `Store` protocol over SQLAlchemy, and `open_store(url)`.

Every method runs in one transaction (a write commits whole or not at all) and turns
environment errors (locked, full, corrupt, read-only) into a French `StoreError`.

The imports, the merges and their batches (`importing`, `batches`, `merge`) are loaded by the
methods that use them: with the interchange format they bring, they are not needed to read
(`alerts`, `points` and the window's screens open the store without them).
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import URL

from desktop_app.domain.alerts import Alert
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Caseload,
    Home,
    Household,
    Measure,
    MeasureType,
    ReportKind,
    Tariff,
    Worker,
)
from desktop_app.private_files import private_folder
from desktop_app.store import (
    accounts,
    audit,
    bilans,
    fetch,
    household_file,
    list_queries,
    loaders,
    row_reading,
    tracked,
    treated,
)
from desktop_app.store.api import Store
from desktop_app.store.backup_files import remove_restore_leftovers
from desktop_app.store.engine import (
    create_store_engine,
    dispose_engine,
    engine_lock,
    is_postgresql,
    read,
    shown_url,
    sqlite_file,
    store_url,
    write,
)
from desktop_app.store.errors import NOT_REGULAR, StoreError, environment_errors
from desktop_app.store.keys import given_passphrase
from desktop_app.store.migrate import ensure_schema
from desktop_app.store.records import (
    SYSTEM_PROFILE,
    AuditEntry,
    HouseholdAccess,
    HouseholdRow,
    ImportBatch,
    MeasureRow,
    MergeReport,
    RetentionRow,
    Session,
    StoredBilan,
    TreatedAlert,
)
from desktop_app.store.retention import Retention
from desktop_app.store.retention_ops import archived_on
from desktop_app.store.tables import MEASURES

if TYPE_CHECKING:
    from desktop_app.domain.bilan_text import BilanText
    from desktop_app.domain.indicators.profile import ProfileBrackets
    from desktop_app.domain.retention import RetentionSettings

__all__ = ["SqlStore", "open_store"]


class SqlStore:
    """The caseload in a SQL database (see `desktop_app.store.api.Store`)."""

    def __init__(self, engine: Engine, where: str,
                 session: Session | None = None) -> None:
        self.engine = engine
        #: The store as said to the user (file path, or URL without password).
        self.where = where
        #: Who is connected to a PostgreSQL store (None: a file).
        self.session = session
        self._profile: str = SYSTEM_PROFILE
        #: The GDPR keeping work, through this store's transactions and author.
        self.retention = Retention(engine, where, self._reading, self._writing, self._who)

    @property
    def profile(self) -> str:
        """Who makes the changes, for the audit trail. A personal account of a server: its
        worker (else its login), whatever the program chose — the server's policies accept
        nothing else. Otherwise (a file, the owner of a server) the program's choice: the
        GUI's current worker id, « système » on the command line."""
        author = self.session.author if self.session is not None else None
        return author or self._profile

    @profile.setter
    def profile(self, chosen: str) -> None:
        self._profile = chosen

    def _who(self, profile: str | None) -> str:
        author = self.session.author if self.session is not None else None
        return author or profile or self._profile

    def close(self) -> None:
        dispose_engine(self.engine)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with environment_errors(self.where), read(self.engine) as connection:
            yield connection

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with environment_errors(self.where), write(self.engine) as connection:
            yield connection

    # --- whole caseload --------------------------------------------------------------
    def is_empty(self) -> bool:
        with self._reading() as c:
            from desktop_app.store.importing import is_empty

            return is_empty(c)

    def import_caseload(self, caseload: Caseload, source: str = "", *,
                        only_if_empty: bool = False) -> None:
        self.import_parts([caseload], source, only_if_empty=only_if_empty)

    def import_parts(self, parts: Iterable[Caseload], source: str = "", *,
                     only_if_empty: bool = False) -> dict[str, int]:
        from desktop_app.store import batches

        accounts.require_everything(self.session, accounts.IMPORT)
        with self._writing() as c:
            return batches.import_as_batch(c, parts, source=source, profile=self.profile,
                                           only_if_empty=only_if_empty)

    def export_caseload(self) -> Caseload:
        with self._reading() as c:
            return Caseload(fetch.association(c), fetch.tariffs(c), fetch.workers(c),
                            fetch.households(c, None), fetch.homes(c),
                            fetch.measures(c, None, None))

    # --- what the engines need ---------------------------------------------------------
    def load_for_month(self, month: Month) -> Caseload:
        with self._reading() as c:
            return loaders.load_for_month(c, month)

    def load_for_months(self, first: Month, last: Month) -> Caseload:
        with self._reading() as c:
            return loaders.load_for_months(c, first, last)

    def load_for_day(self, day: date) -> Caseload:
        with self._reading() as c:
            return loaders.load_for_day(c, day)

    def load_for_year(self, year: int) -> Caseload:
        accounts.require_whole_view(self.session, accounts.GRID)
        with self._reading() as c:
            return loaders.load_for_year(c, year)

    def alert_settings(self) -> AlertSettings:
        with self._reading() as c:
            return tracked.alert_settings(c)

    def load_for_alerts(self, day: date
                        ) -> tuple[Caseload, AlertSettings, dict[str, TreatedAlert]]:
        with self._reading() as c:
            return (loaders.load_for_day(c, day), tracked.alert_settings(c),
                    treated.treated_alerts(c))

    def save_alert_settings(self, settings: AlertSettings, *,
                            expected: AlertSettings | None = None) -> None:
        with self._writing() as c:
            tracked.save_alert_settings(c, settings, self.profile, expected)

    # --- association, tariffs, workers, homes ------------------------------------------
    def association(self) -> Association:
        with self._reading() as c:
            return fetch.association(c)

    def save_association(self, association: Association) -> None:
        with self._writing() as c:
            tracked.save_association(c, association, self.profile)

    def update_association(self, change: Callable[[Association], Association | None]
                           ) -> Association:
        with self._writing() as c:
            return tracked.update_association(c, change, self.profile)

    def tariffs(self) -> list[Tariff]:
        with self._reading() as c:
            return fetch.tariffs(c)

    def association_settings(self) -> tuple[Association, list[Tariff], AlertSettings]:
        with self._reading() as c:
            return fetch.association(c), fetch.tariffs(c), tracked.alert_settings(c)

    def save_tariffs(self, tariffs: list[Tariff], *,
                     expected: list[Tariff] | None = None) -> None:
        with self._writing() as c:
            tracked.save_tariffs(c, tariffs, self.profile, expected)

    def workers(self) -> list[Worker]:
        with self._reading() as c:
            return fetch.workers(c)

    def save_worker(self, worker: Worker, *, expected: Worker | None = None,
                    new: bool = False) -> None:
        with self._writing() as c:
            tracked.save_worker(c, worker, self.profile, expected, new)

    def homes(self) -> list[Home]:
        with self._reading() as c:
            return fetch.homes(c)

    def homes_and_fal_measures(self) -> tuple[list[Home], list[tuple[MeasureRow, Measure]]]:
        with self._reading() as c:
            rows = [r for r in list_queries.measure_rows(c, None, None)
                    if r.type is MeasureType.FAL]
            ids = [r.id for r in rows]
            found = {m.id: m for m in fetch.measures(c, ids, ids)} if ids else {}
            return fetch.homes(c), [(r, found[r.id]) for r in rows if r.id in found]

    def save_home(self, home: Home, *, expected: Home | None = None,
                  new: bool = False) -> None:
        with self._writing() as c:
            tracked.save_home(c, home, self.profile, expected, new)

    # --- households and measures -------------------------------------------------------
    def household_rows(self, on: date, text: str = "",
                       limit: int | None = None) -> list[HouseholdRow]:
        with self._reading() as c:
            return list_queries.household_rows(c, on, text, limit)

    def household(self, household_id: str) -> Household | None:
        with self._reading() as c:
            found = fetch.households(c, [household_id])
        return found[0] if found else None

    def save_household(self, household: Household, *,
                       expected: Household | None = None, new: bool = False) -> None:
        with self._writing() as c:
            tracked.save_household(c, household, self.profile, expected, new)

    def treat_alert(self, alert: Alert, reason: str) -> None:
        with self._writing() as c:
            treated.treat_alert(c, alert, reason, self.profile)

    def treated_alerts(self) -> dict[str, TreatedAlert]:
        with self._reading() as c:
            return treated.treated_alerts(c)

    def history(self, household_id: str) -> list[AuditEntry]:
        with self._reading() as c:
            return audit.history(c, household_id)

    def measures_of_household(self, household_id: str) -> list[Measure]:
        with self._reading() as c:
            return _measures_of_household(c, household_id)

    def household_file(self, household_id: str) -> tuple[
            Household, list[Measure], list[AuditEntry], date | None] | None:
        with self._reading() as c:
            found = fetch.households(c, [household_id])
            if not found:
                return None
            return (found[0], _measures_of_household(c, household_id),
                    audit.history(c, household_id), archived_on(c, household_id))

    def measure_rows(self, on: date | None = None,
                     referent: str | None = None) -> list[MeasureRow]:
        with self._reading() as c:
            return list_queries.measure_rows(c, on, referent)

    def team(self, on: date) -> tuple[list[Worker], list[MeasureRow]]:
        with self._reading() as c:
            return fetch.workers(c), list_queries.measure_rows(c, on, None)

    def team_with_month(self, on: date) -> tuple[list[Worker], list[MeasureRow], Caseload]:
        with self._reading() as c:
            return loaders.load_for_team(c, on)

    def measure(self, measure_id: str) -> Measure | None:
        with self._reading() as c:
            found = fetch.measures(c, [measure_id], [measure_id])
        return found[0] if found else None

    def measure_caseload(self, measure_id: str) -> tuple[Caseload, date | None] | None:
        with self._reading() as c:
            of_household = select(MEASURES.c.household_id).where(
                MEASURES.c.id == measure_id).scalar_subquery()
            ids = [r[0] for r in row_reading.run(c, select(MEASURES.c.id).where(
                MEASURES.c.household_id == of_household))]
            found = sorted(fetch.measures(c, ids, ids), key=_chronological) if ids else []
            measure = next((m for m in found if m.id == measure_id), None)
            if measure is None:
                return None
            caseload = Caseload(fetch.association(c), fetch.tariffs(c), fetch.workers(c),
                                fetch.households(c, [measure.household]), fetch.homes(c),
                                found)
            return caseload, archived_on(c, measure.household)

    def save_measure(self, measure: Measure, *, expected: Measure | None = None,
                     new: bool = False) -> None:
        with self._writing() as c:
            tracked.save_measure(c, measure, self.profile, expected, new)

    def update_measure(self, measure_id: str, change: Callable[[Measure], Measure | None], *,
                       expected: Measure) -> Measure:
        with self._writing() as c:
            return tracked.update_measure(c, measure_id, change, self.profile, expected)

    def new_id(self, prefix: str) -> str:
        with self._reading() as c:
            return list_queries.new_id(c, prefix)

    # --- bilans ------------------------------------------------------------------------
    def bilan_text(self, measure_id: str, kind: ReportKind,
                   period_end: date) -> StoredBilan | None:
        with self._reading() as c:
            return bilans.bilan_text(c, measure_id, kind, period_end)

    def save_bilan_text(self, measure_id: str, kind: ReportKind, period_end: date,
                        text: BilanText, signed_on: date | None, sent_on: date | None, *,
                        profile: str | None = None,
                        expected: StoredBilan | bilans.Unread | None = bilans.UNREAD
                        ) -> None:
        with self._writing() as c:
            bilans.save_bilan_text(c, measure_id, kind, period_end, text, signed_on, sent_on,
                                   profile=self._who(profile), expected=expected)

    # --- batches, household files, right of access -------------------------------------
    def import_batches(self) -> list[ImportBatch]:
        with self._reading() as c:
            from desktop_app.store import batches

            return batches.import_batches(c)

    def undo_import(self, batch_id: int) -> None:
        from desktop_app.store import batches

        accounts.require_everything(self.session, "L'annulation d'un import")
        with self._writing() as c:
            batches.undo_import(c, batch_id, self.profile)

    def export_household(self, household_id: str) -> Caseload:
        with self._reading() as c:
            return household_file.export_household(c, household_id)

    def merge_caseload(self, caseload: Caseload, source: str = "") -> MergeReport:
        from desktop_app.store import merge

        accounts.require_everything(self.session, "La fusion d'un dossier de ménage")
        with self._writing() as c:
            return merge.merge_caseload(c, caseload, source=source, profile=self.profile)

    def household_access(self, household_id: str) -> HouseholdAccess:
        with self._reading() as c:
            return household_file.household_access(c, household_id)


    # --- GDPR keeping rules: `Retention` does the work -------------------------
    def retention_settings(self) -> RetentionSettings:
        return self.retention.settings()

    def save_retention_settings(self, settings: RetentionSettings) -> None:
        self.retention.save_settings(settings)

    def retention_candidates(self, on: date) -> list[RetentionRow]:
        return self.retention.candidates(on)

    def archived_households(self) -> list[RetentionRow]:
        return self.retention.archived()

    def retention_overview(self, on: date) -> tuple[
            RetentionSettings, list[RetentionRow], list[RetentionRow]]:
        return self.retention.overview(on)

    def is_archived(self, household_id: str) -> bool:
        return self.retention.archived_on(household_id) is not None

    def archived_on(self, household_id: str) -> date | None:
        return self.retention.archived_on(household_id)

    def archive_households(self, ids: list[str], on: date,
                           profile: str | None = None) -> None:
        self.retention.archive(ids, on, profile)

    def anonymise_households(self, ids: list[str], on: date, profile: str | None = None,
                             brackets: ProfileBrackets | None = None) -> None:
        self.retention.anonymise(ids, on, profile, brackets)

    def delete_households(self, ids: list[str], on: date,
                          profile: str | None = None) -> None:
        self.retention.delete(ids, on, profile)

def _measures_of_household(connection: Connection, household_id: str) -> list[Measure]:
    ids = [r[0] for r in row_reading.run(connection, select(MEASURES.c.id).where(
        MEASURES.c.household_id == household_id))]
    found = fetch.measures(connection, ids, ids) if ids else []
    return sorted(found, key=_chronological)


def _chronological(measure: Measure) -> tuple[date, str]:
    """Measures of a household by first period (those without periods last), then id."""
    return (min((p.start for p in measure.periods), default=date.max), measure.id)


def open_store(url: str | URL, passphrase: str | None = None) -> SqlStore:
    """The store at `url` (a SQLAlchemy URL: `desktop_app.paths.db_url` makes one of a path;
    a SQLite file or a PostgreSQL database; a `URL` object may carry a server's password that
    no text shows), created if missing, upgraded if old (a SQLite
    file is copied first), refused if written by a newer version."""
    parsed = store_url(url)  # a database or driver not supported: refused here
    given_passphrase(passphrase)  # one that cannot be used is refused before a file is made
    database = sqlite_file(parsed)
    where = str(database) if database is not None else shown_url(parsed)
    with environment_errors(where):
        existed = database is not None and _size_of(database) > 0
        if database is not None:
            private_folder(database.parent)
        engine = create_store_engine(parsed, passphrase)
        try:
            lock = engine_lock(engine)
            if database is not None and lock is not None:
                lock.hold()  # no restoration runs from now on: what a killed one left goes
                remove_restore_leftovers(database)
            ensure_schema(engine, existed)
            session = None
            if is_postgresql(engine.url):
                with read(engine) as connection:
                    session = accounts.session_of(connection)
        except BaseException:
            dispose_engine(engine)
            raise
    return SqlStore(engine, where, session)


def _size_of(database: Path) -> int:
    """The size of the store's file, 0 if there is none yet. A folder, a device or a tube is
    refused before SQLite opens it (it would wait on a tube, write its journal beside a
    device); a symbolic link loop is an `OSError` said in French by `environment_errors`."""
    try:
        info = database.stat()
    except FileNotFoundError:
        return 0
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(NOT_REGULAR.format(where=database))
    return info.st_size


def _conforms(store: SqlStore) -> Store:
    """mypy checks here that `SqlStore` implements every method of the `Store` protocol."""
    return store
