"""« Traitée »: the fingerprint that makes two alerts « the same alert »."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.alerts import Alert, Severity
from desktop_app.domain.alerts.treated import alert_fingerprint, split_treated
from desktop_app.domain.dates import Month

D = date
DOORS = Alert("portes_closes", Severity.A_FAIRE, "m1", "h1", "w1", None, D(2025, 9, 16),
              "Signaler au SLISL les 2 portes closes chez DURAND Marie (02/09/2025 et "
              "09/09/2025) au plus tard le 16/09/2025 ; la mesure peut ensuite être arrêtée.")


def test_same_facts_same_fingerprint_whatever_the_severity() -> None:
    assert len(alert_fingerprint(DOORS)) == 64
    # the day after its due date it is a breach: still the same alert
    assert alert_fingerprint(replace(DOORS, severity=Severity.MANQUEMENT)) == \
        alert_fingerprint(DOORS)


def test_new_facts_new_fingerprint() -> None:
    changed = [
        replace(DOORS, due=D(2025, 9, 23)),  # a new due date
        replace(DOORS, month=Month(2025, 10)),  # a new month
        replace(DOORS, message=DOORS.message.replace("09/09/2025", "12/09/2025")),  # new door
        replace(DOORS, measure="m2"), replace(DOORS, code="frequence_visites"),
    ]
    prints = {alert_fingerprint(a) for a in changed}
    assert len(prints) == len(changed) and alert_fingerprint(DOORS) not in prints


def test_split_keeps_the_order() -> None:
    other = replace(DOORS, measure="m2")
    third = replace(DOORS, measure="m3")
    open_, done = split_treated([DOORS, other, third], {alert_fingerprint(other)})
    assert (open_, done) == ([DOORS, third], [other])
