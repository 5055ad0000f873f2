"""Tables of the people and places: workers and absences, households and members, ALT homes
and vacancies. Records keep the interchange file's string ids as primary keys; children are
stored in list order (their integer key follows insertion order)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.schema import Base, Money


class WorkerRecord(Base):
    __tablename__ = "workers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    diploma: Mapped[str] = mapped_column(String(8))
    fte: Mapped[float]


class AbsenceRecord(Base):
    __tablename__ = "absences"
    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[str] = mapped_column(
        ForeignKey("workers.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    slisl_notified_on: Mapped[date | None] = mapped_column(Date)
    replacement_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"))


class HouseholdRecord(Base):
    __tablename__ = "households"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(200))
    #: A code of `model.Territory`; its name in `territory_other` when « autre ».
    territory: Mapped[str | None] = mapped_column(String(200))
    territory_other: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(50))
    monthly_resources: Mapped[Decimal | None] = mapped_column(Money)
    #: Name, reference, town and territory in lower case without accents (`search.normalize`),
    #: kept up to date on every write, for the household list's search.
    search_text: Mapped[str] = mapped_column(Text)


class MemberRecord(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[str] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))
    birth_date: Mapped[date | None] = mapped_column(Date)


class HomeRecord(Base):
    """An ALT home of the association (FAL)."""

    __tablename__ = "homes"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    address: Mapped[str] = mapped_column(Text)


class VacancyRecord(Base):
    __tablename__ = "vacancies"
    id: Mapped[int] = mapped_column(primary_key=True)
    home_id: Mapped[str] = mapped_column(
        ForeignKey("homes.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    justified: Mapped[bool]


Index("ix_absences_replacement_id", AbsenceRecord.replacement_id)
#: The household list's order, covering what it shows (no table look-up per row).
Index("ix_households_list", HouseholdRecord.name, HouseholdRecord.id, HouseholdRecord.reference,
      HouseholdRecord.city, HouseholdRecord.territory)
