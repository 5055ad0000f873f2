"""One severity rule, docs/echange.md order, JSON shape, French list, labels."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from desktop_app.domain.alerts import (
    ALERT_LABELS,
    Alert,
    Severity,
    alerts_to_json,
    format_alerts_fr,
    severity_of,
)
from desktop_app.domain.alerts.alert import sort_alerts
from desktop_app.domain.dates import Month
from tests.conftest import DOCS

D = date
DUE = D(2025, 10, 15)


@pytest.mark.parametrize(("on", "expected"), [
    (DUE - timedelta(days=8), Severity.A_VENIR),    # 07/10: 8 days remain, more than 7
    (DUE - timedelta(days=7), Severity.A_FAIRE),    # 08/10: 7 days before, due now
    (DUE, Severity.A_FAIRE),                        # the day itself
    (DUE + timedelta(days=1), Severity.MANQUEMENT),  # 16/10: past
])
def test_severity_boundaries(on: date, expected: Severity) -> None:
    assert severity_of(DUE, on, 7) is expected


def test_severity_follows_the_days_ahead_setting_and_no_due_is_a_breach() -> None:
    assert severity_of(DUE, D(2025, 10, 1), 14) is Severity.A_FAIRE  # 14 days left, setting 14
    assert severity_of(DUE, D(2025, 9, 30), 14) is Severity.A_VENIR  # 15 days left
    assert severity_of(None, D(2025, 10, 1), 7) is Severity.MANQUEMENT


def _a(code: str, due: date | None, measure: str | None = None, worker: str | None = None,
       household: str | None = None, message: str = "x") -> Alert:
    return Alert(code, Severity.MANQUEMENT, measure, household, worker, None, due, message)


def test_sort_by_due_none_last_then_code_measure_worker_household_stable() -> None:
    given = [
        _a("cumul", None, "m1"),
        _a("cet", D(2025, 10, 2), "m9"),
        _a("bilan_final", D(2025, 10, 2), "m9"),
        _a("bilan_final", D(2025, 10, 2), "m2"),
        _a("absence_travailleur", D(2025, 10, 3), worker="w2"),
        _a("absence_travailleur", D(2025, 10, 3), worker="w1"),
        _a("convention", None, message="first"),
        _a("convention", None, message="second"),
        _a("bilan_final", D(2025, 10, 2), "m2", household="h0"),  # same keys but household
        _a("bilan_final", D(2025, 10, 2), "m2", worker="w0"),
    ]
    got = [(a.code, a.measure, a.worker, a.household, a.message) for a in sort_alerts(given)]
    assert got == [
        ("bilan_final", "m2", None, None, "x"),   # "" < "w0"; then household "" < "h0"
        ("bilan_final", "m2", None, "h0", "x"),
        ("bilan_final", "m2", "w0", None, "x"),
        ("bilan_final", "m9", None, None, "x"),
        ("cet", "m9", None, None, "x"),
        ("absence_travailleur", None, "w1", None, "x"),
        ("absence_travailleur", None, "w2", None, "x"),
        ("convention", None, None, None, "first"),  # no due: last, by code, stable
        ("convention", None, None, None, "second"),
        ("cumul", "m1", None, None, "x"),
    ]


def test_json_has_exactly_the_interchange_keys() -> None:
    alert = Alert("frequence_visites", Severity.A_VENIR, "m1", "h1", "w1", Month(2025, 9),
                  D(2025, 9, 30), "Faire 1 visite")
    assert alerts_to_json(D(2025, 9, 20), [alert]) == {
        "on": "2025-09-20",
        "alerts": [{"code": "frequence_visites", "severity": "a_venir", "measure": "m1",
                    "household": "h1", "worker": "w1", "month": "2025-09",
                    "due": "2025-09-30", "message": "Faire 1 visite"}],
    }
    assert alerts_to_json(D(2025, 9, 20), []) == {"on": "2025-09-20", "alerts": []}


def test_french_list_is_grouped_by_severity_most_urgent_first() -> None:
    alerts = [
        Alert("cet", Severity.A_VENIR, "m1", "h1", "w1", None, D(2025, 10, 15), "Envoyer le CET"),
        Alert("tableau_occupation", Severity.A_FAIRE, None, None, None, Month(2025, 9),
              D(2025, 10, 10), "Envoyer le tableau"),
        Alert("duree", Severity.MANQUEMENT, "m2", "h2", "w1", None, None, "Trop long"),
    ]
    text = format_alerts_fr(D(2025, 10, 5), alerts)
    assert text.splitlines()[0] == "Alertes au 05/10/2025 : 3 alertes"
    assert text.index("Manquements (1)") < text.index("À faire (1)") < text.index("À venir (1)")
    assert "Contrat d'engagement (CET) (pour le 15/10/2025) — Envoyer le CET" in text
    assert "Durée de la mesure (sans échéance) — Trop long" in text
    assert format_alerts_fr(D(2025, 10, 5), []) == "Aucune alerte au 05/10/2025."
    only_todo = format_alerts_fr(D(2025, 10, 5), alerts[1:2])
    assert "Manquements" not in only_todo and "À venir" not in only_todo


def test_over_the_convention_is_listed_for_information_last() -> None:
    alerts = [
        Alert("convention", Severity.INFORMATION, None, None, None, Month(2025, 10), None,
              "12 points ASLL en octobre 2025 pour 10 prévus"),
        Alert("duree", Severity.MANQUEMENT, "m2", "h2", "w1", None, None, "Trop long"),
    ]
    text = format_alerts_fr(D(2025, 10, 5), alerts)
    assert text.index("Manquements (1)") < text.index("Pour information (1)")
    assert text.splitlines()[-1] == ("  • Objectifs de la convention dépassés (octobre 2025) — "
                                     "12 points ASLL en octobre 2025 pour 10 prévus")
    assert alerts_to_json(D(2025, 10, 5), alerts[:1])["alerts"][0]["severity"] == "information"


def test_every_code_of_the_rules_has_a_french_label() -> None:
    # The codes are the first column of the table of docs/regles.md section 2 (the table
    # ends where its « Lectures retenues par le projet » begin).
    text = (DOCS / "regles.md").read_text("utf-8")
    section = text.split("\n## 2.")[1].split("\n### ")[0]
    codes: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            codes.update(c.strip(" `") for c in line.split("|")[1].split(","))
    assert len(codes) >= 22
    assert codes == set(ALERT_LABELS)


def test_every_severity_is_listed_by_the_contract() -> None:
    # docs/echange.md, `alerts --on --json`: « Valeurs de `severity` : `a_venir`, … ».
    text = (DOCS / "echange.md").read_text("utf-8")
    listed = text.split("Valeurs de `severity` :")[1].split(".")[0]
    assert re.findall(r"`(\w+)`", listed) == ["a_venir", "a_faire", "manquement", "information"]
    assert [s.value for s in Severity] == ["a_venir", "a_faire", "manquement", "information"]
