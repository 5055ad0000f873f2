"""The staff table (convention article 5-2), figures worked out by hand from P1, Q1 and the
21-working-day rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.indicators.staff import StaffAbsence, staff_table
from desktop_app.domain.model import (
    Absence,
    Diploma,
    DsfOutcome,
    Level,
    Measure,
    MeasureType,
    Worker,
)
from tests.domain.indicators.builders import caseload, measure

AFTER = date(2027, 3, 1)  # the year 2026 over


def _of(m: Measure, referent: str) -> Measure:
    m.referent = referent
    return m


def _team(absences: list[Absence] | None = None) -> list[Worker]:
    return [
        Worker("w1", "Claire Martin", Diploma.CESF, 0.5, absences=absences or []),
        Worker("w2", "Bruno Petit", Diploma.ASS, 1.0),
        Worker("w3", "Alice Zed", Diploma.AUTRE, 1.0),  # nothing in 2026: not listed
    ]


def _measures() -> list[Measure]:
    return [
        # Half-time: ASLL simple all year (12 × 1) and AML renforcée January–June (6 × 2).
        _of(measure("m1", MeasureType.ASLL, "h1", (date(2025, 11, 1), date(2027, 4, 30))), "w1"),
        _of(measure("m2", MeasureType.AML, "h2", (date(2026, 1, 10), date(2026, 6, 20)),
                    level=Level.RENFORCE), "w1"),
        # Arriving in July: ASLL renforcée from 15/07 (July–December, 6 × 2), ASLL simple
        # August–November (4 × 1), a FAL from September and a DSF carried out in October.
        _of(measure("m3", MeasureType.ASLL, "h3", (date(2026, 7, 15), date(2027, 1, 14)),
                    level=Level.RENFORCE), "w2"),
        _of(measure("m4", MeasureType.ASLL, "h4", (date(2026, 8, 1), date(2026, 11, 30))),
            "w2"),
        _of(measure("m5", MeasureType.FAL, "h5", (date(2026, 9, 1), date(2027, 8, 31))), "w2"),
        _of(Measure("m6", "h6", MeasureType.DSF, "w2", outcome=DsfOutcome.REALISE,
                    done_on=date(2026, 10, 12)), "w2"),
        # Ended in 2025: not a measure of 2026.
        _of(measure("m7", MeasureType.AML, "h7", (date(2025, 1, 1), date(2025, 12, 31))), "w3"),
    ]


def test_half_time_worker_and_worker_arriving_mid_year() -> None:
    table = staff_table(caseload(*_measures(), workers=_team()), 2026, AFTER)
    assert [line.name for line in table.lines] == ["Bruno Petit", "Claire Martin"]
    bruno, claire = table.lines
    assert claire.fte == Decimal("0.5")
    assert claire.diploma is Diploma.CESF and claire.qualified
    assert claire.measures == {MeasureType.ASLL: 1, MeasureType.AML: 1, MeasureType.FAL: 0,
                               MeasureType.DSF: 0}
    assert claire.months_worked == 12
    assert claire.points == 12 + 12
    assert claire.points_per_fte_month == Decimal("4.00")  # 24 / (0,5 × 12)
    assert bruno.measures == {MeasureType.ASLL: 2, MeasureType.AML: 0, MeasureType.FAL: 1,
                              MeasureType.DSF: 1}
    assert bruno.months_worked == 6  # July to December
    assert bruno.points == 12 + 4
    assert bruno.points_per_fte_month == Decimal("2.67")  # 16 / 6 = 2,666… half-up
    # The association: 40 points over 0,5 × 12 + 1 × 6 = 12 ETP-months.
    assert table.points_per_fte_month == Decimal("3.33")
    assert table.last_day == date(2026, 12, 31)
    assert bruno.absences == () and claire.absences == ()


def test_year_not_ended_is_counted_up_to_today() -> None:
    table = staff_table(caseload(*_measures(), workers=_team()), 2026, date(2026, 9, 15))
    bruno = table.lines[0]
    assert table.last_day == date(2026, 9, 15)
    assert bruno.months_worked == 3  # July to September
    assert bruno.points == 3 * 2 + 2 * 1  # m3 July–September, m4 August–September
    assert bruno.points_per_fte_month == Decimal("2.67")  # 8 / 3
    assert bruno.measures[MeasureType.DSF] == 0  # carried out in October, after today


def test_absence_of_21_working_days_over_holidays_is_not_listed() -> None:
    # 27/04 to 29/05/2026: 1, 8, 14 and 25 May are holidays, 21 working days.
    absence = Absence(date(2026, 4, 27), date(2026, 5, 29), replacement="w2")
    table = staff_table(caseload(*_measures(), workers=_team([absence])), 2026, AFTER)
    assert table.lines[1].absences == ()


def test_absence_of_22_working_days_with_its_replacement() -> None:
    absence = Absence(date(2026, 4, 27), date(2026, 6, 1), replacement="w2")
    table = staff_table(caseload(*_measures(), workers=_team([absence])), 2026, AFTER)
    assert table.lines[1].absences == (
        StaffAbsence(date(2026, 4, 27), date(2026, 6, 1), 22, "Bruno Petit", True),)


def test_absence_not_replaced_and_replacement_unknown() -> None:
    absences = [Absence(date(2026, 4, 27), date(2026, 6, 1)),
                Absence(date(2026, 9, 1), None, replacement="w9")]
    table = staff_table(caseload(*_measures(), workers=_team(absences)), 2026,
                        date(2026, 10, 30))
    claire = table.lines[1]
    # The open-ended one counted to today: September 22 days, October 22 days.
    assert claire.absences == (
        StaffAbsence(date(2026, 4, 27), date(2026, 6, 1), 22, None, False),
        StaffAbsence(date(2026, 9, 1), None, 44, None, False),
    )


def test_worker_absent_all_year_without_measures_is_listed() -> None:
    absence = Absence(date(2025, 10, 1), date(2026, 3, 31), replacement="w2")
    workers = [Worker("w1", "Claire Martin", Diploma.ES, 0.8, absences=[absence])]
    table = staff_table(caseload(workers=workers), 2026, AFTER)
    (line,) = table.lines
    assert line.months_worked == 0 and line.points == 0
    assert line.points_per_fte_month is None and table.points_per_fte_month is None
    assert line.absences[0].replacement is None  # w2 is not a recorded worker here
    assert line.absences[0].working_days > 21
