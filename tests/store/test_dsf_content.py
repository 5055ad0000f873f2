"""The content of a DSF in the store: saved and read back whole, audited with each save,
absent for the measures of a store migrated from revision 0004, and reduced to its yes/no
answers when the household is anonymised."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import (
    Diploma,
    DsfOutcome,
    Household,
    Measure,
    MeasureType,
    Worker,
)
from desktop_app.store import migrate
from desktop_app.store.engine import create_store_engine, write
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.tables import AUDIT

D = date

CONTENT = DsfContent(
    writer="Claire Martin, conseillère ESF", tenant_present=True,
    sent_to_tenant_on=D(2024, 3, 12), sent_to_landlord_on=None,
    family_situation="Mme DURAND Marie, seule avec deux enfants.",
    social_support="Suivie par la MDS d'Arras.", rental_situation="T3, 12 rue des Lilas.",
    rent_debt=Decimal("1845.30"), debt_treatment="Plan d'apurement proposé au bailleur.",
    rent_resumed=True, repayment_capacity="50 € par mois.",
    recommendations="Maintien dans les lieux.", observations="",
    rehousing_needed=True, rehousing_steps="Demande de logement social n° 062 24 00123.",
    support_requested=True, housing_signal=True)


def seed(store: SqlStore, content: DsfContent | None) -> None:
    store.save_worker(Worker("w1", "Claire Martin", Diploma.CESF, 1.0))
    store.save_household(Household("h1", "DURAND Marie", "FSL-2024-00042",
                                    "12 rue des Lilas", "62000", "Arras"))
    store.save_measure(Measure("m1", "h1", MeasureType.DSF, "w1", summoned_on=D(2024, 2, 20),
                               hearing_on=D(2024, 4, 15), outcome=DsfOutcome.REALISE,
                               done_on=D(2024, 3, 10), dsf_content=content))


def test_a_content_comes_back_as_it_went_in(store: SqlStore) -> None:
    seed(store, CONTENT)
    measure = store.measure("m1")
    assert measure is not None and measure.dsf_content == CONTENT
    # a zero debt and nothing ticked is still a content, not « nothing filled in »
    empty = DsfContent(rent_debt=Decimal("0.00"))
    store.save_measure(Measure("m2", "h1", MeasureType.DSF, "w1", dsf_content=empty))
    again = store.measure("m2")
    assert again is not None and again.dsf_content == empty


def test_no_content_stays_none(store: SqlStore) -> None:
    seed(store, None)
    measure = store.measure("m1")
    assert measure is not None and measure.dsf_content is None


def test_each_save_is_in_the_audit_trail(store: SqlStore) -> None:
    seed(store, None)
    read = store.measure("m1")
    assert read is not None

    def fill(measure: Measure) -> None:
        measure.dsf_content = CONTENT

    store.update_measure("m1", fill, expected=read)
    last = [e for e in store.history("h1") if e.record_id == "m1"][-1]
    assert last.action == "update"
    assert last.changes["dsf_content.rent_debt"] == (None, "1845.30")
    assert last.changes["dsf_content.writer"] == (None, "Claire Martin, conseillère ESF")


def test_an_anonymised_dsf_keeps_no_free_text(store: SqlStore) -> None:
    seed(store, CONTENT)
    store.archive_households(["h1"], D(2026, 5, 1))
    store.anonymise_households(["h1"], D(2035, 1, 2))
    measure = store.measure("m1")
    assert measure is not None
    assert measure.dsf_content == DsfContent(tenant_present=True, rent_resumed=True,
                                             rehousing_needed=True, support_requested=True,
                                             housing_signal=True)
    with store.engine.connect() as c:
        trail = json.dumps([list(r) for r in c.execute(select(AUDIT)).all()],
                           ensure_ascii=False, default=str)
        columns = [tuple(r) for r in c.execute(text(
            "SELECT dsf_writer, dsf_family_situation, dsf_rehousing_steps, dsf_rent_debt, "
            "dsf_sent_to_tenant_on FROM measures WHERE id = 'm1'"))]
    assert columns == [(None, None, None, None, None)]
    for value in ("DURAND", "Lilas", "062 24 00123", "1845.30", "Claire Martin, conseillère"):
        assert value not in trail, value


def test_a_store_of_revision_0004_gets_the_columns_empty(tmp_path: object) -> None:
    path = f"{tmp_path}/store.sqlite3"
    engine = create_store_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with write(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        connection.execute(text("INSERT INTO workers (id, name, diploma, fte) "
                                "VALUES ('w1', 'Claire Martin', 'CESF', 1.0)"))
        connection.execute(text("INSERT INTO households (id, name, search_text) "
                                "VALUES ('h1', 'DURAND Marie', 'durand')"))
        connection.execute(text(
            "INSERT INTO measures (id, household_id, type, referent_id, outcome, done_on, "
            "has_contract, relay_authorized, extension, duration_breach) VALUES ('m1', 'h1', "
            "'DSF', 'w1', 'realise', '2024-03-10', false, false, false, false)"))
    engine.dispose()
    upgraded = open_store(f"sqlite:///{path}")
    measure = upgraded.measure("m1")
    assert measure is not None and measure.dsf_content is None
    assert measure.done_on == D(2024, 3, 10)
    read = measure

    def fill(m: Measure) -> None:
        m.dsf_content = CONTENT

    upgraded.update_measure("m1", fill, expected=read)
    again = upgraded.measure("m1")
    assert again is not None and again.dsf_content == CONTENT
    upgraded.close()
    # taken back to 0004: the columns go, the measure stays
    engine = create_store_engine(f"sqlite:///{path}")
    with write(engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        names = [r[1] for r in connection.execute(text("PRAGMA table_info(measures)"))]
    engine.dispose()
    assert "outcome" in names and not any(n.startswith("dsf_") for n in names)
