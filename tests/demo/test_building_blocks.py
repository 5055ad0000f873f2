"""The small pieces of the demo generator, on values worked out by hand."""

from __future__ import annotations

from datetime import date

from desktop_app.demo.calendar import DemoCalendar, month_key
from desktop_app.demo.periods import chain_periods, renewal_kinds
from desktop_app.demo.summary import count, demo_summary
from desktop_app.demo.visits import active_segments
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
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    Worker,
)

NOV_2025 = month_key(date(2025, 11, 1))


def test_working_days_of_a_month_skip_weekends_and_holidays() -> None:
    calendar = DemoCalendar(date(2025, 10, 1), date(2025, 12, 31))
    days = calendar.working_days(NOV_2025)
    # November 2025: Saturday 1st (Toussaint), weeks of 3–7 (5), 10–14 without Tuesday 11
    # (4), 17–21 (5), 24–28 (5): 19 working days.
    assert len(days) == 19
    assert days[0] == date(2025, 11, 3) and days[-1] == date(2025, 11, 28)
    assert calendar.working_days(NOV_2025, date(2025, 11, 10), date(2025, 11, 14)) == (
        date(2025, 11, 10), date(2025, 11, 12), date(2025, 11, 13), date(2025, 11, 14))
    assert calendar.working_days(NOV_2025 + 12) == ()  # outside the calendar


def test_snap_moves_to_the_next_working_day_then_back() -> None:
    # Saturday 01/11/2025 → Monday 03/11; within [27/10, 02/11] only Friday 31/10 is left.
    assert DemoCalendar.snap(date(2025, 11, 1), date(2025, 10, 27), date(2025, 11, 5)) \
        == date(2025, 11, 3)
    assert DemoCalendar.snap(date(2025, 11, 1), date(2025, 10, 27), date(2025, 11, 2)) \
        == date(2025, 10, 31)
    assert DemoCalendar.snap(date(2025, 11, 1), date(2025, 11, 1), date(2025, 11, 2)) is None


def test_active_segments_leave_out_suspensions() -> None:
    hospital = Suspension(date(2026, 2, 10), date(2026, 2, 20), SuspensionReason.HOSPITALISATION)
    assert active_segments(date(2026, 1, 1), date(2026, 3, 31), [hospital]) == [
        (date(2026, 1, 1), date(2026, 2, 9)), (date(2026, 2, 21), date(2026, 3, 31))]
    open_ended = Suspension(date(2026, 2, 10), None, SuspensionReason.INCARCERATION)
    assert active_segments(date(2026, 1, 1), date(2026, 3, 31), [open_ended]) == [
        (date(2026, 1, 1), date(2026, 2, 9))]


def test_chained_periods_end_the_day_before_the_same_date_n_months_later() -> None:
    # AML from 15/07/2025: 9 months end 14/04/2026, the renewal of 9 ends 14/01/2027.
    periods = chain_periods(date(2025, 7, 15), [9, 9], [Level.RENFORCE, Level.SIMPLE],
                            renewal_kinds(2))
    assert periods == [
        Period(date(2025, 7, 15), date(2026, 4, 14), Level.RENFORCE, PeriodKind.INITIALE),
        Period(date(2026, 4, 15), date(2027, 1, 14), Level.SIMPLE, PeriodKind.RENOUVELLEMENT)]
    # ASLL from 01/09/2027 for 6 months: to 29/02/2028 (leap year).
    assert chain_periods(date(2027, 9, 1), [6], [None], renewal_kinds(1))[0].end \
        == date(2028, 2, 29)


def test_counts_in_french() -> None:
    assert count(0, "visite", "visites") == "0 visite"
    assert count(1, "visite", "visites") == "1 visite"
    assert count(50_000, "ménage", "ménages") == "50\u00a0000 ménages"
    assert count(1_011_504, "visite", "visites") == "1\u00a0011\u00a0504 visites"


def test_summary_of_a_small_caseload() -> None:
    held = VisitOutcome.REALISEE
    caseload = Caseload(
        association=Association("A"),
        workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
        households=[Household("h1", "DUBOIS Hélène"), Household("h2", "PETIT Jean")],
        homes=[Home("u1", "3 place d'Armes, 62400 Béthune")],
        measures=[
            Measure("m1", "h1", MeasureType.ASLL, "w1", visits=[
                Visit(date(2025, 7, d), held) for d in (3, 10, 17)]),
            Measure("m2", "h2", MeasureType.DSF, "w1", visits=[
                Visit(date(2025, 7, 4), VisitOutcome.PORTE_CLOSE)]),
            Measure("m3", "h2", MeasureType.ASLL_DIAG, "w1")])
    # 2 households; 3 measures (1 ASLL, 1 diagnosis, 1 DSF); 3 + 1 = 4 visits; 1 worker; 1 home.
    assert demo_summary(caseload) == (
        "2 ménages, 3 mesures (1 ASLL, 1 diagnostic ASLL, 1 DSF), 4 visites, "
        "1 intervenant, 1 logement ALT")
