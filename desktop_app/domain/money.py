"""Money: Decimal amounts rounded once per line, half-up, to the cent (rule P7)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from desktop_app.domain.fr import MINUS

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
#: Thousands separator of French amounts (« 1 234,56 € »): a no-break space.
NBSP = "\u00a0"


def round_cents(amount: Decimal | Fraction | int) -> Decimal:
    """Round an exact amount half-up to the cent (P7).

    A Fraction (e.g. 1 562,80 × 30 / 365) is rounded exactly, without going through a
    binary float or a truncated Decimal first.
    """
    if isinstance(amount, Fraction):
        cents, remainder = divmod(abs(amount) * 100, 1)
        value = int(cents) + (1 if remainder >= Fraction(1, 2) else 0)
        signed = value if amount >= 0 else -value
        return (Decimal(signed) / 100).quantize(CENT)
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def format_eur(amount: Decimal) -> str:
    """« 1 234,56 € », « −85,95 € » — French grouping with no-break spaces, comma for
    decimals, « − » (U+2212) for negatives."""
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = MINUS if rounded < 0 else ""
    units, cents = f"{abs(rounded):.2f}".split(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{sign}{NBSP.join(groups)},{cents}{NBSP}€"


def format_amount(amount: Decimal) -> str:
    """The amount as the interchange file writes it: a string with 2 decimals, e.g. "85.95"."""
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
