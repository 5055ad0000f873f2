"""The alerts query: the alerts engine as of a day, on what the store loads for it.

One place, so that `suivi-fsl alerts` and the window show the same alerts: the store loads
what the question needs, the domain engine answers it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.alerts import compute_alerts
from desktop_app.domain.alerts.treated import alert_fingerprint, split_treated

if TYPE_CHECKING:
    from collections.abc import Mapping

    from desktop_app.domain.alerts import Alert
    from desktop_app.domain.dates import Month
    from desktop_app.domain.funding import MonthPoints
    from desktop_app.domain.model import AlertSettings, Caseload
    from desktop_app.store.api import Store
    from desktop_app.store.records import TreatedAlert


def alerts_with_caseload(store: Store, day: date) -> tuple[Caseload, list[Alert]]:
    """The alerts as of `day` and the caseload they were computed on (for names)."""
    caseload = store.load_for_day(day)
    return caseload, compute_alerts(caseload, day, store.alert_settings())


def alerts_on(store: Store, day: date) -> list[Alert]:
    """Obligations and breaches as of `day` (docs/regles.md section 2)."""
    return alerts_with_caseload(store, day)[1]


def alerts_split(store: Store, day: date
                 ) -> tuple[Caseload, list[Alert], list[tuple[Alert, TreatedAlert]]]:
    """The alerts as of `day` still to deal with, and those a worker marked « traitée »
    whose facts have not changed since, with why, who and when. The engine and the grid are
    untouched: a treated breach is still a breach. One read transaction of the store
    (`Store.load_for_alerts`)."""
    caseload, settings, treated = store.load_for_alerts(day)
    return (caseload, *split_on(caseload, day, settings, treated))


def split_on(caseload: Caseload, day: date, settings: AlertSettings,
             treated: Mapping[str, TreatedAlert],
             month_points: Mapping[Month, MonthPoints] | None = None
             ) -> tuple[list[Alert], list[tuple[Alert, TreatedAlert]]]:
    """`alerts_split` on a caseload already loaded; `month_points`: statements of this
    caseload already computed (the quota rules read that of the month of `day`)."""
    alerts = compute_alerts(caseload, day, settings, month_points)
    open_, done = split_treated(alerts, treated)
    return open_, [(a, treated[alert_fingerprint(a)]) for a in done]
