"""The dashboard query: what the « Tableau de bord » shows, from the store (no Qt here; the
window runs it off the GUI thread).

Alerts come from the alerts engine and points from the funding engine, through
`app.alerts` and `app.earnings` like the command line: the dashboard adds names and groups, no rule.
The visits still needed are those the `frequence_visites` alerts counted
(`Alert.visits`), never counted again here; such an alert of the current month stays in the
engine's list (`Dashboard.alerts`, the command line, the grid) but the dashboard shows it
once, in the visits panel (`in_visits_panel`, `Dashboard.listed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop_app.app.alerts import alerts_split
from desktop_app.domain.alerts import ALERT_LABELS, Alert
from desktop_app.domain.alerts.visits import FREQUENCY
from desktop_app.domain.dates import Month
from desktop_app.domain.model import Convention, Level, MeasureType

if TYPE_CHECKING:
    from desktop_app.domain.funding import MonthPoints
    from desktop_app.store.api import Store
    from desktop_app.store.records import TreatedAlert


@dataclass(frozen=True)
class AlertRow:
    alert: Alert
    label: str  # French name of the code
    household_name: str
    worker_name: str
    #: Marked « traitée » by a worker: why, who, when.
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
    #: The last day of the month: the alert's due date.
    due: date | None = None

    @property
    def deadline(self) -> str:
        """« D'ici le 31/10 »."""
        return "" if self.due is None else f"D'ici le {self.due:%d/%m}"


def in_visits_panel(alert: Alert, month: Month) -> bool:
    """Whether the dashboard shows `alert` as a line of « Visites à faire » rather than in its
    list of alerts: the `frequence_visites` alert of the current `month` (visits still to do
    by its last day), with its count. The previous month's breach stays an alert: it can no
    longer be made good by a visit."""
    return alert.code == FREQUENCY and alert.month == month and alert.visits is not None


def opening_scope(workers: Sequence[str], remembered: str | None,
                  account_worker: str | None = None) -> tuple[str | None, bool]:
    """The worker and filter the dashboard opens on: the worker of the account signed in to
    a team server, else the remembered worker, else the first of `workers`; on that worker's
    own files (« Mes dossiers »). No worker (an empty team, a manager's account without
    one on a server where the remembered worker is not known): « Toute l'équipe »."""
    for candidate in (account_worker, remembered):
        if candidate is not None and candidate in workers:
            return candidate, True
    if account_worker is None and workers:
        return workers[0], True
    return None, False


@dataclass
class Dashboard:
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

    def listed(self) -> list[AlertRow]:
        """The alerts the dashboard lists, in the engine's order: all but those shown as a line
        of the visits panel (`in_visits_panel`)."""
        month = Month.of(self.day)
        folded = {v.measure for v in self.visits}
        return [r for r in self.alerts
                if not (in_visits_panel(r.alert, month) and r.alert.measure in folded)]

    def due_this_week(self) -> list[AlertRow]:
        """The listed alerts due in `week`, in the engine's order (the visits to do by the end
        of the month are in the visits panel, with their deadline)."""
        first, last = self.week
        return [r for r in self.listed()
                if r.alert.due is not None and first <= r.alert.due <= last]

    def of_worker(self, worker: str | None) -> Dashboard:
        """« Mes dossiers »: the alerts and treated alerts whose worker is `worker`, the visits
        of the measures `worker` is referent of (the points stay the whole association's)."""
        return replace(self, alerts=[r for r in self.alerts if r.alert.worker == worker],
                       treated=[r for r in self.treated if r.alert.worker == worker],
                       visits=[v for v in self.visits if v.referent == worker])


def dashboard(store: Store, day: date) -> Dashboard:
    """Alerts as of `day` with names, the visits still needed in its month, and the month's
    points and quotas.

    The points are computed on the caseload the alerts were computed on: `load_for_day`
    holds, by the Store contract, every measure the month's quotas need (`quota_points`
    compares the same figures), so the store is read once."""

    caseload, alerts, treated, points = alerts_split(store, day)
    month = Month.of(day)
    households = {h.id: h.name for h in caseload.households}
    workers = {w.id: w.name for w in caseload.workers}
    measures = {m.id: m for m in caseload.measures}
    data = Dashboard(day)
    for alert in alerts:
        data.alerts.append(AlertRow(
            alert, ALERT_LABELS.get(alert.code, alert.code),
            households.get(alert.household or "", ""), workers.get(alert.worker or "", "")))
        measure = measures.get(alert.measure or "")
        count = alert.visits
        if in_visits_panel(alert, month) and measure is not None and count is not None:
            level = ""
            if measure.type in (MeasureType.ASLL, MeasureType.AML):
                level = " renforcé" if count.level is Level.RENFORCE else " simple"
            data.visits.append(VisitNeed(
                measure.id, households.get(measure.household, measure.household),
                f"{measure.type}{level}", measure.referent,
                workers.get(measure.referent, measure.referent),
                count.held, count.required, alert.due))
    data.treated = [AlertRow(alert, ALERT_LABELS.get(alert.code, alert.code),
                             households.get(alert.household or "", ""),
                             workers.get(alert.worker or "", ""), done)
                    for alert, done in treated]
    data.visits.sort(key=lambda v: (v.held - v.required, v.household_name.casefold()))
    data.points = points
    data.convention = next((c for c in caseload.association.conventions
                            if c.year == day.year), None)
    return data


class Ahead:
    """The dashboard of `day` computed ahead: the window's launch runs `compute` in the
    background right after the store opens, while the window is still being built, and the
    dashboard's first load `take`s it rather than computing it again. Both run in the
    window's one background thread, one after the other: nothing here is shared between two
    threads at once."""

    def __init__(self, day: date) -> None:
        self.day = day
        self._store: Store | None = None
        self._data: Dashboard | None = None

    def compute(self, store: Store | None) -> None:
        """`store`: the store just opened, None when it is not (yet): a passphrase to ask,
        a failure, which the launch says."""
        if store is None:
            return
        try:
            self._data = dashboard(store, self.day)
        except Exception:  # the first load computes it again, and says what failed
            return
        self._store = store

    def take(self, store: Store, day: date) -> Dashboard | None:
        """What was computed ahead for `store` as of `day`, once; else None."""
        data, self._data = self._data, None
        return data if store is self._store and day == self.day else None
