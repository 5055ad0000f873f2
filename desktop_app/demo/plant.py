"""Planting breaches on purpose, so that every kind of alert shows on today's dashboard.

The generated history already holds natural lapses (late reports, unsent notices…); the
planters below make sure that, as of `today`, each rule of docs/regles.md section 2 has at least
one case, each on a different measure, and record what they did in `Planter.breaches`
(alert code → the ids concerned) for tests and for whoever demonstrates the application.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.domain.dates import Month
from desktop_app.domain.measure_facts import in_force_span, is_home_visit, suspended_on
from desktop_app.domain.model import Caseload, Measure, MeasureType, Worker

ONE_DAY = timedelta(days=1)


class Planter:
    def __init__(self, ctx: DemoContext, caseload: Caseload, teams: dict[str, list[Worker]]
                 ) -> None:
        self.ctx = ctx
        self.caseload = caseload
        self.teams = teams
        self.today = ctx.today
        self.breaches: dict[str, list[str]] = {}
        self.used: set[str] = set()  # measures and households already given a breach
        self.month = Month.of(ctx.today)
        #: Measures in force today with their span (computed once: a department has 60 000).
        self.current: list[tuple[Measure, date]] = []
        #: Last day each household was followed (to find quiet ones for new files).
        self.last_followed: dict[str, date] = {}
        for measure in caseload.measures:
            span = in_force_span(measure)
            if span is not None and span[0] <= self.today <= span[1]:
                self.current.append((measure, span[0]))
            days = [d for d in (measure.decision_date, measure.summoned_on, measure.hearing_on,
                                measure.agreement_on, measure.done_on) if d is not None]
            if span is not None:
                days.append(span[1])
            last = max(days, default=date.min)
            if last > self.last_followed.get(measure.household, date.min):
                self.last_followed[measure.household] = last

    def record(self, code: str, subject: str) -> None:
        self.breaches.setdefault(code, []).append(subject)

    def take(self, measure: Measure, code: str) -> Measure:
        self.used.update((measure.id, measure.household))
        self.record(code, measure.id)
        return measure

    def in_force(self, types: Iterable[MeasureType], started_before: date | None = None,
                 whole_months: int = 0, test: Callable[[Measure], bool] | None = None
                 ) -> list[Measure]:
        """Measures of `types`, in force and not suspended today, not yet used, not stopped
        for an unsigned CET; in force on every day of the `whole_months` previous months."""
        wanted = set(types)
        since = self.month.plus(-whole_months).first_day if whole_months else self.today
        if started_before is not None:
            since = min(since, started_before)
        found: list[Measure] = []
        for measure, start in self.current:
            if measure.type not in wanted or measure.id in self.used \
                    or measure.household in self.used:
                continue
            if start > since or measure.closed_on is not None \
                    or suspended_on(measure, self.today):
                continue
            if measure.contract is not None and measure.contract.not_signed_on is not None:
                continue
            if measure.suspensions and any(suspended_on(measure, d)
                                           for d in _days(since, self.today)):
                continue
            if test is None or test(measure):
                found.append(measure)
        return found

    def pick(self, candidates: list[Measure]) -> Measure | None:
        return self.ctx.rng.choice(candidates) if candidates else None

    def free_household(self) -> str:
        """A household not followed for more than a year, for a new file (else any household
        no breach was planted on)."""
        quiet = self.today - timedelta(days=400)
        for household in self.caseload.households:
            if household.id not in self.used and self.last_followed.get(
                    household.id, date.min) < quiet:
                self.used.add(household.id)
                return household.id
        for household in reversed(self.caseload.households):
            if household.id not in self.used:
                self.used.add(household.id)
                return household.id
        return self.caseload.households[0].id

    def qualified_workers(self) -> list[Worker]:
        return [w for team in self.teams.values() for w in team]

    def drop_home_visits(self, measure: Measure, first: date, last: date) -> None:
        """No visit held at home between `first` and `last` (attempts kept)."""
        measure.visits = [v for v in measure.visits
                          if not (first <= v.date <= last and is_home_visit(v))]


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY
