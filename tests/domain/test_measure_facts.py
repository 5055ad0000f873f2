from __future__ import annotations

from datetime import date

from desktop_app.domain.measure_facts import (
    active_on,
    dsf_second_closed_door,
    in_force_span,
    level_on,
    one_off_date,
)
from desktop_app.domain.model import (
    Contract,
    DsfOutcome,
    Level,
    Measure,
    MeasureType,
    Period,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
)


def asll(**kwargs: object) -> Measure:
    return Measure(id="m1", household="h1", type=MeasureType.ASLL, referent="w1", **kwargs)  # type: ignore[arg-type]


def test_span_is_first_start_to_earlier_of_last_end_and_closing() -> None:
    m = asll(periods=[Period(date(2025, 7, 1), date(2025, 12, 31)),
                      Period(date(2026, 1, 1), date(2026, 6, 30))])
    assert in_force_span(m) == (date(2025, 7, 1), date(2026, 6, 30))
    m.closed_on = date(2026, 2, 15)
    assert in_force_span(m) == (date(2025, 7, 1), date(2026, 2, 15))
    m.closed_on = date(2025, 6, 1)  # closed before it started: never in force
    assert in_force_span(m) is None
    assert in_force_span(asll()) is None


def test_open_suspension_runs_until_further_notice() -> None:
    m = asll(periods=[Period(date(2025, 7, 1), date(2025, 12, 31))],
             suspensions=[Suspension(date(2025, 10, 1), None, SuspensionReason.HOSPITALISATION)])
    assert active_on(m, date(2025, 9, 30))
    assert not active_on(m, date(2025, 10, 1)) and not active_on(m, date(2025, 12, 31))


def test_level_is_that_of_the_period_started_last() -> None:
    m = asll(periods=[Period(date(2025, 7, 1), date(2025, 9, 30), Level.SIMPLE),
                      Period(date(2025, 10, 1), date(2026, 3, 31), Level.RENFORCE)])
    assert level_on(m, date(2025, 9, 30)) is Level.SIMPLE
    assert level_on(m, date(2025, 10, 1)) is Level.RENFORCE


def test_one_off_dates() -> None:
    dsf = Measure(id="m2", household="h2", type=MeasureType.DSF, referent="w1",
                  outcome=DsfOutcome.PORTE_CLOSE,
                  visits=[Visit(date(2025, 9, 29), VisitOutcome.PORTE_CLOSE),
                          Visit(date(2025, 9, 15), VisitOutcome.ANNULEE),
                          Visit(date(2025, 10, 2), VisitOutcome.PORTE_CLOSE_JUSTIFIEE)])
    assert dsf_second_closed_door(dsf) == date(2025, 10, 2)
    assert one_off_date(dsf) == date(2025, 10, 2)
    not_signed = asll(contract=Contract(not_signed_on=date(2025, 8, 20)))
    assert one_off_date(not_signed) == date(2025, 8, 20)
    assert one_off_date(asll()) is None
