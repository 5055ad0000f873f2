"""AML (sub-letting until the lease « glisse » to the household) and FAL (a household in an
ALT home of the association): periods, visits twice a month, exits."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.demo.periods import (
    Exit,
    chain_periods,
    close,
    decided,
    early_day,
    final_reports,
)
from desktop_app.demo.visits import periodic_visits
from desktop_app.domain.model import (
    Contract,
    ExitReason,
    Level,
    LongStayReason,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Stay,
)

LEASE_TRANSFERRED: Exit = (ExitReason.BAIL_GLISSE, None)
_FAILURE: Exit = (ExitReason.AUTRE, "Échec : bail non glissé")
AML_END = (LEASE_TRANSFERRED, LEASE_TRANSFERRED, LEASE_TRANSFERRED, _FAILURE)
AML_EARLY: tuple[Exit, ...] = (_FAILURE, (ExitReason.REFUS_ABANDON, "Départ du ménage"),
                               (ExitReason.RELOGEMENT_SOCIAL, None))
FAL_END: tuple[Exit, ...] = (
    (ExitReason.RELOGEMENT_SOCIAL, None), (ExitReason.RELOGEMENT_PRIVE, None),
    (ExitReason.RELOGEMENT_SOCIAL, None), (ExitReason.RELOGEMENT_PRIVE, None))
FAL_EARLY: tuple[Exit, ...] = (
    (ExitReason.RELOGEMENT_SOCIAL, None), (ExitReason.AUTRE, "Départ sans solution de logement"),
    (ExitReason.ORIENTATION, "Structure adaptée"))
_KINDS = (PeriodKind.INITIALE, PeriodKind.RENOUVELLEMENT, PeriodKind.EXCEPTIONNELLE)


def twice_a_month(period: Period) -> int:
    """`frequence_visites`: AML and FAL call for 2 home visits a month."""
    return 2


def build_aml(ctx: DemoContext, household: str, start: date, relay: bool = False
              ) -> Measure | None:
    """An AML entering its home on `start` (9 months, renewed once for 9, exceptionally 6
    more after a concertation). Before `start`, only the agreement in principle is known."""
    rng = ctx.rng
    agreement = start - timedelta(days=rng.randint(20, 200))
    if agreement > ctx.today:
        return None
    measure = Measure(id=ctx.new_id("m"), household=household, type=MeasureType.AML,
                      referent="", agreement_on=agreement, relay_authorized=relay)
    if start > ctx.today:
        return measure
    lengths = [9]
    if ctx.chance(0.55):
        lengths.append(9)
        if ctx.chance(0.12):
            lengths.append(6)
    levels = [Level.RENFORCE if ctx.chance(0.5) else Level.SIMPLE]
    for _ in lengths[1:]:
        levels.append(Level.SIMPLE if ctx.chance(0.3) else levels[-1])
    periods = decided(ctx, chain_periods(start, lengths, levels, _KINDS[:len(lengths)]))
    early = early_day(ctx, start, periods[-1].end, 0.10)
    periods, closed_on, reason = close(ctx, periods, early, AML_END, AML_EARLY)
    if len(periods) == 3:
        measure.concertation_on = periods[2].start - timedelta(days=rng.randint(15, 40))
    if reason == LEASE_TRANSFERRED:
        measure.lease_transferred_on = closed_on
    last = ctx.today if closed_on is None else closed_on
    measure.visits = periodic_visits(ctx, periods, last, [], twice_a_month).visits
    measure.periods, measure.closed_on = periods, closed_on
    if reason is not None:
        measure.exit_reason, measure.close_reason = reason
    measure.contract = Contract(signed_on=start, sent_on=ctx.known(ctx.working_days_after(
        start, 1, 6)))
    measure.reports = final_reports(ctx, periods, closed_on)
    return measure


def build_fal(ctx: DemoContext, household: str, start: date) -> Measure | None:
    """A FAL from the day the household enters an ALT home (12 months; 18 after a CADA or
    for a recognised DALO; exceptionally 4 more). The home is chosen later (`homes`)."""
    if start > ctx.today:
        return None
    draw = ctx.rng.random()
    long_stay = (LongStayReason.CADA if draw < 0.05 else
                 LongStayReason.DALO if draw < 0.10 else None)
    lengths = [12] + ([6] if long_stay is not None else [])
    extension = ctx.chance(0.05)
    if extension:
        lengths.append(4)
    kinds = [PeriodKind.INITIALE] + [PeriodKind.RENOUVELLEMENT] * (len(lengths) - 1)
    if extension:
        kinds[-1] = PeriodKind.EXCEPTIONNELLE
    periods = decided(ctx, chain_periods(start, lengths, [None] * len(lengths), kinds))
    early = early_day(ctx, start, periods[-1].end, 0.35)
    periods, closed_on, reason = close(ctx, periods, early, FAL_END, FAL_EARLY)
    extension = extension and periods[-1].kind is PeriodKind.EXCEPTIONNELLE
    last = ctx.today if closed_on is None else closed_on
    return Measure(
        id=ctx.new_id("m"), household=household, type=MeasureType.FAL, referent="",
        periods=periods, closed_on=closed_on, exit_reason=reason and reason[0],
        close_reason=reason and reason[1],
        visits=periodic_visits(ctx, periods, last, [], twice_a_month).visits,
        stays=[Stay(home="", start=start, end=closed_on)],
        long_stay_reason=long_stay, extension=extension)
