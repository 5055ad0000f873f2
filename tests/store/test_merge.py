"""A household's file between two laptops: exported from store A, merged in store
B: absent records added (an undoable batch), identical ones skipped, differing ones kept as
they are in B and reported field by field in French."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Household,
    Measure,
    MeasureType,
    Territory,
    Visit,
    VisitOutcome,
    Worker,
)
from desktop_app.interchange import caseload_to_json, read_file, write_file
from desktop_app.store.repository import SqlStore, open_store
from tests.store.builders import full_caseload

NOTHING: dict[str, list[str]] = {"worker": [], "household": [], "home": [], "measure": []}


@pytest.fixture
def laptop_b(tmp_path: Path) -> Iterator[SqlStore]:
    """The colleague's store: the same association and Claire Martin (w1), nothing else."""
    other = open_store(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    other.import_caseload(Caseload(Association("Association Exemple"), [],
                                   [Worker("w1", "Claire Martin", Diploma.CESF, 1.0)]))
    yield other
    other.close()


@pytest.fixture
def h1_file(store: SqlStore, tmp_path: Path) -> Caseload:
    """DURAND Marie's file (h1) written by store A and read back as an interchange file."""
    store.import_caseload(full_caseload())
    path = tmp_path / "h1.json"
    write_file(store.export_household("h1"), path)
    return read_file(path)


def test_the_file_holds_the_household_and_what_it_refers_to(h1_file: Caseload) -> None:
    # full_caseload: h1 has m1 (ASLL), m4 (FAL, stays in u1 then u2) and m6 (diagnostic),
    # all followed by w1; the visits of m1 are by w1 or the referent. w1's absences are left
    # out (staff leave, not the household's data); w2 and h2's measures are not included.
    assert [h.id for h in h1_file.households] == ["h1"]
    assert [m.id for m in h1_file.measures] == ["m1", "m4", "m6"]
    assert [(w.id, w.absences) for w in h1_file.workers] == [("w1", [])]
    assert [h.id for h in h1_file.homes] == ["u1", "u2"]
    assert (h1_file.association.name, h1_file.tariffs) == ("Association Exemple", [])


def test_merge_adds_then_skips(h1_file: Caseload, store: SqlStore,
                               laptop_b: SqlStore) -> None:
    report = laptop_b.merge_caseload(h1_file, "h1.json")
    assert report.added == {"worker": [], "household": ["h1"], "home": ["u1", "u2"],
                            "measure": ["m1", "m4", "m6"]}
    assert report.skipped == {**NOTHING, "worker": ["w1"]}
    assert report.conflicts == [] and report.batch_id is not None
    assert (caseload_to_json(laptop_b.export_household("h1"))
            == caseload_to_json(store.export_household("h1")))
    batch = laptop_b.import_batches()[0]
    assert (batch.kind, batch.source, batch.counts["measures"], batch.undoable) == (
        "merge", "h1.json", 3, True)
    again = laptop_b.merge_caseload(h1_file, "h1.json")
    assert again.added == NOTHING and again.conflicts == [] and again.batch_id is None
    assert again.skipped == {"worker": ["w1"], "household": ["h1"], "home": ["u1", "u2"],
                             "measure": ["m1", "m4", "m6"]}


def test_a_changed_phone_is_a_conflict_and_b_keeps_its_own(h1_file: Caseload,
                                                          laptop_b: SqlStore) -> None:
    laptop_b.merge_caseload(h1_file, "h1.json")
    mine = laptop_b.household("h1")
    assert mine is not None
    laptop_b.save_household(replace(mine, phone="0701020304"))
    m1 = laptop_b.measure("m1")
    assert m1 is not None
    m1.visits.append(Visit(date(2025, 10, 15), VisitOutcome.REALISEE))
    laptop_b.save_measure(m1)
    report = laptop_b.merge_caseload(h1_file, "h1.json")
    assert report.conflicts == [
        "Ménage h1 (DURAND Marie) : téléphone « 0701020304 » ici, « 0601020304 » dans le "
        "fichier",
        # m1 has 4 visits in the file, 5 here: the one of 15/10/2025 typed on B.
        "Mesure m1 (ASLL du ménage h1) : visites : 5 ici, 4 dans le fichier ; seulement "
        "ici : « 15/10/2025 réalisée »",
    ]
    assert report.added == NOTHING and report.batch_id is None
    kept = laptop_b.household("h1")
    assert kept is not None and kept.phone == "0701020304"


def test_a_merge_can_be_undone(h1_file: Caseload, laptop_b: SqlStore) -> None:
    report = laptop_b.merge_caseload(h1_file, "h1.json")
    assert report.batch_id is not None
    laptop_b.undo_import(report.batch_id)
    assert laptop_b.household("h1") is None and laptop_b.measure("m1") is None
    assert [w.id for w in laptop_b.workers()] == ["w1"]  # was there before: kept


def test_undoing_a_measure_merged_into_a_kept_household_is_in_its_history(
        h1_file: Caseload, laptop_b: SqlStore) -> None:
    laptop_b.merge_caseload(h1_file, "h1.json")  # batch 1: h1, m1, m4, m6, u1, u2
    later = replace(h1_file, measures=[*h1_file.measures,
                                       Measure("m7", "h1", MeasureType.DSF, "w1")])
    report = laptop_b.merge_caseload(later, "h1-bis.json")  # batch 2: m7 alone
    assert report.added == {**NOTHING, "measure": ["m7"]} and report.batch_id is not None
    laptop_b.undo_import(report.batch_id)
    assert [m.id for m in laptop_b.measures_of_household("h1")] == ["m1", "m4", "m6"]
    last = laptop_b.history("h1")[-1]  # h1 stays: its file says m7 was taken back
    assert (last.record_kind, last.record_id, last.action, last.changes) == (
        "measure", "m7", "undo", {"source": ("h1-bis.json", None)})


def test_measures_of_another_family_under_the_same_id_are_not_added(
        h1_file: Caseload, laptop_b: SqlStore) -> None:
    # Ids are numbered on each laptop: B's h1 is another family than the file's DURAND Marie.
    laptop_b.save_household(Household("h1", "MARTIN Luc", territory=Territory.LENS_LIEVIN))
    report = laptop_b.merge_caseload(h1_file, "h1.json")
    assert report.added == {**NOTHING, "home": ["u1", "u2"]}  # the homes alone refer to none
    assert report.skipped == {**NOTHING, "worker": ["w1"]}
    assert report.conflicts[-3:] == [
        f"Mesure {m} ({kind} du ménage h1) : non ajoutée, car le ménage h1 diffère ici (voir "
        "ci-dessus) : mettez les deux dossiers d'accord, puis fusionnez de nouveau."
        for m, kind in (("m1", "ASLL"), ("m4", "FAL"), ("m6", "ASLL_DIAG"))]
    assert report.conflicts[0].startswith("Ménage h1 (MARTIN Luc) : ")
    assert laptop_b.measures_of_household("h1") == []  # nothing of DURAND's in MARTIN's file
