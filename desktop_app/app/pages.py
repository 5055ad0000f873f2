"""The queries of the screens that show stored records as they are (no rule to run): the
household's page, the team, the keeping lists and the settings. Each reads what its screen
shows in one read transaction of the store (no Qt here; the window runs them off the GUI
thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop_app.app.charts import caseload_chart
from desktop_app.domain.charts import BarChart
from desktop_app.domain.dates import Month
from desktop_app.domain.model import AlertSettings, Association, Household, Measure, Tariff, Worker

if TYPE_CHECKING:
    from desktop_app.domain.retention import RetentionSettings
    from desktop_app.store.api import Store
    from desktop_app.store.records import AuditEntry, MeasureRow, RetentionRow


@dataclass(frozen=True)
class HouseholdPage:
    household: Household
    #: Its measures, by first period.
    measures: list[Measure]
    #: Its audit trail and its measures', oldest first.
    history: list[AuditEntry]
    #: The day it went to the read-only archive (None: not archived).
    archived_on: date | None


def household_page(store: Store, household_id: str) -> HouseholdPage | None:
    """The « Ménage » page (None: the household is not stored)."""
    found = store.household_file(household_id)
    return None if found is None else HouseholdPage(*found)


@dataclass(frozen=True)
class TeamPage:
    workers: list[Worker]
    #: The measures in force on the day (each worker's caseload).
    measures: list[MeasureRow]
    #: Each worker's points of the day's month against their ETP ceiling.
    chart: BarChart | None = None


def team_page(store: Store, day: date) -> TeamPage:
    """The « Équipe » screen as of `day` (one read: `Store.team_with_month`)."""
    workers, measures, caseload = store.team_with_month(day)
    return TeamPage(workers, measures, caseload_chart(caseload, Month.of(day)))


@dataclass(frozen=True)
class RetentionPage:
    settings: RetentionSettings
    #: The households due for the read-only archive on the day.
    due: list[RetentionRow]
    archived: list[RetentionRow]


def retention_page(store: Store, today: date) -> RetentionPage:
    """The « Conservation » screen as of `today`."""
    return RetentionPage(*store.retention_overview(today))


@dataclass(frozen=True)
class SettingsPage:
    association: Association
    #: The tariffs stored (none: the screen shows the default ones, and says so).
    tariffs: list[Tariff]
    alerts: AlertSettings


def settings_page(store: Store) -> SettingsPage:
    """The « Paramètres » screen."""
    return SettingsPage(*store.association_settings())
