"""The content of a DSF (décret n° 2021-8 du 5 janvier 2021, article 2): the `dsf_*` columns
of `measures`, all null for the existing measures (nothing was recorded: no content).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Frozen here (a migration must not change with the model); amounts as the `Money` text.
_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("dsf_writer", sa.Text()), ("dsf_tenant_present", sa.Boolean()),
    ("dsf_sent_to_tenant_on", sa.Date()), ("dsf_sent_to_landlord_on", sa.Date()),
    ("dsf_family_situation", sa.Text()), ("dsf_social_support", sa.Text()),
    ("dsf_rental_situation", sa.Text()), ("dsf_rent_debt", sa.String(length=32)),
    ("dsf_debt_treatment", sa.Text()), ("dsf_rent_resumed", sa.Boolean()),
    ("dsf_repayment_capacity", sa.Text()), ("dsf_recommendations", sa.Text()),
    ("dsf_observations", sa.Text()), ("dsf_rehousing_needed", sa.Boolean()),
    ("dsf_rehousing_steps", sa.Text()), ("dsf_ccapex_referred", sa.Boolean()),
    ("dsf_ccapex_recommendations", sa.Text()), ("dsf_support_requested", sa.Boolean()),
    ("dsf_housing_signal", sa.Boolean()),
)


def upgrade() -> None:
    with op.batch_alter_table("measures", schema=None) as batch_op:
        for name, kind in _COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), as 0003 does: a batch copy of the table
    # would drop it, which the foreign keys pointing at measures refuse.
    for name, _ in reversed(_COLUMNS):
        op.drop_column("measures", name)
