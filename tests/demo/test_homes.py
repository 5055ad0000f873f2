"""ALT homes of the demo: one household at a time (FAL annex, « la vacance entre la sortie et
le relogement d'un nouveau ménage »), each stay inside a FAL of its household, the gaps
recorded as vacancies; for several seeds, sizes and histories."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise

import pytest

from desktop_app.demo import Demo, build_demo
from desktop_app.demo.homes import POOL_THRESHOLD
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.funding.results import FAL_ACCOMPAGNEMENT, FAL_GESTION, FAL_VACANCE
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import MeasureType, Stay
from desktop_app.interchange import caseload_to_json, parse_caseload

#: (households, years, seed, today). The first is the demo store where h4 (from 11/02/2025)
#: and h42 (from 11/08/2025) were both put in u4; a leap day; a holiday; 2 000 households
#: give more than POOL_THRESHOLD FAL, so one pool of homes per territory.
CASES = (
    (60, 2, 1, date(2026, 1, 20)),
    (60, 3, 2, date(2026, 11, 29)),
    (60, 2, 5, date(2028, 2, 29)),
    (500, 3, 3, date(2025, 1, 6)),
    (500, 4, 7, date(2027, 5, 1)),
    (2000, 5, 11, date(2026, 11, 29)),
    (2000, 8, 4, date(2027, 12, 31)),
)
#: `homes._turnover` gets a home ready in 3 to 30 (or 40 to 90) days: a household enters at
#: the earliest 3 days after the previous one left, so at least 2 empty days between them.
MIN_TURNOVER = timedelta(days=3)


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[0]}x{c[1]}y-s{c[2]}-{c[3]}")
def demo(request: pytest.FixtureRequest) -> Demo:
    households, years, seed, today = request.param
    return build_demo(households=households, years=years, seed=seed, today=today)


def _stays_by_home(demo: Demo) -> dict[str, list[tuple[Stay, str]]]:
    """Each home's stays (with the household), by entry day."""
    by_home: dict[str, list[tuple[Stay, str]]] = {h.id: [] for h in demo.caseload.homes}
    for m in demo.caseload.measures:
        for stay in m.stays:
            by_home[stay.home].append((stay, m.household))
    for stays in by_home.values():
        stays.sort(key=lambda s: s[0].start)
    return by_home


def test_each_home_houses_one_household_at_a_time(demo: Demo) -> None:
    by_home = _stays_by_home(demo)
    assert len(by_home) == len(demo.caseload.homes) > 0
    for home, stays in by_home.items():
        assert stays, home  # a home exists because a household stayed in it
        for (before, who), (after, _) in pairwise(stays):
            # the previous household has left (an open stay is always the home's last)...
            assert before.end is not None, (home, who)
            # ...at least MIN_TURNOVER before the next one enters: disjoint and ordered
            assert before.start <= before.end < before.end + MIN_TURNOVER <= after.start, home
        # on any day, at most one stay covers it: count on every entry day
        spans = [(s.start, s.end or date.max) for s, _ in stays]
        for day, _ in spans:
            assert sum(a <= day <= b for a, b in spans) == 1, (home, day)


def test_every_stay_lies_inside_a_fal_of_its_household(demo: Demo) -> None:
    fal_spans: dict[str, list[tuple[date, date]]] = {}
    for m in demo.caseload.measures:
        span = in_force_span(m)
        if m.type is MeasureType.FAL and span is not None:
            fal_spans.setdefault(m.household, []).append(span)
    stays = 0
    for m in demo.caseload.measures:
        if not m.stays:
            continue
        assert m.type is MeasureType.FAL, m.id
        span = in_force_span(m)
        assert span is not None, m.id
        for stay in m.stays:
            stays += 1
            # the generator: the household enters on the FAL's first day and leaves on its
            # closing day; still there (end None) only while the FAL is open past today
            assert stay.start == span[0] and stay.end == m.closed_on, m.id
            last = span[1] if stay.end is None else stay.end
            if stay.end is None:
                assert span[1] >= demo.today, m.id
            assert any(a <= stay.start <= last <= b for a, b in fal_spans[m.household]), m.id
    fals = sum(m.type is MeasureType.FAL and bool(m.periods) for m in demo.caseload.measures)
    assert stays == fals > 0


