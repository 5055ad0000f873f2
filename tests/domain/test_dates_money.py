from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from desktop_app.domain.dates import Month, add_months, days_in_year
from desktop_app.domain.fr import format_date
from desktop_app.domain.money import format_amount, format_eur, round_cents


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2028, 3, 31), -1) == date(2028, 2, 29)
    assert add_months(date(2025, 8, 31), 1) == date(2025, 9, 30)
    assert add_months(date(2025, 4, 20), 9) == date(2026, 1, 20)


def test_month_parse_and_bounds() -> None:
    m = Month.parse("2024-02")
    assert (m.first_day, m.last_day, m.days) == (date(2024, 2, 1), date(2024, 2, 29), 29)
    assert str(m.previous()) == "2024-01" and str(Month(2025, 12).next()) == "2026-01"
    with pytest.raises(ValueError):
        Month.parse("2024-13")
    with pytest.raises(ValueError):
        Month.parse("2024/02")


def test_days_in_year() -> None:
    assert (days_in_year(2024), days_in_year(2025), days_in_year(2100)) == (366, 365, 365)


def test_round_half_up_exact() -> None:
    # 500 × 30 / 365 = 41.0958… → 41.10 ; 1 562,80 × 30 / 365 = 128.449… → 128.45
    assert round_cents(Fraction(500 * 30, 365)) == Decimal("41.10")
    assert round_cents(Fraction(Decimal("1562.80")) * 30 / 365) == Decimal("128.45")
    assert round_cents(Fraction(1, 200)) == Decimal("0.01")  # 0.005 rounds up
    assert round_cents(Decimal("2.675")) == Decimal("2.68")


def test_french_formats() -> None:
    assert format_eur(Decimal("1234.5")) == "1\u00a0234,50\u00a0€"
    assert format_eur(Decimal("85.95")) == "85,95\u00a0€"
    assert format_eur(Decimal("1234567.891")) == "1\u00a0234\u00a0567,89\u00a0€"
    assert format_amount(Decimal("171.9")) == "171.90"
    assert format_date(date(2025, 10, 15)) == "15/10/2025"
