"""`generate_caseload`: a whole fictitious association, deterministic for a seed.

Households arrive evenly over the `years` before `today`; each lives one of the scenarios of
`scenarios` (measures built with their periods, visits, reports…, everything after today left
unrecorded except the planned ends of periods in force). Then come the workers the load needs
and who is referent of what, their absences, the ALT homes, the association's conventions
and mailings, and the breaches planted for today's dashboard (`plant`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.demo.absences import build_absences, cover_visits
from desktop_app.demo.association import build_association
from desktop_app.demo.context import DemoContext
from desktop_app.demo.dsf_contents import write_dsf_contents
from desktop_app.demo.homes import build_homes
from desktop_app.demo.households import build_household
from desktop_app.demo.plant import Planter
from desktop_app.demo.plant_measures import plant_record_breaches, plant_visit_breaches
from desktop_app.demo.plant_staff import plant_staff_breaches
from desktop_app.demo.scenarios import household_measures
from desktop_app.demo.staff import assign_referents, build_staff
from desktop_app.domain.model import Caseload, Household, Measure


@dataclass(slots=True)
class Demo:
    """A generated caseload, the day it was generated for, and the breaches planted on
    purpose (alert code → ids of the measures or workers concerned, or the month/year)."""

    caseload: Caseload
    today: date
    breaches: dict[str, list[str]]


def build_demo(households: int = 60, years: int = 2, seed: int = 1,
               today: date | None = None) -> Demo:
    if households < 1 or years < 1:
        raise ValueError("il faut au moins 1 ménage et 1 année d'historique")
    ctx = DemoContext.create(seed, today or date.today(), years)
    days = (ctx.today - ctx.start).days
    people: list[Household] = []
    measures: list[Measure] = []
    territory_of: dict[str, str] = {}
    for index in range(households):
        anchor = ctx.start + timedelta(days=ctx.rng.randrange(days + 1))
        household = build_household(ctx, anchor.year)
        people.append(household)
        territory_of[household.id] = household.territory or ""
        measures += household_measures(ctx, household.id, anchor, index)
    workers, teams = build_staff(ctx, measures, territory_of)
    assign_referents(measures, teams, territory_of)
    build_absences(ctx, teams)
    homes = build_homes(ctx, measures, territory_of)
    caseload = Caseload(association=build_association(ctx, measures), workers=workers,
                        households=people, homes=homes, measures=measures)
    planter = Planter(ctx, caseload, teams)
    plant_visit_breaches(planter)
    plant_record_breaches(planter)
    plant_staff_breaches(planter)
    cover_visits(ctx, workers, teams, caseload.measures)
    write_dsf_contents(caseload, seed)
    return Demo(caseload, ctx.today, planter.breaches)


def generate_caseload(households: int = 60, years: int = 2, seed: int = 1,
                      today: date | None = None) -> Caseload:
    """A fictitious, realistic caseload of `households` households over the `years` years
    up to `today` (default: the real today), the same for the same arguments.

    `generate_caseload(households=50_000, years=10)` is the size of the whole Pas-de-Calais
    FSL activity kept until 2034 (about a million visits), used by `benchmarks/`.
    """
    return build_demo(households, years, seed, today).caseload
