"""`date_effet`: an ASLL starts on the 1st day of the month after the CL decision; its funding
may be retroactive only for a household leaving a CHRS, leaving temporary housing (ALT…), or
met during a DSF — then it starts the month after the diagnosis (convention, ASLL annex,
« La date d'effet de la mesure »)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.applies import applies_to
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_date
from desktop_app.domain.model import DsfOutcome, Measure, MeasureType, Retroactive

CODE = "date_effet"
#: DSF outcomes where the household was not met: no retroactive ASLL after them.
_NOT_MET = frozenset({DsfOutcome.PORTE_CLOSE, DsfOutcome.SANS_RENCONTRE})


def month_after(day: date) -> date:
    """The 1st day of the month after `day`."""
    return Month.of(day).next().first_day


def dsf_diagnoses(measures: list[Measure]) -> dict[str, list[date]]:
    """Per household, the days its DSF were carried out with the household met, in order."""
    found: dict[str, list[date]] = defaultdict(list)
    for measure in measures:
        if (measure.type is MeasureType.DSF and measure.done_on is not None
                and measure.outcome not in _NOT_MET):
            found[measure.household].append(measure.done_on)
    for days in found.values():
        days.sort()
    return found


def effective_date_problem(measure: Measure, diagnoses: list[date]) -> str | None:
    """What is wrong with the start of the ASLL's first period, in French (None: nothing, or
    no decision or period to compare). `diagnoses`: the household's DSF (`dsf_diagnoses`)."""
    if measure.decision_date is None or not measure.periods:
        return None
    decision = measure.decision_date
    start = min(p.start for p in measure.periods)
    normal = month_after(decision)
    if start == normal:
        return None
    began = (f"La première période de l'ASLL commence le {format_date(start)} au lieu du "
             f"{format_date(normal)} (1er jour du mois qui suit la décision de la CL du "
             f"{format_date(decision)})")
    reason = measure.retroactive
    if reason is None:
        return (f"{began}, sans financement rétroactif enregistré : corriger la date de début, "
                f"ou indiquer le motif (sortie de CHRS, sortie de logement temporaire, après "
                f"un DSF).")
    if start > normal:
        return (f"{began} : un financement rétroactif peut avancer le début, jamais le "
                f"retarder ; corriger la date de début.")
    if reason is not Retroactive.DSF:
        return None
    if not diagnoses:
        return (f"{began}, après un DSF, mais aucun DSF réalisé de ce ménage n'est "
                f"enregistré : l'enregistrer, ou corriger le motif ou la date de début.")
    if start in {month_after(day) for day in diagnoses}:
        return None
    before = [day for day in diagnoses if day <= decision] or diagnoses
    done = before[-1]
    return (f"{began}, après le DSF réalisé le {format_date(done)} : la mesure débute alors le "
            f"{format_date(month_after(done))}, le mois qui suit le diagnostic ; corriger la "
            f"date de début.")


@applies_to(MeasureType.ASLL)
def date_effet(ctx: AlertContext, view: MeasureView) -> Iterator[Alert]:
    """An ASLL whose first period does not start on the 1st of the month after the CL
    decision, without a lawful retroactive reason (see `effective_date_problem`); raised from
    the decision until the end of its last period (closed: not raised), whatever the day
    otherwise (worked out once per measure)."""
    measure = view.measure
    decision = measure.decision_date
    if decision is None or decision > ctx.on or view.span is None or ctx.on > view.span[1]:
        return
    diagnoses = ctx.facts.remember(CODE, lambda: dsf_diagnoses(ctx.caseload.measures))
    problem = view.facts.remember(
        CODE, lambda m: effective_date_problem(m, diagnoses.get(m.household, [])))
    if problem is not None:
        yield ctx.measure_alert(CODE, measure, None, problem)
