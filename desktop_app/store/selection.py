"""Which measures a month, a day or a year needs, found with the denormalized, indexed columns of
`measures` (`span_start`, `span_end`, `one_off_on`, `closed_on`) and of `stays`: the cost
follows the measures in force, not the years of history.

A `Selection` is a set of measure ids, and those of them whose visits must be read too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, extract, func, or_, select

from desktop_app.domain.alerts.workers import MAX_ABSENCE_WORKING_DAYS, absence_gaps
from desktop_app.domain.dates import Month
from desktop_app.domain.model import SUPPORT_TYPES, MeasureType, Retroactive, Worker
from desktop_app.domain.workdays import count_working_days
from desktop_app.store.row_reading import among, run, select_in
from desktop_app.store.tables import MEASURES, PERIODS, STAYS, VISITS

M = MEASURES.c
S = STAYS.c
DSF = MeasureType.DSF.value
SUPPORT = sorted(t.value for t in SUPPORT_TYPES)
#: Every type: `type IN (…)` lets SQLite read a span condition from the covering index
#: (type, span_start, span_end) rather than the whole table.
ALL_TYPES = sorted(t.value for t in MeasureType)
#: FAL stays that ended this many days before the month are read (a vacancy gap after them
#: may be paid in the month: at most 31 days, P5).
GAP_LOOKBACK = timedelta(days=40)


@dataclass(slots=True)
class Selection:
    """Measures to read."""

    ids: set[str] = field(default_factory=set)
    #: Measures whose visits are read (DSF always: its payment day depends on them, P6).
    visits: set[str] = field(default_factory=set)

    def add(self, rows: Iterable[Sequence[Any]], with_visits: bool = False) -> None:
        """Add (id, type, …) rows."""
        for row in rows:
            self.ids.add(row[0])
            if with_visits or row[1] == DSF:
                self.visits.add(row[0])


def _ids(where: Any) -> Select[tuple[str, str]]:
    return select(M.id, M.type).where(where)


#: Stays with their measure; `KEPT`: a stay of a measure closed before it started is no
#: occupancy (funding.occupancy).
STAYS_OF_MEASURES = STAYS.join(MEASURES, S.measure_id == M.id)
KEPT = or_(M.closed_on.is_(None), M.closed_on >= S.start)


def month_selection(connection: Connection, month: Month, gap_homes_only: bool = False
                    ) -> Selection:
    """Every measure that can earn something in `month` (P1–P7) or count in its quotas
    (Q1–Q2): in force some day of it, paid once in it, and the FAL stays that shape its ALT
    occupancy (stays not ended 40 days before it, and per home the next entry after it,
    which closes a vacancy gap). Visits: DSF only. `gap_homes_only`: the next entry only of
    the homes with such a stay (a gap paid in the month follows a departure at most 31 days
    before it: the month's funding is the same)."""
    selection = Selection()
    # `type IN (…)`: SQLite reads the span condition from the (type, span) index.
    selection.add(run(connection, _ids(or_(and_(M.type.in_(ALL_TYPES), _spans_over(month)),
                                           _paid_once_in(month)))))
    recent = run(connection, select(M.id, M.type, S.home_id).select_from(
        STAYS_OF_MEASURES).where(_stays_shaping(month)))
    selection.add(recent)
    homes = {r[2] for r in recent}
    if gap_homes_only and not homes:
        return selection
    only = among(connection, S.home_id, homes) if gap_homes_only else None
    selection.add(run(connection, _next_entries(month, only)))
    return selection


def _spans_over(month: Month) -> Any:
    return and_(M.span_start <= month.last_day, M.span_end >= month.first_day)


def _paid_once_in(month: Month) -> Any:
    return M.one_off_on.between(month.first_day, month.last_day)


def _stays_shaping(month: Month) -> Any:
    """FAL stays not ended 40 days before `month` and begun by its end."""
    return and_(S.start <= month.last_day,
                or_(S.end.is_(None), S.end >= month.first_day - GAP_LOOKBACK))


def _next_entries(month: Month, homes: Any = None) -> Select[tuple[str, str]]:
    """Per ALT home (of `homes`, a condition on `S.home_id`, if given), the FAL stays of its
    next entry after `month`."""
    after = [S.start > month.last_day, KEPT]
    if homes is not None:
        after.append(homes)
    entries = select(S.home_id.label("home"), func.min(S.start).label("first")).select_from(
        STAYS_OF_MEASURES).where(*after).group_by(S.home_id).subquery()
    return select(M.id, M.type).select_from(STAYS_OF_MEASURES.join(
        entries, and_(S.home_id == entries.c.home, S.start == entries.c.first))).where(KEPT)


def months_selection(connection: Connection, months: Sequence[Month]) -> Selection:
    """`month_selection` of each of `months`, merged: three queries whatever their number."""
    selection = Selection()
    selection.add(run(connection, _ids(or_(*(or_(_spans_over(m), _paid_once_in(m))
                                             for m in months)))))
    selection.add(run(connection, select(M.id, M.type).select_from(STAYS_OF_MEASURES).where(
        or_(*map(_stays_shaping, months)))))
    if len(months) == 1:
        selection.add(run(connection, _next_entries(months[0])))
    else:
        rows = kept_stays(connection)
        for month in months:
            day = month.last_day
            first: dict[str, date] = {}
            for home, start, _, _, _ in rows:
                if start > day and (home not in first or start < first[home]):
                    first[home] = start
            selection.add((i, t) for home, start, _, i, t in rows
                          if home in first and start == first[home])
    return selection


def kept_stays(connection: Connection) -> Sequence[Any]:
    """(home, start, end, measure id, type) of every FAL stay in a home that is occupancy
    (`KEPT`): the year's selections look through them day by day in memory."""
    return run(connection, select(S.home_id, S.start, S.end, M.id, M.type).select_from(
        STAYS_OF_MEASURES).where(KEPT, S.start.is_not(None), S.home_id.is_not(None)))


def last_stays_selection(connection: Connection, day: date) -> Selection:
    """`vacance_longue`: per ALT home, the FAL stays that can hold its last departure before
    `day` or cover `day`: those of the latest entry on or before `day` and every stay in the
    home not ended before that entry (a shared home's earlier, longer stay)."""
    latest = select(S.home_id.label("home"), func.max(S.start).label("entry")).select_from(
        STAYS_OF_MEASURES).where(S.start <= day, KEPT).group_by(S.home_id).subquery()
    selection = Selection()
    selection.add(run(connection, select(M.id, M.type).select_from(STAYS_OF_MEASURES.join(
        latest, S.home_id == latest.c.home)).where(
        KEPT, S.start <= day, or_(S.end.is_(None), S.end >= latest.c.entry)).distinct()))
    return selection


def last_stays_of_days(connection: Connection, days: Sequence[date]) -> Selection:
    """`last_stays_selection` of each of `days`, merged, from one read of the stays kept."""
    rows = kept_stays(connection)
    selection = Selection()
    for day in days:
        entry: dict[str, date] = {}
        for home, start, _, _, _ in rows:
            if start <= day and (home not in entry or start > entry[home]):
                entry[home] = start
        selection.add((i, t) for home, start, end, i, t in rows
                      if home in entry and start <= day and (end is None or end >= entry[home]))
    return selection


#: A period starting within this many days after the day may already owe its final report
#: (`bilan_final` is raised 30 days before "end − 1 month").
REPORT_LEAD = timedelta(days=62)


def _alert_conditions(day: date) -> tuple[Any, Any]:
    """(not closed as of `day`, selected by `alert_selection` for `day`)."""
    not_closed = or_(M.closed_on.is_(None), M.closed_on > day)
    claim_pending = and_(M.type == MeasureType.AML.value, M.claim_departure_on <= day,
                         or_(M.claim_sent_on.is_(None), M.claim_sent_on > day))
    concerned = or_(
        M.span_start <= day + REPORT_LEAD,
        M.duration_breach.is_(True),  # duree, whatever the day
        and_(M.type == MeasureType.ASLL.value, M.decision_date <= day),  # cet
        and_(M.type == MeasureType.AML.value, M.agreement_on <= day),  # accord_principe
        and_(M.type == DSF, M.hearing_on.is_not(None),  # dsf_transmission
             or_(M.summoned_on.is_(None), M.summoned_on <= day),
             or_(M.transmitted_on.is_(None), M.transmitted_on > day)),
    )
    return not_closed, or_(and_(not_closed, concerned), claim_pending)


def alert_selection(connection: Connection, day: date) -> tuple[Selection, set[str]]:
    """Measures not closed as of `day` that some measure rule can concern on `day` (read with
    every child), AML whose failure claim is due and not sent (`echec_aml`, closed or not),
    the DSF of the households of the ASLL not closed among them funded retroactively after a
    DSF (`date_effet` looks for the diagnosis), and the households of the support measures not
    closed among them (`cumul`)."""
    return alerts_selection(connection, [day])


def alerts_selection(connection: Connection, days: Sequence[date]
                     ) -> tuple[Selection, set[str]]:
    """`alert_selection` of each of `days`, merged: one query (two with DSF to add) whatever
    their number; a measure is « not closed » when it is on one of the days it is selected
    for."""
    conditions = [_alert_conditions(day) for day in days]
    rows = run(connection, select(
        M.id, M.type, M.household_id, M.span_start, M.retroactive,
        or_(*(and_(selected, not_closed) for not_closed, selected in conditions)).label("open"),
    ).where(or_(*(selected for _, selected in conditions))))
    selection = Selection()
    selection.add(rows, with_visits=True)
    households = {r[2] for r in rows if r[1] in SUPPORT and r[3] is not None and r[5]}
    after_dsf = {r[2] for r in rows if r[4] == Retroactive.DSF.value and r[5]}
    if after_dsf:
        selection.add(select_in(connection, _ids(M.type == DSF), M.household_id, after_dsf))
    return selection, households


def year_selection(connection: Connection, day: date) -> Selection:
    """DSF paid from 1 January to `day` (`convention`), and one DSF or ASLL_DIAG carried out
    in each earlier year (`grille_annuelle` counts such a year as active)."""
    new_year = date(day.year, 1, 1)
    selection = Selection()
    # The type tested here: in SQL, SQLite would scan every DSF rather than the days.
    selection.add(r for r in run(connection, _ids(M.one_off_on.between(new_year, day)))
                  if r[1] == DSF)
    first = run(connection, select(func.min(M.one_off_on)))[0][0]  # one index look-up
    if first is None or first >= new_year:
        return selection  # nothing carried out before this year
    one_per_year = select(func.min(M.id), func.min(M.type)).where(
        M.type.in_((DSF, MeasureType.ASLL_DIAG.value)), M.one_off_on < new_year,
    ).group_by(extract("year", M.one_off_on), M.type)
    selection.add(run(connection, one_per_year), with_visits=True)
    return selection


def household_supports(connection: Connection, households: set[str]) -> Selection:
    """Every support measure with periods of these households (`cumul` compares their
    spans)."""
    selection = Selection()
    if households:
        # Type and span tested here: in SQL, SQLite would scan the (type, span) index
        # rather than look the households up.
        rows = select_in(connection, select(M.id, M.type, M.span_start), M.household_id,
                         households)
        selection.add(r for r in rows if r[1] in SUPPORT and r[2] is not None)
    return selection


def absence_selection(connection: Connection, day: date, workers: list[Worker]) -> Selection:
    """For each absence not cleared as of `day` (no SLISL notice on or before it, or no
    replacement with an equivalent diploma) and longer than 21 working days, one support
    measure of that referent in force some day of it (`absence_travailleur` needs one)."""
    return absences_selection(connection, [day], workers)


def absences_selection(connection: Connection, days: Sequence[date], workers: list[Worker]
                       ) -> Selection:
    """`absence_selection` of each of `days`, merged: one query per distinct (referent,
    first day, last day) whatever the number of days."""
    selection = Selection()
    by_id = {w.id: w for w in workers}
    asked: set[tuple[str, date, date]] = set()
    for day in days:
        for worker in workers:
            for absence in worker.absences:
                replacement = (None if absence.replacement is None
                               else by_id.get(absence.replacement))
                if absence.start > day or not any(absence_gaps(absence, replacement, day)):
                    continue
                last = absence.end if absence.end is not None else day
                if (worker.id, absence.start, last) in asked:
                    continue
                asked.add((worker.id, absence.start, last))
                if count_working_days(absence.start, last) <= MAX_ABSENCE_WORKING_DAYS:
                    continue
                selection.add(run(connection, _ids(and_(
                    M.referent_id == worker.id, M.type.in_(SUPPORT), M.span_start <= last,
                    M.span_end >= absence.start,
                )).limit(1)))
    return selection


def year_extras(connection: Connection, year: int) -> Selection:
    """What a year's activity grid needs beyond the selections of its month ends (see
    `loaders.load_for_year`), counted by the annual indicators by a date of the year: AML
    whose agreement is dated in N (`AML.agreements`) or whose failure claim was sent in N
    (`AML.claims_sent`), measures with a period ending in N (`bilan_final` counts, even once
    closed) and measures with a visit dated in N (visit counts, e.g. a DSF carried out after
    N)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    selection = Selection()
    selection.add(run(connection, select(M.id, M.type).where(
        M.type == MeasureType.AML.value, or_(M.agreement_on.between(first, last),
                                            M.claim_sent_on.between(first, last)))))
    for child in (M.id.in_(select(PERIODS.c.measure_id).where(
                      PERIODS.c.end.between(first, last))),
                  # EXISTS: one look-up per measure in the (measure, day) index, where `IN`
                  # scanned the million visits of a department.
                  select(VISITS.c.id).where(VISITS.c.measure_id == M.id,
                                            VISITS.c.day.between(first, last)).exists()):
        selection.add(run(connection, select(M.id, M.type).where(child)))
    return selection
