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

from sqlalchemy import Column, Date, DateTime, ForeignKey, String, Table

from desktop_app.store.schema import METADATA

#: PostgreSQL's longest identifier (a role name).
LOGIN_LENGTH = 63


ACCOUNTS = Table(
    "accounts", METADATA,
    Column("login", String(LOGIN_LENGTH), primary_key=True),
    Column("role", String(12), nullable=False),  # travailleur, responsable, lecture
    #: The worker the login is (its caseload, its name in the audit trail); None: nobody's.
    Column("worker_id", String(64), index=True),
    Column("created_on", Date, nullable=False),
    Column("disabled_on", Date),
)


SHARES = Table(
    "household_shares", METADATA,
    Column("household_id", ForeignKey("households.id", ondelete="CASCADE"), primary_key=True),
    Column("login", String(LOGIN_LENGTH), primary_key=True, index=True),
    Column("shared_by", String(LOGIN_LENGTH), nullable=False),
    Column("shared_at", DateTime, nullable=False),
)