def test_vacancies_are_exactly_the_gaps_between_two_households(demo: Demo) -> None:
    by_home = _stays_by_home(demo)
    for home in demo.caseload.homes:
        stays = by_home[home.id]
        # the day after a departure to the day before the next entry (MIN_TURNOVER: never
        # empty), e.g. left 10/03, next entry 14/03 -> vacancy 11/03..13/03
        gaps = [(a.end + timedelta(days=1), b.start - timedelta(days=1))
                for (a, _), (b, _) in pairwise(stays) if a.end is not None]
        assert [(v.start, v.end) for v in home.vacancies] == gaps, home.id
        assert all(isinstance(v.justified, bool) for v in home.vacancies)


def test_both_ways_of_pooling_homes_are_covered(demo: Demo) -> None:
    """About 10 % of measures are FAL: 60 households give a handful (one pool for the
    département), 2 000 over 5 years more than POOL_THRESHOLD (one pool per territory)."""
    fals = sum(m.type is MeasureType.FAL and bool(m.stays) for m in demo.caseload.measures)
    if len(demo.caseload.households) == 60:
        assert 0 < fals < POOL_THRESHOLD
    elif len(demo.caseload.households) == 2000:
        assert fals >= POOL_THRESHOLD


def test_the_importer_takes_the_caseload_whole(demo: Demo) -> None:
    text = json.dumps(caseload_to_json(demo.caseload), ensure_ascii=False)
    back = parse_caseload(json.loads(text))  # raises InvalidFileError on any problem
    assert {h.id: h for h in back.homes} == {h.id: h for h in demo.caseload.homes}
    assert {m.id: m.stays for m in back.measures} == {
        m.id: m.stays for m in demo.caseload.measures}


def test_funding_pays_one_household_per_home_and_day() -> None:
    """Every month of a small demo (all months of 2 years), per home: the support days of
    its households add up to the management days (one household a day, so no day counted
    twice), at most the days of the month, plus the paid vacancy days."""
    demo = build_demo(households=60, years=2, seed=1, today=date(2026, 1, 20))
    month, last = Month.of(date(2024, 1, 1)), Month.of(demo.today)
    while month <= last:
        per_home: dict[str, dict[str, int]] = {}
        for line in compute_month_points(demo.caseload, month).lines:
            if line.type is MeasureType.FAL and line.home is not None:
                items = per_home.setdefault(line.home, {})
                items[line.item] = items.get(line.item, 0) + (line.days or 0)
        for home, items in per_home.items():
            assert items.get(FAL_ACCOMPAGNEMENT, 0) == items.get(FAL_GESTION, 0), (month, home)
            total = items.get(FAL_GESTION, 0) + items.get(FAL_VACANCE, 0)
            assert total <= month.days, (month, home)
        month = month.next()


def test_the_reported_december_2025_table() -> None:
    """The demo store of the report: h4 (FAL from 11/02/2025) and h42 (from 11/08/2025), both
    still there on 31/12/2025, now live in two homes; in December 2025 each home has 31 days
    of support of ONE household and 31 days of management (31 days in December)."""
    demo = build_demo(households=60, years=2, seed=1, today=date(2026, 1, 20))
    stays = {m.household: m.stays[0] for m in demo.caseload.measures if m.stays}
    assert (stays["h4"].start, stays["h4"].end) == (date(2025, 2, 11), None)
    assert (stays["h42"].start, stays["h42"].end) == (date(2025, 8, 11), None)
    assert stays["h4"].home != stays["h42"].home
    lines = compute_month_points(demo.caseload, Month(2025, 12)).lines
    for who in ("h4", "h42"):
        home = stays[who].home
        support = [(ln.household, ln.days) for ln in lines
                   if ln.home == home and ln.item == FAL_ACCOMPAGNEMENT]
        management = [ln.days for ln in lines if ln.home == home and ln.item == FAL_GESTION]
        assert support == [(who, 31)] and management == [31], who
