"""What was done over a year for one measure type: visits, final reports, suspensions,
renewals, CET not signed."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts.reports import final_report_due
from desktop_app.domain.indicators.model import TypeIndicators
from desktop_app.domain.measure_facts import is_home_visit
from desktop_app.domain.model import (
    POINT_TYPES,
    Measure,
    PeriodKind,
    Report,
    ReportKind,
    VisitOutcome,
)


def fill_followup(ind: TypeIndicators, measures: list[Measure], year: int) -> None:
    for measure in measures:
        _visits(ind, measure, year)
        if measure.type in POINT_TYPES:
            _final_reports(ind, measure, year)
        ind.suspensions += sum(1 for s in measure.suspensions if s.start.year == year)
        for period in measure.periods:
            if period.start.year != year:
                continue
            if period.kind is PeriodKind.RENOUVELLEMENT:
                ind.renewals += 1
            elif period.kind is PeriodKind.EXCEPTIONNELLE:
                ind.exceptional_periods += 1
        contract = measure.contract
        if contract is not None and contract.not_signed_on is not None:
            ind.cet_not_signed += contract.not_signed_on.year == year


def _visits(ind: TypeIndicators, measure: Measure, year: int) -> None:
    """Visits dated in N: held (and held at home), closed doors (justified or not), cancelled."""
    for visit in measure.visits:
        if visit.date.year != year:
            continue
        if visit.outcome is VisitOutcome.REALISEE:
            ind.visits_held += 1
            ind.home_visits += is_home_visit(visit)
        elif visit.outcome is VisitOutcome.PORTE_CLOSE:
            ind.closed_doors += 1
        elif visit.outcome is VisitOutcome.PORTE_CLOSE_JUSTIFIEE:
            ind.closed_doors_justified += 1
        else:
            ind.cancelled_visits += 1


def _final_reports(ind: TypeIndicators, measure: Measure, year: int) -> None:
    """Rule `bilan_final`: the final report of each period ending in N, due 1 month before
    the period ends (`final_report_due`). Sent on or before the due day: on time; after it:
    late; never: missing — unless the measure was closed on or before the due day (no report
    is asked of a stopped measure). Unsigned: sent, and no signed version of it (rule
    `bilan_non_signe`)."""
    finals: dict[date, list[Report]] = {}
    for report in measure.reports:
        if report.kind is ReportKind.FINAL and report.sent_on is not None:
            finals.setdefault(report.period_end, []).append(report)
    for period_end in sorted({p.end for p in measure.periods if p.end.year == year}):
        due = final_report_due(period_end)
        sent = finals.get(period_end, [])
        if not sent:
            if measure.closed_on is not None and measure.closed_on <= due:
                continue
            ind.final_reports_due += 1
            ind.final_reports_missing += 1
            continue
        ind.final_reports_due += 1
        first_sent = min(r.sent_on for r in sent if r.sent_on is not None)
        if first_sent <= due:
            ind.final_reports_on_time += 1
        else:
            ind.final_reports_late += 1
        if not any(r.signed for r in sent):
            ind.final_reports_unsigned += 1
