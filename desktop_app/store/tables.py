"""The Core tables of the store, by short name, and the complete metadata (importing this
module registers every table: the migrations' `env.py` and the schema test use it)."""

from __future__ import annotations

from sqlalchemy import Table

from desktop_app.store.schema import (
    ASSOCIATION,
    CONVENTIONS,
    GRIDS,
    METADATA,
    OCCUPANCY,
    SETTINGS,
    SUBSIDIES,
    TARIFFS,
)
from desktop_app.store.schema_accounts import (
    ACCOUNTS,
    SHARES,
)
from desktop_app.store.schema_measures import (
    AGREEMENT_EXTENSIONS,
    MEASURES,
    NOTICES,
    PERIODS,
    REPORTS,
    STAYS,
    SUSPENSIONS,
    VISITS,
)
from desktop_app.store.schema_people import (
    ABSENCES,
    HOMES,
    HOUSEHOLDS,
    MEMBERS,
    VACANCIES,
    WORKERS,
)
from desktop_app.store.schema_trust import (
    ARCHIVE,
    AUDIT,
    BATCH_ITEMS,
    BATCHES,
    BILAN_TEXTS,
    TREATED_ALERTS,
)

__all__ = ["ABSENCES", "ACCOUNTS", "AGREEMENT_EXTENSIONS", "ARCHIVE", "ASSOCIATION", "AUDIT",
           "BATCHES", "BATCH_ITEMS", "BILAN_TEXTS", "CONVENTIONS", "GRIDS", "HOMES",
           "HOUSEHOLDS", "MEASURES", "MEMBERS", "METADATA", "NOTICES", "OCCUPANCY", "PERIODS",
           "RECORD_TABLES", "REPORTS", "SETTINGS", "SHARES", "STAYS", "SUBSIDIES",
           "SUSPENSIONS", "TARIFFS", "TREATED_ALERTS", "VACANCIES", "VISITS", "WORKERS"]

#: Tables holding the caseload's records (the association row, tariffs and settings aside).
RECORD_TABLES: tuple[Table, ...] = (WORKERS, HOUSEHOLDS, HOMES, MEASURES)
