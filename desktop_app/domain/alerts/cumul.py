"""`cumul`: one FSL support measure (ASLL, AML, FAL) per household at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.context import AlertContext
from desktop_app.domain.alerts.facts import MeasureFacts
from desktop_app.domain.dates import add_months, overlap
from desktop_app.domain.fr import format_date
from desktop_app.domain.measure_facts import is_closed_on
from desktop_app.domain.model import SUPPORT_TYPES, Measure, MeasureType

CODE = "cumul"
#: An authorised AML relay may overlap another support for at most this many months.
RELAY_MONTHS = 3

Spanned = tuple[Measure, tuple[date, date]]


def _is_relay(a: Measure, b: Measure) -> bool:
    return any(m.type is MeasureType.AML and m.relay_authorized for m in (a, b))


def breach_span(a: Spanned, b: Spanned) -> tuple[date, date] | None:
    """First and last day the overlap of two support measures (with their in-force spans,
    clipped at their closing) is a breach, None if it never is: the days both are in force.
    Without relay: from the first common day. With an authorised AML relay: from the later
    start + 3 months, when the overlap reaches that day. Either way until the last common
    day (one of them ended or was closed: the breach is over)."""
    (a_measure, (a_start, a_end)), (b_measure, (b_start, b_end)) = a, b
    common = overlap(a_start, a_end, b_start, b_end)
    if common is None:
        return None
    if not _is_relay(a_measure, b_measure):
        return common
    limit = add_months(max(a_start, b_start), RELAY_MONTHS)
    return (limit, common[1]) if common[1] >= limit else None


def _later(a: Spanned, b: Spanned) -> tuple[Spanned, Spanned]:
    """(the measure that started last — tie: the larger id —, the other one)."""
    return (a, b) if (a[1][0], a[0].id) > (b[1][0], b[0].id) else (b, a)


#: (household, the measure that started last, the other one, first and last day of the
#: breach).
Overlap = tuple[str, Measure, Measure, date, date]


def _named(measure: Measure) -> str:
    """« ASLL débutée le 01/07/2025 »: a measure as its worker knows it, never by its id."""
    first = min((p.start for p in measure.periods), default=measure.decision_date)
    return f"{measure.type} débutée le {format_date(first)}" if first else f"{measure.type}"


def overlaps(measures: list[MeasureFacts]) -> list[Overlap]:
    """Every pair of support measures of a household whose overlap is a breach on some
    days (`breach_span`), per household in the order of the measures: what does not depend on
    the day."""
    by_household: dict[str, list[Spanned]] = defaultdict(list)
    for facts in measures:
        if facts.measure.type in SUPPORT_TYPES and facts.span is not None:
            by_household[facts.measure.household].append((facts.measure, facts.span))
    found: list[Overlap] = []
    for household, group in by_household.items():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                days = breach_span(a, b)
                if days is not None:
                    (later, _), (other, _) = _later(a, b)
                    found.append((household, later, other, *days))
    return found


def cumul(ctx: AlertContext) -> Iterator[Alert]:
    """Per household, each support measure that started while another was in force (beyond
    3 months for an authorised AML relay) is named once — the other ones listed in the
    message — on the days of the breach: while both are in force (once the other one has
    ended or been closed, the household has one measure again and nothing is raised)."""
    named: dict[str, tuple[str, Measure, list[tuple[date, Measure]]]] = {}
    pairs = ctx.facts.remember(CODE, lambda: overlaps(ctx.facts.measures))  # whatever the day
    for household, later, other, start, end in pairs:
        if not start <= ctx.on <= end or is_closed_on(later, ctx.on):
            continue
        named.setdefault(later.id, (household, later, []))[2].append((start, other))
    for household, later, others in named.values():
        listed = ", ".join(f"la mesure {_named(o)} (en même temps depuis le {format_date(s)})"
                           for s, o in sorted(others, key=lambda item: item[0]))
        yield ctx.measure_alert(
            CODE, later, None,
            f"{ctx.household_name(household)} cumule la mesure {_named(later)} "
            f"avec {listed} : une seule mesure d'accompagnement à la fois, n'en garder "
            f"qu'une.",
        )
