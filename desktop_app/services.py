"""What the command line and the window both ask of the engines, through the store.

One place, so that `suivi-fsl points` / `suivi-fsl alerts` and the window show the same
figures: the store loads what a question needs, the domain engine answers it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop_app.domain.dates import Month

if TYPE_CHECKING:
    from desktop_app.domain.alerts import Alert
    from desktop_app.domain.funding import MonthPoints
    from desktop_app.domain.model import Caseload
    from desktop_app.store.api import Store
    from desktop_app.store.records import TreatedAlert


def month_points_with_caseload(store: Store, month: Month) -> tuple[Caseload, MonthPoints]:
    """The points of `month` and the caseload they were computed on (for names)."""
    from desktop_app.domain.funding import compute_month_points

    caseload = store.load_for_month(month)
    return caseload, compute_month_points(caseload, month)


def month_points(store: Store, month: Month) -> MonthPoints:
    """Points and amounts of `month` (rules P1–P7, Q1–Q2)."""
    return month_points_with_caseload(store, month)[1]


def alerts_with_caseload(store: Store, day: date) -> tuple[Caseload, list[Alert]]:
    """The alerts as of `day` and the caseload they were computed on (for names)."""
    from desktop_app.domain.alerts import compute_alerts

    caseload = store.load_for_day(day)
    return caseload, compute_alerts(caseload, day, store.alert_settings())


def alerts_on(store: Store, day: date) -> list[Alert]:
    """Obligations and breaches as of `day` (docs/regles.md section 2)."""
    return alerts_with_caseload(store, day)[1]


def alerts_split(store: Store, day: date
                 ) -> tuple[Caseload, list[Alert], list[tuple[Alert, TreatedAlert]]]:
    """The alerts as of `day` still to deal with, and those a worker marked « traitée »
    whose facts have not changed since (issue 11, item 9), with why, who and when. The
    engine and the grid are untouched: a treated breach is still a breach."""
    from desktop_app.domain.alerts.treated import alert_fingerprint, split_treated

    caseload, alerts = alerts_with_caseload(store, day)
    treated = store.treated_alerts()
    open_, done = split_treated(alerts, treated)
    return caseload, open_, [(a, treated[alert_fingerprint(a)]) for a in done]
