"""The audit trail: each save writes, in its own transaction, one entry with the
fields changed from what to what — worked out by hand from the interchange JSON below."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from desktop_app.domain.model import (
    AlertSettings,
    Contract,
    Household,
    Level,
    Period,
    PeriodKind,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.domain.retention import RetentionSettings
from desktop_app.store.changes import diff
from desktop_app.store.repository import SqlStore
from tests.store.builders import D, full_caseload, tariff
from tests.store.raw import sql_rows


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    store.import_caseload(full_caseload())
    store.profile = "w1"
    return store


def _all_entries(store: SqlStore) -> list[tuple[Any, ...]]:
    return sql_rows(store, "SELECT profile, record_kind, record_id, household_id, action, "
                    "changes FROM audit_log ORDER BY id")


def test_import_gives_one_entry_per_household(store: SqlStore) -> None:
    store.import_caseload(full_caseload(), source="dossiers.json")
    # full_caseload: 2 households (h1, h2), 2 workers, 2 homes, 6 measures → one entry per
    # household (beside the batch's own entry, kind « import », of store/batches.py).
    source = '{"source": [null, "dossiers.json"]}'
    assert [e for e in _all_entries(store) if e[1] == "household"] == [
        ("système", "household", "h1", "h1", "import", source),
        ("système", "household", "h2", "h2", "import", source),
    ]
    [entry] = store.history("h2")
    assert (entry.action, entry.profile, entry.changes) == (
        "import", "système", {"source": (None, "dossiers.json")})


def test_changes_keep_the_order_of_the_interchange_file(filled: SqlStore) -> None:
    """Fields in the order of docs/echange.md (not sorted by name): a period reads start, end."""
    m1 = filled.measure("m1")
    assert m1 is not None
    m1.periods.append(Period(D(2026, 7, 1), D(2026, 12, 31), Level.SIMPLE,
                             PeriodKind.RENOUVELLEMENT))
    m1.decision_date = D(2025, 6, 13)
    filled.save_measure(m1)
    changes = filled.history("h1")[-1].changes
    assert list(changes) == ["decision_date", "periods[2]"]
    assert list(changes["periods[2]"][1]) == ["start", "end", "level", "kind"]


def test_a_visit_added_gives_exactly_that_change(filled: SqlStore) -> None:
    m1 = filled.measure("m1")
    assert m1 is not None
    started = datetime.now().replace(microsecond=0)
    m1.visits.append(Visit(D(2025, 9, 12), VisitOutcome.REALISEE, VisitPlace.DOMICILE))
    filled.save_measure(m1)
    imported, added = filled.history("h1")
    assert imported.action == "import"
    # m1's visits in canonical order (date, outcome…): 03/07, 05/07, 10/07 porte_close,
    # 10/07 realisee, then the new 12/09 → index 4.
    assert (added.profile, added.record_kind, added.record_id, added.household_id,
            added.action) == ("w1", "measure", "m1", "h1", "update")
    assert added.changes == {"visits[4]": (None, {"date": "2025-09-12", "outcome": "realisee",
                                                  "place": "domicile", "worker": None})}
    assert started <= added.at <= datetime.now()


def test_a_changed_child_shows_only_its_changed_field(filled: SqlStore) -> None:
    m1 = filled.measure("m1")
    assert m1 is not None
    # The visit of 05/07 (canonical index 1) moved to 06/07: still index 1 once sorted.
    m1.visits[3] = replace(m1.visits[3], date=D(2025, 7, 6))
    m1.contract = Contract(D(2025, 7, 4), D(2025, 7, 9))  # sent 08/07 → 09/07
    filled.save_measure(m1)
    assert filled.history("h1")[-1].changes == {
        "visits[1].date": ("2025-07-05", "2025-07-06"),
        "contract.sent_on": ("2025-07-08", "2025-07-09"),
    }


def test_household_field_and_member_removed(filled: SqlStore) -> None:
    h1 = filled.household("h1")
    assert h1 is not None
    # Members [Marie, Léo, Albert]: Léo (index 1) taken out; phone changed.
    saved = replace(h1, phone="0700000000", members=[h1.members[0], h1.members[2]])
    filled.save_household(saved)
    entry = filled.history("h1")[-1]
    assert (entry.record_kind, entry.action) == ("household", "update")
    assert entry.changes == {
        "phone": ("0601020304", "0700000000"),
        "members[1]": ({"name": "DURAND Léo", "birth_date": "2015-06-01", "role": "enfant"},
                       None),
    }


def test_an_unchanged_save_writes_no_entry(filled: SqlStore) -> None:
    before = _all_entries(filled)
    h1 = filled.household("h1")
    m1 = filled.measure("m1")
    assert h1 is not None and m1 is not None
    # 1234.5 and 1234.50 are the same amount ("1234.50" in the interchange JSON).
    filled.save_household(replace(h1, monthly_resources=Decimal("1234.50")))
    filled.save_measure(m1)
    filled.save_worker(filled.workers()[0])
    filled.save_home(filled.homes()[0])
    filled.save_association(filled.association())
    filled.save_tariffs(filled.tariffs())
    filled.save_alert_settings(filled.alert_settings())
    assert _all_entries(filled) == before


def test_a_new_household_lists_its_fields(filled: SqlStore) -> None:
    filled.save_household(Household("h3", "NOUVEAU Paul", city="Lens"))
    [entry] = filled.history("h3")
    assert entry.action == "create"
    assert entry.changes == {"id": (None, "h3"), "name": (None, "NOUVEAU Paul"),
                             "city": (None, "Lens")}


def test_a_failed_write_leaves_no_entry(filled: SqlStore) -> None:
    before = _all_entries(filled)
    m1 = filled.measure("m1")
    assert m1 is not None
    with pytest.raises(IntegrityError):  # unknown referent w9: the entry is rolled back too
        filled.save_measure(replace(m1, referent="w9"))
    assert _all_entries(filled) == before
    assert filled.measure("m1") == m1


def test_records_outside_households(filled: SqlStore) -> None:
    filled.profile = "w2"
    imported = len(_all_entries(filled))
    w1 = filled.workers()[0]
    filled.save_worker(replace(w1, fte=0.5))
    filled.save_alert_settings(AlertSettings(days_ahead=10))
    filled.save_tariffs([*filled.tariffs(), tariff(D(2027, 1, 1), "87")])
    entries = _all_entries(filled)[imported:]
    assert entries == [
        ("w2", "worker", "w1", None, "update", '{"fte": [1.0, 0.5]}'),
        ("w2", "settings", None, None, "update", '{"days_ahead": [7, 10]}'),
        ("w2", "tariffs", None, None, "update",
         '{"tariffs[2]": [null, {"from": "2027-01-01", "point_value": "87.00", '
         '"fal_support_per_year": "1562.80", "fal_management_per_year": "500.00", '
         '"dsf_done": "162.38", "dsf_closed_door": "39.12", "points_per_fte": 50, '
         '"fal_per_fte": 30}]}'),
    ]


def test_diff_pairs_children_and_skips_unset_fields() -> None:
    before = {"flag": False, "items": [{"a": 1, "b": 2}, {"a": 3, "b": 4}], "n": 0}
    after = {"flag": False, "items": [{"a": 3, "b": 4}, {"a": 1, "b": 5}], "n": None}
    # {"a": 3, "b": 4} is in both; {"a": 1, "b": 2} became {"a": 1, "b": 5} at index 1.
    assert diff(before, after) == {"items[1].b": (2, 5), "n": (0, None)}
    # A new record: null, false and [] are not listed; 0 is a value.
    assert diff(None, {"x": None, "y": False, "z": [], "n": 0}) == {"n": (None, 0)}


def test_the_keeping_figures_are_recorded_too(filled: SqlStore) -> None:
    filled.profile = "w2"
    before = _all_entries(filled)
    filled.save_retention_settings(RetentionSettings(3, D(2034, 12, 31)))  # 2 → 3 years
    filled.save_retention_settings(RetentionSettings(3, D(2034, 12, 31)))  # unchanged: none
    assert _all_entries(filled)[len(before):] == [
        ("w2", "settings", None, None, "update", '{"retention_active_years": [2, 3]}')]
