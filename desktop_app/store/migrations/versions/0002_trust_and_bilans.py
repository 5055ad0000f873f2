"""Audit trail, undoable import batches, household archive, bilan texts;
the GDPR keeping figures as settings.

The keeping figures are data the association may revise: records stay in the active base
2 years after the last measure ended (CNIL, référentiel social et médico-social,
délibération 2023-095), and are kept until 31/12/2034 (the FSL convention's data-protection
annex) before they are anonymised or deleted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RETENTION_SETTINGS = [
    {"key": "retention_active_years", "value": "2"},
    {"key": "retention_keep_until", "value": "2034-12-31"},
]


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("profile", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=True),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_log_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_audit_log_record", ["record_kind", "record_id"], unique=False)

    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("profile", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "household_archive",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("archived_on", sa.Date(), nullable=False),
        sa.Column("anonymised_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_archive_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_household_archive")),
    )
    op.create_table(
        "import_batch_records",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_batch_records_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "batch_id", "record_kind", "record_id", name=op.f("pk_import_batch_records")
        ),
    )
    op.create_table(
        "bilan_texts",
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("actions", sa.Text(), nullable=False),
        sa.Column("results", sa.Text(), nullable=False),
        sa.Column("renewal_request", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_bilan_texts_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_id", "kind", "period_end", name=op.f("pk_bilan_texts")),
    )
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.String))
    op.bulk_insert(settings, RETENTION_SETTINGS)


def downgrade() -> None:
    settings = sa.table("settings", sa.column("key", sa.String))
    op.execute(
        settings.delete().where(settings.c.key.in_([row["key"] for row in RETENTION_SETTINGS]))
    )
    op.drop_table("bilan_texts")
    op.drop_table("import_batch_records")
    op.drop_table("household_archive")
    op.drop_table("import_batches")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_record")
        batch_op.drop_index(batch_op.f("ix_audit_log_household_id"))

    op.drop_table("audit_log")
