"""When a document about a period is final, provisional or refused."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.document_period import (
    PeriodState,
    future_year_refusal,
    period_state,
    year_state,
)


@pytest.mark.parametrize(("year", "today", "state"), [
    (2026, date(2026, 12, 31), PeriodState.PROVISIONAL),  # the last day is still under way
    (2026, date(2027, 1, 1), PeriodState.FINAL),  # the next morning the year has ended
    (2026, date(2026, 1, 1), PeriodState.PROVISIONAL),  # its first day
    (2027, date(2026, 12, 31), PeriodState.FUTURE),  # the eve of the year
    (2031, date(2026, 12, 4), PeriodState.FUTURE),
    (2025, date(2026, 12, 4), PeriodState.FINAL),
])
def test_year_state_turns_at_midnight_of_31_december(year: int, today: date,
                                                     state: PeriodState) -> None:
    assert year_state(year, today) is state


def test_a_leap_february_ends_on_the_29th() -> None:
    # A period ending on the 29th of a leap February is under way on that day, ended the
    # day after (1 March), never « ended » on the 28th.
    first, last = date(2027, 3, 1), date(2028, 2, 29)
    assert period_state(first, last, date(2028, 2, 28)) is PeriodState.PROVISIONAL
    assert period_state(first, last, date(2028, 2, 29)) is PeriodState.PROVISIONAL
    assert period_state(first, last, date(2028, 3, 1)) is PeriodState.FINAL
    assert period_state(first, last, date(2027, 2, 28)) is PeriodState.FUTURE


def test_a_leap_year_is_final_on_1_january_after_its_366th_day() -> None:
    assert year_state(2028, date(2028, 12, 31)) is PeriodState.PROVISIONAL  # day 366
    assert year_state(2028, date(2029, 1, 1)) is PeriodState.FINAL


def test_a_measure_year_across_two_calendar_years() -> None:
    first, last = date(2026, 8, 1), date(2027, 7, 31)
    assert period_state(first, last, date(2026, 7, 31)) is PeriodState.FUTURE
    assert period_state(first, last, date(2026, 8, 1)) is PeriodState.PROVISIONAL
    assert period_state(first, last, date(2027, 7, 31)) is PeriodState.PROVISIONAL
    assert period_state(first, last, date(2027, 8, 1)) is PeriodState.FINAL


def test_the_refusal_names_the_year_and_today_in_french() -> None:
    text = future_year_refusal(2031, date(2026, 12, 4))
    assert "2031 n'a pas commencé" in text
    assert "04/12/2026" in text
    assert "2026 (provisoire)" in text
