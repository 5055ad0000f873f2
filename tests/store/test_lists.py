"""The household and measure lists: search without accents or case, measure in force."""

from __future__ import annotations

from desktop_app.domain.model import Household, Measure, MeasureType, Period
from desktop_app.store.records import HouseholdRow, MeasureRow
from desktop_app.store.repository import SqlStore
from tests.store.builders import D, full_caseload


def _names(rows: list[HouseholdRow]) -> list[str]:
    return [r.name for r in rows]


def test_search_ignores_accents_and_case(store: SqlStore) -> None:
    store.import_caseload(full_caseload())  # h1 DURAND Marie (Arras), h2 Hélène LEFÈVRE
    on = D(2025, 10, 15)
    assert _names(store.household_rows(on, "helene")) == ["Hélène LEFÈVRE"]
    assert _names(store.household_rows(on, "LEFEVRE")) == ["Hélène LEFÈVRE"]
    assert _names(store.household_rows(on, "HÉLÈNE")) == ["Hélène LEFÈVRE"]
    assert _names(store.household_rows(on, "arrageois")) == ["DURAND Marie"]  # territory
    assert _names(store.household_rows(on, "fsl-2025-0042")) == ["DURAND Marie"]  # reference
    assert _names(store.household_rows(on, "  arras ")) == ["DURAND Marie"]  # town
    assert _names(store.household_rows(on, "personne")) == []


def test_search_takes_wildcards_literally(store: SqlStore) -> None:
    store.save_household(Household("h1", "A_B 100%"))
    store.save_household(Household("h2", "AXB 1000"))
    on = D(2025, 1, 1)
    assert _names(store.household_rows(on, "a_b")) == ["A_B 100%"]
    assert _names(store.household_rows(on, "0%")) == ["A_B 100%"]


def test_rows_name_the_support_measure_in_force_and_its_referent(store: SqlStore) -> None:
    store.import_caseload(full_caseload())
    # On 15/10/2025 h1 has m1 (ASLL, 01/07/2025–30/06/2026) and m4 (FAL, from 11/09/2025) in
    # force (a cumul): the lowest id is shown. h2's ASLL m2 was closed on 31/05/2025.
    rows = store.household_rows(D(2025, 10, 15))
    assert rows == [
        HouseholdRow("h1", "DURAND Marie", "FSL-2025-0042", "Arras", "Arrageois",
                     MeasureType.ASLL, "m1", "w1", "Claire Martin"),
        HouseholdRow("h2", "Hélène LEFÈVRE", None, None, "Autre territoire : Ternois", None,
                     None, None, None),
    ]
    # On 15/05/2025 only h2's ASLL (01/04 – closed 31/05) is in force.
    rows = store.household_rows(D(2025, 5, 15))
    assert [(r.id, r.measure_id, r.referent_name) for r in rows] == [
        ("h1", None, None), ("h2", "m2", "Karim Benali")]


def test_rows_are_sorted_by_name_and_limited(store: SqlStore) -> None:
    for hid, name in [("h1", "MOREAU"), ("h2", "ARNAUD"), ("h3", "DUPONT"), ("h4", "BERNARD")]:
        store.save_household(Household(hid, name))
    assert _names(store.household_rows(D(2025, 1, 1))) == ["ARNAUD", "BERNARD", "DUPONT",
                                                            "MOREAU"]
    assert _names(store.household_rows(D(2025, 1, 1), limit=2)) == ["ARNAUD", "BERNARD"]


def test_measure_rows_in_force_and_of_a_referent(store: SqlStore) -> None:
    caseload = full_caseload()
    store.import_caseload(caseload)
    assert [r.id for r in store.measure_rows()] == ["m1", "m4", "m6", "m2", "m3", "m5"]
    # 15/10/2025: m1 and m4 (h1, w1) in force; m2 closed on 31/05/2025.
    assert store.measure_rows(D(2025, 10, 15)) == [
        MeasureRow("m1", "h1", "DURAND Marie", "FSL-2025-0042", MeasureType.ASLL, "w1",
                   D(2025, 7, 1), D(2026, 6, 30), None),
        MeasureRow("m4", "h1", "DURAND Marie", "FSL-2025-0042", MeasureType.FAL, "w1",
                   D(2025, 9, 11), D(2026, 9, 10), None),
    ]
    assert [r.id for r in store.measure_rows(referent="w2")] == ["m2", "m5"]
    assert [r.id for r in store.measure_rows(D(2025, 5, 31), referent="w2")] == ["m2"]
    assert store.measure_rows(D(2025, 6, 1), referent="w2") == []
    store.save_measure(Measure("m9", "h2", MeasureType.ASLL, "w2",
                               periods=[Period(D(2026, 1, 1), D(2026, 6, 30))]))
    assert store.measure_rows(D(2026, 1, 1), "w2")[0].end == D(2026, 6, 30)
