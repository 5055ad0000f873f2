"""`portes_closes`: two consecutive closed doors of an ASLL, told to the SLISL within 5 working
days after the second (docs/regles.md section 2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.alerts.deadlines import notice_due, notices_sent
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType, NoticeKind, Visit, VisitOutcome

CODE = "portes_closes"


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
    notices = notices_sent(measure, NoticeKind.PORTES_CLOSES, ctx.on)
    # The runs of the visits up to the day are those of all the visits whose second door
    # is on or before it (visits by date): worked out once per measure.
    runs = view.facts.remember(CODE, lambda _m: closed_door_runs(view.facts.all_visits()))
    for first, second in runs:
        due = notice_due(second, notices, ctx.on)
        if due is None:
            continue
        yield ctx.measure_alert(
            CODE, measure, due,
            f"Signaler au SLISL les 2 portes closes chez {ctx.household_name(measure.household)}"
            f" ({format_date(first)} et {format_date(second)}) au plus tard le "
            f"{format_date(due)} ; la mesure peut ensuite être arrêtée.",
        )
