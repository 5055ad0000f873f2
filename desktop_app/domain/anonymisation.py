"""The pieces of `retention.anonymised` that keep the annual grid identical (« past
grids stay reproducible from anonymised data »).

The grid reads of a household (`indicators.profile.fill_profile`): its composition (members'
roles), the applicant's age bracket on the first day it is supported in year N for each
measure type, its monthly resources bracket, its territory; of a measure: ids, dates, codes,
and the closing reason (exits by reason, `activity.fill_activity`; exits to ordinary housing,
`specific.is_exit_to_housing`).

Age brackets: `age_on(b, d) >= L` holds exactly when `b <= latest_birth(d, L)` (the date L
years before d, 29/02 clamped to 28/02). So the brackets of every grid day depend only on
which of these thresholds the birth date is on or before: any date between the threshold
below the real birth date (excluded) and the one on or above it (included) gives the same
bracket on every day the grid uses. `coarse_birth` picks the roundest date of that interval,
chosen from the interval alone (not from the real birth date).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal

from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import Measure

#: What replaces an identifier in a free text.
HIDDEN = "[anonymisé]"
#: Neutral closing reasons when scrubbing changed the housing category (never in practice).
HOUSING_REASON = "Sortie vers un logement ordinaire (motif anonymisé)"
NEUTRAL_REASON = "Motif anonymisé"
_WORD = re.compile(r"\w+")
#: Phone, social security, CAF numbers… : 5 digits or more, single separators allowed.
_NUMBER = re.compile(r"\+?\d(?:[ .\-]?\d){4,}")
_EMAIL = re.compile(r"\S+@\S+")


def grid_days(measures: Iterable[Measure]) -> set[date]:
    """Every day the grid may take the applicant's age on: the first day of each year each
    measure counts in (`first_day_in_year`). The grid takes, per measure type and year, the
    earliest of these (`compute_year_indicators`); keeping the brackets on all of them keeps
    them whatever subset of the household's measures a grid is computed over."""
    # The grid's indicators (≈0,03 s to import) are loaded here, when a household is
    # anonymised, not by every command that opens the store (its keeping rules import this).
    from desktop_app.domain.indicators.activity import first_day_in_year

    days: set[date] = set()
    for measure in measures:
        years: set[int] = set()
        span = in_force_span(measure)
        if span is not None:
            years.update(range(span[0].year, span[1].year + 1))
        day = one_off_date(measure)
        if day is not None:
            years.add(day.year)
        days.update(d for y in years if (d := first_day_in_year(measure, y)) is not None)
    return days


def latest_birth(day: date, years: int) -> date:
    """The last birth date of someone at least `years` old on `day` (`profile.age_on`)."""
    year = day.year - years
    try:
        return date(year, day.month, day.day)
    except ValueError:  # 29/02 of a year that has none
        return date(year, 2, 28)


def coarse_birth(birth: date, days: Iterable[date], limits: Iterable[int]) -> date | None:
    """A round birth date in the same age bracket as `birth` on every day of `days`; None
    when the grid takes no age (no day)."""
    thresholds = sorted({latest_birth(d, limit) for d in days for limit in limits})
    if not thresholds:
        return None
    below = [t for t in thresholds if t < birth]
    above = [t for t in thresholds if t >= birth]
    low = below[-1] + timedelta(days=1) if below else None
    high = above[0] if above else None
    return roundest(low, high)


def roundest(low: date | None, high: date | None) -> date:
    """The roundest date of [low, high] (a bound may be open, not both): 1 January of a year
    ending in 0, then in 5, then any 1 January, then a 1st of a month, else `low`. Searched
    upwards from `low`, or downwards from `high` when there is no lower bound."""
    assert low is not None or high is not None
    for wanted in (lambda d: d.month == 1 and d.year % 10 == 0,
                   lambda d: d.month == 1 and d.year % 5 == 0,
                   lambda d: d.month == 1, lambda d: True):
        for day in _first_days(low, high):
            if wanted(day):
                return day
    assert low is not None  # no 1st of a month within a bounded interval: it is short
    return low


def _first_days(low: date | None, high: date | None) -> Iterator[date]:
    """The 1sts of a month in [low, high], from `low` up (or from `high` down), 100 years
    at most."""
    if low is not None:
        day = date(low.year, low.month, 1)
        if day < low:
            day = _month_after(day)
        for _ in range(1200):
            if high is not None and day > high:
                return
            yield day
            day = _month_after(day)
        return
    assert high is not None
    day = date(high.year, high.month, 1)
    for _ in range(1200):
        yield day
        day = date(day.year - (day.month == 1), 12 if day.month == 1 else day.month - 1, 1)


def _month_after(day: date) -> date:
    return date(day.year + (day.month == 12), 1 if day.month == 12 else day.month + 1, 1)


def resources_floor(amount: Decimal, limits: tuple[int, ...]) -> Decimal:
    """The lower limit of the resources bracket of `amount` (0 for the first bracket): the
    same bracket (`profile._bracket`), not the amount."""
    reached = [limit for limit in limits if amount >= limit]
    if reached:
        return Decimal(max(reached))
    return Decimal(0) if limits[0] > 0 else Decimal(limits[0] - 1)


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def scrubbed_reason(reason: str, phrases: Iterable[str], names: Iterable[str]) -> str:
    """`reason` with every identifier (each of `phrases` whole: name, address, town…; each
    word of 3 letters or more of `names`), long numbers and e-mail addresses replaced by
    « [anonymisé] », accents and case ignored. The housing category (`is_exit_to_housing`)
    is kept."""
    from desktop_app.domain.indicators.specific import is_exit_to_housing  # see grid_days

    words = [(m.start(), m.end(), plain(m.group())) for m in _WORD.finditer(reason)]
    hidden: list[tuple[int, int]] = [m.span() for m in _NUMBER.finditer(reason)]
    hidden += [m.span() for m in _EMAIL.finditer(reason)]
    wanted_runs = [[plain(w) for w in _WORD.findall(p)] for p in phrases]
    wanted_runs += [[plain(w)] for name in names for w in _WORD.findall(name)
                    if len(w) >= 3 and w.isalpha()]
    for wanted in wanted_runs:
        if wanted:
            for i in range(len(words) - len(wanted) + 1):
                if [w[2] for w in words[i:i + len(wanted)]] == wanted:
                    hidden.append((words[i][0], words[i + len(wanted) - 1][1]))
    text = _replace(reason, hidden)
    if is_exit_to_housing(text) != is_exit_to_housing(reason):
        return HOUSING_REASON if is_exit_to_housing(reason) else NEUTRAL_REASON
    return text


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    """Each run of hidden spans (joined by spaces or punctuation only) replaced once."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and not _WORD.search(text[merged[-1][1]:start]):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + HIDDEN + text[end:]
    return text
