"""The change of a figure from year N−1 to year N, as the grid shows it beside the two
years: the gap (« Écart » = N − (N−1), of the same kind as the figures: a count, an amount,
a mean in months) and the evolution (« Évolution » = 100 × gap / |N−1|, in per cent with one
decimal, rounded half-up). An evolution from 0 means nothing (« n.s. », non significatif):
`percent` is then None. A figure « sans objet » (None) in either year has no change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.domain.indicators.model import Value

ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Change:
    #: N − (N−1): an int for counts, a Decimal for amounts, a float (one decimal) for means.
    gap: int | Decimal | float
    #: 100 × gap / |N−1|, one decimal half-up; None when N−1 is 0 (« n.s. »).
    percent: Decimal | None


def _exact(value: int | Decimal | float) -> Decimal:
    # A mean is a float rounded to one decimal: its shortest repr is the decimal meant.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def change(now: Value, before: Value) -> Change | None:
    """The change from `before` (N−1) to `now` (N); None when either is missing."""
    if now is None or before is None:
        return None
    gap_exact = _exact(now) - _exact(before)
    gap: int | Decimal | float
    if isinstance(now, float) or isinstance(before, float):
        gap = float(gap_exact.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP))
    elif isinstance(now, Decimal) or isinstance(before, Decimal):
        gap = gap_exact
    else:
        gap = int(gap_exact)
    if _exact(before) == 0:
        return Change(gap, None)
    percent = (gap_exact * 100 / abs(_exact(before))).quantize(ONE_DECIMAL,
                                                               rounding=ROUND_HALF_UP)
    return Change(gap, percent)
