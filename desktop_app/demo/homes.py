"""The association's ALT homes and who stays in them (FAL).

Homes are created as the FAL measures need them: a household entering takes the home of its
territory freed most recently (after a few days or weeks of getting it ready), else a new one.
About one home in eight is shared (« colocation », two households at once). The gaps between
two households of a home are recorded as vacancies, some justified by works (rule P5).
"""

from __future__ import annotations

from bisect import bisect_right, insort
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.demo.context import DemoContext
from desktop_app.demo.places import pick_street_address, pick_town
from desktop_app.domain.model import Home, Measure, MeasureType, Vacancy

ONE_DAY = timedelta(days=1)
#: Below this many FAL measures, the association's homes form one pool for the département.
POOL_THRESHOLD = 200
SHARED = 0.12


def build_homes(ctx: DemoContext, measures: list[Measure], territory_of: dict[str, str]
                ) -> list[Home]:
    """Give every FAL stay a home; returns the homes, with their vacancies."""
    fals = [m for m in measures if m.type is MeasureType.FAL and m.stays]
    fals.sort(key=lambda m: m.stays[0].start)
    split = len(fals) >= POOL_THRESHOLD
    pools: dict[str, list[tuple[int, int]]] = {}  # free from (ordinal), slot
    slot_home: list[int] = []
    homes: list[Home] = []
    shared: list[bool] = []
    occupancy: list[list[tuple[date, date | None]]] = []
    for measure in fals:
        stay = measure.stays[0]
        territory = territory_of[measure.household]
        pool = pools.setdefault(territory if split else "", [])
        at = bisect_right(pool, (stay.start.toordinal(), len(slot_home)))
        if at:
            _, slot = pool.pop(at - 1)
            index = slot_home[slot]
        else:
            index = len(homes)
            town = pick_town(ctx.rng, territory)
            homes.append(Home(ctx.new_id("u"), f"{pick_street_address(ctx.rng)}, "
                                               f"{town.postcode} {town.name}"))
            shared.append(ctx.chance(SHARED))
            occupancy.append([])
            slot = len(slot_home)
            slot_home.append(index)
            if shared[index]:
                slot_home.append(index)
                insort(pool, (stay.start.toordinal(), slot + 1))
        stay.home = homes[index].id
        occupancy[index].append((stay.start, stay.end))
        leaves = stay.end or measure.periods[-1].end
        ready = leaves + timedelta(days=_turnover(ctx))
        insort(pool, (ready.toordinal(), slot))
    for home, is_shared, stays in zip(homes, shared, occupancy, strict=True):
        if not is_shared:
            home.vacancies = _vacancies(ctx, stays)
    return homes


def _turnover(ctx: DemoContext) -> int:
    """Days to get a home ready for the next household: mostly a week to a month."""
    return ctx.rng.randint(40, 90) if ctx.chance(0.1) else ctx.rng.randint(3, 30)


def _vacancies(ctx: DemoContext, stays: list[tuple[date, date | None]]) -> list[Vacancy]:
    vacancies: list[Vacancy] = []
    for (_, left), (entered, _) in pairwise(stays):
        if left is None or entered - left <= ONE_DAY:
            continue
        start, end = left + ONE_DAY, entered - ONE_DAY
        justified = ctx.chance(0.5 if (end - start).days >= 31 else 0.2)
        vacancies.append(Vacancy(start, end, justified))
    return vacancies
