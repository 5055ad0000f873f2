"""Stocks, entries, exits, durations and levels of the measures of one type over a year.

In force is `measure_facts.in_force_span` (docs/regles.md: first period start to the earlier of
the last period end and the closing date). Over year N, every measure in force on a day of N
is either in force on 1/1 or new in N, and either still in force after 31/12 or an exit of N,
so that in force on 1/1 + new − exits = in force on 31/12 holds by construction. The stocks
are what goes on from one year to the next: « in force on 1/1 » counts the measures already
in force the day before (a measure starting on 1/1 is new in N), « in force on 31/12 » those
still in force the day after (a measure whose last day is 31/12 is an exit of N). So the
stock at the end of N−1 is the stock at the start of N (`check_continuity`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from desktop_app.domain.indicators.model import TypeIndicators
from desktop_app.domain.measure_facts import in_force_span, level_on, one_off_date
from desktop_app.domain.model import AsllContent, ExitReason, Level, Measure, MeasureType
from desktop_app.domain.reference_lists import ASLL_CONTENT_LABELS, EXIT_LABELS, EXIT_REASONS

#: Mean length of a month in days (365,25 / 12), to give durations in months.
DAYS_PER_MONTH = 30.4375
NO_REASON = "Motif non renseigné"
NO_CONTENT = "Contenu non renseigné"
LEVEL_LABELS: dict[MeasureType, dict[Level, str]] = {
    MeasureType.ASLL: {
        Level.SIMPLE: "Gestion Sociale Locative (GSL, simple)",
        Level.RENFORCE: "Accompagnement Social Locatif (ASL, renforcé)",
    },
    MeasureType.AML: {Level.SIMPLE: "AML simple", Level.RENFORCE: "AML renforcée"},
}
ONE_OFF_TYPES = frozenset({MeasureType.ASLL_DIAG, MeasureType.DSF})


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def span_in_year(measure: Measure, year: int) -> tuple[date, date] | None:
    """The measure's in-force span if it has a day in year N, else None."""
    span = in_force_span(measure)
    first, last = year_span(year)
    if span is None or span[1] < first or span[0] > last:
        return None
    return span


def first_day_in_year(measure: Measure, year: int) -> date | None:
    """The first day of N the measure counts in: in force (period types) or carried out
    (one-off types, and an ASLL whose CET was not signed in N, rule P2)."""
    if measure.type in ONE_OFF_TYPES:
        day = one_off_date(measure)
        return day if day is not None and day.year == year else None
    span = span_in_year(measure, year)
    if span is not None:
        return max(span[0], date(year, 1, 1))
    if measure.type is MeasureType.ASLL:
        day = one_off_date(measure)
        return day if day is not None and day.year == year else None
    return None


def exit_breakdown(mtype: MeasureType, reasons: Counter[ExitReason | None]) -> dict[str, int]:
    """Every reason of the type's list, zeros included, in the list's order, then a reason
    outside the list (a file may carry one), then « Motif non renseigné »."""
    listed = EXIT_REASONS.get(mtype, ())
    result = {EXIT_LABELS[reason]: reasons[reason] for reason in listed}
    for reason, count in reasons.items():
        if reason is not None and reason not in listed:
            result[EXIT_LABELS[reason]] = count
    result[NO_REASON] = reasons[None]
    return result


def fill_activity(ind: TypeIndicators, measures: list[Measure], year: int) -> None:
    """Households, entries, stocks, exits, durations and levels of `ind.type` over N."""
    households: set[str] = set()
    if ind.type in ONE_OFF_TYPES:
        for measure in measures:
            if first_day_in_year(measure, year) is not None:
                households.add(measure.household)
                ind.new += 1
        ind.households = len(households)
        return
    first, last = year_span(year)
    start = end = exits = 0
    reasons: Counter[ExitReason | None] = Counter()
    levels: Counter[Level] = Counter()
    contents: Counter[AsllContent | None] = Counter()
    durations: list[int] = []
    for measure in measures:
        if first_day_in_year(measure, year) is not None:
            households.add(measure.household)
        span = span_in_year(measure, year)
        if span is None:
            continue
        if span[0] < first:
            start += 1
        else:
            ind.new += 1
        if span[1] > last:
            end += 1
        else:
            exits += 1
            reasons[measure.exit_reason] += 1
            durations.append((span[1] - span[0]).days + 1)
        if ind.type in LEVEL_LABELS:
            levels[level_on(measure, max(span[0], first))] += 1
        contents[measure.asll_content] += 1
    ind.households = len(households)
    ind.in_force_start, ind.in_force_end, ind.exits = start, end, exits
    ind.exits_by_reason = exit_breakdown(ind.type, reasons)
    if durations:
        ind.mean_duration_months = round(sum(durations) / len(durations) / DAYS_PER_MONTH, 1)
    if ind.type in LEVEL_LABELS:
        ind.by_level = {label: levels[level] for level, label in LEVEL_LABELS[ind.type].items()}
    if ind.type is MeasureType.ASLL:
        ind.by_content = {label: contents[code] for code, label in ASLL_CONTENT_LABELS.items()}
        ind.by_content[NO_CONTENT] = contents[None]
