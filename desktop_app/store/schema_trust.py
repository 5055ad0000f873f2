"""Tables that keep the store trustworthy and the bilans' text.

- `audit_log`: one row per change, written in the same transaction as the change: when,
  which worker profile, which record, which fields from what to what (JSON). It has no
  foreign key: the history of a record outlives the record (and is purged with it when a
  household is deleted under the GDPR keeping rules).
- `import_batches` / `import_batch_records`: each import (or merge of a household file) is a
  batch whose records can be taken back whole while they are unchanged since.
- `household_archive`: households moved to the read-only archive after review, and those
  anonymised once the convention's keeping date has passed.
- `bilan_texts`: what the worker writes in a bilan, and when it was signed.
- `treated_alerts`: alerts a worker marked « traitée » with a reason,
  by the fingerprint of their facts (`domain.alerts.treated`); no foreign key, like the
  audit trail.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text

from desktop_app.store.schema import METADATA

AUDIT = Table(
    "audit_log", METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),  # local time of the laptop
    Column("profile", String(64), nullable=False),  # worker id, or « système »
    Column("household_id", String(64), index=True),
    Column("record_kind", String(20), nullable=False),  # household, measure, worker…
    Column("record_id", String(64)),
    Column("action", String(20), nullable=False),  # create, update, delete, import…
    #: JSON object {field: [before, after]} (values as in the interchange file).
    Column("changes", Text, nullable=False),
    Index("ix_audit_log_record", "record_kind", "record_id"),
)


BATCHES = Table(
    "import_batches", METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("profile", String(64), nullable=False),
    Column("kind", String(12), nullable=False),  # import, merge
    Column("source", Text, nullable=False),  # the file's name
    Column("summary", Text, nullable=False),  # JSON counts per kind of record
    Column("undone_at", DateTime),
)


#: A top-level record (household, measure, worker, home) brought by a batch.
BATCH_ITEMS = Table(
    "import_batch_records", METADATA,
    Column("batch_id", ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True),
    Column("record_kind", String(20), primary_key=True),
    Column("record_id", String(64), primary_key=True),
    #: SHA-256 of the record as imported (its interchange JSON): the batch can be taken back
    #: only while every record still has this fingerprint.
    Column("fingerprint", String(64), nullable=False),
)


ARCHIVE = Table(
    "household_archive", METADATA,
    Column("household_id", ForeignKey("households.id", ondelete="CASCADE"), primary_key=True),
    Column("archived_on", Date, nullable=False),
    Column("anonymised_on", Date),
)


#: The worker's text of the bilan of one report of a measure (`reports.kind`,
#: `reports.period_end`), kept apart from the report so that saving the measure, which
#: replaces its reports, never loses it.
BILAN_TEXTS = Table(
    "bilan_texts", METADATA,
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(14), primary_key=True),
    Column("period_end", Date, primary_key=True),
    Column("situation", Text, nullable=False),
    Column("objectives", Text, nullable=False),
    Column("actions", Text, nullable=False),
    Column("results", Text, nullable=False),
    Column("renewal_request", Text, nullable=False),
    Column("signed_on", Date),
    Column("updated_at", DateTime, nullable=False),
)


TREATED_ALERTS = Table(
    "treated_alerts", METADATA,
    Column("id", Integer, primary_key=True),
    #: `alert_fingerprint`: the same facts give the same alert.
    Column("fingerprint", String(64), unique=True, nullable=False),
    Column("code", String(32), nullable=False),
    Column("measure_id", String(64)),
    Column("household_id", String(64), index=True),
    Column("worker_id", String(64)),
    Column("reason", Text, nullable=False),
    Column("profile", String(64), nullable=False),  # who: worker id, or « système »
    Column("at", DateTime, nullable=False),  # when (local time of the laptop)
)


