"""Periods, final reports and closing: what ASLL, AML and FAL measures share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from desktop_app.demo.context import DemoContext
from desktop_app.domain.dates import add_months
from desktop_app.domain.model import ExitReason, Level, Period, PeriodKind, Report, ReportKind

ONE_DAY = timedelta(days=1)
#: A renewal is decided about a month before the period it opens: later ones are not known.
DECIDED_AHEAD = timedelta(days=31)
#: Why a measure ended: a code of the list, and a detail (the text of « autre »).
Exit = tuple[ExitReason, str | None]


def chain_periods(start: date, lengths: Sequence[int], levels: Sequence[Level | None],
                  kinds: Sequence[PeriodKind]) -> list[Period]:
    """Periods one after the other from `start`, each `n` months long (start + n months − 1
    day: 01/01 for 6 months ends 30/06; 15/07 for 9 months ends 14/04)."""
    periods: list[Period] = []
    first = start
    for months, level, kind in zip(lengths, levels, kinds, strict=True):
        end = add_months(first, months) - ONE_DAY
        periods.append(Period(start=first, end=end, level=level, kind=kind))
        first = end + ONE_DAY
    return periods


def decided(ctx: DemoContext, periods: list[Period]) -> list[Period]:
    """The periods recorded by today: the first one, and renewals starting within a month."""
    horizon = ctx.today + DECIDED_AHEAD
    return [p for i, p in enumerate(periods) if i == 0 or p.start <= horizon]


def renewal_kinds(count: int) -> list[PeriodKind]:
    return [PeriodKind.INITIALE] + [PeriodKind.RENOUVELLEMENT] * (count - 1)


def close(ctx: DemoContext, periods: list[Period], early: date | None,
          normal_reasons: Sequence[Exit], early_reasons: Sequence[Exit]
          ) -> tuple[list[Period], date | None, Exit | None]:
    """Periods kept, closing day and reason: stopped early (the periods not yet started are
    dropped), or closed on the end of its last period once that has passed, or still open."""
    planned_end = periods[-1].end
    if early is not None and early < planned_end and early <= ctx.today:
        kept = [p for p in periods if p.start <= early]
        return kept, early, ctx.rng.choice(early_reasons)
    if planned_end <= ctx.today:
        return periods, planned_end, ctx.rng.choice(normal_reasons)
    return periods, None, None


def early_day(ctx: DemoContext, start: date, planned_end: date, probability: float
              ) -> date | None:
    """The day a measure is stopped before its term, or None (most measures)."""
    if not ctx.chance(probability):
        return None
    return ctx.day_between(start + timedelta(days=45), planned_end - ONE_DAY)


def final_reports(ctx: DemoContext, periods: list[Period], closed_on: date | None
                  ) -> list[Report]:
    """Final report of each period, due a month before it ends (`bilan_final`): mostly sent
    in the three weeks before, sometimes late, rarely never; a few sent unsigned. A 12-month
    period often has an intermediate report too."""
    rates = ctx.rates
    reports: list[Report] = []
    for period in periods:
        if closed_on is not None and closed_on < period.end:
            break
        if (period.end - period.start).days > 300 and ctx.chance(0.5):
            sent = ctx.known(ctx.working_day(add_months(period.start, 6),
                                             add_months(period.start, 6) + timedelta(days=20)))
            if sent is not None:
                reports.append(Report(ReportKind.INTERMEDIAIRE, period.end, sent, True))
        due = add_months(period.end, -1)
        draw = ctx.rng.random()
        if draw < rates.report_missing:
            continue
        if draw < rates.report_missing + rates.report_late:
            sent_day = ctx.working_day(due + timedelta(days=3), due + timedelta(days=30))
        else:
            sent_day = ctx.working_day(due - timedelta(days=21), due)
        sent = ctx.known(sent_day)
        if sent is not None:
            signed = not ctx.chance(rates.report_unsigned)
            reports.append(Report(ReportKind.FINAL, period.end, sent, signed))
    reports.sort(key=lambda r: (r.period_end, r.kind))  # the interchange file's order
    return reports
