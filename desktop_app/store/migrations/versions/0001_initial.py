"""Schema of the store, built-in tariffs and settings.

The tariffs in force from 2025-07-01 (docs/regles.md P4–P6, Q1–Q2, as shipped in
`desktop_app/resources/default_tariffs.json` when this revision was written) and the alert
settings' defaults are inserted here, as data: a later revision of the figures is a new
migration or an edit in the application, never a change of this file.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DEFAULT_TARIFFS = [
    {
        "from_date": date(2025, 7, 1),
        "point_value": "85.95",
        "fal_support_per_year": "1562.80",
        "fal_management_per_year": "500.00",
        "dsf_done": "162.38",
        "dsf_closed_door": "39.12",
        "points_per_fte": 50,
        "fal_per_fte": 30,
    },
]
DEFAULT_SETTINGS = [
    {"key": "days_ahead", "value": "7"},
    {"key": "occupancy_table_due_day", "value": "10"},
]


def upgrade() -> None:
    op.create_table(
        "association",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_association")),
    )
    op.create_table(
        "conventions",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("asll_points_per_month", sa.Integer(), nullable=False),
        sa.Column("aml_points_per_month", sa.Integer(), nullable=False),
        sa.Column("fal_count", sa.Integer(), nullable=False),
        sa.Column("dsf_count", sa.Integer(), nullable=False),
        sa.Column("dsf_closed_door_count", sa.Integer(), nullable=False),
        sa.Column("has_max_subsidy", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_conventions")),
    )
    op.create_table(
        "grids_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grids_sent")),
    )
    op.create_table(
        "homes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_homes")),
    )
    op.create_table(
        "households",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("postcode", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("territory", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("monthly_resources", sa.String(length=32), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
    )
    op.create_index(
        "ix_households_list", "households", ["name", "id", "reference", "city", "territory"]
    )
    op.create_table(
        "occupancy_tables_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupancy_tables_sent")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "tariffs",
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("point_value", sa.String(length=32), nullable=False),
        sa.Column("fal_support_per_year", sa.String(length=32), nullable=False),
        sa.Column("fal_management_per_year", sa.String(length=32), nullable=False),
        sa.Column("dsf_done", sa.String(length=32), nullable=False),
        sa.Column("dsf_closed_door", sa.String(length=32), nullable=False),
        sa.Column("points_per_fte", sa.Integer(), nullable=False),
        sa.Column("fal_per_fte", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("from_date", name=op.f("pk_tariffs")),
    )
    op.create_table(
        "workers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("diploma", sa.String(length=8), nullable=False),
        sa.Column("fte", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workers")),
    )
    op.create_table(
        "absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("slisl_notified_on", sa.Date(), nullable=True),
        sa.Column("replacement_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["replacement_id"], ["workers.id"], name=op.f("fk_absences_replacement_id_workers")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["workers.id"],
            name=op.f("fk_absences_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absences")),
    )
    op.create_index("ix_absences_replacement_id", "absences", ["replacement_id"])
    op.create_index("ix_absences_worker_id", "absences", ["worker_id"])
    op.create_table(
        "convention_subsidies",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["year"],
            ["conventions.year"],
            name=op.f("fk_convention_subsidies_year_conventions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("year", "type", name=op.f("pk_convention_subsidies")),
    )
    op.create_table(
        "measures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=12), nullable=False),
        sa.Column("referent_id", sa.String(length=64), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=True),
        sa.Column("has_contract", sa.Boolean(), nullable=False),
        sa.Column("contract_signed_on", sa.Date(), nullable=True),
        sa.Column("contract_sent_on", sa.Date(), nullable=True),
        sa.Column("contract_not_signed_on", sa.Date(), nullable=True),
        sa.Column("contract_not_signed_reason", sa.String(length=12), nullable=True),
        sa.Column("retroactive", sa.String(length=12), nullable=True),
        sa.Column("agreement_on", sa.Date(), nullable=True),
        sa.Column("lease_transferred_on", sa.Date(), nullable=True),
        sa.Column("relay_authorized", sa.Boolean(), nullable=False),
        sa.Column("concertation_on", sa.Date(), nullable=True),
        sa.Column("long_stay_reason", sa.String(length=8), nullable=True),
        sa.Column("extension", sa.Boolean(), nullable=False),
        sa.Column("summoned_on", sa.Date(), nullable=True),
        sa.Column("hearing_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("transmitted_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("span_start", sa.Date(), nullable=True),
        sa.Column("span_end", sa.Date(), nullable=True),
        sa.Column("one_off_on", sa.Date(), nullable=True),
        sa.Column("duration_breach", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_measures_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["referent_id"], ["workers.id"], name=op.f("fk_measures_referent_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measures")),
    )
    op.create_index("ix_measures_closed_on", "measures", ["closed_on"])
    op.create_index("ix_measures_household_id", "measures", ["household_id"])
    op.create_index("ix_measures_one_off_on", "measures", ["one_off_on"])
    op.create_index("ix_measures_referent_id", "measures", ["referent_id"])
    op.create_index("ix_measures_span_end", "measures", ["span_end"])
    op.create_index("ix_measures_type_span", "measures", ["type", "span_start", "span_end"])
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_members_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    op.create_index("ix_members_household_id", "members", ["household_id"])
    op.create_table(
        "vacancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("home_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("justified", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["home_id"], ["homes.id"], name=op.f("fk_vacancies_home_id_homes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacancies")),
    )
    op.create_index("ix_vacancies_home_id", "vacancies", ["home_id"])
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_notices_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index("ix_notices_measure_id", "notices", ["measure_id"])
    op.create_table(
        "periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_periods_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_periods")),
    )
    op.create_index("ix_periods_measure_id", "periods", ["measure_id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_reports_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    op.create_index("ix_reports_measure_id", "reports", ["measure_id"])
    op.create_table(
        "stays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("home_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["home_id"], ["homes.id"], name=op.f("fk_stays_home_id_homes")),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_stays_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stays")),
    )
    op.create_index("ix_stays_end", "stays", ["end"])
    op.create_index("ix_stays_home_id_start", "stays", ["home_id", "start"])
    op.create_index("ix_stays_measure_id", "stays", ["measure_id"])
    op.create_table(
        "suspensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_suspensions_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspensions")),
    )
    op.create_index("ix_suspensions_measure_id", "suspensions", ["measure_id"])
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("place", sa.String(length=10), nullable=True),
        sa.Column("worker_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measures.id"],
            name=op.f("fk_visits_measure_id_measures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["workers.id"], name=op.f("fk_visits_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index("ix_visits_measure_id_day", "visits", ["measure_id", "day"])
    op.create_index("ix_visits_worker_id", "visits", ["worker_id"])

    tariffs = sa.table(
        "tariffs",
        sa.column("from_date", sa.Date()),
        sa.column("point_value", sa.String()),
        sa.column("fal_support_per_year", sa.String()),
        sa.column("fal_management_per_year", sa.String()),
        sa.column("dsf_done", sa.String()),
        sa.column("dsf_closed_door", sa.String()),
        sa.column("points_per_fte", sa.Integer()),
        sa.column("fal_per_fte", sa.Integer()),
    )
    op.bulk_insert(tariffs, DEFAULT_TARIFFS)
    settings = sa.table("settings", sa.column("key", sa.String()), sa.column("value", sa.String()))
    op.bulk_insert(settings, DEFAULT_SETTINGS)


def downgrade() -> None:
    op.drop_table("visits")
    op.drop_table("suspensions")
    op.drop_table("stays")
    op.drop_table("reports")
    op.drop_table("periods")
    op.drop_table("notices")
    op.drop_table("vacancies")
    op.drop_table("members")
    op.drop_table("measures")
    op.drop_table("convention_subsidies")
    op.drop_table("absences")
    op.drop_table("workers")
    op.drop_table("tariffs")
    op.drop_table("settings")
    op.drop_table("occupancy_tables_sent")
    op.drop_table("households")
    op.drop_table("homes")
    op.drop_table("grids_sent")
    op.drop_table("conventions")
    op.drop_table("association")
