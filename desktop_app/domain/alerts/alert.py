"""An alert: a code of docs/regles.md section 2, its subject, its due date or month, a message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.alerts.severity import Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.model import Level


@dataclass(frozen=True, slots=True)
class VisitCount:
    """What `frequence_visites` counted for the month of its alert: the home visits held
    (on or before the day of the alerts), those required, and the level of the period in
    force on the month's first day (which sets the number required)."""

    held: int
    required: int
    level: Level


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
    #: `frequence_visites`: the visits counted (None for the other codes). Not part of the
    #: alert's identity (equality, `treated.alert_fingerprint`, the interchange JSON): the
    #: message states the same figures.
    visits: VisitCount | None = field(default=None, compare=False)


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
