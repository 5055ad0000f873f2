"""`absence_travailleur` and `diplome`: what the convention asks of the referents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.alerts.facts import MeasureFacts
from desktop_app.domain.dates import overlap
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import SUPPORT_TYPES, Absence, Diploma, Worker
from desktop_app.domain.workdays import count_working_days, nth_working_day_from

ABSENCE = "absence_travailleur"
DIPLOMA = "diplome"
#: An absence longer than this many working days must be told and the measures handed over.
MAX_ABSENCE_WORKING_DAYS = 21
#: The diplomas of a qualified social worker (« Travailleur social diplômé : Conseiller en
#: économie sociale et familiale, assistant social, éducateur spécialisé »): a referent must
#: hold one (`diplome`), and so must the replacement of an absent referent, « un professionnel
#: d'un diplôme équivalent » (`absence_travailleur`).
QUALIFIED_DIPLOMAS = frozenset({Diploma.CESF, Diploma.ASS, Diploma.ES})
#: The same, in French, for messages.
QUALIFIED_FR = "CESF, assistant(e) de service social ou éducateur(trice) spécialisé(e)"


def is_qualified(worker: Worker | None) -> bool:
    """A known worker holding one of `QUALIFIED_DIPLOMAS`."""
    return worker is not None and worker.diploma in QUALIFIED_DIPLOMAS


class AbsenceGaps(NamedTuple):
    """What `absence_travailleur` still asks for an absence as of a day (neither: cleared)."""

    #: No SLISL notice dated on or before the day.
    notice: bool
    #: No replacement, or one without a qualified diploma (`is_qualified`).
    replacement: bool


def absence_gaps(absence: Absence, replacement: Worker | None, on: date) -> AbsenceGaps:
    """What is missing as of `on` for `absence` (`replacement`: the worker its replacement id
    names, None if none or unknown): the one rule of what clears `absence_travailleur`."""
    notified = absence.slisl_notified_on is not None and absence.slisl_notified_on <= on
    return AbsenceGaps(notice=not notified, replacement=not is_qualified(replacement))


def _support_spans(measures: list[MeasureFacts]) -> dict[str, list[tuple[date, date]]]:
    """In-force spans of the support measures (ASLL, AML, FAL), per referent."""
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for facts in measures:
        if facts.measure.type in SUPPORT_TYPES and facts.span is not None:
            spans[facts.measure.referent].append(facts.span)
    return spans


def _absence_message(ctx: AlertContext, name: str, absence: Absence, gaps: AbsenceGaps,
                     due: date) -> str:
    todo = []
    if gaps.notice:
        todo.append("informer le responsable du SLISL")
    why = ""
    if gaps.replacement:
        todo.append("confier ses mesures à un remplaçant de diplôme équivalent")
        if absence.replacement is not None:
            why = (f" {ctx.worker_name(absence.replacement)}, désigné(e), n'a pas l'un des "
                   f"diplômes demandés ({QUALIFIED_FR}).")
    return (f"Absence de {name} depuis le {format_date(absence.start)} (plus de "
            f"{MAX_ABSENCE_WORKING_DAYS} jours ouvrés) : {' et '.join(todo)} au plus tard le "
            f"{format_date(due)}.{why}")


def absence_travailleur(ctx: AlertContext) -> Iterator[Alert]:
    """An absence of more than 21 working days (bounds included; an open-ended one counted
    up to `on`) of a referent of a support measure in force on some day of it; raised from its
    first day, due on its 22nd working day; cleared when the SLISL notice (on or before `on`)
    and a qualified replacement (`QUALIFIED_DIPLOMAS`) are recorded."""
    spans = ctx.facts.remember(ABSENCE, lambda: _support_spans(ctx.facts.measures))
    for worker in ctx.caseload.workers:
        for absence in worker.absences:
            if absence.start > ctx.on:
                continue
            last = absence.end if absence.end is not None else ctx.on
            replacement = (None if absence.replacement is None
                           else ctx.workers.get(absence.replacement))
            gaps = absence_gaps(absence, replacement, ctx.on)
            if not any(gaps):
                continue
            if count_working_days(absence.start, last) <= MAX_ABSENCE_WORKING_DAYS:
                continue
            if not any(overlap(s, e, absence.start, last) for s, e in spans.get(worker.id, [])):
                continue
            due = nth_working_day_from(absence.start, MAX_ABSENCE_WORKING_DAYS + 1)
            message = _absence_message(ctx, worker.name, absence, gaps, due)
            yield ctx.other_alert(ABSENCE, due, message, worker=worker.id)


def diplome(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """The referent of a measure in force on `on` must be a qualified social worker (CESF,
    assistant(e) de service social, éducateur(trice) spécialisé(e))."""
    if not view.in_force:
        return
    measure = view.measure
    worker = ctx.workers.get(measure.referent)
    if worker is None or is_qualified(worker):
        return
    yield ctx.measure_alert(
        DIPLOMA, measure, None,
        f"{worker.name} n'a pas de diplôme de travailleur social reconnu (CESF, ASS ou ES) : "
        f"confier le suivi de {ctx.household_name(measure.household)} à un référent qualifié.",
    )
