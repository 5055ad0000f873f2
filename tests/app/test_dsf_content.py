"""`save_dsf_content` on a SQLite file and on PostgreSQL: one transaction, checked against
the version read, recorded in the audit trail; a wrong content or a measure that is not a
DSF refused in French with nothing written."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.app import measures
from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import DsfOutcome, Measure, MeasureType
from desktop_app.store.errors import ConflictError, RefusedError
from desktop_app.store.repository import SqlStore
from desktop_app.store.tracked import MEASURE_CHANGED
from tests.store.builders import D
from tests.store.raw import sql_rows

CONTENT = DsfContent(
    writer="Claire Martin, CESF", tenant_present=True, sent_to_tenant_on=D(2025, 9, 20),
    family_situation="Couple, un enfant.", social_support="Aucun.",
    rental_situation="T2, parc privé.", rent_debt=Decimal("980.00"),
    debt_treatment="Plan d'apurement.", repayment_capacity="40 € par mois.",
    recommendations="Maintien dans les lieux.", support_requested=True)


def _audit(store: SqlStore) -> list[tuple[Any, ...]]:
    return sql_rows(store, "SELECT profile, record_kind, record_id, household_id, action "
                    "FROM audit_log ORDER BY id")


def _dsf(store: SqlStore) -> Measure:
    store.save_measure(Measure("m7", "h2", MeasureType.DSF, "w2", summoned_on=D(2025, 9, 1),
                               hearing_on=D(2025, 11, 4), outcome=DsfOutcome.REALISE,
                               done_on=D(2025, 9, 18)), new=True)
    found = store.measure("m7")
    assert found is not None
    return found


def test_the_content_is_saved_with_one_audit_entry(store: SqlStore) -> None:
    read = _dsf(store)
    entries = _audit(store)
    saved = measures.save_dsf_content(store, "m7", CONTENT, read)
    assert saved == replace(read, dsf_content=CONTENT) == store.measure("m7")
    assert _audit(store) == [*entries, ("w1", "measure", "m7", "h2", "update")]
    changes = store.history("h2")[-1].changes
    assert changes["dsf_content.rent_debt"] == (None, "980.00")
    assert changes["dsf_content.support_requested"] == (None, True)


def test_a_blank_content_is_no_content(store: SqlStore) -> None:
    read = measures.save_dsf_content(store, "m7", CONTENT, _dsf(store))
    cleared = measures.save_dsf_content(store, "m7", DsfContent(), read)
    assert cleared.dsf_content is None
    stored = store.measure("m7")
    assert stored is not None and stored.dsf_content is None


def test_a_stale_version_is_refused_in_french(store: SqlStore) -> None:
    stale = _dsf(store)
    elsewhere = measures.change_measure(store, "m7",
                                        lambda m: replace(m, transmitted_on=D(2025, 10, 1)),
                                        stale)
    entries = _audit(store)
    with pytest.raises(ConflictError, match=f"^{re.escape(MEASURE_CHANGED)}$"):
        measures.save_dsf_content(store, "m7", CONTENT, stale)
    assert store.measure("m7") == elsewhere and _audit(store) == entries


def test_a_wrong_content_is_refused_and_nothing_written(store: SqlStore) -> None:
    read = _dsf(store)
    entries = _audit(store)
    wrong = replace(CONTENT, rent_debt=Decimal("-5.00"), sent_to_landlord_on=D(2025, 9, 17))
    with pytest.raises(RefusedError) as refused:
        measures.save_dsf_content(store, "m7", wrong, read)
    assert str(refused.value).split("\n") == [
        "La dette locative ne peut pas être négative (0 € au moins).",
        "La transmission au bailleur (17/09/2025) ne peut pas précéder le diagnostic "
        "(18/09/2025)."]
    assert store.measure("m7") == read and _audit(store) == entries


def test_only_a_dsf_has_a_content(store: SqlStore) -> None:
    asll = store.measure("m1")
    assert asll is not None
    assert measures.NOT_A_DSF == "Le contenu du diagnostic ne se renseigne que pour un DSF."
    with pytest.raises(RefusedError, match=f"^{re.escape(measures.NOT_A_DSF)}$"):
        measures.save_dsf_content(store, "m1", CONTENT, asll)
    assert store.measure("m1") == asll
