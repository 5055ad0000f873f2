"""The command marking an alert « traitée »: one write transaction of the store with its
audit entry."""

from __future__ import annotations

from desktop_app.domain.alerts import Alert
from desktop_app.store.api import Store


def treat_alert(store: Store, alert: Alert, reason: str) -> None:
    """A creation: `alert` marked treated for `reason` (its facts are its version: refused in
    French, `RefusedError`, without a reason or if already marked)."""
    store.treat_alert(alert, reason)
