"""`portes_closes`: two consecutive closed doors of an ASLL, told to the SLISL within 5 working
days after the second (docs/regles.md section 2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType, NoticeKind, Visit, VisitOutcome
from desktop_app.domain.workdays import nth_working_day_after

CODE = "portes_closes"
#: The SLISL is told within this many working days after the second closed door.
NOTICE_WORKING_DAYS = 5


def closed_door_runs(visits: tuple[Visit, ...]) -> list[tuple[date, date]]:
    """(first, second) closed doors of each run of consecutive unjustified closed doors that
    reaches 2, visits in date order. A cancelled visit neither counts nor breaks a run; a
    held visit or a justified closed door breaks it; a third door in a row is the same run."""
    runs: list[tuple[date, date]] = []
    first: date | None = None
    length = 0
    for visit in visits:
        if visit.outcome is VisitOutcome.ANNULEE:
            continue
        if visit.outcome is not VisitOutcome.PORTE_CLOSE:
            length = 0
            continue
        length += 1
        if length == 1:
            first = visit.date
        elif length == 2 and first is not None:
            runs.append((first, visit.date))
    return runs


@applies_to(MeasureType.ASLL)
def portes_closes(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """One alert per run of 2+ closed doors of an ASLL in force, due on the 5th working day
    after the second; cleared by a « portes closes » notice sent on or after the second door
    (and on or before the day)."""
    measure = view.measure
    if not view.in_force:
        return
    notices = [n.sent_on for n in measure.notices
               if n.kind is NoticeKind.PORTES_CLOSES and n.sent_on <= ctx.on]
    # The runs of the visits up to the day are those of all the visits whose second door
    # is on or before it (visits by date): worked out once per measure.
    runs = view.facts.remember(CODE, lambda _m: closed_door_runs(view.facts.all_visits()))
    for first, second in runs:
        if second > ctx.on or any(second <= sent for sent in notices):
            continue
        due = nth_working_day_after(second, NOTICE_WORKING_DAYS)
        yield ctx.measure_alert(
            CODE, measure, due,
            f"Signaler au SLISL les 2 portes closes chez {ctx.household_name(measure.household)}"
            f" ({format_date(first)} et {format_date(second)}) au plus tard le "
            f"{format_date(due)} ; la mesure peut ensuite être arrêtée.",
        )
