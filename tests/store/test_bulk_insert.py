"""The batched insert of an import (`writers.bulk_insert`: executemany on SQLite, one
`INSERT … SELECT … FROM unnest(…)` per batch on PostgreSQL) writes exactly the rows given, in
list order, on both engines: text, absent values, days, booleans, floats, sums of money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.store.engine import write
from desktop_app.store.repository import SqlStore
from desktop_app.store.tables import HOMES, HOUSEHOLDS, MEMBERS, VACANCIES, WORKERS
from desktop_app.store.writers import bulk_insert
from tests.store.raw import sql_rows


def _household(id_: str, name: str, resources: Decimal | None,
               city: str | None) -> dict[str, object]:
    return {"id": id_, "reference": None, "name": name, "address": None, "postcode": "62000",
            "city": city, "territory": None, "territory_other": None, "phone": None,
            "monthly_resources": resources, "search_text": name.lower()}


def test_the_rows_written_are_exactly_those_given(store: SqlStore) -> None:
    with write(store.engine) as connection:
        bulk_insert(connection, WORKERS, [
            {"id": "w1", "name": "Anne Leroy", "diploma": "CESF", "fte": 1.0},
            {"id": "w2", "name": "Éric Noël", "diploma": "AS", "fte": 0.5}])
        bulk_insert(connection, HOUSEHOLDS, [
            _household("h2", "Zola", Decimal("1234.50"), "Arras"),
            _household("h1", "Dupont", None, None),
            _household("h3", "Martin", Decimal("0.05"), "Lens")])
        # Not in alphabetical order: the generated ids follow the list.
        bulk_insert(connection, MEMBERS, [
            {"household_id": "h1", "name": "Zoé", "role": "enfant", "birth_date": None},
            {"household_id": "h1", "name": "Adam", "role": "demandeur",
             "birth_date": date(1980, 2, 29)},
            {"household_id": "h3", "name": "Marc", "role": "conjoint",
             "birth_date": date(1975, 12, 31)}])
        bulk_insert(connection, HOMES, [{"id": "l1", "address": "1 rue Haute"},
                                        {"id": "l2", "address": "2 rue Basse"}])
        bulk_insert(connection, VACANCIES, [
            {"home_id": "l1", "start": date(2025, 1, 1), "end": date(2025, 1, 31),
             "justified": True},
            {"home_id": "l2", "start": date(2025, 3, 1), "end": date(2025, 3, 15),
             "justified": False}])
        # One row alone goes through the plain insert on both engines.
        bulk_insert(connection, WORKERS, [{"id": "w3", "name": "Lou", "diploma": "ES",
                                           "fte": 0.25}])

    assert sql_rows(store, "SELECT id, name, diploma, fte FROM workers ORDER BY id") == [
        ("w1", "Anne Leroy", "CESF", 1.0), ("w2", "Éric Noël", "AS", 0.5),
        ("w3", "Lou", "ES", 0.25)]
    assert sql_rows(store, "SELECT id, name, postcode, city, monthly_resources, search_text, "
                           "reference FROM households ORDER BY id") == [
        ("h1", "Dupont", "62000", None, None, "dupont", None),
        ("h2", "Zola", "62000", "Arras", "1234.50", "zola", None),
        ("h3", "Martin", "62000", "Lens", "0.05", "martin", None)]
    assert sql_rows(store, "SELECT household_id, name, role, birth_date FROM members "
                           "ORDER BY id") == [
        ("h1", "Zoé", "enfant", None), ("h1", "Adam", "demandeur", "1980-02-29"),
        ("h3", "Marc", "conjoint", "1975-12-31")]
    assert sql_rows(store, "SELECT home_id, start, \"end\", justified FROM vacancies "
                           "ORDER BY id") == [
        ("l1", "2025-01-01", "2025-01-31", True), ("l2", "2025-03-01", "2025-03-15", False)]


def test_an_imported_household_reads_back_with_its_members_in_order(store: SqlStore) -> None:
    """The whole import path (`insert_records` through `Batches`), read by the store."""
    from tests.store.builders import full_caseload

    caseload = full_caseload()
    store.import_caseload(caseload)
    for household in caseload.households:
        assert store.household(household.id) == household
