"""Tables of the personal accounts of a store on a PostgreSQL server.

- `accounts`: each personal login (a PostgreSQL role) made by `account add`, its group role
  (`travailleur`, `responsable` or `lecture`) and the worker it is (for the audit trail and
  the row-level policies of `server_policies`); a disabled account keeps its row (and its
  history), with the day it was disabled.
- `household_shares`: a household explicitly shared with a login (besides the households of
  which its worker is referent or replaces the referent), by whom and when.

On a SQLite file both tables exist and stay empty: one schema for both engines.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.schema import Base

#: PostgreSQL's longest identifier (a role name).
LOGIN_LENGTH = 63


class AccountRecord(Base):
    __tablename__ = "accounts"
    login: Mapped[str] = mapped_column(String(LOGIN_LENGTH), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))  # travailleur, responsable, lecture
    #: The worker the login is (its caseload, its name in the audit trail); None: nobody's.
    worker_id: Mapped[str | None] = mapped_column(String(64), index=True)
    created_on: Mapped[dt.date] = mapped_column(Date)
    disabled_on: Mapped[dt.date | None] = mapped_column(Date)


class HouseholdShareRecord(Base):
    __tablename__ = "household_shares"
    household_id: Mapped[str] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    login: Mapped[str] = mapped_column(String(LOGIN_LENGTH), primary_key=True, index=True)
    shared_by: Mapped[str] = mapped_column(String(LOGIN_LENGTH))
    shared_at: Mapped[dt.datetime] = mapped_column(DateTime)
