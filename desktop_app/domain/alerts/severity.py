"""The one severity rule of docs/regles.md section 2 (and docs/echange.md `alerts --on`).

With a due date: `a_venir` while more than `days_ahead` days remain (7 by default, a
setting), `a_faire` from `days_ahead` days before it to the day itself, `manquement` after it.
Without a due date: `manquement` (a worker's quota is the only exception: `a_faire`, chosen by
the rule that raises it). `information` is not a breach nor a task: what the rule that raises
it wants known (activity above the convention, `convention`: unpaid work, not a failure); it
is never counted among breaches.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Severity(StrEnum):
    A_VENIR = "a_venir"
    A_FAIRE = "a_faire"
    MANQUEMENT = "manquement"
    INFORMATION = "information"


def severity_of(due: date | None, on: date, days_ahead: int) -> Severity:
    """Severity as of `on` of an alert due on `due` (None: no due date)."""
    if due is None:
        return Severity.MANQUEMENT
    remaining = (due - on).days
    if remaining > days_ahead:
        return Severity.A_VENIR
    if remaining >= 0:
        return Severity.A_FAIRE
    return Severity.MANQUEMENT
