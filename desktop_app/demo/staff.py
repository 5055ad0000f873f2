"""The social workers, as many as the caseload needs, and who is referent of what.

Rule Q1 allows 50 points a month per full-time post; the demo staffs for about 48
points-equivalents (FAL and DSF counted in), so that a team is busy but within its quota
(about one worker per 25 households in force). Measures are handed out in the order they
start to the least loaded worker of the household's territory team (one team for a small
association), keeping the household's previous referent when they have room. One worker has
a diploma the convention does not accept (`diplome`): they are only given the few measures
the breach planting hands them.
"""

from __future__ import annotations

import heapq
from datetime import date, timedelta

from desktop_app.demo import names
from desktop_app.demo.calendar import month_key
from desktop_app.demo.context import DemoContext
from desktop_app.demo.places import TERRITORIES
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Diploma, Level, Measure, MeasureType, Worker

#: Points-equivalents per full-time post the demo aims at (Q1 allows 50).
LOAD_PER_FTE = 48.0
MIN_WORKERS = 3
#: Above this many posts, workers are organised in one team per territory.
TEAM_THRESHOLD = 24.0
_FTES = (1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.8, 0.7, 0.6, 0.5)
_DIPLOMAS = (Diploma.CESF, Diploma.ASS, Diploma.ES)


def load_span(measure: Measure) -> tuple[date, date, float] | None:
    """Days a measure keeps its referent busy, and how much (in points a month)."""
    span = in_force_span(measure)
    if span is not None:
        if measure.type is MeasureType.FAL:
            return span[0], span[1], 50 / 30  # Q2: 30 FAL per post against 50 points
        first = measure.periods[0].level
        return span[0], span[1], 2.0 if first is Level.RENFORCE else 1.0
    begin = measure.summoned_on or measure.decision_date or measure.agreement_on
    if begin is None:
        return None
    end = measure.transmitted_on or measure.done_on or begin + timedelta(days=45)
    return begin, max(begin, end), 0.5


def team_of(territory: str | None, split: bool) -> str:
    return (territory or "") if split else ""


def build_staff(ctx: DemoContext, measures: list[Measure], territory_of: dict[str, str]
                ) -> tuple[list[Worker], dict[str, list[Worker]]]:
    """Workers for the peak load of each team, and the teams (territory → workers); the
    worker without an accepted diploma comes last and belongs to no team."""
    spans = [(m, load_span(m)) for m in measures]
    total = _peak({"": [s for _, s in spans if s is not None]})[""]
    split = total / LOAD_PER_FTE >= TEAM_THRESHOLD
    by_team: dict[str, list[tuple[date, date, float]]] = {}
    for measure, span in spans:
        if span is not None:
            team = team_of(territory_of[measure.household], split)
            by_team.setdefault(team, []).append(span)
    peaks = _peak(by_team)
    workers: list[Worker] = []
    teams: dict[str, list[Worker]] = {}
    taken: set[str] = set()
    for team in sorted(TERRITORIES if split else ("",)):
        needed = peaks.get(team, 0.0) / LOAD_PER_FTE
        members: list[Worker] = []
        while sum(w.fte for w in members) < needed or len(members) < (
                2 if split else MIN_WORKERS):
            members.append(Worker(ctx.new_id("w"), _new_name(ctx, taken),
                                  ctx.rng.choice(_DIPLOMAS), ctx.rng.choice(_FTES)))
        teams[team] = members
        workers += members
    workers.append(Worker(ctx.new_id("w"), _new_name(ctx, taken), Diploma.AUTRE, 0.5))
    return workers, teams


def _new_name(ctx: DemoContext, taken: set[str]) -> str:
    """A worker's name no colleague has (homonyms would be confusing in the team's lists)."""
    name = names.worker_name(ctx.rng)
    while name in taken:
        name = names.worker_name(ctx.rng)
    taken.add(name)
    return name


def assign_referents(measures: list[Measure], teams: dict[str, list[Worker]],
                     territory_of: dict[str, str]) -> None:
    """Each measure, in the order they start, to the least loaded worker of its team."""
    split = len(teams) > 1
    load: dict[str, float] = {w.id: 0.0 for team in teams.values() for w in team}
    fte = {w.id: w.fte for team in teams.values() for w in team}
    ends: list[tuple[date, int, str, float]] = []
    previous: dict[str, str] = {}
    ordered = sorted(((s, i, m) for i, m in enumerate(measures)
                      if (s := load_span(m)) is not None), key=lambda t: (t[0][0], t[1]))
    for (start, end, weight), index, measure in ordered:
        while ends and ends[0][0] < start:
            _, _, worker_id, gone = heapq.heappop(ends)
            load[worker_id] -= gone
        team = teams[team_of(territory_of[measure.household], split)]
        chosen = previous.get(measure.household)
        if chosen is None or chosen not in load or load[chosen] / fte[chosen] > LOAD_PER_FTE:
            chosen = min(team, key=lambda w: load[w.id] / w.fte).id
        measure.referent = chosen
        previous[measure.household] = chosen
        load[chosen] += weight
        heapq.heappush(ends, (end, index, chosen, weight))
    fallback = next(iter(teams.values()))[0].id
    for measure in measures:
        if not measure.referent:
            measure.referent = fallback


def _peak(by_team: dict[str, list[tuple[date, date, float]]]) -> dict[str, float]:
    """The highest monthly load of each team (a measure counts in each month it touches)."""
    peaks: dict[str, float] = {}
    for team, spans in by_team.items():
        if not spans:
            continue
        base = min(month_key(s) for s, _, _ in spans)
        size = max(month_key(e) for _, e, _ in spans) - base + 2
        delta = [0.0] * size
        for start, end, weight in spans:
            delta[month_key(start) - base] += weight
            delta[month_key(end) - base + 1] -= weight
        running, best = 0.0, 0.0
        for change in delta:
            running += change
            best = max(best, running)
        peaks[team] = best
    return peaks

