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

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.schema import Base


class AuditRecord(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "record_kind", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # local time of the laptop
    profile: Mapped[str] = mapped_column(String(64))  # worker id, or « système »
    household_id: Mapped[str | None] = mapped_column(String(64), index=True)
    record_kind: Mapped[str] = mapped_column(String(20))  # household, measure, worker…
    record_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete, import…
    #: JSON object {field: [before, after]} (values as in the interchange file).
    changes: Mapped[str] = mapped_column(Text)


class ImportBatchRecord(Base):
    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    profile: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(12))  # import, merge
    source: Mapped[str] = mapped_column(Text)  # the file's name
    summary: Mapped[str] = mapped_column(Text)  # JSON counts per kind of record
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ImportBatchItemRecord(Base):
    """A top-level record (household, measure, worker, home) brought by a batch."""

    __tablename__ = "import_batch_records"
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: SHA-256 of the record as imported (its interchange JSON): the batch can be taken back
    #: only while every record still has this fingerprint.
    fingerprint: Mapped[str] = mapped_column(String(64))


class HouseholdArchiveRecord(Base):
    __tablename__ = "household_archive"
    household_id: Mapped[str] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    archived_on: Mapped[dt.date] = mapped_column(Date)
    anonymised_on: Mapped[dt.date | None] = mapped_column(Date)


class BilanTextRecord(Base):
    """The worker's text of the bilan of one report of a measure (`reports.kind`,
    `reports.period_end`), kept apart from the report so that saving the measure, which
    replaces its reports, never loses it."""

    __tablename__ = "bilan_texts"
    measure_id: Mapped[str] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(14), primary_key=True)
    period_end: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    situation: Mapped[str] = mapped_column(Text)
    objectives: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text)
    results: Mapped[str] = mapped_column(Text)
    renewal_request: Mapped[str] = mapped_column(Text)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TreatedAlertRecord(Base):
    __tablename__ = "treated_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    #: `alert_fingerprint`: the same facts give the same alert.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    code: Mapped[str] = mapped_column(String(32))
    measure_id: Mapped[str | None] = mapped_column(String(64))
    household_id: Mapped[str | None] = mapped_column(String(64), index=True)
    worker_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    profile: Mapped[str] = mapped_column(String(64))  # who: worker id, or « système »
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # when (local time of the laptop)
