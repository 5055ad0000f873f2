"""`grille_annuelle` and `tableau_occupation`: documents the association owes the SPSLH."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.context import AlertContext
from desktop_app.domain.dates import Month, months_between
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.measure_facts import one_off_date, span_of
from desktop_app.domain.model import Caseload, MeasureSpan, MeasureType

GRID = "grille_annuelle"
OCCUPANCY = "tableau_occupation"


def all_spans(caseload: Caseload) -> list[MeasureSpan]:
    """In-force spans of every measure: `caseload.spans` when the store gave them (the whole
    history, beyond the loaded measures), else those of the loaded measures."""
    if caseload.spans:
        return caseload.spans
    return [s for s in map(span_of, caseload.measures) if s is not None]


def fal_spans(caseload: Caseload) -> list[tuple[date, date]]:
    """In-force spans of the FAL measures (`all_spans`)."""
    return [(s.start, s.end) for s in all_spans(caseload) if s.type is MeasureType.FAL]


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The union of inclusive spans, as disjoint spans in date order."""
    merged: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def active_years(caseload: Caseload, before: int) -> set[int]:
    """Years before `before` in which a measure was in force, or a one-off measure (DSF,
    ASLL_DIAG) was carried out."""
    years: set[int] = set()
    for start, end in _merged([(s.start, s.end) for s in all_spans(caseload)]):
        years.update(range(start.year, min(end.year, before - 1) + 1))
    for measure in caseload.measures:
        if measure.type in (MeasureType.DSF, MeasureType.ASLL_DIAG):
            done = one_off_date(measure)
            if done is not None and done.year < before:
                years.add(done.year)
    return years


def grid_due(year: int) -> date:
    """The annual grid of `year` is due at the SPSLH on 1 February of the next year."""
    return date(year + 1, 2, 1)


def grid_year(due: date) -> int:
    """The year of the grid due on `due` (the inverse of `grid_due`)."""
    return due.year - 1


def grille_annuelle(ctx: AlertContext) -> Iterator[Alert]:
    """The annual grid of year N is due at the SPSLH on 1 February N+1, for a year in which
    a measure was in force; raised from 1 January N+1 until recorded as sent."""
    sent = {g.year for g in ctx.caseload.association.grids_sent if g.sent_on <= ctx.on}
    active = ctx.facts.remember((GRID, ctx.on.year),
                                lambda: active_years(ctx.caseload, ctx.on.year))
    for year in sorted(active - sent):
        due = grid_due(year)
        yield ctx.other_alert(
            GRID, due,
            f"Envoyer au SPSLH la grille annuelle d'activité {year} au plus tard le "
            f"{format_date(due)}.",
        )


def _of_month(month: Month) -> str:
    """« de décembre 2025 », « d'août 2025 » (elision before a vowel)."""
    name = format_month(month)
    return f"d'{name}" if name[0] in "aeiouyâéèê" else f"de {name}"


def occupancy_due(month: Month, due_day: int) -> date:
    """The setting's day of the month after `month`, clamped to that month's length."""
    following = month.next()
    return date(following.year, following.month, max(1, min(due_day, following.days)))


def tableau_occupation(ctx: AlertContext) -> Iterator[Alert]:
    """FAL: the ALT occupancy table of each month before `on`'s month with a FAL in force on
    some day of it; raised from the 1st of the following month, due on the setting's day of
    it, until recorded as sent."""
    current = Month.of(ctx.on)
    sent = {t.month for t in ctx.caseload.association.occupancy_tables_sent
            if t.sent_on <= ctx.on}
    months: set[Month] = set()
    for start, end in ctx.facts.remember(OCCUPANCY, lambda: _merged(fal_spans(ctx.caseload))):
        if start < current.first_day:
            months.update(months_between(start, min(end, current.previous().last_day)))
    for month in sorted(months - sent):
        due = occupancy_due(month, ctx.settings.occupancy_table_due_day)
        yield ctx.other_alert(
            OCCUPANCY, due,
            f"Envoyer au SPSLH le tableau d'occupation ALT {_of_month(month)} au plus "
            f"tard le {format_date(due)}.",
            month=month,
        )
