"""`indisponibilite`: a household unavailable (hospital, prison…) during an ASLL, told to the
SLISL « sans tarder »: read as within 5 working days of the start of the recorded suspension,
as for two closed doors (docs/regles.md section 2, `indisponibilite`)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType, NoticeKind
from desktop_app.domain.workdays import nth_working_day_after

CODE = "indisponibilite"
#: « Prévenir sans tarder le SLISL »: at the latest this many working days after the start.
NOTICE_WORKING_DAYS = 5


@applies_to(MeasureType.ASLL)
def indisponibilite(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """One alert per suspension of an ASLL in force that has started on or before `on`,
    due on the 5th working day after its start; cleared by an « indisponibilité » notice
    sent on or after that start (and on or before `on`)."""
    measure = view.measure
    if not view.in_force or not measure.suspensions:
        return
    notices = [n.sent_on for n in measure.notices
               if n.kind is NoticeKind.INDISPONIBILITE and n.sent_on <= ctx.on]
    for suspension in measure.suspensions:
        start = suspension.start
        if start > ctx.on or any(start <= sent for sent in notices):
            continue
        due = nth_working_day_after(start, NOTICE_WORKING_DAYS)
        yield ctx.measure_alert(
            CODE, measure, due,
            f"Mesure ASLL de {ctx.household_name(measure.household)} suspendue depuis le "
            f"{format_date(start)} (ménage indisponible) : prévenir le SLISL au plus tard le "
            f"{format_date(due)}, puis noter l'envoi de l'avis « Indisponibilité du ménage ».",
        )
