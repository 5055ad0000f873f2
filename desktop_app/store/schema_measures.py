"""Tables of the measures and their children (periods, suspensions, visits, reports, notices,
stays). The contract and the type-specific fields are columns of `measures`.

`span_start`, `span_end` (`measure_facts.in_force_span`), `one_off_on`
(`measure_facts.one_off_date`) and `duration_breach` are denormalized: recomputed on every
write of a measure, so that the loaders select the measures a month or a day needs without
reading their history. A change of the rules they come from needs a migration that
recomputes them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.schema import Base, Money

_MEASURE_FK = "measures.id"


class MeasureRecord(Base):
    __tablename__ = "measures"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    type: Mapped[str] = mapped_column(String(12))
    referent_id: Mapped[str] = mapped_column(ForeignKey("workers.id"), index=True)
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    exit_reason: Mapped[str | None] = mapped_column(String(24))
    close_reason: Mapped[str | None] = mapped_column(Text)
    #: False: no contract (null in the file); True: the four contract columns below.
    has_contract: Mapped[bool]
    contract_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    contract_sent_on: Mapped[dt.date | None] = mapped_column(Date)
    contract_not_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    contract_not_signed_reason: Mapped[str | None] = mapped_column(String(12))
    retroactive: Mapped[str | None] = mapped_column(String(12))
    asll_content: Mapped[str | None] = mapped_column(String(10))
    agreement_on: Mapped[dt.date | None] = mapped_column(Date)
    lease_transferred_on: Mapped[dt.date | None] = mapped_column(Date)
    relay_authorized: Mapped[bool]
    concertation_on: Mapped[dt.date | None] = mapped_column(Date)
    long_stay_reason: Mapped[str | None] = mapped_column(String(8))
    extension: Mapped[bool]
    summoned_on: Mapped[dt.date | None] = mapped_column(Date)
    hearing_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))
    transmitted_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    # --- AML failure claim (`model.FailureClaim`): none while claim_departure_on is null -----
    claim_departure_on: Mapped[dt.date | None] = mapped_column(Date)
    claim_unpaid_rent: Mapped[Decimal | None] = mapped_column(Money)
    claim_damage: Mapped[Decimal | None] = mapped_column(Money)
    claim_eviction: Mapped[Decimal | None] = mapped_column(Money)
    #: The invoices listed, a JSON list of texts.
    claim_invoices: Mapped[str | None] = mapped_column(Text)
    claim_sent_on: Mapped[dt.date | None] = mapped_column(Date)
    claim_decision: Mapped[str | None] = mapped_column(String(10))
    claim_decided_on: Mapped[dt.date | None] = mapped_column(Date)
    claim_granted: Mapped[Decimal | None] = mapped_column(Money)
    # --- DSF content (`dsf_content.DsfContent`): none while dsf_tenant_present is null ----
    dsf_writer: Mapped[str | None] = mapped_column(Text)
    dsf_tenant_present: Mapped[bool | None]
    dsf_sent_to_tenant_on: Mapped[dt.date | None] = mapped_column(Date)
    dsf_sent_to_landlord_on: Mapped[dt.date | None] = mapped_column(Date)
    dsf_family_situation: Mapped[str | None] = mapped_column(Text)
    dsf_social_support: Mapped[str | None] = mapped_column(Text)
    dsf_rental_situation: Mapped[str | None] = mapped_column(Text)
    dsf_rent_debt: Mapped[Decimal | None] = mapped_column(Money)
    dsf_debt_treatment: Mapped[str | None] = mapped_column(Text)
    dsf_rent_resumed: Mapped[bool | None]
    dsf_repayment_capacity: Mapped[str | None] = mapped_column(Text)
    dsf_recommendations: Mapped[str | None] = mapped_column(Text)
    dsf_observations: Mapped[str | None] = mapped_column(Text)
    dsf_rehousing_needed: Mapped[bool | None]
    dsf_rehousing_steps: Mapped[str | None] = mapped_column(Text)
    dsf_ccapex_referred: Mapped[bool | None]
    dsf_ccapex_recommendations: Mapped[str | None] = mapped_column(Text)
    dsf_support_requested: Mapped[bool | None]
    dsf_housing_signal: Mapped[bool | None]
    # --- denormalized, recomputed on every write (measure_facts) ------------------------
    span_start: Mapped[dt.date | None] = mapped_column(Date)
    span_end: Mapped[dt.date | None] = mapped_column(Date)
    one_off_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    #: The recorded periods break a duration rule (`alerts.durations.duration_problems`):
    #: `duree` is raised whatever the day, even before the measure starts.
    duration_breach: Mapped[bool]


class PeriodRecord(Base):
    __tablename__ = "periods"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(16))


class SuspensionRecord(Base):
    __tablename__ = "suspensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(16))


class VisitRecord(Base):
    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(24))
    place: Mapped[str | None] = mapped_column(String(10))
    worker_id: Mapped[str | None] = mapped_column(ForeignKey("workers.id"))


class ReportRecord(Base):
    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    kind: Mapped[str] = mapped_column(String(14))
    period_end: Mapped[dt.date] = mapped_column(Date)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    signed: Mapped[bool]


class NoticeRecord(Base):
    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    kind: Mapped[str] = mapped_column(String(16))
    sent_on: Mapped[dt.date] = mapped_column(Date)


class AgreementExtensionRecord(Base):
    """AML: the agreement in principle prolonged by e-mail (`domain.aml`)."""

    __tablename__ = "agreement_extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    sent_on: Mapped[dt.date] = mapped_column(Date)
    new_end: Mapped[dt.date] = mapped_column(Date)


class StayRecord(Base):
    """A FAL household's stay in an ALT home."""

    __tablename__ = "stays"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[str] = mapped_column(ForeignKey(_MEASURE_FK, ondelete="CASCADE"),
                                            index=True)
    home_id: Mapped[str] = mapped_column(ForeignKey("homes.id"))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)


Index("ix_visits_measure_id_day", VisitRecord.measure_id, VisitRecord.day)
Index("ix_visits_worker_id", VisitRecord.worker_id)
Index("ix_measures_type_span", MeasureRecord.type, MeasureRecord.span_start,
      MeasureRecord.span_end)
Index("ix_measures_span_end", MeasureRecord.span_end)
Index("ix_stays_home_id_start", StayRecord.home_id, StayRecord.start)
Index("ix_stays_end", StayRecord.end)
