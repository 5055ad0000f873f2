"""Import all or nothing, export of the whole store, and their round trip (docs/echange.md)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.model import Association, Caseload, Convention, GridSent, Household
from desktop_app.domain.tariffs import default_tariffs
from desktop_app.interchange import InvalidFileError, caseload_to_json, read_file, read_parts
from desktop_app.store.errors import DuplicateIdsError
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.tables import METADATA
from tests.conftest import EXAMPLES
from tests.store.builders import D, by_id, full_caseload, tariff
from tests.store.raw import sql_rows


def _counts(store: SqlStore) -> dict[str, int]:
    return {name: sql_rows(store, f'SELECT count(*) FROM "{name}"')[0][0]
            for name in METADATA.tables}


@pytest.mark.parametrize("example", ["exemple-1", "exemple-2"])
def test_an_example_file_comes_back_identical(store: SqlStore, example: str) -> None:
    caseload = read_file(EXAMPLES / f"{example}.json")
    assert caseload.tariffs == []  # the examples rely on the built-in tariffs…
    store.import_caseload(caseload)
    expected = caseload_to_json(caseload)
    expected["tariffs"] = caseload_to_json(Caseload(Association(""), default_tariffs()))[
        "tariffs"]  # …which the export writes out
    assert caseload_to_json(store.export_caseload()) == expected


@pytest.mark.parametrize("source", ["exemple-2", "full"])
def test_export_import_export_is_identical(store: SqlStore, tmp_path: Path, source: str) -> None:
    store.import_caseload(full_caseload() if source == "full" else
                          read_file(EXAMPLES / f"{source}.json"))
    first = store.export_caseload()
    other = open_store(f"sqlite:///{tmp_path / 'autre.sqlite3'}")
    other.import_caseload(first)
    assert caseload_to_json(other.export_caseload()) == caseload_to_json(first)
    other.close()


def test_every_field_comes_back_as_it_went_in(store: SqlStore) -> None:
    caseload = full_caseload()
    store.import_caseload(caseload)
    back = store.export_caseload()
    assert back.association == caseload.association  # max_subsidy None, {} and filled
    assert back.tariffs == caseload.tariffs
    assert by_id(back.workers) == caseload.workers
    assert by_id(back.households) == caseload.households  # members in their order
    assert by_id(back.homes) == caseload.homes
    assert by_id(back.measures) == caseload.measures  # visits in recorded order
    # Money exactly as given: 1234.5 is not 1234.50000001.
    assert back.households[0].monthly_resources == Decimal("1234.5")
    assert [w.fte for w in by_id(back.workers)] == [1.0, 0.8]


def test_ids_already_stored_reject_the_file_and_write_nothing(store: SqlStore) -> None:
    store.import_caseload(read_file(EXAMPLES / "exemple-1.json"))
    before = _counts(store)
    again = read_file(EXAMPLES / "exemple-1.json")
    again.households.append(Household("h99", "NOUVEAU Ménage"))
    again.tariffs = [tariff(D(2026, 1, 1), "90.00")]
    with pytest.raises(DuplicateIdsError) as error:
        store.import_caseload(again)
    paths = [p.path for p in error.value.problems]
    # exemple-1: 2 workers, 4 households (+ h99, new), 1 home, 4 measures already there.
    assert paths == ["workers[0].id", "workers[1].id", "households[0].id", "households[1].id",
                     "households[2].id", "households[3].id", "homes[0].id", "measures[0].id",
                     "measures[1].id", "measures[2].id", "measures[3].id"]
    assert "« w1 » existe déjà" in error.value.problems[0].message
    assert _counts(store) == before
    assert store.household("h99") is None
    assert store.tariffs() == default_tariffs()


def test_tariffs_of_a_file_are_merged_by_date_the_file_winning(store: SqlStore) -> None:
    older = tariff(D(2024, 1, 1), "80.00")
    store.save_tariffs([older, *default_tariffs()])
    same_day = tariff(D(2025, 7, 1), "86.00")
    later = tariff(D(2026, 1, 1), "87.10")
    store.import_caseload(Caseload(Association("A"), [later, same_day]))
    assert store.tariffs() == [older, same_day, later]


def test_the_association_of_a_file_is_merged(store: SqlStore) -> None:
    store.save_association(Association(
        "Association du Pas-de-Calais", [Convention(2025, 40, 6, 10, 20, 5)],
        [GridSent(2024, D(2025, 1, 28))]))
    store.import_caseload(Caseload(Association(
        "Autre nom", [Convention(2025, 50, 7, 11, 21, 6), Convention(2026, 45, 6, 10, 20, 5)],
        [GridSent(2024, D(2025, 1, 28)), GridSent(2025, D(2026, 1, 30))])))
    assert store.association() == Association(
        "Association du Pas-de-Calais",  # the store's name is kept
        [Convention(2025, 50, 7, 11, 21, 6), Convention(2026, 45, 6, 10, 20, 5)],
        [GridSent(2024, D(2025, 1, 28)), GridSent(2025, D(2026, 1, 30))])


def test_an_empty_store_takes_the_name_of_the_file(store: SqlStore) -> None:
    assert store.association() == Association("")
    store.import_caseload(Caseload(Association("Association Exemple")))
    assert store.association().name == "Association Exemple"
    assert store.is_empty()  # an association alone is no caseload


def test_is_empty_is_false_once_a_record_is_stored(store: SqlStore) -> None:
    store.save_household(Household("h1", "DURAND Marie"))
    assert not store.is_empty()
    assert store.new_id("h") == "h2"
    assert date.today()  # the store never reads the clock: nothing else to check


def _file_of_households(tmp_path: Path, names: list[object]) -> Path:
    """An interchange file of one worker and households h0, h1… named `names`."""
    path = tmp_path / "menages.json"
    path.write_text(json.dumps({
        "format": "suivi-fsl/1", "association": {"name": "Association Exemple"},
        "tariffs": [{"from": "2026-01-01", "point_value": "90.00",
                     "fal_support_per_year": "1562.80", "fal_management_per_year": "500.00",
                     "dsf_done": "162.38", "dsf_closed_door": "39.12", "points_per_fte": 50,
                     "fal_per_fte": 30}],
        "workers": [{"id": "w1", "name": "Claire Martin", "diploma": "CESF", "fte": 1.0}],
        "households": [{"id": f"h{i}", "name": name} for i, name in enumerate(names)],
        "measures": []}), encoding="utf-8")
    return path


def test_a_file_imported_piece_by_piece_is_counted_and_undoable_whole(
    store: SqlStore, tmp_path: Path
) -> None:
    path = _file_of_households(tmp_path, ["A", "B", "C", "D", "E"])
    # Pieces of 2: settings, w1, h0-h1, h2-h3, h4 — one transaction, one batch.
    added = store.import_parts(read_parts(path, size=2), source="menages.json")
    assert added == {"workers": 1, "households": 5, "homes": 0, "measures": 0, "visits": 0}
    assert [h.id for h in store.export_caseload().households] == ["h0", "h1", "h2", "h3", "h4"]
    [batch] = store.import_batches()
    assert (batch.kind, batch.source, batch.counts["households"]) == ("import", "menages.json", 5)
    assert [e.action for e in store.history("h4")] == ["import"]
    store.undo_import(batch.id)
    assert store.is_empty() and store.tariffs() == default_tariffs()


def test_a_problem_in_a_late_piece_leaves_the_store_as_it_was(
    store: SqlStore, tmp_path: Path
) -> None:
    before = _counts(store)
    # h0-h1 and h2-h3 are added before h4's name (a NUL) is read: all rolled back.
    path = _file_of_households(tmp_path, ["A", "B", "C", "D", "E\x00"])
    with pytest.raises(InvalidFileError) as error:
        store.import_parts(read_parts(path, size=2), source="menages.json")
    assert [p.path for p in error.value.problems] == ["households[4].name"]
    assert _counts(store) == before
    assert store.import_batches() == [] and store.tariffs() == default_tariffs()


def test_ids_already_stored_in_a_late_piece_have_their_path_in_the_file(
    store: SqlStore, tmp_path: Path
) -> None:
    store.save_household(Household("h3", "DÉJÀ LÀ"))
    before = _counts(store)
    path = _file_of_households(tmp_path, ["A", "B", "C", "D", "E"])
    with pytest.raises(DuplicateIdsError) as error:
        store.import_parts(read_parts(path, size=2))
    # h3 is the second household of the third piece (h2, h3): index 2 + 1 in the file.
    assert [(p.path, p.message) for p in error.value.problems] == [(
        "households[3].id", "l'identifiant « h3 » existe déjà dans la base : importez le "
        "fichier dans une base vide, ou changez cet identifiant partout où le fichier "
        "l'emploie")]
    assert _counts(store) == before
