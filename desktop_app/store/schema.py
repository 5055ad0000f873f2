"""The tables of the store as SQLAlchemy 2 typed models: the association, its conventions and
documents sent, tariffs and settings (people and measures: `schema_people`, `schema_measures`).

The models describe the schema; the migrations in `migrations/versions/` create it (never
`create_all` on a user's file: a test checks that both agree). Reads and writes go through
Core statements on these tables (`Model.__table__`), not the ORM unit of work.
Money is stored as its exact decimal text (`Money`), dates as SQL dates, codes as their
interchange strings.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table(model: type[Base]) -> Table:
    """The Core table of a model (typed for Core statements)."""
    found = model.__table__
    assert isinstance(found, Table)
    return found


class AssociationRecord(Base):
    """The association: a single row (id 1)."""

    __tablename__ = "association"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class ConventionRecord(Base):
    __tablename__ = "conventions"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    asll_points_per_month: Mapped[int]
    aml_points_per_month: Mapped[int]
    fal_count: Mapped[int]
    dsf_count: Mapped[int]
    dsf_closed_door_count: Mapped[int]
    #: False: `max_subsidy` is null in the file; True: an object (rows in `convention_subsidies`).
    has_max_subsidy: Mapped[bool]


class ConventionSubsidyRecord(Base):
    """The maximum subsidy of one measure type in a yearly convention."""

    __tablename__ = "convention_subsidies"
    year: Mapped[int] = mapped_column(
        ForeignKey("conventions.year", ondelete="CASCADE"), primary_key=True)
    type: Mapped[str] = mapped_column(String(12), primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Money)


class GridSentRecord(Base):
    __tablename__ = "grids_sent"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    sent_on: Mapped[date] = mapped_column(Date)


class OccupancyTableSentRecord(Base):
    __tablename__ = "occupancy_tables_sent"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    sent_on: Mapped[date] = mapped_column(Date)


class TariffRecord(Base):
    """Figures the département revises, in force from `from_date` (P4–P6, Q1–Q2)."""

    __tablename__ = "tariffs"
    from_date: Mapped[date] = mapped_column(Date, primary_key=True)
    point_value: Mapped[Decimal] = mapped_column(Money)
    fal_support_per_year: Mapped[Decimal] = mapped_column(Money)
    fal_management_per_year: Mapped[Decimal] = mapped_column(Money)
    dsf_done: Mapped[Decimal] = mapped_column(Money)
    dsf_closed_door: Mapped[Decimal] = mapped_column(Money)
    points_per_fte: Mapped[int]
    fal_per_fte: Mapped[int]


class SettingRecord(Base):
    """A setting the convention leaves open (`AlertSettings`), as text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
