"""The association's year: conventions sized on its caseload (rule Q3), the annual grids and
the monthly ALT occupancy tables it sent (`grille_annuelle`, `tableau_occupation`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from desktop_app.demo.calendar import key_month, month_key
from desktop_app.demo.context import DemoContext
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import (
    Association,
    Convention,
    DsfOutcome,
    GridSent,
    Level,
    Measure,
    MeasureType,
    OccupancyTableSent,
)
from desktop_app.domain.tariffs import default_tariffs, tariff_on

NAME = "Association Logement Solidaire du Pas-de-Calais (démonstration)"


def monthly_points(measures: list[Measure]) -> dict[MeasureType, dict[int, int]]:
    """An estimate of P1 for sizing conventions: points of ASLL and AML per month key
    (level of the period a month starts in; suspensions and P2 left aside)."""
    points: dict[MeasureType, dict[int, int]] = {MeasureType.ASLL: defaultdict(int),
                                                 MeasureType.AML: defaultdict(int)}
    for measure in measures:
        span = in_force_span(measure)
        if measure.type not in points or span is None:
            continue
        target = points[measure.type]
        done = -1
        for period in measure.periods:
            value = 2 if period.level is Level.RENFORCE else 1
            last = month_key(min(period.end, span[1]))
            for key in range(max(month_key(period.start), done + 1), last + 1):
                target[key] += value
            done = max(done, last)
    return points


def build_association(ctx: DemoContext, measures: list[Measure]) -> Association:
    association = Association(name=NAME)
    points = monthly_points(measures)
    fal_years: dict[int, int] = defaultdict(int)
    fal_months: set[int] = set()
    dsf_done: dict[int, int] = defaultdict(int)
    dsf_doors: dict[int, int] = defaultdict(int)
    for measure in measures:
        span = in_force_span(measure)
        if measure.type is MeasureType.FAL and span is not None:
            for year in range(span[0].year, span[1].year + 1):
                fal_years[year] += 1
            fal_months.update(range(month_key(span[0]), month_key(min(span[1], ctx.today)) + 1))
        elif measure.type is MeasureType.DSF and measure.outcome is not None:
            day = measure.done_on or measure.transmitted_on or measure.summoned_on or ctx.today
            dsf_done[day.year] += 1
            if measure.outcome is DsfOutcome.PORTE_CLOSE:
                dsf_doors[day.year] += 1
    tariffs = default_tariffs()
    for year in range(ctx.start.year, ctx.today.year + 1):
        def agreed(counts: dict[int, int], year: int = year) -> int:
            months = [counts.get(year * 12 + m, 0) for m in range(12)]
            return round(sum(months) / 12 * ctx.rng.uniform(0.98, 1.10))

        asll, aml = agreed(points[MeasureType.ASLL]), agreed(points[MeasureType.AML])
        fal = round(fal_years[year] * ctx.rng.uniform(0.95, 1.10))
        dsf = round(dsf_done[year] * ctx.rng.uniform(0.95, 1.15))
        doors = round(dsf_doors[year] * ctx.rng.uniform(0.9, 1.2))
        tariff = tariff_on(tariffs, date(year, 1, 1))
        association.conventions.append(Convention(
            year, asll, aml, fal, dsf, doors, {
                MeasureType.ASLL: tariff.point_value * asll * 12,
                MeasureType.AML: tariff.point_value * aml * 12,
                MeasureType.FAL: (tariff.fal_support_per_year + tariff.fal_management_per_year)
                * fal,
                MeasureType.DSF: tariff.dsf_done * max(dsf - doors, 0)
                + tariff.dsf_closed_door * doors,
            }))
    association.grids_sent = _grids(ctx)
    association.occupancy_tables_sent = _tables(ctx, fal_months)
    return association


def _grids(ctx: DemoContext) -> list[GridSent]:
    """The grid of year N goes before 1 February N+1; one year it went a little late."""
    grids: list[GridSent] = []
    late = ctx.rng.randrange(ctx.start.year, ctx.today.year)
    for year in range(ctx.start.year, ctx.today.year):
        lo, hi = (date(year + 1, 2, 3), date(year + 1, 2, 20)) if year == late else (
            date(year + 1, 1, 12), date(year + 1, 1, 30))
        sent = ctx.known(ctx.working_day(lo, hi))
        if sent is not None:
            grids.append(GridSent(year, sent))
    return grids


def _tables(ctx: DemoContext, fal_months: set[int]) -> list[OccupancyTableSent]:
    """Each month with a FAL in force, its table early the next month (a few late)."""
    tables: list[OccupancyTableSent] = []
    for key in sorted(fal_months):
        following = key_month(key + 1).first_day
        lo, hi = (11, 24) if ctx.chance(0.05) else (3, 9)
        sent = ctx.known(ctx.working_day(following + timedelta(days=lo - 1),
                                         following + timedelta(days=hi - 1)))
        if sent is not None:
            tables.append(OccupancyTableSent(key_month(key), sent))
    return tables
