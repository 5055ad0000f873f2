"""The year's breaches per alert code, from the alerts engine (docs/regles.md section 2).

The engine answers « as of a day »; the year is seen at each of its month ends (up to
`today` for the current year). A breach is an alert of severity `manquement` (never an
`information`: those codes are not even listed, `INFORMATION_CODES`); one seen at
several month ends is counted once, by (code, measure, household, worker, month, due).
The month ends are the days of one `AlertRun`: what does not depend on the day is worked out
once, the quota rules read the year's statements the grid already computed, and the rules
raising only information (`vacance_longue`) are not run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date

from desktop_app.domain.alerts import ALERT_LABELS, INFORMATION_CODES, AlertRun, Severity
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import MonthPoints
from desktop_app.domain.measure_facts import span_of
from desktop_app.domain.model import AlertSettings, Caseload

BreachKey = tuple[str, str | None, str | None, str | None, Month | None, date | None]


def year_breaches(caseload: Caseload, year: int, settings: AlertSettings, today: date,
                  step: Callable[[], None] | None = None,
                  month_points: Mapping[Month, MonthPoints] | None = None) -> dict[str, int]:
    """Alert code → distinct breaches seen at the month ends of N (every code that can be a
    breach listed, in the order of `ALERT_LABELS`, codes it does not know after).
    `month_points`: the statements of `compute_month_points` over `caseload` already
    computed."""
    seen: set[BreachKey] = set()
    if not caseload.spans:
        # What the engine does with an empty `spans` (« use the measures »), done once for the
        # 12 days instead of at each rule that needs it: the same alerts, faster.
        spans = [s for s in map(span_of, caseload.measures) if s is not None]
        caseload = replace(caseload, spans=spans)
    run = AlertRun(caseload, settings, month_points, information=False)
    for number in range(1, 13):
        day = Month(year, number).last_day
        if day <= today:
            for alert in run.on(day):
                if alert.severity is Severity.MANQUEMENT:
                    seen.add((alert.code, alert.measure, alert.household, alert.worker,
                              alert.month, alert.due))
        if step is not None:
            step()
    counts = dict.fromkeys((c for c in ALERT_LABELS if c not in INFORMATION_CODES), 0)
    for key in seen:
        counts[key[0]] = counts.get(key[0], 0) + 1
    return counts
