"""The staff table the convention asks for with the yearly documents (article 5-2, « tableau
relatif aux missions exercées par les salariés »): per worker, diploma, ETP, measures followed
by type, points per ETP per month and absences of more than 21 working days with their
replacement.

Nothing is decided here that another rule already decides: points are the funding engine's
(`compute_month_points`, the worker's Q1 figure), « a measure of the year » the grid's
(`first_day_in_year`), the length of an absence `absence_travailleur`'s (`count_working_days`,
`MAX_ABSENCE_WORKING_DAYS`), a qualified diploma `is_qualified`'s.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from desktop_app.domain.alerts.workers import MAX_ABSENCE_WORKING_DAYS, is_qualified
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.indicators.activity import first_day_in_year
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Caseload, Diploma, Measure, MeasureType, Worker
from desktop_app.domain.money import round_cents
from desktop_app.domain.workdays import count_working_days

#: The columns of measures, in the convention's order; an ASLL diagnosis counts as ASLL.
STAFF_TYPES = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL, MeasureType.DSF)
_COLUMN = {MeasureType.ASLL_DIAG: MeasureType.ASLL}


@dataclass(frozen=True, slots=True)
class StaffAbsence:
    """An absence of more than 21 working days with a day in the year."""

    start: date
    #: None: open-ended (counted up to the table's last day).
    end: date | None
    working_days: int
    #: The replacing colleague's name; None: « non remplacé ».
    replacement: str | None
    #: The replacement holds one of the diplomas the convention asks for.
    replacement_qualified: bool


@dataclass(frozen=True, slots=True)
class StaffLine:
    worker: str
    name: str
    diploma: Diploma
    qualified: bool
    #: As recorded (the model does not date it).
    fte: Decimal
    #: The four columns of `STAFF_TYPES`, zero when none.
    measures: dict[MeasureType, int]
    #: Months from the first to the last of the year with a measure of the worker (in force,
    #: or carried out for one-off measures), up to the table's last day.
    months_worked: int
    #: The worker's Q1 points over those months (monthly, CET not signed, diagnosis).
    points: int
    #: points / (ETP × months worked), half-up to the cent; None without ETP or month.
    points_per_fte_month: Decimal | None
    absences: tuple[StaffAbsence, ...]


@dataclass(frozen=True, slots=True)
class StaffTable:
    association: str
    year: int
    #: The last day counted: 31/12 of the year, or `today` within the year.
    last_day: date
    lines: tuple[StaffLine, ...]
    #: The association: every line's points over the sum of ETP × months worked.
    points_per_fte_month: Decimal | None


def points_per_fte_month(points: int, fte_months: Fraction) -> Decimal | None:
    """Points per ETP per month, half-up to the cent (None when nothing was worked)."""
    return None if fte_months <= 0 else round_cents(Fraction(points) / fte_months)


def _fte(worker: Worker) -> Decimal:
    return Decimal(str(worker.fte))


def _active_months(measure: Measure, year: int, last_day: date) -> set[int]:
    """The months of `year` up to `last_day` in which `measure` counts for its referent."""
    first = first_day_in_year(measure, year)
    if first is None or first > last_day:
        return set()
    if measure.type in (MeasureType.ASLL_DIAG, MeasureType.DSF):
        return {first.month}
    span = in_force_span(measure)
    end = last_day if span is None else min(span[1], last_day)
    return set(range(first.month, max(first.month, end.month) + 1))


def _absences(worker: Worker, names: dict[str, Worker], year: int,
              last_day: date) -> tuple[StaffAbsence, ...]:
    found = []
    for absence in sorted(worker.absences, key=lambda a: a.start):
        end = absence.end if absence.end is not None else last_day
        if absence.start > last_day or end < date(year, 1, 1):
            continue
        days = count_working_days(absence.start, end)
        if days <= MAX_ABSENCE_WORKING_DAYS:
            continue
        colleague = None if absence.replacement is None else names.get(absence.replacement)
        found.append(StaffAbsence(
            start=absence.start, end=absence.end, working_days=days,
            replacement=None if colleague is None else colleague.name,
            replacement_qualified=is_qualified(colleague)))
    return tuple(found)


def staff_table(caseload: Caseload, year: int, today: date) -> StaffTable:
    """The staff table of `year` over `caseload` (all of it, or the store's
    `load_for_year(year)`), counted up to 31/12 or up to `today` within the year. A worker
    appears when they have a measure of the year or an absence of more than 21 working days
    in it; lines in name order."""
    last_day = min(date(year, 12, 31), max(today, date(year, 1, 1)))
    months: dict[str, set[int]] = {}
    counts: dict[str, Counter[MeasureType]] = {}
    for measure in caseload.measures:
        active = _active_months(measure, year, last_day)
        if not active:
            continue
        months.setdefault(measure.referent, set()).update(active)
        counts.setdefault(measure.referent, Counter())[_COLUMN.get(measure.type,
                                                                   measure.type)] += 1
    points: Counter[str] = Counter()
    for number in range(1, last_day.month + 1):
        for quota in compute_month_points(caseload, Month(year, number)).workers:
            points[quota.worker] += quota.figures.points
    names = {w.id: w for w in caseload.workers}
    lines = []
    for worker in sorted(caseload.workers, key=lambda w: (w.name.casefold(), w.id)):
        absences = _absences(worker, names, year, last_day)
        worked = months.get(worker.id, set())
        if not worked and not absences:
            continue
        months_worked = 0 if not worked else max(worked) - min(worked) + 1
        own = points[worker.id]
        lines.append(StaffLine(
            worker=worker.id, name=worker.name, diploma=worker.diploma,
            qualified=is_qualified(worker), fte=_fte(worker),
            measures={t: counts.get(worker.id, Counter())[t] for t in STAFF_TYPES},
            months_worked=months_worked, points=own,
            points_per_fte_month=points_per_fte_month(
                own, Fraction(_fte(worker)) * months_worked),
            absences=absences))
    total_points = sum(line.points for line in lines)
    fte_months = sum((Fraction(line.fte) * line.months_worked for line in lines), Fraction(0))
    return StaffTable(caseload.association.name, year, last_day, tuple(lines),
                      points_per_fte_month(total_points, fte_months))
