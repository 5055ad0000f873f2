"""The tables of the store as SQLAlchemy Core tables: the association, its conventions and
documents sent, tariffs and settings (people and measures: `schema_people`, `schema_measures`).

The tables describe the schema; the migrations in `migrations/versions/` create it (never
`create_all` on a user's file: a test checks that both agree). Reads and writes go through
Core statements on these tables; SQLAlchemy's ORM is not used (nor loaded: ≈0,1 s of
start-up). A column is NOT NULL unless said `nullable`.
Money is stored as its exact decimal text (`Money`), dates as SQL dates, codes as their
interchange strings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)

#: Constraint names Alembic can find again (SQLite batch migrations need them).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Money(TypeDecorator[Decimal]):
    """A Decimal kept as its exact text ("85.95"): no binary float, no driver warning."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


#: Every table of the store (`tables.METADATA`).
METADATA = MetaData(naming_convention=NAMING)


#: The association: a single row (id 1).
ASSOCIATION = Table(
    "association", METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
)


CONVENTIONS = Table(
    "conventions", METADATA,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("asll_points_per_month", Integer, nullable=False),
    Column("aml_points_per_month", Integer, nullable=False),
    Column("fal_count", Integer, nullable=False),
    Column("dsf_count", Integer, nullable=False),
    Column("dsf_closed_door_count", Integer, nullable=False),
    #: False: `max_subsidy` is null in the file; True: an object (rows in `convention_subsidies`).
    Column("has_max_subsidy", Boolean, nullable=False),
)


#: The maximum subsidy of one measure type in a yearly convention.
SUBSIDIES = Table(
    "convention_subsidies", METADATA,
    Column("year", ForeignKey("conventions.year", ondelete="CASCADE"), primary_key=True),
    Column("type", String(12), primary_key=True),
    Column("amount", Money, nullable=False),
)


GRIDS = Table(
    "grids_sent", METADATA,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("sent_on", Date, nullable=False),
)


OCCUPANCY = Table(
    "occupancy_tables_sent", METADATA,
    Column("id", Integer, primary_key=True),
    Column("month", String(7), nullable=False),  # YYYY-MM
    Column("sent_on", Date, nullable=False),
)


#: Figures the département revises, in force from `from_date` (P4–P6, Q1–Q2).
TARIFFS = Table(
    "tariffs", METADATA,
    Column("from_date", Date, primary_key=True),
    Column("point_value", Money, nullable=False),
    Column("fal_support_per_year", Money, nullable=False),
    Column("fal_management_per_year", Money, nullable=False),
    Column("dsf_done", Money, nullable=False),
    Column("dsf_closed_door", Money, nullable=False),
    Column("points_per_fte", Integer, nullable=False),
    Column("fal_per_fte", Integer, nullable=False),
)


#: A setting the convention leaves open (`AlertSettings`), as text.
SETTINGS = Table(
    "settings", METADATA,
    Column("key", String(60), primary_key=True),
    Column("value", String(200), nullable=False),
)


