"""Imports that can be undone: a batch is taken back whole while its records are
unchanged since, else refused with a French message naming what changed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Household,
    Measure,
    MeasureType,
    Visit,
    VisitOutcome,
    Worker,
)
from desktop_app.interchange import caseload_to_json
from desktop_app.store.errors import RefusedError
from desktop_app.store.repository import SqlStore
from tests.store.builders import full_caseload, tariff


def _export(store: SqlStore) -> str:
    return json.dumps(caseload_to_json(store.export_caseload()), ensure_ascii=False, indent=1)


def _base() -> Caseload:
    """What the store held before: one worker, one household, one tariff."""
    return Caseload(Association("Association Exemple"), [tariff(date(2024, 1, 1), "84.00")],
                    [Worker("w9", "Anne Roux", Diploma.ES, 1.0)],
                    [Household("h9", "ROUX Paul", city="Lens")])


@pytest.fixture
def imported(store: SqlStore) -> SqlStore:
    store.import_caseload(_base(), source="base.json")
    store.import_caseload(full_caseload(), source="dossiers.json")
    return store


def _second(store: SqlStore) -> int:
    return store.import_batches()[0].id  # newest first


def test_undo_gives_back_the_store_exactly(store: SqlStore) -> None:
    store.import_caseload(_base(), source="base.json")
    before = _export(store)
    store.import_caseload(full_caseload(), source="dossiers.json")
    assert _export(store) != before
    newest, oldest = store.import_batches()
    # full_caseload: workers w1 w2, households h1 h2, homes u1 u2, measures m1…m6;
    # visits: 4 in m1 + 2 in m5 = 6.
    assert (newest.kind, newest.source, newest.undoable, newest.reason) == (
        "import", "dossiers.json", True, None)
    assert newest.counts == {"workers": 2, "households": 2, "homes": 2, "measures": 6,
                             "visits": 6}
    assert oldest.counts == {"workers": 1, "households": 1, "homes": 0, "measures": 0,
                             "visits": 0}
    store.undo_import(newest.id)
    # Records gone, and the conventions, grids sent and tariffs the file merged put back.
    assert _export(store) == before
    undone = store.import_batches()[0]
    assert undone.undone_at is not None and not undone.undoable
    assert undone.reason == "déjà annulé"
    with pytest.raises(RefusedError, match="déjà été annulé"):
        store.undo_import(newest.id)


def test_undo_refused_after_a_visit_was_added(imported: SqlStore) -> None:
    m1 = imported.measure("m1")
    assert m1 is not None
    m1.visits.append(Visit(date(2025, 10, 15), VisitOutcome.REALISEE))
    imported.save_measure(m1)
    before = _export(imported)
    batch = _second(imported)
    with pytest.raises(RefusedError) as refused:
        imported.undo_import(batch)
    message = str(refused.value)
    assert message.startswith(f"L'import n° {batch} (dossiers.json) ne peut pas être annulé")
    assert "mesure m1 (ASLL du ménage h1) modifié(e) depuis" in message
    assert "mesure m2" not in message  # only what changed is named
    assert _export(imported) == before  # nothing deleted
    listed = imported.import_batches()[0]
    assert not listed.undoable and listed.reason is not None and "mesure m1" in listed.reason


def test_undo_refused_when_a_typed_measure_refers_to_an_imported_worker(
        imported: SqlStore) -> None:
    # Typed by hand later: a measure of h9 (first batch) followed by w1 (second batch).
    imported.save_measure(Measure("m99", "h9", MeasureType.ASLL, "w1"))
    second, first = imported.import_batches()
    assert not second.undoable and second.reason == (
        "mesure m99 (ménage h9) saisie depuis avec pour référent l'intervenant importé w1")
    assert not first.undoable and first.reason == "mesure m99 ajoutée depuis au ménage h9"
    with pytest.raises(RefusedError, match="l'intervenant importé w1"):
        imported.undo_import(second.id)
    assert imported.measure("m99") is not None and imported.household("h1") is not None


def test_a_measure_saved_again_unchanged_keeps_the_batch_undoable(imported: SqlStore) -> None:
    m1 = imported.measure("m1")
    assert m1 is not None
    imported.save_measure(replace(m1, visits=list(reversed(m1.visits))))  # another order
    imported.undo_import(_second(imported))
    assert imported.measure("m1") is None and imported.household("h1") is None
    assert imported.household("h9") is not None


def test_unknown_batch(store: SqlStore) -> None:
    with pytest.raises(RefusedError, match="Aucun import n° 42"):
        store.undo_import(42)


def test_an_undone_households_id_is_not_handed_out_again(store: SqlStore) -> None:
    store.import_caseload(full_caseload(), source="dossiers.json")  # households h1 and h2
    (batch,) = store.import_batches()
    store.undo_import(batch.id)
    assert store.household("h1") is None
    # h1 and h2 keep their import entries in the trail: a new family must not get them in
    # its history (and its right-of-access export), so the next id is h3, not h1.
    assert [e.action for e in store.history("h1")] == ["import"]
    assert store.new_id("h") == "h3"
