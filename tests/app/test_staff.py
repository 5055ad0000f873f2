"""The staff table read from a store (`app.staff`), on a SQLite file and on PostgreSQL: the
same figures as the domain's, worked out by hand in tests/domain/indicators/test_staff.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.app.staff import YearNotStartedError, staff_of_year
from desktop_app.domain.model import Absence, MeasureType
from desktop_app.store.repository import SqlStore
from tests.app.conftest import store_holding
from tests.domain.indicators.builders import caseload
from tests.domain.indicators.test_staff import _measures, _team


@pytest.fixture
def team(store_url: str) -> Iterator[SqlStore]:
    absence = Absence(date(2026, 4, 27), date(2026, 6, 1), replacement="w2")
    yield from store_holding(store_url, caseload(*_measures(), workers=_team([absence])))


def test_the_table_of_a_year_ended(team: SqlStore) -> None:
    table = staff_of_year(team, 2026, date(2027, 3, 1))
    assert table.association == "Association Test"
    assert [(line.name, line.months_worked, line.points, line.points_per_fte_month)
            for line in table.lines] == [("Bruno Petit", 6, 16, Decimal("2.67")),
                                         ("Claire Martin", 12, 24, Decimal("4.00"))]
    assert table.lines[0].measures == {MeasureType.ASLL: 2, MeasureType.AML: 0,
                                       MeasureType.FAL: 1, MeasureType.DSF: 1}
    assert [(a.working_days, a.replacement) for a in table.lines[1].absences] == [
        (22, "Bruno Petit")]
    assert table.points_per_fte_month == Decimal("3.33")


def test_a_year_not_started_is_refused(team: SqlStore) -> None:
    with pytest.raises(YearNotStartedError, match="L'année 2027 n'a pas commencé"):
        staff_of_year(team, 2027, date(2026, 12, 31))
