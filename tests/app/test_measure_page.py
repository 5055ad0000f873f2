"""The Mesure screen's query (`desktop_app.app.measure_page`) and the save of a visit, counted
(`tests.reads`), on a SQLite file and on PostgreSQL.

Worked by hand (docs/regles.md): DURAND Marie (h1), ASLL `simple` m1 of Claire Martin (1 ETP)
from 01/07/2025 to 31/12/2025, one home visit on 12/08/2025; MARTIN Paul (h2), ASLL m3 of the
same worker; today is 16/09/2025. P1: 1 point a month for an ASLL `simple`, July, August and
September (a month begun counts); P4: 85,95 € the point."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.app import measure_page as page_query
from desktop_app.app import measures
from desktop_app.app.measure_page import MonthEarning, measure_page
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Stay,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from desktop_app.domain.tariffs import default_tariffs
from desktop_app.store import tracked
from desktop_app.store.repository import SqlStore
from tests.app.conftest import store_holding
from tests.reads import counting

TODAY = date(2025, 9, 16)
AUGUST = Visit(date(2025, 8, 12), VisitOutcome.REALISEE, VisitPlace.DOMICILE)
SEPTEMBER = Visit(date(2025, 9, 15), VisitOutcome.REALISEE, VisitPlace.DOMICILE)
POINT = Decimal("85.95")


def _caseload() -> Caseload:
    asll = Measure("m1", "h1", MeasureType.ASLL, "w1", decision_date=date(2025, 6, 12),
                   periods=[Period(date(2025, 7, 1), date(2025, 12, 31), Level.SIMPLE,
                                   PeriodKind.INITIALE)],
                   visits=[AUGUST])
    return Caseload(Association("Association de test"), default_tariffs(),
                    [Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
                    [Household("h1", "DURAND Marie", "FSL-2025-0042"),
                     Household("h2", "MARTIN Paul")],
                    [], [asll,
                         Measure("m3", "h2", MeasureType.ASLL, "w1",
                                 periods=[Period(date(2025, 7, 1), date(2025, 12, 31))])])


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    yield from store_holding(store_url, _caseload())


def _earnings(*months: int) -> list[MonthEarning]:
    return [MonthEarning(Month(2025, m), 1, POINT, "mensuel") for m in months]


def test_the_page_of_a_measure_in_one_read(store: SqlStore) -> None:
    with counting(store) as reads:
        page = measure_page(store, "m1", TODAY)
    assert page is not None
    # One transaction, which reads the measures table: the household's measures (ids, rows).
    assert (reads.reads, reads.measure_reads, len(reads.selects)) == (1, 1, 2)
    assert page.measure == store.measure("m1")
    assert page.household is not None and page.household.name == "DURAND Marie"
    assert page.homes == [] and page.archived_on is None
    assert page.earnings == _earnings(7, 8, 9)
    assert measure_page(store, "m99", TODAY) is None


def test_a_fal_page_has_the_homes_an_archived_one_its_day(store: SqlStore) -> None:
    home = Home("u1", "3 place d'Armes, Béthune")
    store.save_home(home, new=True)
    store.save_measure(Measure("m4", "h2", MeasureType.FAL, "w1",
                               periods=[Period(date(2025, 9, 1), date(2026, 2, 28))],
                               stays=[Stay("u1", date(2025, 9, 1))]), new=True)
    page = measure_page(store, "m4", TODAY)
    assert page is not None and page.homes == [home]
    assert page.household is not None and page.household.name == "MARTIN Paul"
    # A household whose only measure ended on 30/11/2024: archived on 01/12/2026 (as in
    # tests/app/test_measures.py), its page says so.
    store.save_household(Household("h9", "DURAND Marie"), new=True)
    store.save_measure(Measure("m9", "h9", MeasureType.ASLL, "w1",
                               periods=[Period(date(2024, 6, 1), date(2024, 11, 30))],
                               closed_on=date(2024, 11, 30)), new=True)
    store.archive_households(["h9"], date(2026, 12, 1))
    archived = measure_page(store, "m9", date(2026, 12, 2))
    assert archived is not None and archived.archived_on == date(2026, 12, 1)
    assert archived.homes == []
    # June to November 2024: 1 point a month (P1, `simple` when no level is given).
    assert [(e.month, e.points) for e in archived.earnings] == [
        (Month(2024, m), 1) for m in range(6, 12)]


def test_the_page_after_a_visit_shows_it(store: SqlStore) -> None:
    shown = measure_page(store, "m1", TODAY)
    assert shown is not None
    measures.add_visit(store, "m1", SEPTEMBER, shown.measure)
    page = measure_page(store, "m1", TODAY)
    assert page is not None
    assert page.measure.visits == [AUGUST, SEPTEMBER]
    assert page.earnings == _earnings(7, 8, 9)  # P1 does not hang on the visits


def _conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The measures converted to interchange JSON by the checked saves, by id."""
    seen: list[str] = []
    convert = tracked.measure_json

    def counted(measure: Measure) -> Any:
        seen.append(measure.id)
        return convert(measure)

    monkeypatch.setattr(tracked, "measure_json", counted)
    return seen


def test_a_visit_saved_reads_the_measure_once_and_converts_each_version_once(
        store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = store.measure("m1")
    assert shown is not None
    converted = _conversions(monkeypatch)
    with counting(store) as reads:
        saved = measures.add_visit(store, "m1", SEPTEMBER, shown)
    assert saved.visits == [AUGUST, SEPTEMBER]
    # One write transaction, one statement on `measures`; no read transaction.
    assert (reads.measure_writes, reads.reads, len(reads.selects)) == (1, 0, 1)
    # The version read (check and diff), the version saved (diff): the version shown is
    # equal to the one read, not converted (3 conversions before).
    assert converted == ["m1", "m1"]


def test_a_stale_version_is_still_refused(store: SqlStore,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    stale = store.measure("m1")
    assert stale is not None
    measures.add_visit(store, "m1", SEPTEMBER, stale)
    converted = _conversions(monkeypatch)
    with pytest.raises(measures.ConflictError):
        measures.add_visit(store, "m1", SEPTEMBER, stale)
    assert converted == ["m1", "m1"]  # the one read, then the one expected: they differ
    assert page_query.measure_page(store, "m1", TODAY) is not None
