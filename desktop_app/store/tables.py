"""The Core tables of every model, by short name, and the complete metadata (importing this
module registers every table: the migrations' `env.py` and the schema test use it)."""

from __future__ import annotations

from sqlalchemy import MetaData, Table

from desktop_app.store.schema import (
    AssociationRecord,
    Base,
    ConventionRecord,
    ConventionSubsidyRecord,
    GridSentRecord,
    OccupancyTableSentRecord,
    SettingRecord,
    TariffRecord,
    table,
)
from desktop_app.store.schema_accounts import AccountRecord, HouseholdShareRecord
from desktop_app.store.schema_measures import (
    AgreementExtensionRecord,
    MeasureRecord,
    NoticeRecord,
    PeriodRecord,
    ReportRecord,
    StayRecord,
    SuspensionRecord,
    VisitRecord,
)
from desktop_app.store.schema_people import (
    AbsenceRecord,
    HomeRecord,
    HouseholdRecord,
    MemberRecord,
    VacancyRecord,
    WorkerRecord,
)
from desktop_app.store.schema_trust import (
    AuditRecord,
    BilanTextRecord,
    HouseholdArchiveRecord,
    ImportBatchItemRecord,
    ImportBatchRecord,
    TreatedAlertRecord,
)

METADATA: MetaData = Base.metadata

ASSOCIATION: Table = table(AssociationRecord)
CONVENTIONS: Table = table(ConventionRecord)
SUBSIDIES: Table = table(ConventionSubsidyRecord)
GRIDS: Table = table(GridSentRecord)
OCCUPANCY: Table = table(OccupancyTableSentRecord)
TARIFFS: Table = table(TariffRecord)
SETTINGS: Table = table(SettingRecord)
WORKERS: Table = table(WorkerRecord)
ABSENCES: Table = table(AbsenceRecord)
HOUSEHOLDS: Table = table(HouseholdRecord)
MEMBERS: Table = table(MemberRecord)
HOMES: Table = table(HomeRecord)
VACANCIES: Table = table(VacancyRecord)
MEASURES: Table = table(MeasureRecord)
PERIODS: Table = table(PeriodRecord)
SUSPENSIONS: Table = table(SuspensionRecord)
VISITS: Table = table(VisitRecord)
REPORTS: Table = table(ReportRecord)
NOTICES: Table = table(NoticeRecord)
STAYS: Table = table(StayRecord)
AGREEMENT_EXTENSIONS: Table = table(AgreementExtensionRecord)
AUDIT: Table = table(AuditRecord)
BATCHES: Table = table(ImportBatchRecord)
BATCH_ITEMS: Table = table(ImportBatchItemRecord)
ARCHIVE: Table = table(HouseholdArchiveRecord)
BILAN_TEXTS: Table = table(BilanTextRecord)
ACCOUNTS: Table = table(AccountRecord)
SHARES: Table = table(HouseholdShareRecord)
TREATED_ALERTS: Table = table(TreatedAlertRecord)

#: Tables holding the caseload's records (the association row, tariffs and settings aside).
RECORD_TABLES: tuple[Table, ...] = (WORKERS, HOUSEHOLDS, HOMES, MEASURES)
