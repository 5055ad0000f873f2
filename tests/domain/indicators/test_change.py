"""The change N−1 → N beside the grid's two years: gap and evolution (one decimal,
half-up; « n.s. » when N−1 is 0)."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.indicators.change import Change, change


def test_from_zero_the_evolution_is_not_significant() -> None:
    assert change(5, 0) == Change(5, None)
    assert change(0, 0) == Change(0, None)


def test_down_to_zero_is_minus_100_percent() -> None:
    assert change(0, 5) == Change(-5, Decimal("-100.0"))


def test_three_to_four_is_plus_33_3_percent() -> None:
    # (4 − 3) / 3 = 0,3333… → 33,3 %
    assert change(4, 3) == Change(1, Decimal("33.3"))
    # (3 − 4) / 4 = −25 %; (2 − 3) / 3 = −33,33… → −33,3 %
    assert change(3, 4) == Change(-1, Decimal("-25.0"))
    assert change(2, 3) == Change(-1, Decimal("-33.3"))


def test_half_up_rounding() -> None:
    # (9 − 8) / 8 = 12,5 % exactly; (1 − 16) / 16 = −93,75 % → −93,8 % (half away from 0);
    # (7 − 6) / 6 = 16,666… → 16,7 %; (201 − 200) / 200 = 0,5 %; 3 / 2000 = 0,15 % → 0,2 %
    assert change(9, 8).percent == Decimal("12.5")  # type: ignore[union-attr]
    assert change(1, 16).percent == Decimal("-93.8")  # type: ignore[union-attr]
    assert change(7, 6).percent == Decimal("16.7")  # type: ignore[union-attr]
    assert change(2003, 2000).percent == Decimal("0.2")  # type: ignore[union-attr]


def test_amounts_stay_decimal_and_means_keep_one_decimal() -> None:
    # 1 031,40 − 1 547,10 = −515,70 €; −515,70 / 1 547,10 = −33,333… %
    assert change(Decimal("1031.40"), Decimal("1547.10")) == Change(Decimal("-515.70"),
                                                                    Decimal("-33.3"))
    # 6,0 − 2,1 months = 3,9 (not 3,8999…); 3,9 / 2,1 = 185,71… %
    assert change(6.0, 2.1) == Change(3.9, Decimal("185.7"))


def test_a_negative_n_minus_1_is_measured_from_its_size() -> None:
    # −200 → −100: up by 100, half of |−200|: +50 %; −100 → −300: −200 / 100 = −200 %
    assert change(Decimal("-100.00"), Decimal("-200.00")) == Change(Decimal("100.00"),
                                                                    Decimal("50.0"))
    assert change(-300, -100) == Change(-200, Decimal("-200.0"))


def test_nothing_without_both_years() -> None:
    assert change(5, None) is None
    assert change(None, 5) is None
