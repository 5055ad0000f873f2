"""The association's ALT homes and who stays in them (FAL).

A home houses one household at a time (FAL annex: the vacancy runs « entre la sortie et le
relogement d'un nouveau ménage »): a household entering takes the home of its territory freed
most recently (a few days or weeks after the previous household left, the time to get it
ready), else a new one. A home whose household is still there is never given to another. The
gaps between two households of a home are recorded as vacancies, some justified by works
(rule P5). The demo does not model colocation (P5 allows it; the funding tests cover it).
"""

from __future__ import annotations

from bisect import bisect_right, insort
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.demo.context import DemoContext
from desktop_app.demo.places import pick_street_address, pick_town
from desktop_app.domain.model import Home, Measure, MeasureType, Territory, Vacancy

ONE_DAY = timedelta(days=1)
#: Below this many FAL measures, the association's homes form one pool for the département.
POOL_THRESHOLD = 200


def build_homes(ctx: DemoContext, measures: list[Measure], territory_of: dict[str, str]
                ) -> list[Home]:
    """Give every FAL stay a home; returns the homes, with their vacancies."""
    fals = [m for m in measures if m.type is MeasureType.FAL and m.stays]
    fals.sort(key=lambda m: m.stays[0].start)
    split = len(fals) >= POOL_THRESHOLD
    pools: dict[str, list[tuple[int, int]]] = {}  # (free from (ordinal), home index)
    homes: list[Home] = []
    occupancy: list[list[tuple[date, date | None]]] = []
    for measure in fals:
        stay = measure.stays[0]
        territory = territory_of[measure.household]
        pool = pools.setdefault(territory if split else "", [])
        at = bisect_right(pool, (stay.start.toordinal(), len(homes)))
        if at:  # free on or before the entry: the one freed last
            _, index = pool.pop(at - 1)
        else:
            index = len(homes)
            town = pick_town(ctx.rng, Territory(territory))
            homes.append(Home(ctx.new_id("u"), f"{pick_street_address(ctx.rng)}, "
                                               f"{town.postcode} {town.name}"))
            occupancy.append([])
        stay.home = homes[index].id
        occupancy[index].append((stay.start, stay.end))
        # still there (end None): free only after the planned end, which is after today, so
        # no later entry (all on or before today) can take the home
        leaves = stay.end or measure.periods[-1].end
        ready = leaves + timedelta(days=_turnover(ctx))
        insort(pool, (ready.toordinal(), index))
    for home, stays in zip(homes, occupancy, strict=True):
        home.vacancies = _vacancies(ctx, stays)
    return homes


def _turnover(ctx: DemoContext) -> int:
    """Days to get a home ready for the next household: mostly a week to a month."""
    return ctx.rng.randint(40, 90) if ctx.chance(0.1) else ctx.rng.randint(3, 30)


def _vacancies(ctx: DemoContext, stays: list[tuple[date, date | None]]) -> list[Vacancy]:
    """The days between a departure and the next entry (at least 2 days after it, as
    `_turnover` is at least 3): justified by works for about half of the long ones."""
    vacancies: list[Vacancy] = []
    for (_, left), (entered, _) in pairwise(stays):
        if left is None or entered - left <= ONE_DAY:
            continue
        start, end = left + ONE_DAY, entered - ONE_DAY
        justified = ctx.chance(0.5 if (end - start).days >= 31 else 0.2)
        vacancies.append(Vacancy(start, end, justified))
    return vacancies
