"""Personal accounts and household shares: the login → worker table the audit trail
and the row-level policies of a PostgreSQL store read, and the households shared with a login.
Two new empty tables: nothing else changes (on a SQLite file they stay empty).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("disabled_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_accounts")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_worker_id"), ["worker_id"], unique=False)
    op.create_table(
        "household_shares",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("shared_by", sa.String(length=63), nullable=False),
        sa.Column("shared_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_shares_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", "login", name=op.f("pk_household_shares")),
    )
    with op.batch_alter_table("household_shares", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_shares_login"), ["login"], unique=False)


def downgrade() -> None:
    op.drop_table("household_shares")
    op.drop_table("accounts")
