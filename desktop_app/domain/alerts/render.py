"""The alerts as the interchange JSON (docs/echange.md `alerts --on --json`) and as French text."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.labels import ALERT_LABELS, SEVERITY_LABELS
from desktop_app.domain.fr import format_date, format_month


def alert_to_json(alert: Alert) -> dict[str, object]:
    """One alert with exactly the keys of docs/echange.md, in its order."""
    return {
        "code": alert.code,
        "severity": str(alert.severity),
        "measure": alert.measure,
        "household": alert.household,
        "worker": alert.worker,
        "month": None if alert.month is None else str(alert.month),
        "due": None if alert.due is None else alert.due.isoformat(),
        "message": alert.message,
    }


def alerts_to_json(on: date, alerts: list[Alert]) -> dict[str, object]:
    """`{"on": "YYYY-MM-DD", "alerts": [...]}`, alerts in the order given (the engine's)."""
    return {"on": on.isoformat(), "alerts": [alert_to_json(a) for a in alerts]}


def _when(alert: Alert) -> str:
    if alert.due is not None:
        return f"pour le {format_date(alert.due)}"
    if alert.month is not None:
        return format_month(alert.month)
    return "sans échéance"


def _line(alert: Alert) -> str:
    title = ALERT_LABELS.get(alert.code, alert.code)
    return f"  • {title} ({_when(alert)}) — {alert.message}"


def format_alerts_fr(on: date, alerts: list[Alert]) -> str:
    """A readable French list grouped by severity: « Manquements », « À faire », « À venir »,
    « Pour information » (empty groups left out), each in the engine's order."""
    if not alerts:
        return f"Aucune alerte au {format_date(on)}."
    total = len(alerts)
    lines = [f"Alertes au {format_date(on)} : {total} alerte{'s' if total > 1 else ''}"]
    for severity, heading in SEVERITY_LABELS.items():
        group = [a for a in alerts if a.severity is severity]
        if group:
            lines.append("")
            lines.append(f"{heading} ({len(group)})")
            lines.extend(_line(a) for a in group)
    return "\n".join(lines)
