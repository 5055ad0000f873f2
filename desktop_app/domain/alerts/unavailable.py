"""`indisponibilite`: a household unavailable (hospital, prison…) during an ASLL, told to the
SLISL « sans tarder »: read as within 5 working days of the start of the recorded suspension,
as for two closed doors (docs/regles.md section 2, `indisponibilite`)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.alerts.deadlines import notice_due, notices_sent
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import MeasureType, NoticeKind

CODE = "indisponibilite"


@applies_to(MeasureType.ASLL)
def indisponibilite(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """One alert per suspension of an ASLL in force that has started on or before `on`,
    due on the 5th working day after its start; cleared by an « indisponibilité » notice
    sent on or after that start (and on or before `on`)."""
    measure = view.measure
    if not view.in_force or not measure.suspensions:
        return
    notices = notices_sent(measure, NoticeKind.INDISPONIBILITE, ctx.on)
    for suspension in measure.suspensions:
        start = suspension.start
        due = notice_due(start, notices, ctx.on)
        if due is None:
            continue
        yield ctx.measure_alert(
            CODE, measure, due,
            f"Mesure ASLL de {ctx.household_name(measure.household)} suspendue depuis le "
            f"{format_date(start)} (ménage indisponible) : prévenir le SLISL au plus tard le "
            f"{format_date(due)}, puis noter l'envoi de l'avis « Indisponibilité du ménage ».",
        )
