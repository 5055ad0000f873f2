"""Tables of the measures and their children (periods, suspensions, visits, reports, notices,
stays). The contract and the type-specific fields are columns of `measures`.

`span_start`, `span_end` (`measure_facts.in_force_span`), `one_off_on`
(`measure_facts.one_off_date`) and `duration_breach` are denormalized: recomputed on every
write of a measure, so that the loaders select the measures a month or a day needs without
reading their history. A change of the rules they come from needs a migration that
recomputes them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text

from desktop_app.store.schema import METADATA, Money

_MEASURE_FK = "measures.id"


MEASURES = Table(
    "measures", METADATA,
    Column("id", String(64), primary_key=True),
    Column("household_id", ForeignKey("households.id"), index=True, nullable=False),
    Column("type", String(12), nullable=False),
    Column("referent_id", ForeignKey("workers.id"), index=True, nullable=False),
    Column("decision_date", Date),
    Column("closed_on", Date, index=True),
    Column("exit_reason", String(24)),
    Column("close_reason", Text),
    #: False: no contract (null in the file); True: the four contract columns below.
    Column("has_contract", Boolean, nullable=False),
    Column("contract_signed_on", Date),
    Column("contract_sent_on", Date),
    Column("contract_not_signed_on", Date),
    Column("contract_not_signed_reason", String(12)),
    Column("retroactive", String(12)),
    Column("asll_content", String(10)),
    Column("agreement_on", Date),
    Column("lease_transferred_on", Date),
    Column("relay_authorized", Boolean, nullable=False),
    Column("concertation_on", Date),
    Column("long_stay_reason", String(8)),
    Column("extension", Boolean, nullable=False),
    Column("summoned_on", Date),
    Column("hearing_on", Date),
    Column("outcome", String(16)),
    Column("transmitted_on", Date),
    Column("done_on", Date),
    # --- AML failure claim (`model.FailureClaim`): none while claim_departure_on is null -----
    Column("claim_departure_on", Date),
    Column("claim_unpaid_rent", Money),
    Column("claim_damage", Money),
    Column("claim_eviction", Money),
    #: The invoices listed, a JSON list of texts.
    Column("claim_invoices", Text),
    Column("claim_sent_on", Date),
    Column("claim_decision", String(10)),
    Column("claim_decided_on", Date),
    Column("claim_granted", Money),
    # --- DSF content (`dsf_content.DsfContent`): none while dsf_tenant_present is null ----
    Column("dsf_writer", Text),
    Column("dsf_tenant_present", Boolean),
    Column("dsf_sent_to_tenant_on", Date),
    Column("dsf_sent_to_landlord_on", Date),
    Column("dsf_family_situation", Text),
    Column("dsf_social_support", Text),
    Column("dsf_rental_situation", Text),
    Column("dsf_rent_debt", Money),
    Column("dsf_debt_treatment", Text),
    Column("dsf_rent_resumed", Boolean),
    Column("dsf_repayment_capacity", Text),
    Column("dsf_recommendations", Text),
    Column("dsf_observations", Text),
    Column("dsf_rehousing_needed", Boolean),
    Column("dsf_rehousing_steps", Text),
    Column("dsf_ccapex_referred", Boolean),
    Column("dsf_ccapex_recommendations", Text),
    Column("dsf_support_requested", Boolean),
    Column("dsf_housing_signal", Boolean),
    # --- denormalized, recomputed on every write (measure_facts) ------------------------
    Column("span_start", Date),
    Column("span_end", Date),
    Column("one_off_on", Date, index=True),
    #: The recorded periods break a duration rule (`alerts.durations.duration_problems`):
    #: `duree` is raised whatever the day, even before the measure starts.
    Column("duration_breach", Boolean, nullable=False),
)


PERIODS = Table(
    "periods", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("level", String(10)),
    Column("kind", String(16)),
)


SUSPENSIONS = Table(
    "suspensions", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("reason", String(16), nullable=False),
)


VISITS = Table(
    "visits", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    Column("outcome", String(24), nullable=False),
    Column("place", String(10)),
    Column("worker_id", ForeignKey("workers.id")),
)


REPORTS = Table(
    "reports", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("kind", String(14), nullable=False),
    Column("period_end", Date, nullable=False),
    Column("sent_on", Date),
    Column("signed", Boolean, nullable=False),
)


NOTICES = Table(
    "notices", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("sent_on", Date, nullable=False),
)


#: AML: the agreement in principle prolonged by e-mail (`domain.aml`).
AGREEMENT_EXTENSIONS = Table(
    "agreement_extensions", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("sent_on", Date, nullable=False),
    Column("new_end", Date, nullable=False),
)


#: A FAL household's stay in an ALT home.
STAYS = Table(
    "stays", METADATA,
    Column("id", Integer, primary_key=True),
    Column("measure_id", ForeignKey(_MEASURE_FK, ondelete="CASCADE"), index=True, nullable=False),
    Column("home_id", ForeignKey("homes.id"), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
)


Index("ix_visits_measure_id_day", VISITS.c.measure_id, VISITS.c.day)
Index("ix_visits_worker_id", VISITS.c.worker_id)
Index("ix_measures_type_span", MEASURES.c.type, MEASURES.c.span_start,
      MEASURES.c.span_end)
Index("ix_measures_span_end", MEASURES.c.span_end)
Index("ix_stays_home_id_start", STAYS.c.home_id, STAYS.c.start)
Index("ix_stays_end", STAYS.c.end)
