"""The store's GDPR keeping work: the retention screen's lists, archiving, anonymising,
deleting, the read-only archive and the keeping settings (`Retention`, held by `SqlStore`).

Rules: `desktop_app.domain.retention` (CNIL délibération 2023-095: 2 years in the active
base after the last measure; the convention's annex: kept until 31/12/2034). Work on the
tables: `retention_ops`. Anonymising and deleting are written with SQLite's `secure_delete`
(the old values are overwritten in the file, not only unlinked), then the file is
rebuilt (`VACUUM`, in memory) and the `-wal` file emptied of the old pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select

from desktop_app.domain.fr import format_date
from desktop_app.domain.retention import RetentionSettings
from desktop_app.store import audit
from desktop_app.store import retention_ops as ops
from desktop_app.store.changes import diff
from desktop_app.store.errors import RefusedError, environment_errors
from desktop_app.store.records import RetentionRow
from desktop_app.store.tables import SETTINGS
from desktop_app.store.writers import upsert

if TYPE_CHECKING:
    from desktop_app.domain.indicators.profile import ProfileBrackets

ACTIVE_YEARS = "retention_active_years"
KEEP_UNTIL = "retention_keep_until"
#: After anonymising or deleting: the file rebuilt (the old values left in the pages' free
#: space are gone; the copy is made in memory, never in a temporary file), then the WAL
#: emptied of the old pages.
ERASE = ("PRAGMA temp_store=MEMORY", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)")
#: A transaction helper of the store: a read (or a write, committed whole) on one connection.
Transaction = Callable[[], AbstractContextManager[Connection]]


def refuse_if_archived(connection: Connection, household_id: str) -> None:
    """Raise a French `RefusedError` if the household is in the read-only archive (called at
    the start of every write of a household or of one of its measures)."""
    day = ops.archived_on(connection, household_id)
    if day is not None:
        raise RefusedError(
            f"Ce dossier est archivé (lecture seule) depuis le {format_date(day)} : il a "
            "quitté la base active après la fin de sa dernière mesure et ne peut plus être "
            "modifié. Pour un nouvel accompagnement du ménage, créez un nouveau dossier.")


def read_settings(connection: Connection) -> RetentionSettings:
    stored = dict(connection.execute(select(SETTINGS.c.key, SETTINGS.c.value).where(
        SETTINGS.c.key.in_([ACTIVE_YEARS, KEEP_UNTIL]))).all())
    defaults = RetentionSettings()
    return RetentionSettings(
        int(stored.get(ACTIVE_YEARS, defaults.active_years)),
        date.fromisoformat(stored.get(KEEP_UNTIL, defaults.keep_until.isoformat())))


def _settings_json(settings: RetentionSettings) -> dict[str, object]:
    return {ACTIVE_YEARS: settings.active_years, KEEP_UNTIL: settings.keep_until.isoformat()}


def save_settings(connection: Connection, settings: RetentionSettings, profile: str) -> None:
    """Save the keeping figures, the change recorded in the audit trail (« settings »)."""
    if settings.active_years < 1:
        raise RefusedError("La durée dans la base active doit être d'au moins 1 an (la CNIL "
                         "recommande 2 ans) : corrigez-la.")
    changes = diff(_settings_json(read_settings(connection)), _settings_json(settings))
    if changes:
        audit.record(connection, profile=profile, record_kind="settings", record_id=None,
                     household_id=None, action="update", changes=changes)
    upsert(connection, SETTINGS, {"key": ACTIVE_YEARS, "value": str(settings.active_years)},
           key="key")
    upsert(connection, SETTINGS, {"key": KEEP_UNTIL, "value": settings.keep_until.isoformat()},
           key="key")


class Retention:
    """The retention screen's work on one store, a collaborator `SqlStore` holds (and
    delegates its `Store` methods to): it reads and writes through the store's own
    transaction helpers, and signs its changes with the store's author."""

    def __init__(self, engine: Engine, where: str, reading: Transaction, writing: Transaction,
                 who: Callable[[str | None], str]) -> None:
        self._engine = engine
        self._where = where
        self._reading = reading
        self._writing = writing
        #: Who signs a change: the profile given (or the store's) as `SqlStore._who` says.
        self._who = who

    @contextmanager
    def _erasing(self) -> Iterator[Connection]:
        """A write with SQLite's secure_delete, then the file rebuilt and the WAL emptied
        (`ERASE`); on PostgreSQL a plain write."""
        if self._engine.dialect.name != "sqlite":
            with self._writing() as connection:
                yield connection
            return
        with environment_errors(self._where):
            with self._writing() as connection:
                before = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
                connection.exec_driver_sql("PRAGMA secure_delete=ON")
                try:
                    yield connection
                finally:
                    if before is not None:
                        connection.exec_driver_sql(f"PRAGMA secure_delete={int(before)}")
            raw = self._engine.raw_connection()
            try:
                cursor = raw.cursor()
                for statement in ERASE:
                    cursor.execute(statement)
                cursor.close()
            finally:
                raw.close()

    def settings(self) -> RetentionSettings:
        with self._reading() as c:
            return read_settings(c)

    def save_settings(self, settings: RetentionSettings) -> None:
        with self._writing() as c:
            save_settings(c, settings, self._who(None))

    def candidates(self, on: date) -> list[RetentionRow]:
        with self._reading() as c:
            return ops.candidates(c, on, read_settings(c))

    def archived(self) -> list[RetentionRow]:
        with self._reading() as c:
            return ops.archived(c)

    def overview(self, on: date) -> tuple[RetentionSettings, list[RetentionRow],
                                          list[RetentionRow]]:
        """In one read transaction: the settings, the households due for the archive on `on`
        and the archived ones (the retention screen)."""
        with self._reading() as c:
            settings = read_settings(c)
            return settings, ops.candidates(c, on, settings), ops.archived(c)

    def archived_on(self, household_id: str) -> date | None:
        with self._reading() as c:
            return ops.archived_on(c, household_id)

    def archive(self, ids: list[str], on: date, profile: str | None = None) -> None:
        with self._writing() as c:
            ops.archive(c, ids, on, read_settings(c), self._who(profile))

    def anonymise(self, ids: list[str], on: date, profile: str | None = None,
                  brackets: ProfileBrackets | None = None) -> None:
        with self._erasing() as c:
            ops.anonymise(c, ids, on, read_settings(c), brackets or _default_brackets(),
                          self._who(profile))

    def delete(self, ids: list[str], on: date, profile: str | None = None) -> None:
        with self._erasing() as c:
            ops.delete_households(c, ids, on, read_settings(c), self._who(profile))


def _default_brackets() -> ProfileBrackets:
    """The profile's default brackets: the grid's indicators (≈0,03 s to import) are loaded
    when a household is anonymised, not by every command that opens the store."""
    from desktop_app.domain.indicators.profile import ProfileBrackets

    return ProfileBrackets()
