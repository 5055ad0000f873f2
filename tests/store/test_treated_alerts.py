"""Alerts marked « traitée »: recorded with who, when and why in the
audit trail, off the day's list until their facts change, still counted by the grid."""

from __future__ import annotations

import pytest

from desktop_app.app.alerts import alerts_split
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.model import Diploma, Household, Measure, MeasureType, Worker
from desktop_app.store.errors import RefusedError
from desktop_app.store.repository import SqlStore
from tests.domain.alerts.builders import D, closed_door, measure, period, visit


def _seed(store: SqlStore) -> Measure:
    store.save_worker(Worker("w1", "Claire Martin", Diploma.CESF, 1.0))
    store.save_household(Household("h1", "DURAND Marie", "FSL-2025-0042"))
    seeded = measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                     decision_date=D(2025, 6, 12),
                     visits=[closed_door(D(2025, 9, 2)), closed_door(D(2025, 9, 9))])
    store.save_measure(seeded)
    return seeded


def _doors_alerts(alerts):  # type: ignore[no-untyped-def]
    return [a for a in alerts if a.code == "portes_closes"]


def test_treated_alert_leaves_the_list_with_who_when_why(store: SqlStore) -> None:
    _seed(store)
    _, alerts, treated, _ = alerts_split(store, D(2025, 9, 12))
    alert, = _doors_alerts(alerts)  # 2 closed doors 02/09 and 09/09: due 16/09/2025
    assert treated == []
    store.profile = "w1"
    store.treat_alert(alert, "  Manquement pris en compte par le SLISL le 11/09/2025 ")
    _, alerts, treated, _ = alerts_split(store, D(2025, 9, 12))
    assert _doors_alerts(alerts) == []
    (again, done), = treated
    assert again == alert
    assert (done.code, done.reason, done.profile) == (
        "portes_closes", "Manquement pris en compte par le SLISL le 11/09/2025", "w1")
    # the audit trail of the household says who, when and why
    entry = store.history("h1")[-1]
    assert (entry.record_kind, entry.record_id, entry.action, entry.profile) == (
        "alert", "m1", "treat", "w1")
    assert entry.changes["treated_reason"] == (
        None, "Manquement pris en compte par le SLISL le 11/09/2025")
    assert entry.changes["due"] == (None, "2025-09-16")
    assert entry.at == done.at
    # still treated once it is a breach (after 16/09): same facts
    _, alerts, treated, _ = alerts_split(store, D(2025, 9, 20))
    assert _doors_alerts(alerts) == [] and len(treated) == 1


def test_new_facts_bring_the_alert_back(store: SqlStore) -> None:
    seeded = _seed(store)
    alert, = _doors_alerts(alerts_split(store, D(2025, 9, 12))[1])
    store.treat_alert(alert, "SLISL informé par téléphone")
    # a visit held, then 2 new closed doors: another run, another alert on the list
    seeded.visits += [visit(D(2025, 9, 23)), closed_door(D(2025, 9, 30)),
                      closed_door(D(2025, 10, 7))]
    store.save_measure(seeded)
    _, alerts, treated, _ = alerts_split(store, D(2025, 10, 8))
    assert [a.due for a in _doors_alerts(alerts)] == [D(2025, 10, 14)]
    assert [a.due for a, _ in treated] == [D(2025, 9, 16)]


def test_a_reason_is_required_and_an_alert_is_marked_once(store: SqlStore) -> None:
    _seed(store)
    alert, = _doors_alerts(alerts_split(store, D(2025, 9, 12))[1])
    with pytest.raises(RefusedError, match="Indiquez pourquoi l'alerte est traitée"):
        store.treat_alert(alert, "   ")
    store.treat_alert(alert, "vu")
    with pytest.raises(RefusedError, match="déjà été marquée traitée"):
        store.treat_alert(alert, "encore")
    assert len(store.treated_alerts()) == 1


def test_the_grid_still_counts_a_treated_breach(store: SqlStore) -> None:
    _seed(store)
    alert, = _doors_alerts(alerts_split(store, D(2025, 9, 30))[1])
    store.treat_alert(alert, "manquement reconnu par le SLISL")
    year = compute_year_indicators(store.load_for_year(2025), 2025, today=D(2026, 1, 15))
    assert year.breaches["portes_closes"] == 1
