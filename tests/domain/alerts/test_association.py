"""`grille_annuelle` and `tableau_occupation`: association-wide documents."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Severity
from desktop_app.domain.alerts.association import grid_due, grid_year
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    AlertSettings,
    Association,
    DsfOutcome,
    GridSent,
    MeasureSpan,
    MeasureType,
    OccupancyTableSent,
)
from tests.domain.alerts.builders import alerts, caseload, measure, period

D = date
GRID = "grille_annuelle"
TABLE = "tableau_occupation"


def test_grid_of_year_n_due_1_february_n_plus_1_from_1_january() -> None:
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2024, 10, 1), D(2025, 3, 31))))
    assert alerts(load, D(2024, 12, 31), GRID) == []
    found = alerts(load, D(2025, 1, 1), GRID)
    assert [(a.measure, a.household, a.worker, a.month, a.due, a.severity) for a in found] == [
        (None, None, None, None, D(2025, 2, 1), Severity.A_VENIR)]  # 31 days ahead
    assert "2024" in found[0].message and "01/02/2025" in found[0].message
    # On 01/01/2026: 2024 overdue, 2025 coming up.
    assert [(a.due, a.severity) for a in alerts(load, D(2026, 1, 1), GRID)] == [
        (D(2025, 2, 1), Severity.MANQUEMENT), (D(2026, 2, 1), Severity.A_VENIR)]


def test_grid_cleared_when_recorded_as_sent_on_or_before_the_day() -> None:
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2024, 10, 1), D(2025, 3, 31))),
                    association=Association("A", grids_sent=[GridSent(2024, D(2025, 1, 28))]))
    assert len(alerts(load, D(2025, 1, 27), GRID)) == 1
    assert alerts(load, D(2025, 1, 28), GRID) == []


def test_grid_years_from_all_spans_and_one_off_measures() -> None:
    # The store gives the spans of every measure (here none loaded): 2023 and 2024.
    load = caseload()
    load.spans = [MeasureSpan("old", MeasureType.FAL, D(2023, 11, 1), D(2024, 2, 29))]
    assert [a.due for a in alerts(load, D(2025, 1, 15), GRID)] == [
        D(2024, 2, 1), D(2025, 2, 1)]
    # A DSF carried out in 2024 is activity of 2024; a measure closed early still counts.
    dsf = caseload(measure("m1", MeasureType.DSF, outcome=DsfOutcome.REALISE,
                           done_on=D(2024, 6, 3)),
                   measure("m2", MeasureType.ASLL, period(D(2022, 7, 1), D(2023, 6, 30)),
                           closed_on=D(2022, 12, 1)))
    assert [a.due for a in alerts(dsf, D(2025, 1, 15), GRID)] == [
        D(2023, 2, 1), D(2025, 2, 1)]  # 2022 (closed 01/12/2022) and 2024 (the DSF)


def test_occupancy_table_of_each_month_with_a_fal_due_the_10th_after() -> None:
    load = caseload(measure("m1", MeasureType.FAL, period(D(2025, 8, 1), D(2026, 7, 31), None)))
    assert alerts(load, D(2025, 8, 31), TABLE) == []  # August not over
    # On 01/09: August's table, due 10/09, 9 days ahead → a_venir; on 20/09 a breach.
    found = alerts(load, D(2025, 9, 1), TABLE)
    assert [(a.month, a.due, a.severity) for a in found] == [
        (Month(2025, 8), D(2025, 9, 10), Severity.A_VENIR)]
    assert found[0].measure is None and found[0].worker is None
    assert alerts(load, D(2025, 9, 3), TABLE)[0].severity is Severity.A_FAIRE
    assert [(a.month, a.severity) for a in alerts(load, D(2025, 10, 1), TABLE)] == [
        (Month(2025, 8), Severity.MANQUEMENT), (Month(2025, 9), Severity.A_VENIR)]


def test_occupancy_table_cleared_and_months_counted_once() -> None:
    load = caseload(
        measure("m1", MeasureType.FAL, period(D(2025, 8, 1), D(2025, 8, 15), None)),
        measure("m2", MeasureType.FAL, period(D(2025, 8, 10), D(2025, 9, 5), None),
                household="h2"),
        association=Association("A", occupancy_tables_sent=[
            OccupancyTableSent(Month(2025, 8), D(2025, 9, 8))]),
    )
    # August (two FAL) and September (m2 until 05/09); October has none.
    assert [a.month for a in alerts(load, D(2025, 9, 7), TABLE)] == [Month(2025, 8)]
    assert [a.month for a in alerts(load, D(2025, 11, 2), TABLE)] == [Month(2025, 9)]


def test_occupancy_due_day_is_a_setting_clamped_to_the_months_end() -> None:
    load = caseload(measure("m1", MeasureType.FAL, period(D(2026, 1, 1), D(2026, 12, 31), None)))
    settings = AlertSettings(occupancy_table_due_day=31)
    found = alerts(load, D(2026, 2, 1), TABLE, settings)
    assert [(a.month, a.due) for a in found] == [(Month(2026, 1), D(2026, 2, 28))]
    early = AlertSettings(occupancy_table_due_day=5, days_ahead=3)
    assert [(a.due, a.severity) for a in alerts(load, D(2026, 2, 1), TABLE, early)] == [
        (D(2026, 2, 5), Severity.A_VENIR)]  # 4 days left, more than the setting's 3


def test_grid_due_on_1_february_of_the_next_year() -> None:
    assert grid_due(2025) == D(2026, 2, 1)
    assert grid_due(2027) == D(2028, 2, 1)  # whatever the leap year
    # The dashboard's « Grille envoyée » records the year of the alert's due date.
    assert grid_year(D(2026, 2, 1)) == 2025
