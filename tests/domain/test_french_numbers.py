"""French figures: « − » (U+2212) for negatives, a comma for decimals, no-break spaces
between thousands, an ETP always with two decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.domain.fr import (
    MINUS,
    format_count,
    format_decimal,
    format_fte,
    french_minus,
)
from desktop_app.domain.labels import number
from desktop_app.domain.money import format_amount, format_eur
from desktop_app.reports.labels import format_value

NBSP = "\u00a0"


def test_the_minus_sign_is_u2212() -> None:
    assert MINUS == "\u2212" and MINUS != "-"


@pytest.mark.parametrize(("amount", "text"), [
    (Decimal("-3094.20"), f"\u22123{NBSP}094,20{NBSP}€"),
    (Decimal("-0.005"), f"\u22120,01{NBSP}€"),  # half-up away from zero: a cent owed
    (Decimal("-0.004"), f"0,00{NBSP}€"),  # rounds to nothing: no sign
    (Decimal("1234567.891"), f"1{NBSP}234{NBSP}567,89{NBSP}€"),
    (Decimal("0"), f"0,00{NBSP}€"),
])
def test_amounts(amount: Decimal, text: str) -> None:
    assert format_eur(amount) == text
    assert format_value(amount) == text


def test_the_interchange_file_keeps_its_ascii_minus() -> None:
    assert format_amount(Decimal("-85.95")) == "-85.95"  # a machine format, not French text


@pytest.mark.parametrize(("value", "digits", "text"), [
    (-1.5, 1, "\u22121,5"), (-0.04, 1, "0,0"), (0.75, 2, "0,75"), (-12.25, 2, "\u221212,25"),
])
def test_decimals(value: float, digits: int, text: str) -> None:
    assert format_decimal(value, digits) == text


def test_counts() -> None:
    assert format_count(-20000) == f"\u221220{NBSP}000"
    assert format_count(1234) == f"1{NBSP}234"
    assert format_value(-3) == "\u22123"
    assert number(-37.5) == "\u221237,5" and number(50.0) == "50"


@pytest.mark.parametrize(("fte", "text"), [(1.0, "1,00"), (0.8, "0,80"), (0.75, "0,75"),
                                            (0.5, "0,50"), (2.6, "2,60")])
def test_an_fte_has_two_decimals(fte: float, text: str) -> None:
    assert format_fte(fte) == text


def test_french_minus_leaves_other_text_alone() -> None:
    assert french_minus("12") == "12" and french_minus("-0,00") == "0,00"
    assert french_minus("-7") == "\u22127"
