"""The bounds of what the application accepts, from a file or from the keyboard (one place).

Dates: the engines add months and years to dates, which must stay far from `date.max` (a
period ending in 9999 made the import fail on « year 10000 is out of range »); nobody followed
in an FSL measure was born before 1900.
Amounts: far above any real one (a yearly subsidy is ~20 000 €), far below the 28 digits of
Decimal arithmetic (30 digits made rounding fail on an InvalidOperation).
"""

from __future__ import annotations

from decimal import Decimal

FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_AMOUNT = Decimal("999999999.99")
