"""Read the records of the caseload (measures with their children, households, workers,
homes, tariffs, the association) as dataclasses, through the plain-tuple helpers of
`row_reading`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Association,
    Convention,
    GridSent,
    Home,
    Household,
    Measure,
    MeasureType,
    OccupancyTableSent,
    Tariff,
    Visit,
    Worker,
)
from desktop_app.store import row_objects as b
from desktop_app.store.row_reading import (
    children,
    collector_paused,
    rows_of,
    run,
)
from desktop_app.store.tables import (
    ASSOCIATION,
    CONVENTIONS,
    GRIDS,
    HOMES,
    HOUSEHOLDS,
    MEASURES,
    OCCUPANCY,
    SUBSIDIES,
    TARIFFS,
    VISITS,
    WORKERS,
)


def measures(connection: Connection, ids: Collection[str] | None,
             visits_of: Collection[str] | None,
             visits_until: date | None = None,
             whole: Collection[MeasureType] = ()) -> list[Measure]:
    """The measures `ids` (all for None) with their children; visits only for `visits_of`
    (all for None: pass an empty set for no visits) and, if given, up to `visits_until`
    (those of a measure of a type in `whole`: whatever their date)."""
    with collector_paused():
        return _measures(connection, ids, visits_of, visits_until, whole)


def _measures(connection: Connection, ids: Collection[str] | None,
              visits_of: Collection[str] | None, visits_until: date | None,
              whole: Collection[MeasureType]) -> list[Measure]:
    found = [b.build_measure(r) for r in rows_of(connection, b.MEASURE_COLUMNS, MEASURES.c.id,
                                                  ids)]
    if not found:
        return []
    parents = None if ids is None else [m.id for m in found]
    periods = children(connection, b.PERIOD_COLUMNS, b.build_period, parents)
    suspensions = children(connection, b.SUSPENSION_COLUMNS, b.build_suspension, parents)
    reports = children(connection, b.REPORT_COLUMNS, b.build_report, parents)
    notices = children(connection, b.NOTICE_COLUMNS, b.build_notice, parents)
    stays = children(connection, b.STAY_COLUMNS, b.build_stay, parents)
    extensions = children(connection, b.EXTENSION_COLUMNS, b.build_extension, parents)
    visits = _visits(connection, found, parents if visits_of is None else visits_of,
                     visits_until, whole)
    for m in found:
        m.periods = periods.get(m.id, [])
        m.suspensions = suspensions.get(m.id, [])
        m.reports = reports.get(m.id, [])
        m.notices = notices.get(m.id, [])
        m.stays = stays.get(m.id, [])
        m.agreement_extensions = extensions.get(m.id, [])
        m.visits = visits.get(m.id, [])
    return found


def _visits(connection: Connection, found: list[Measure], of: Collection[str] | None,
            until: date | None, whole: Collection[MeasureType]) -> dict[str, list[Visit]]:
    """Visits of the measures `of` (all for None), up to `until` but for the `whole` types."""
    if of is not None and not of:
        return {}
    if until is None:
        return children(connection, b.VISIT_COLUMNS, b.build_visit, of)
    wanted = None if of is None else set(of)
    entire = {m.id for m in found if m.type in whole and (wanted is None or m.id in wanted)}
    dated = of if not entire else [i for i in (of if of is not None else [m.id for m in found])
                                   if i not in entire]
    visits = children(connection, b.VISIT_COLUMNS, b.build_visit, dated, VISITS.c.day <= until)
    if entire:
        visits.update(children(connection, b.VISIT_COLUMNS, b.build_visit, entire))
    return visits


HOUSEHOLD_COLUMNS = (HOUSEHOLDS.c.id, HOUSEHOLDS.c.name, HOUSEHOLDS.c.reference,
                     HOUSEHOLDS.c.address, HOUSEHOLDS.c.postcode, HOUSEHOLDS.c.city,
                     HOUSEHOLDS.c.territory, HOUSEHOLDS.c.phone, HOUSEHOLDS.c.monthly_resources,
                     HOUSEHOLDS.c.territory_other)


def households(connection: Connection, ids: Collection[str] | None,
               members: bool = True) -> list[Household]:
    """The households `ids` (all for None), with their members unless `members` is False."""
    with collector_paused():
        return _households(connection, ids, members)


def _households(connection: Connection, ids: Collection[str] | None,
                with_members: bool) -> list[Household]:
    found = [Household(id=r[0], name=r[1], reference=r[2], address=r[3], postcode=r[4],
                       city=r[5], territory=b.TERRITORY[r[6]], phone=r[7],
                       monthly_resources=r[8], territory_other=r[9])
             for r in rows_of(connection, HOUSEHOLD_COLUMNS, HOUSEHOLDS.c.id, ids)]
    if not with_members:
        return found
    members = children(connection, b.MEMBER_COLUMNS, b.build_member,
                       None if ids is None else [h.id for h in found])
    for household in found:
        household.members = members.get(household.id, [])
    return found


def workers(connection: Connection) -> list[Worker]:
    found = [b.build_worker(r) for r in run(connection,
        select(*b.WORKER_COLUMNS).order_by(WORKERS.c.id))]
    absences = children(connection, b.ABSENCE_COLUMNS, b.build_absence, None)
    for worker in found:
        worker.absences = absences.get(worker.id, [])
    return found


def homes(connection: Connection) -> list[Home]:
    found = [Home(*r) for r in run(connection,
        select(HOMES.c.id, HOMES.c.address).order_by(HOMES.c.id))]
    vacancies = children(connection, b.VACANCY_COLUMNS, b.build_vacancy, None)
    for home in found:
        home.vacancies = vacancies.get(home.id, [])
    return found


def tariffs(connection: Connection) -> list[Tariff]:
    t = TARIFFS.c
    return [Tariff(*r) for r in run(connection, select(
        t.from_date, t.point_value, t.fal_support_per_year, t.fal_management_per_year,
        t.dsf_done, t.dsf_closed_door, t.points_per_fte, t.fal_per_fte,
    ).order_by(t.from_date))]


def association(connection: Connection) -> Association:
    """The association (name "" before one is recorded)."""
    name = connection.execute(select(ASSOCIATION.c.name).where(ASSOCIATION.c.id == 1)).scalar()
    subsidies: dict[int, dict[MeasureType, Any]] = defaultdict(dict)
    for year, kind, amount in run(connection, select(
            SUBSIDIES.c.year, SUBSIDIES.c.type, SUBSIDIES.c.amount)):
        subsidies[year][MeasureType(kind)] = amount
    c = CONVENTIONS.c
    conventions = [
        Convention(year, asll, aml, fal, dsf, closed, subsidies[year] if given else None)
        for year, asll, aml, fal, dsf, closed, given in run(connection, select(
            c.year, c.asll_points_per_month, c.aml_points_per_month, c.fal_count, c.dsf_count,
            c.dsf_closed_door_count, c.has_max_subsidy).order_by(c.year))]
    grids = [GridSent(*r) for r in run(connection,
        select(GRIDS.c.year, GRIDS.c.sent_on).order_by(GRIDS.c.id))]
    tables = [OccupancyTableSent(Month.parse(month), sent_on) for month, sent_on in
              run(connection, select(OCCUPANCY.c.month, OCCUPANCY.c.sent_on)
                                 .order_by(OCCUPANCY.c.id))]
    return Association(name or "", conventions, grids, tables)
