"""One timeline of a household: visits, closed doors, reports, notices, suspensions… of all
its measures, newest first (plain rows for the household file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import (
    LEVELS,
    NOT_SIGNED,
    NOTICE_KINDS,
    OUTCOMES,
    PLACES,
    REPORT_KINDS,
    SUSPENSION_REASONS,
    label,
)
from desktop_app.domain.model import Measure, PeriodKind, VisitOutcome
from desktop_app.domain.reference_lists import exit_text

PERIOD_EVENTS: dict[PeriodKind | None, str] = {PeriodKind.INITIALE: "Période initiale",
                 PeriodKind.RENOUVELLEMENT: "Renouvellement",
                 PeriodKind.EXCEPTIONNELLE: "Période exceptionnelle"}


@dataclass(frozen=True)
class Event:
    day: date
    measure: str
    measure_label: str
    what: str
    detail: str
    #: "visite", "porte_close", "bilan", "signalement", "suspension", "periode", "mesure"
    kind: str


def _visit(measure: Measure, label_: str) -> list[Event]:
    events = []
    for visit in measure.visits:
        closed = visit.outcome in (VisitOutcome.PORTE_CLOSE, VisitOutcome.PORTE_CLOSE_JUSTIFIEE)
        what = OUTCOMES[visit.outcome] if closed else f"Visite {OUTCOMES[visit.outcome].lower()}"
        events.append(Event(visit.date, measure.id, label_, what,
                            label(PLACES, visit.place), "porte_close" if closed else "visite"))
    return events


def measure_events(measure: Measure, label_: str) -> list[Event]:
    events = _visit(measure, label_)
    add = events.append
    if measure.decision_date:
        add(Event(measure.decision_date, measure.id, label_, "Décision", "", "mesure"))
    for period in measure.periods:
        detail = f"jusqu'au {format_date(period.end)}"
        if period.level is not None:
            detail += f", niveau {LEVELS[period.level].lower()}"
        add(Event(period.start, measure.id, label_, PERIOD_EVENTS.get(period.kind, "Période"),
                  detail, "periode"))
    for suspension in measure.suspensions:
        until = ("jusqu'à nouvel ordre" if suspension.end is None
                 else f"jusqu'au {format_date(suspension.end)}")
        add(Event(suspension.start, measure.id, label_, "Suspension",
                  f"{SUSPENSION_REASONS[suspension.reason]}, {until}", "suspension"))
    for report in measure.reports:
        state = "signé" if report.signed else "non signé par le ménage"
        if report.sent_on is not None:
            add(Event(report.sent_on, measure.id, label_, f"{REPORT_KINDS[report.kind]} envoyé",
                      f"période finissant le {format_date(report.period_end)}, {state}",
                      "bilan"))
    for notice in measure.notices:
        add(Event(notice.sent_on, measure.id, label_, "Information du SLISL",
                  NOTICE_KINDS[notice.kind], "signalement"))
    contract = measure.contract
    if contract is not None:
        if contract.signed_on:
            add(Event(contract.signed_on, measure.id, label_, "Contrat signé", "", "mesure"))
        if contract.sent_on:
            add(Event(contract.sent_on, measure.id, label_, "Contrat envoyé au SLISL", "",
                      "mesure"))
        if contract.not_signed_on:
            add(Event(contract.not_signed_on, measure.id, label_, "Contrat non signé",
                      label(NOT_SIGNED, contract.not_signed_reason), "mesure"))
    if measure.closed_on is not None:
        add(Event(measure.closed_on, measure.id, label_, "Clôture de la mesure",
                  exit_text(measure.exit_reason, measure.close_reason), "mesure"))
    return events


def household_timeline(measures: list[tuple[Measure, str]]) -> list[Event]:
    """Every event of the measures given with their labels, newest first."""
    events = [e for measure, label_ in measures for e in measure_events(measure, label_)]
    events.sort(key=lambda e: (e.day, e.measure), reverse=True)
    return events
