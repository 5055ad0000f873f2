"""Tables of the people and places: workers and absences, households and members, ALT homes
and vacancies. Records keep the interchange file's string ids as primary keys; children are
stored in list order (their integer key follows insertion order)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from desktop_app.store.schema import METADATA, Money

WORKERS = Table(
    "workers", METADATA,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("diploma", String(8), nullable=False),
    Column("fte", Double, nullable=False),
)


ABSENCES = Table(
    "absences", METADATA,
    Column("id", Integer, primary_key=True),
    Column("worker_id", ForeignKey("workers.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("reason", Text),
    Column("slisl_notified_on", Date),
    Column("replacement_id", ForeignKey("workers.id")),
)


HOUSEHOLDS = Table(
    "households", METADATA,
    Column("id", String(64), primary_key=True),
    Column("reference", String(100)),
    Column("name", String(200), nullable=False),
    Column("address", Text),
    Column("postcode", String(20)),
    Column("city", String(200)),
    #: A code of `model.Territory`; its name in `territory_other` when « autre ».
    Column("territory", String(200)),
    Column("territory_other", Text),
    Column("phone", String(50)),
    Column("monthly_resources", Money),
    #: Name, reference, town and territory in lower case without accents (`search.normalize`),
    #: kept up to date on every write, for the household list's search.
    Column("search_text", Text, nullable=False),
)


MEMBERS = Table(
    "members", METADATA,
    Column("id", Integer, primary_key=True),
    Column("household_id", ForeignKey("households.id", ondelete="CASCADE"), index=True,
           nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(12), nullable=False),
    Column("birth_date", Date),
)


#: An ALT home of the association (FAL).
HOMES = Table(
    "homes", METADATA,
    Column("id", String(64), primary_key=True),
    Column("address", Text, nullable=False),
)


VACANCIES = Table(
    "vacancies", METADATA,
    Column("id", Integer, primary_key=True),
    Column("home_id", ForeignKey("homes.id", ondelete="CASCADE"), index=True, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("justified", Boolean, nullable=False),
)


Index("ix_absences_replacement_id", ABSENCES.c.replacement_id)
#: The household list's order, covering what it shows (no table look-up per row).
Index("ix_households_list", HOUSEHOLDS.c.name, HOUSEHOLDS.c.id, HOUSEHOLDS.c.reference,
      HOUSEHOLDS.c.city, HOUSEHOLDS.c.territory)
