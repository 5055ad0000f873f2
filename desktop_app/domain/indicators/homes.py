"""FAL households and their ALT homes over year N: shared homes (« colocation ») and
changes of home during a measure.

Both read the stays as the FAL pays them (`funding.occupancy.occupations`: each stay ends
at the latest on the day its measure was closed). A household is in a shared home when, on
a day of N, another FAL household stays in the same home (the management part is then paid
once for both, P5). A change of home is a stay of a measure that starts in N in another home
than the measure's previous stay (the convention's FAL annex allows it, the start of the
support unchanged); a measure's first home is no change.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations, pairwise

from desktop_app.domain.dates import overlap
from desktop_app.domain.funding.occupancy import Occupation, occupations
from desktop_app.domain.model import Measure


def shared_homes(measures: list[Measure], year: int) -> tuple[int, int]:
    """(households, homes): the FAL households that shared a home with another FAL household
    on at least one day of N, and the homes so shared."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    by_home: dict[str, list[Occupation]] = defaultdict(list)
    for stay in occupations(measures):
        by_home[stay.home].append(stay)
    households: set[str] = set()
    homes: set[str] = set()
    for home, stays in by_home.items():
        for one, other in combinations(stays, 2):
            if one.measure.household == other.measure.household:
                continue
            common = overlap(max(one.start, other.start),
                             min(one.end or date.max, other.end or date.max), first, last)
            if common is not None:
                households |= {one.measure.household, other.measure.household}
                homes.add(home)
    return len(households), len(homes)


def home_changes(measures: list[Measure], year: int) -> int:
    """The changes of home of N: stays starting in N in another home than the measure's
    previous stay."""
    by_measure: dict[str, list[Occupation]] = defaultdict(list)
    for stay in occupations(measures):
        by_measure[stay.measure.id].append(stay)
    changes = 0
    for stays in by_measure.values():
        stays.sort(key=lambda s: s.start)
        changes += sum(1 for before, after in pairwise(stays)
                       if after.home != before.home and after.start.year == year)
    return changes
