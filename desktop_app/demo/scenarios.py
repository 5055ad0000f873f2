"""What happens to a household: one support measure, or a short sequence of them.

The mix gives, over all measures, about 55 % ASLL, 20 % DSF, 10 % AML, 10 % FAL and 5 % ASLL
diagnoses. Sequences follow the convention: a DSF or an ALT stay followed by an ASLL funded
retroactively from the month after it, a diagnosis followed by an ASLL, an AML relaying an
ASLL with an authorised overlap of less than 3 months (`cumul`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from desktop_app.demo.aml_fal import build_aml, build_fal
from desktop_app.demo.asll import build_asll
from desktop_app.demo.context import DemoContext
from desktop_app.demo.oneoff import build_diagnosis, build_dsf
from desktop_app.domain.dates import Month
from desktop_app.domain.model import DsfOutcome, Measure, Retroactive

Scenario = Callable[[DemoContext, str, date], list[Measure | None]]


def _asll(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    draw = ctx.rng.random()
    if draw < 0.06:  # leaving a CHRS: funded from the month after the exit
        start = Month.of(anchor - timedelta(days=ctx.rng.randint(10, 40))).next().first_day
        decision = max(anchor, start + timedelta(days=5))
        return [build_asll(ctx, household, decision, start, Retroactive.SORTIE_CHRS)]
    asll = build_asll(ctx, household, anchor)
    if asll is None or draw > 0.09 or not asll.periods:
        return [asll]
    # a summons while the household is followed in ASLL: the DSF is not paid (P6)
    last = min(asll.closed_on or asll.periods[-1].end, ctx.today)
    summoned = ctx.working_day(asll.periods[0].start + timedelta(days=30), last)
    return [asll, build_dsf(ctx, household, summoned)]


def _dsf(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    return [build_dsf(ctx, household, anchor)]


def _dsf_then_asll(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    dsf = build_dsf(ctx, household, anchor)
    if dsf is None or dsf.outcome is not DsfOutcome.REALISE or dsf.done_on is None:
        return [dsf]
    decision = dsf.done_on + timedelta(days=ctx.rng.randint(5, 35))
    start = Month.of(dsf.done_on).next().first_day
    return [dsf, build_asll(ctx, household, decision, start, Retroactive.DSF)]


def _diagnosis(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    return [build_diagnosis(ctx, household, anchor)]


def _diagnosis_then_asll(ctx: DemoContext, household: str, anchor: date
                         ) -> list[Measure | None]:
    diagnosis = build_diagnosis(ctx, household, anchor)
    if diagnosis is None or diagnosis.done_on is None:
        return [diagnosis]
    decision = diagnosis.done_on + timedelta(days=ctx.rng.randint(10, 40))
    return [diagnosis, build_asll(ctx, household, decision)]


def _fal(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    return [build_fal(ctx, household, anchor)]


def _fal_then_asll(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    fal = build_fal(ctx, household, anchor)
    if fal is None or fal.closed_on is None:
        return [fal]
    decision = fal.closed_on + timedelta(days=ctx.rng.randint(0, 30))
    start = Month.of(fal.closed_on).next().first_day
    return [fal, build_asll(ctx, household, decision, start, Retroactive.SORTIE_ALT)]


def _aml(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    return [build_aml(ctx, household, anchor)]


def _asll_then_aml(ctx: DemoContext, household: str, anchor: date) -> list[Measure | None]:
    asll = build_asll(ctx, household, anchor)
    if asll is None or not asll.periods:
        return [asll]
    end = asll.closed_on or asll.periods[-1].end
    start = max(end - timedelta(days=ctx.rng.randint(20, 80)),
                asll.periods[0].start + timedelta(days=60))
    return [asll, build_aml(ctx, household, start, relay=True)]


#: (scenario, weight): per 86 households, about 100 measures in the proportions above.
SCENARIOS: tuple[tuple[Scenario, int], ...] = (
    (_asll, 41), (_dsf, 14), (_dsf_then_asll, 6), (_diagnosis, 2), (_diagnosis_then_asll, 3),
    (_fal, 7), (_fal_then_asll, 3), (_aml, 8), (_asll_then_aml, 2),
)
_FUNCTIONS = tuple(s for s, _ in SCENARIOS)
_WEIGHTS = tuple(w for _, w in SCENARIOS)


#: The first households live these, so that even a tiny demo has every measure type.
FIRST_SCENARIOS: tuple[Scenario, ...] = (_asll, _dsf, _diagnosis_then_asll, _fal, _aml)


def household_measures(ctx: DemoContext, household: str, anchor: date, index: int
                       ) -> list[Measure]:
    """The measures of the `index`-th household (from 0), whose story starts around
    `anchor`."""
    if index < len(FIRST_SCENARIOS):
        scenario = FIRST_SCENARIOS[index]
    else:
        scenario = ctx.rng.choices(_FUNCTIONS, _WEIGHTS)[0]
    return [m for m in scenario(ctx, household, anchor) if m is not None]
