"""Caseloads cut to one question: a month's funding, a day's alerts, a year's grid (see
`selection`).

Records the engines always need are read whole (association, tariffs, workers, homes); the
measures are those selected, with the households they belong to.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, select

from desktop_app.domain.dates import Month
from desktop_app.domain.model import Caseload, Measure, MeasureSpan, MeasureType, Worker
from desktop_app.store import fetch, list_queries
from desktop_app.store.records import MeasureRow
from desktop_app.store.row_objects import TYPES
from desktop_app.store.row_reading import collector_paused, run
from desktop_app.store.selection import (
    Selection,
    absence_selection,
    absences_selection,
    alert_selection,
    alerts_selection,
    household_supports,
    last_stays_of_days,
    last_stays_selection,
    month_selection,
    months_selection,
    year_extras,
    year_selection,
)
from desktop_app.store.tables import MEASURES

M = MEASURES.c


def all_spans(connection: Connection, until: date | None = None) -> list[MeasureSpan]:
    """(id, type, first day, last day in force) of every measure with periods; with `until`,
    only what the rules of that day read of them (`day_spans`)."""
    if until is not None:
        return day_spans(connection, until)
    return [MeasureSpan(i, TYPES[t], start, end) for i, t, start, end in
            run(connection, select(M.id, M.type, M.span_start, M.span_end).where(
                M.span_start.is_not(None)))]


_FAL = MeasureType.FAL.value
_NOT_FAL = sorted(t.value for t in MeasureType if t is not MeasureType.FAL)


def day_spans(connection: Connection, day: date) -> list[MeasureSpan]:
    """The spans the rules of `day` read of the whole history (`domain.alerts.association`,
    `quotas.fal_since_new_year`), from the (type, span) index: every FAL span started on or
    before `day` and in force this year; those ended before this year merged per month of
    start (first start, last end; measure ""), which keeps the months and years they cover;
    and for each earlier year one span of another type in force some day of it
    (`grille_annuelle` only asks whether a year was active). Spans started after `day`
    decide nothing on `day`."""
    new_year = date(day.year, 1, 1)
    spans = [MeasureSpan(i, TYPES[t], start, end) for i, t, start, end in run(connection, select(
        M.id, M.type, M.span_start, M.span_end).where(
        M.type == _FAL, M.span_start <= day, M.span_end >= new_year))]
    ended: dict[tuple[int, int], tuple[date, date]] = {}
    for start, end in run(connection, select(M.span_start, M.span_end).where(
            M.type == _FAL, M.span_start <= day, M.span_end < new_year)):
        key = (start.year, start.month)
        first, last = ended.get(key, (start, end))
        ended[key] = (min(first, start), max(last, end))
    spans.extend(MeasureSpan("", MeasureType.FAL, first, last)
                 for first, last in ended.values())
    # The earliest start of each type: one look-up each in the (type, span) index.
    firsts = [run(connection, select(func.min(M.span_start)).where(M.type == kind))[0][0]
              for kind in _NOT_FAL]
    known: set[str] = set()
    first_start = min((f for f in firsts if f is not None), default=None)
    for year in range(first_start.year if first_start is not None else day.year, day.year):
        found = run(connection, select(M.id, M.type, M.span_start, M.span_end).where(
            M.span_end >= date(year, 1, 1), M.span_start <= date(year, 12, 31),
            M.type != _FAL).order_by(M.span_end).limit(1))
        for i, t, start, end in found:
            if i not in known:
                known.add(i)
                spans.append(MeasureSpan(i, TYPES[t], start, end))
    return spans


def _caseload(connection: Connection, selection: Selection, workers: list[Worker],
              spans: list[MeasureSpan], visits_until: date | None = None) -> Caseload:
    """The caseload of a month or a day: households without their members (no rule, no
    statement and no screen of a month or a day reads them)."""
    measures = fetch.measures(connection, selection.ids, selection.visits, visits_until)
    return _with(connection, measures, workers, spans, members=False)


def _with(connection: Connection, measures: list[Measure], workers: list[Worker],
          spans: list[MeasureSpan], members: bool = True) -> Caseload:
    """The caseload of `measures`, with their households (and their members unless
    `members` is False) and every other record."""
    households = fetch.households(connection, {m.household for m in measures}, members)
    return Caseload(fetch.association(connection), fetch.tariffs(connection), workers,
                    households, fetch.homes(connection), measures, spans)


def load_for_month(connection: Connection, month: Month) -> Caseload:
    """Every measure that can earn something in `month` or count in its quotas (P1–P7,
    Q1–Q2), with every worker and ALT home; visits of DSF only."""
    return _caseload(connection, month_selection(connection, month, gap_homes_only=True),
                     fetch.workers(connection), [])


def load_for_months(connection: Connection, first: Month, last: Month) -> Caseload:
    """`load_for_month` of every month from `first` to `last`, read as one caseload (the
    points of several months, each computed over it as over its own month's)."""
    selection, month = Selection(), first
    while month <= last:
        _merge(selection, month_selection(connection, month, gap_homes_only=True))
        month = month.next()
    return _caseload(connection, selection, fetch.workers(connection), [])


def load_for_team(connection: Connection, day: date) -> tuple[list[Worker], list[MeasureRow],
                                                              Caseload]:
    """The workers, the measures in force on `day` (`list_queries.measure_rows`) and
    `load_for_month` of `day`'s month (each worker's points against their ceiling)."""
    workers = fetch.workers(connection)
    return (workers, list_queries.measure_rows(connection, day, None),
            _caseload(connection, month_selection(connection, Month.of(day), gap_homes_only=True),
                      workers, []))


def _merge(selection: Selection, *extras: Selection) -> None:
    for extra in extras:
        selection.ids |= extra.ids
        selection.visits |= extra.visits


def _day_selection(connection: Connection, day: date, workers: list[Worker],
                   gap_homes_only: bool = False) -> tuple[Selection, set[str]]:
    """What `load_for_day` reads, but the other supports of the households returned
    (`gap_homes_only`: see `month_selection`)."""
    selection, households = alert_selection(connection, day)
    _merge(selection, month_selection(connection, Month.of(day), gap_homes_only),
           absence_selection(connection, day, workers), last_stays_selection(connection, day))
    return selection, households


def load_for_day(connection: Connection, day: date) -> Caseload:
    """Every measure that can raise an alert on `day` (with all its children), those of the
    month's quotas and the year's convention counts, the other support measures of their
    households (`cumul`), one measure in force during each untold absence, the FAL stays of
    each home's last departure (`vacance_longue`), and the spans of the
    history the day's rules read (`day_spans`: yearly and monthly documents). Visits are read up to
    `day`: no rule looks at a visit after the day it is checked on (a DSF paid after it is
    not counted for it either)."""
    workers = fetch.workers(connection)
    selection, households = _day_selection(connection, day, workers, gap_homes_only=True)
    _merge(selection, year_selection(connection, day), household_supports(connection, households))
    return _caseload(connection, selection, workers, all_spans(connection, day),
                     visits_until=day)


#: Measures read at once by `load_for_year` (with their children and visits).
YEAR_SLICE = 2_000
def load_for_year(connection: Connection, year: int) -> Caseload:
    """Every measure the annual grid of `year` counts (`compute_year_indicators`): what
    `load_for_day` reads at each month end of the year (breaches are seen there; the 12
    months' funding, in force, paid once, FAL stays and per ALT home the next entry after
    31/12), AML agreed in the year, measures with a period ending or a visit in the year;
    each with all its children, and the spans of all measures. Visits are read up to 31/12
    (the grid counts those of the year; no alert of a month end looks later), those of a DSF
    whatever their date (its payment day depends on them, P6). The selections of the 12
    month ends are read merged (`alerts_selection`, `months_selection`: one query for the 12
    days where `load_for_day` runs one per day). The measures are read by
    slices of `YEAR_SLICE` (the rows of a slice freed before the next is read), and the
    collector is paused for the whole load (`collector_paused`). SQLite keeps its default
    page cache: with the selections merged, a larger one (64 MiB) no longer saved any time
    and weighed 60 MB of memory."""
    with collector_paused():
        workers = fetch.workers(connection)
        ends = [Month(year, number).last_day for number in range(1, 13)]
        selection, households = alerts_selection(connection, ends)
        _merge(selection, months_selection(connection, [Month.of(day) for day in ends]))
        _merge(selection, absences_selection(connection, ends, workers),
               last_stays_of_days(connection, ends))
        last = date(year, 12, 31)
        _merge(selection, year_selection(connection, last),
               household_supports(connection, households), year_extras(connection, year))
        # Read by slices of ids (in id order, as one read gives them): the rows of one slice
        # are turned into records and freed before the next is read, not the year's
        # 200 000 visits at once (their rows weighed twice the records).
        ordered = sorted(selection.ids)
        measures = [m for start in range(0, len(ordered), YEAR_SLICE)
                    for part in [ordered[start:start + YEAR_SLICE]]
                    for m in fetch.measures(connection, part, part, last,
                                            whole=(MeasureType.DSF,))]
        return _with(connection, measures, workers, all_spans(connection))
