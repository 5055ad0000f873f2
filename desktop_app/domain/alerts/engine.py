"""`compute_alerts`: every rule of docs/regles.md section 2 as of a day, in docs/echange.md order.

Each measure is viewed once (`MeasureView`: its span and its visits up to the day) and every
measure rule reads that view; the rules about workers, households and the association run
once over the whole caseload. Alerts about a measure closed on or before the day are not
raised (docs/regles.md, « Lectures retenues par le projet »).

`AlertRun` gives the alerts of one caseload on several days (the annual grid sees the 12
month ends of a year): the same rules on each day, what does not depend on the day worked
out once (`facts.CaseloadFacts`), so each day's answer is exactly `compute_alerts`'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from desktop_app.domain.alerts.alert import Alert, sort_alerts
from desktop_app.domain.alerts.aml_claims import echec_aml
from desktop_app.domain.alerts.applies import types_of
from desktop_app.domain.alerts.association import grille_annuelle, tableau_occupation
from desktop_app.domain.alerts.context import AlertContext, MeasureView
from desktop_app.domain.alerts.cumul import cumul
from desktop_app.domain.alerts.deadlines import accord_principe, cet, dsf_transmission
from desktop_app.domain.alerts.durations import duree, fin_de_periode, suspension_longue
from desktop_app.domain.alerts.effective_date import date_effet
from desktop_app.domain.alerts.facts import CaseloadFacts
from desktop_app.domain.alerts.portes_closes import portes_closes
from desktop_app.domain.alerts.quotas import quotas_and_convention
from desktop_app.domain.alerts.reports import bilan_final, bilan_non_signe
from desktop_app.domain.alerts.unavailable import indisponibilite
from desktop_app.domain.alerts.vacancy import vacance_longue
from desktop_app.domain.alerts.visits import aml_indisponible, frequence_visites
from desktop_app.domain.alerts.workers import absence_travailleur, diplome
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.measure_facts import is_closed_on
from desktop_app.domain.model import AlertSettings, Caseload, MeasureType

MeasureRule = Callable[[AlertContext, MeasureView], Iterable[Alert]]

#: Rules about one measure (not closed on or before the day), each handed the measures of
#: the types it `applies_to`.
MEASURE_RULES: tuple[MeasureRule, ...] = (
    portes_closes,
    frequence_visites,
    aml_indisponible,
    bilan_final,
    bilan_non_signe,
    cet,
    date_effet,
    duree,
    fin_de_periode,
    suspension_longue,
    indisponibilite,
    dsf_transmission,
    accord_principe,
    diplome,
)
#: The measure rules about each type (`applies_to`), in the order of `MEASURE_RULES`.
RULES_OF_TYPE: dict[MeasureType, tuple[MeasureRule, ...]] = {
    t: tuple(r for r in MEASURE_RULES if t in types_of(r)) for t in MeasureType}


def compute_alerts(caseload: Caseload, on: date, settings: AlertSettings,
                   month_points: Mapping[Month, MonthPoints] | None = None) -> list[Alert]:
    """The alerts as of `on`, sorted by due date (none last), code, measure, worker and
    household id. `month_points`: as `AlertRun`'s."""
    return AlertRun(caseload, settings, month_points, several_days=False).on(on)


class AlertRun:
    """The alerts of one caseload, day after day (`on(day)` = `compute_alerts(caseload, day,
    settings)`). `month_points`: statements of `compute_month_points` over this caseload
    already computed (the grid's), read by the quota rules instead of computing them again.
    `several_days=False` (one day only): what does not depend on the day is not kept. The
    caseload must not change between the days of one run (its facts are read once).
    `information=False`: the rules raising nothing but `information` (`vacance_longue`) are
    not run (the grid counts breaches only)."""

    def __init__(self, caseload: Caseload, settings: AlertSettings,
                 month_points: Mapping[Month, MonthPoints] | None = None, *,
                 several_days: bool = True, information: bool = True) -> None:
        self.caseload = caseload
        self.settings = settings
        self.information = information
        self.facts = CaseloadFacts(caseload, month_points, several_days)

    def on(self, day: date) -> list[Alert]:
        """The alerts as of `day`, in docs/echange.md order."""
        ctx = AlertContext(self.caseload, day, self.settings, self.facts)
        alerts: list[Alert] = []
        for facts in self.facts.measures:
            if is_closed_on(facts.measure, day):
                continue
            view = MeasureView.at(facts, day)
            for rule in RULES_OF_TYPE[facts.measure.type]:
                alerts.extend(rule(ctx, view))
        alerts.extend(echec_aml(ctx))  # closed measures too: after the sub-tenant left
        alerts.extend(absence_travailleur(ctx))
        alerts.extend(cumul(ctx))
        alerts.extend(grille_annuelle(ctx))
        alerts.extend(tableau_occupation(ctx))
        if self.information:
            alerts.extend(vacance_longue(ctx))
        alerts.extend(quotas_and_convention(ctx))
        return sort_alerts(alerts)
