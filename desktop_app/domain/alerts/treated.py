"""Alerts a worker has dealt with: the identity of « the same alert ».

Some alerts stay true while nothing more can be done today (a breach the SLISL has
acknowledged, an AML the SPSLH allowed to continue). A worker marks such an alert « traitée »
with a reason; it leaves the day's list until its facts change. Its fingerprint is what must
stay the same: the code, the subject (measure, household, worker), the month, the due date
and the message, which states the facts the rule saw (dates of the closed doors, visits
held, amounts…). A new closed door, a new month or a new due date gives another fingerprint,
so the alert comes back. The severity is not part of it: an alert treated while « à faire »
stays treated once it becomes a breach, which the grid still counts (it reads the engine,
never the treated list).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable

from desktop_app.domain.alerts.alert import Alert

_SEP = "\x1f"


def alert_fingerprint(alert: Alert) -> str:
    """64 hexadecimal characters, equal for two alerts with the same facts."""
    parts = (alert.code, alert.measure or "", alert.household or "", alert.worker or "",
             "" if alert.month is None else str(alert.month),
             "" if alert.due is None else alert.due.isoformat(), alert.message)
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()


def split_treated(alerts: Iterable[Alert], treated: Collection[str]
                  ) -> tuple[list[Alert], list[Alert]]:
    """(alerts still to deal with, alerts marked treated) by their fingerprints, each list in
    the order given."""
    open_: list[Alert] = []
    done: list[Alert] = []
    for alert in alerts:
        (done if alert_fingerprint(alert) in treated else open_).append(alert)
    return open_, done
