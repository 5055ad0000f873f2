"""What the dashboard shows, computed off the GUI thread from the store (no Qt here).

Alerts come from the alerts engine and points from the funding engine, through
`desktop_app.services` like the command line: the dashboard adds names and groups, no rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.dates import Month
from desktop_app.domain.measure_facts import is_home_visit, level_on
from desktop_app.domain.model import Convention, Level, MeasureType
from desktop_app.store.api import Store
from desktop_app.store.records import TreatedAlert

if TYPE_CHECKING:
    from desktop_app.domain.alerts import Alert
    from desktop_app.domain.funding import MonthPoints


@dataclass(frozen=True)
class AlertRow:
    alert: Alert
    label: str  # French name of the code
    household_name: str
    worker_name: str
    #: Marked « traitée » by a worker (issue 11, item 9): why, who, when.
    treated: TreatedAlert | None = None

    @property
    def subject(self) -> str:
        return self.household_name or self.worker_name or "Association"


@dataclass(frozen=True)
class VisitNeed:
    """A measure that still needs home visits this month (`frequence_visites`)."""

    measure: str
    household_name: str
    measure_label: str
    referent: str
    referent_name: str
    held: int
    required: int


@dataclass
class DashboardData:
    day: date
    alerts: list[AlertRow] = field(default_factory=list)
    #: Alerts marked « traitée » whose facts have not changed: off the day's list.
    treated: list[AlertRow] = field(default_factory=list)
    visits: list[VisitNeed] = field(default_factory=list)
    points: MonthPoints | None = None
    convention: Convention | None = None

    @property
    def week(self) -> tuple[date, date]:
        """The seven days from today: what falls due in the week ahead."""
        return self.day, self.day + timedelta(days=6)


def build_dashboard(store: Store, day: date) -> DashboardData:
    """Alerts as of `day` with names, the visits still needed in its month, and the month's
    points and quotas.

    The points are computed on the caseload the alerts were computed on: `load_for_day`
    holds, by the Store contract, every measure the month's quotas need (`quota_points`
    compares the same figures), so the store is read once."""
    from desktop_app.domain.alerts import ALERT_LABELS
    from desktop_app.domain.alerts.visits import FREQUENCY, minimum_visits
    from desktop_app.domain.funding import compute_month_points
    from desktop_app.services import alerts_split

    caseload, alerts, treated = alerts_split(store, day)
    households = {h.id: h.name for h in caseload.households}
    workers = {w.id: w.name for w in caseload.workers}
    measures = {m.id: m for m in caseload.measures}
    month = Month.of(day)
    data = DashboardData(day)
    for alert in alerts:
        data.alerts.append(AlertRow(
            alert, ALERT_LABELS.get(alert.code, alert.code),
            households.get(alert.household or "", ""), workers.get(alert.worker or "", "")))
        measure = measures.get(alert.measure or "")
        if alert.code == FREQUENCY and alert.month == month and measure is not None:
            held = sum(1 for v in measure.visits
                       if is_home_visit(v) and Month.of(v.date) == month and v.date <= day)
            level = ""
            if measure.type in (MeasureType.ASLL, MeasureType.AML):
                level = " renforcé" if level_on(measure, month.first_day) is Level.RENFORCE \
                    else " simple"
            data.visits.append(VisitNeed(
                measure.id, households.get(measure.household, measure.household),
                f"{measure.type}{level}", measure.referent,
                workers.get(measure.referent, measure.referent),
                held, minimum_visits(measure, month)))
    data.treated = [AlertRow(alert, ALERT_LABELS.get(alert.code, alert.code),
                             households.get(alert.household or "", ""),
                             workers.get(alert.worker or "", ""), done)
                    for alert, done in treated]
    data.visits.sort(key=lambda v: (v.held - v.required, v.household_name.casefold()))
    data.points = compute_month_points(caseload, month)
    data.convention = next((c for c in caseload.association.conventions
                            if c.year == day.year), None)
    return data
