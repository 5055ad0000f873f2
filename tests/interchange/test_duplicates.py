"""Ids of the file that the store already holds."""

from __future__ import annotations

from desktop_app.interchange import (
    ExistingIds,
    Problem,
    duplicate_id_problems,
    parse_caseload,
    read_file,
)
from tests.conftest import EXAMPLES
from tests.interchange.docs import small_doc


def message(record_id: str) -> str:
    return (f"l'identifiant « {record_id} » existe déjà dans la base : importez le fichier dans "
            "une base vide, ou changez cet identifiant partout où le fichier l'emploie")


def test_household_already_stored() -> None:
    caseload = read_file(EXAMPLES / "exemple-1.json")  # households h1, h2, h3, h4
    problems = duplicate_id_problems(caseload, ExistingIds(households={"h3", "h9"}))
    # h3 is the third household: index 2; h9 is not in the file
    assert problems == [Problem("households[2].id", message("h3"))]
    assert str(problems[0]).startswith(
        "households[2].id : l'identifiant « h3 » existe déjà dans la base")


def test_every_kind_in_file_order() -> None:
    caseload = parse_caseload(small_doc())
    existing = ExistingIds(workers=frozenset({"w2"}), households={"h1", "h3"}, homes={"u1"},
                           measures={"m1", "m2"})
    assert [p.path for p in duplicate_id_problems(caseload, existing)] == [
        "workers[1].id", "households[0].id", "households[2].id", "homes[0].id",
        "measures[0].id", "measures[1].id"]


def test_ids_of_another_kind_do_not_clash() -> None:
    caseload = parse_caseload(small_doc())
    # "h1" is stored as a worker id: households may still use it
    assert duplicate_id_problems(caseload, ExistingIds(workers={"h1", "m1", "u1"})) == []
    assert duplicate_id_problems(caseload, ExistingIds()) == []
