"""An alert: a code of docs/regles.md section 2, its subject, its due date or month, a message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.alerts.severity import Severity
from desktop_app.domain.dates import Month


@dataclass(frozen=True, slots=True)
class Alert:
    """One obligation or breach as of a day (docs/echange.md `alerts --on`).

    Subject keys that do not apply are None: a measure alert names the measure, its household
    and its referent; `absence_travailleur` only the worker; association alerts none.
    """

    code: str
    severity: Severity
    measure: str | None
    household: str | None
    worker: str | None
    month: Month | None
    due: date | None
    message: str


def sort_key(alert: Alert) -> tuple[bool, date, str, str, str, str]:
    """docs/echange.md order: due date (none last), then code, measure, worker, household id."""
    return (
        alert.due is None,
        alert.due or date.max,
        alert.code,
        alert.measure or "",
        alert.worker or "",
        alert.household or "",
    )


def sort_alerts(alerts: list[Alert]) -> list[Alert]:
    """A new list in docs/echange.md order; equal keys keep the order they were raised in."""
    return sorted(alerts, key=sort_key)
