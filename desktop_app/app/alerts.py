"""The alerts query: the alerts engine as of a day, on what the store loads for it.

One place, so that `suivi-fsl alerts` and the window show the same alerts: the store loads
what the question needs, the domain engine answers it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from desktop_app.domain.alerts import compute_alerts
from desktop_app.domain.alerts.treated import alert_fingerprint, split_treated
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints, compute_month_points

if TYPE_CHECKING:
    from desktop_app.domain.alerts import Alert
    from desktop_app.domain.model import Caseload
    from desktop_app.store.api import Store
    from desktop_app.store.records import TreatedAlert


def alerts_with_caseload(store: Store, day: date) -> tuple[Caseload, list[Alert]]:
    """The alerts as of `day` and the caseload they were computed on (for names)."""
    caseload = store.load_for_day(day)
    return caseload, compute_alerts(caseload, day, store.alert_settings())


def alerts_on(store: Store, day: date) -> list[Alert]:
    """Obligations and breaches as of `day` (docs/regles.md section 2)."""
    return alerts_with_caseload(store, day)[1]


class DayAlerts(NamedTuple):
    """What the dashboard shows of a day: the caseload read (for names), the alerts still to
    deal with, those marked « traitée » whose facts have not changed (with the mark), and
    the statement of the day's month (its points and quotas)."""

    caseload: Caseload
    alerts: list[Alert]
    treated: list[tuple[Alert, TreatedAlert]]
    points: MonthPoints


def alerts_split(store: Store, day: date) -> DayAlerts:
    """The alerts as of `day` still to deal with, and those a worker marked « traitée »
    whose facts have not changed since, with why, who and when. The engine and the grid are
    untouched: a treated breach is still a breach. One read transaction of the store
    (`Store.load_for_alerts`). The month's statement is computed once: the quota rules read
    the same one (`compute_alerts`' `month_points`)."""
    caseload, settings, remembered = store.load_for_alerts(day)
    month = Month.of(day)
    points = compute_month_points(caseload, month)
    alerts = compute_alerts(caseload, day, settings, {month: points})
    open_, done = split_treated(alerts, remembered)
    return DayAlerts(caseload, open_, [(a, remembered[alert_fingerprint(a)]) for a in done],
                     points)
