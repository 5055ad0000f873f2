"""Breaches planted on measures in force today (see `plant`): visits, reports, contract,
durations, closing, overlapping supports, DSF and AML deadlines."""

from __future__ import annotations

from datetime import timedelta

from desktop_app.demo.aml_fal import build_aml
from desktop_app.demo.calendar import DemoCalendar
from desktop_app.demo.plant import Planter
from desktop_app.domain.dates import add_months
from desktop_app.domain.model import (
    DsfOutcome,
    Measure,
    MeasureType,
    Notice,
    NoticeKind,
    ReportKind,
    Suspension,
    SuspensionReason,
    Visit,
    VisitOutcome,
    VisitPlace,
)

ASLL, AML, FAL = MeasureType.ASLL, MeasureType.AML, MeasureType.FAL
ONE_DAY = timedelta(days=1)


def plant_visit_breaches(p: Planter) -> None:
    today = p.today
    measure = p.pick(p.in_force([ASLL], started_before=today - timedelta(days=60)))
    if measure is not None:  # portes_closes: two closed doors this week, no notice yet
        second = DemoCalendar.snap(today - ONE_DAY, today - timedelta(days=6), today - ONE_DAY)
        first = DemoCalendar.snap(today - timedelta(days=9), today - timedelta(days=12),
                                  today - timedelta(days=7))
        if first is not None and second is not None:
            measure.visits = [v for v in measure.visits if v.date < first]
            measure.notices = [n for n in measure.notices if n.sent_on < first]
            measure.visits += [Visit(first, VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE),
                               Visit(second, VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)]
            p.take(measure, "portes_closes")
    measure = p.pick(p.in_force([ASLL, AML, FAL], whole_months=1))
    if measure is not None:  # frequence_visites: no home visit last month
        previous = p.month.previous()
        p.drop_home_visits(measure, previous.first_day, previous.last_day)
        p.take(measure, "frequence_visites")
    measure = p.pick(p.in_force([AML], whole_months=2)) or _fresh_aml(p, months_ago=5)
    if measure is not None:  # aml_indisponible: nobody home for two whole months
        p.drop_home_visits(measure, p.month.plus(-2).first_day, p.month.previous().last_day)
        p.take(measure, "aml_indisponible")
    measure = p.pick(p.in_force([ASLL], started_before=today - timedelta(days=150)))
    if measure is not None:  # suspension_longue: in hospital for more than 3 months
        start = today - timedelta(days=p.ctx.rng.randint(100, 120))
        measure.suspensions = [s for s in measure.suspensions
                               if s.end is not None and s.end < start]
        measure.suspensions.append(Suspension(start, None, SuspensionReason.HOSPITALISATION))
        measure.visits = [v for v in measure.visits if v.date < start]
        measure.notices.append(Notice(NoticeKind.INDISPONIBILITE, start + timedelta(days=3)))
        measure.notices.sort(key=lambda n: (n.sent_on, n.kind))
        p.take(measure, "suspension_longue")


def plant_record_breaches(p: Planter) -> None:
    today = p.today
    lo, hi = today - timedelta(days=40), today + timedelta(days=25)
    measure = p.pick(p.in_force([ASLL, AML], test=lambda m: any(
        lo <= add_months(period.end, -1) <= hi for period in m.periods)))
    if measure is not None:  # bilan_final: due about now, not sent
        ends = {pd.end for pd in measure.periods if lo <= add_months(pd.end, -1) <= hi}
        measure.reports = [r for r in measure.reports
                           if not (r.kind is ReportKind.FINAL and r.period_end in ends)]
        p.take(measure, "bilan_final")
    measure = p.pick(p.in_force([ASLL, AML], test=lambda m: any(
        r.kind is ReportKind.FINAL and r.sent_on is not None for r in m.reports)))
    if measure is not None:  # bilan_non_signe
        [r for r in measure.reports if r.kind is ReportKind.FINAL][-1].signed = False
        p.take(measure, "bilan_non_signe")
    recent = p.in_force([ASLL], test=lambda m: m.contract is not None
                        and m.contract.signed_on is not None)
    recent.sort(key=lambda m: (m.decision_date or today, m.id), reverse=True)
    if recent and recent[0].contract is not None:  # cet: signed but never sent
        recent[0].contract.sent_on = None
        p.take(recent[0], "cet")
    measure = p.pick(p.in_force([ASLL], test=lambda m: m.periods[-1].end >= today
                                and not m.suspensions))
    if measure is not None:  # duree: a period of 13 months
        last = measure.periods[-1]
        old_end, last.end = last.end, add_months(last.start, 13) - ONE_DAY
        for report in measure.reports:
            if report.period_end == old_end:
                report.period_end = last.end
        p.take(measure, "duree")
    _plant_unclosed(p)
    measure = p.pick(p.in_force([ASLL], started_before=today - timedelta(days=150)))
    if measure is not None:  # cumul: an AML started 4 months ago beside the ASLL
        aml = _fresh_aml(p, months_ago=4, household=measure.household)
        if aml is not None:
            aml.referent = measure.referent
            p.take(aml, "cumul")
    _plant_new_files(p)


def _plant_unclosed(p: Planter) -> None:
    """fin_de_periode: two ASLL or AML whose last period ended lately, never closed."""
    since = p.today - timedelta(days=180)
    candidates = [m for m in p.caseload.measures if m.type in (ASLL, AML)
                  and m.closed_on is not None and m.lease_transferred_on is None
                  and m.periods and m.closed_on == m.periods[-1].end
                  and since <= m.closed_on < p.today and m.household not in p.used]
    for _ in range(2):
        measure = p.pick(candidates)
        if measure is not None:
            candidates.remove(measure)
            measure.closed_on, measure.exit_reason, measure.close_reason = None, None, None
            p.take(measure, "fin_de_periode")


def _plant_new_files(p: Planter) -> None:
    """dsf_transmission and accord_principe on new files of quiet households."""
    ctx, today = p.ctx, p.today
    referent = ctx.rng.choice(p.qualified_workers()).id
    done = ctx.working_day(today - timedelta(days=14), today - timedelta(days=9))
    dsf = Measure(id=ctx.new_id("m"), household=p.free_household(), type=MeasureType.DSF,
                  referent=referent, summoned_on=today - timedelta(days=40),
                  hearing_on=today + timedelta(days=6), outcome=DsfOutcome.REALISE,
                  done_on=done, visits=[Visit(done, VisitOutcome.REALISEE, VisitPlace.DOMICILE)])
    p.caseload.measures.append(dsf)
    p.take(dsf, "dsf_transmission")
    aml = Measure(id=ctx.new_id("m"), household=p.free_household(), type=AML,
                  referent=referent, agreement_on=add_months(today + timedelta(days=4), -9))
    p.caseload.measures.append(aml)
    p.take(aml, "accord_principe")


def _fresh_aml(p: Planter, months_ago: int, household: str | None = None) -> Measure | None:
    """A new AML in force since `months_ago` months, not closed, appended to the caseload."""
    start = add_months(p.today, -months_ago)
    target = household or p.free_household()
    for _ in range(10):
        aml = build_aml(p.ctx, target, start)
        if aml is not None and aml.periods and aml.closed_on is None:
            aml.referent = p.ctx.rng.choice(p.qualified_workers()).id
            p.caseload.measures.append(aml)
            return aml
    return None
