"""The alerts engine: obligations and breaches of docs/regles.md section 2 as of a day.

One small module per rule code (or close group), plus the severity rule, the engine and the
JSON / French rendering. Public API: `Severity`, `Alert`, `compute_alerts`, `AlertRun` (the
alerts of several days), `alerts_to_json`, `format_alerts_fr`, `ALERT_LABELS`, `INFORMATION_CODES`.
"""

from desktop_app.domain.alerts.alert import Alert
from desktop_app.domain.alerts.engine import AlertRun, compute_alerts
from desktop_app.domain.alerts.labels import ALERT_LABELS, INFORMATION_CODES, SEVERITY_LABELS
from desktop_app.domain.alerts.render import alerts_to_json, format_alerts_fr
from desktop_app.domain.alerts.severity import Severity, severity_of

__all__ = [
    "ALERT_LABELS",
    "INFORMATION_CODES",
    "SEVERITY_LABELS",
    "Alert",
    "AlertRun",
    "Severity",
    "alerts_to_json",
    "compute_alerts",
    "format_alerts_fr",
    "severity_of",
]
