"""French rendering of dates and numbers for everything a user reads."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.dates import Month

MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def format_date(day: date | None) -> str:
    """« 15/10/2025 »; an empty string for no date."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_month(month: Month) -> str:
    """« septembre 2025 »."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def format_decimal(value: float, digits: int = 1) -> str:
    """« 0,8 » — a comma for decimals."""
    return f"{value:.{digits}f}".replace(".", ",")
