"""The store methods that read a screen's records in one read transaction give what the
separate methods give, on a SQLite file and on PostgreSQL (`tests.reads` counts).

The store holds `tests/app/small_caseload.py`, plus DURAND Jean (h9), whose only measure m9
ended on 30/11/2024: archived on 01/12/2026 (2 years in the active base), and one alert of
15/10/2025 marked « traitée »."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from desktop_app.app.alerts import alerts_on
from desktop_app.domain.model import Household, Measure, MeasureType, Period
from desktop_app.store.repository import SqlStore, open_store
from tests.app.small_caseload import TODAY, small_caseload
from tests.reads import counting

ARCHIVED = date(2026, 12, 1)


@pytest.fixture
def filled(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    opened.import_caseload(small_caseload())
    opened.profile = "w1"
    opened.save_household(Household("h9", "DURAND Jean"), new=True)
    opened.save_measure(Measure("m9", "h9", MeasureType.ASLL, "w1",
                                periods=[Period(date(2024, 6, 1), date(2024, 11, 30))],
                                closed_on=date(2024, 11, 30)), new=True)
    opened.archive_households(["h9"], ARCHIVED)
    opened.treat_alert(alerts_on(opened, TODAY)[0], "Vu avec la famille")
    yield opened
    opened.close()


def _once(store: SqlStore, read: Callable[[], Any]) -> Any:
    """What `read()` gives, asserting it ran one read transaction and no write."""
    with counting(store) as reads:
        found = read()
    assert (reads.reads, len(reads.transactions)) == (1, 1)
    return found


def test_load_for_alerts(filled: SqlStore) -> None:
    caseload, settings, treated = _once(filled, lambda: filled.load_for_alerts(TODAY))
    assert caseload == filled.load_for_day(TODAY)
    assert settings == filled.alert_settings()
    assert treated == filled.treated_alerts() and len(treated) == 1


def test_household_file(filled: SqlStore) -> None:
    found = _once(filled, lambda: filled.household_file("h1"))
    assert found == (filled.household("h1"), filled.measures_of_household("h1"),
                     filled.history("h1"), None)
    assert [m.id for m in found[1]] == ["m1"] and found[2]  # the import's entry
    archived = _once(filled, lambda: filled.household_file("h9"))
    assert archived is not None and archived[3] == ARCHIVED
    assert [m.id for m in archived[1]] == ["m9"]
    assert _once(filled, lambda: filled.household_file("h99")) is None


def test_team(filled: SqlStore) -> None:
    workers, rows = _once(filled, lambda: filled.team(TODAY))
    assert workers == filled.workers()
    assert rows == filled.measure_rows(on=TODAY)
    assert sorted(r.id for r in rows) == ["m1", "m2", "m3"]


def test_homes_and_fal_measures(filled: SqlStore) -> None:
    homes, fal = _once(filled, filled.homes_and_fal_measures)
    assert homes == filled.homes() and [h.id for h in homes] == ["u1", "u2", "u3"]
    assert [(row.id, row.household_name, measure) for row, measure in fal] == [
        ("m3", "MOREAU Paul", filled.measure("m3"))]


def test_association_settings(filled: SqlStore) -> None:
    found = _once(filled, filled.association_settings)
    assert found == (filled.association(), filled.tariffs(), filled.alert_settings())
    assert [c.year for c in found[0].conventions] == [2025]


def test_retention_overview(filled: SqlStore) -> None:
    # 02/01/2028: DURAND Marie's m1 ended on 31/12/2025, more than 2 years before; the other
    # measures end in 2026.
    day = date(2028, 1, 2)
    settings, due, archived = _once(filled, lambda: filled.retention_overview(day))
    assert settings == filled.retention_settings()
    assert due == filled.retention_candidates(day)
    assert [(r.household_id, r.last_end) for r in due] == [("h1", date(2025, 12, 31))]
    assert archived == filled.archived_households()
    assert [r.household_id for r in archived] == ["h9"]
