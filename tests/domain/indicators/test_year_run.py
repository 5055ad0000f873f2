"""The grid's breaches through one `AlertRun` (what does not depend on the day worked out
once for the 12 month ends, the grid's own monthly statements read by the quota rules) are
exactly those of 12 separate `compute_alerts` calls, the way they were counted before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.demo import generate_caseload
from desktop_app.domain.alerts import (
    ALERT_LABELS,
    INFORMATION_CODES,
    AlertRun,
    Severity,
    compute_alerts,
)
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.indicators.breaches import year_breaches
from desktop_app.domain.measure_facts import span_of
from desktop_app.domain.model import AlertSettings, Caseload

TODAY = date(2026, 3, 10)
SETTINGS = AlertSettings()


@pytest.fixture(scope="module")
def caseload() -> Caseload:
    # 300 households over 4 years; the store gives the spans of every measure.
    whole = generate_caseload(households=300, years=4, seed=5, today=TODAY)
    return replace(whole, spans=[s for s in map(span_of, whole.measures) if s is not None])


def twelve_calls(caseload: Caseload, year: int) -> dict[str, int]:
    """The breaches of the year counted the former way: one independent `compute_alerts`
    per month end up to TODAY, each breach counted once by its key."""
    seen = set()
    for number in range(1, 13):
        day = Month(year, number).last_day
        if day <= TODAY:
            seen |= {(a.code, a.measure, a.household, a.worker, a.month, a.due)
                     for a in compute_alerts(caseload, day, SETTINGS)
                     if a.severity is Severity.MANQUEMENT}
    counts = dict.fromkeys((c for c in ALERT_LABELS if c not in INFORMATION_CODES), 0)
    for key in seen:
        counts[key[0]] = counts.get(key[0], 0) + 1
    return counts


def test_a_run_answers_each_day_as_compute_alerts_does(caseload: Caseload) -> None:
    year = 2025
    points = {Month(year, n): compute_month_points(caseload, Month(year, n))
              for n in range(1, 13)}
    run = AlertRun(caseload, SETTINGS, points)
    days = [Month(year, n).last_day for n in range(1, 13)] + [
        date(2025, 2, 14), date(2024, 2, 29), date(2026, 1, 1), TODAY]
    for day in days:
        # Same alerts, same order, same messages (the run's facts are shared across days).
        assert run.on(day) == compute_alerts(caseload, day, SETTINGS), day
    assert any(run.on(day) for day in days)


def test_a_run_without_information_leaves_out_only_the_long_vacancies(
        caseload: Caseload) -> None:
    # The grid's run: `vacance_longue` (information only) is not worked out, every other
    # alert is the same, in the same order.
    year = 2025
    run = AlertRun(caseload, SETTINGS, information=False)
    vacancies = 0
    for number in range(1, 13):
        day = Month(year, number).last_day
        every = compute_alerts(caseload, day, SETTINGS)
        vacancies += sum(a.code == "vacance_longue" for a in every)
        assert run.on(day) == [a for a in every if a.code != "vacance_longue"], day
    assert vacancies  # the demo's homes do stay empty beyond 31 days


def test_over_the_convention_is_never_a_breach(caseload: Caseload) -> None:
    # The demo goes beyond its 2025 convention on some month ends: raised, as information.
    run = AlertRun(caseload, SETTINGS)
    raised = [a for n in range(1, 13) for a in run.on(Month(2025, n).last_day)
              if a.code == "convention"]
    assert raised and {a.severity for a in raised} == {Severity.INFORMATION}
    assert "convention" not in year_breaches(caseload, 2025, SETTINGS, TODAY)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_year_breaches_are_those_of_twelve_calls(caseload: Caseload, year: int) -> None:
    expected = twelve_calls(caseload, year)
    assert year_breaches(caseload, year, SETTINGS, TODAY) == expected
    indicators = compute_year_indicators(caseload, year, settings=SETTINGS, today=TODAY)
    assert indicators.breaches == expected
    # Without the store's spans the run works them out from the measures, as the engine does.
    assert year_breaches(replace(caseload, spans=[]), year, SETTINGS, TODAY) == expected


def test_the_generated_years_do_have_breaches(caseload: Caseload) -> None:
    # Not a comparison of empty counts: several codes are breached in 2025.
    breached = [code for code, n in twelve_calls(caseload, 2025).items() if n]
    assert len(breached) >= 3
