"""Alerts marked « traitée »: written with their audit entry in one
transaction, read back by fingerprint. Which alerts they hide is decided by
`domain.alerts.treated` through `app.alerts.alerts_split`, never here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select

from desktop_app.domain.alerts import ALERT_LABELS, Alert
from desktop_app.domain.alerts.treated import alert_fingerprint
from desktop_app.domain.fr import format_date
from desktop_app.store import audit
from desktop_app.store.errors import RefusedError
from desktop_app.store.records import TreatedAlert
from desktop_app.store.tables import TREATED_ALERTS

T = TREATED_ALERTS.c
#: The longest reason kept (a few sentences).
MAX_REASON = 2000


def treat_alert(connection: Connection, alert: Alert, reason: str, profile: str) -> None:
    """Mark `alert` treated for `reason`; refused in French without a reason, or when the
    same alert (same facts) is already marked."""
    text = reason.strip()
    if not text:
        raise RefusedError("Indiquez pourquoi l'alerte est traitée (par exemple « manquement "
                           "pris en compte par le SLISL le 12/09/2025 »).")
    if len(text) > MAX_REASON:
        raise RefusedError(f"Motif trop long ({len(text)} caractères) : {MAX_REASON} au plus.")
    fingerprint = alert_fingerprint(alert)
    known = connection.execute(select(T.profile, T.at).where(
        T.fingerprint == fingerprint)).first()
    if known is not None:
        raise RefusedError(f"Cette alerte a déjà été marquée traitée ({known[0]}, le "
                           f"{format_date(known[1].date())}).")
    now = datetime.now().replace(microsecond=0)
    connection.execute(insert(TREATED_ALERTS).values(
        fingerprint=fingerprint, code=alert.code, measure_id=alert.measure,
        household_id=alert.household, worker_id=alert.worker, reason=text, profile=profile,
        at=now))
    audit.record(connection, profile=profile, record_kind="alert",
                 record_id=alert.measure or alert.household or alert.worker,
                 household_id=alert.household, action="treat", at=now,
                 changes={"alert": (None, ALERT_LABELS.get(alert.code, alert.code)),
                          "due": (None, None if alert.due is None else alert.due.isoformat()),
                          "treated_reason": (None, text)})


def treated_alerts(connection: Connection) -> dict[str, TreatedAlert]:
    """Every treated alert by fingerprint."""
    rows = connection.execute(select(T.fingerprint, T.code, T.reason, T.profile, T.at))
    return {r[0]: TreatedAlert(r[0], r[1], r[2], r[3], r[4]) for r in rows}
