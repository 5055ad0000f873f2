"""Whether a document about a period may be produced on a given day, and how.

A period that has ended (its last day is before « today ») gives a final document; a period
under way (today is one of its days, the last one included: 31/12 has not ended on 31/12)
gives a provisional one, marked « PROVISOIRE » on every page; a period not yet begun is
refused: its figures would all be forecasts."""

from __future__ import annotations

from datetime import date
from enum import Enum

from desktop_app.domain.fr import format_date


class PeriodState(Enum):
    FINAL = "final"
    PROVISIONAL = "provisoire"
    FUTURE = "à venir"


def period_state(first: date, last: date, today: date) -> PeriodState:
    """The state on `today` of the document about `first`–`last` (both included)."""
    if today < first:
        return PeriodState.FUTURE
    if today <= last:
        return PeriodState.PROVISIONAL
    return PeriodState.FINAL


def year_state(year: int, today: date) -> PeriodState:
    """The state on `today` of the document about the calendar year `year`."""
    return period_state(date(year, 1, 1), date(year, 12, 31), today)


def future_year_refusal(year: int, today: date) -> str:
    """Why the document of a year not yet begun is refused (French)."""
    return (f"l'année {year} n'a pas commencé (nous sommes le {format_date(today)}) : "
            f"son document ne peut pas être établi. Choisissez l'année {today.year} "
            f"(provisoire) ou une année passée.")
