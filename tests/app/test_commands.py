"""The commands of households, workers, homes and the association's settings
(`desktop_app.app`), on a SQLite file and on PostgreSQL: a change made elsewhere between the
caller's read and its save is refused in French (`ConflictError`) and the other change is kept
whole; a creation takes a fresh id. Figures from `full_caseload` (tests/store/builders.py):
h1 « DURAND Marie » (3 members), w1 « Claire Martin » (CESF, 1 ETP, 2 absences), u1 « 3 place
d'Armes, Béthune » (2 vacancies), tariffs from 01/07/2025 (85,95) and 01/01/2026 (86,1)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from desktop_app.app import association, home_commands, households, workers
from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    AlertSettings,
    Diploma,
    GridSent,
    Household,
    Measure,
    MeasureType,
    OccupancyTableSent,
    Vacancy,
)
from desktop_app.store.errors import ConflictError
from desktop_app.store.repository import SqlStore
from desktop_app.store.tracked import (
    HOME_CHANGED,
    HOUSEHOLD_CHANGED,
    SETTINGS_CHANGED,
    TARIFFS_CHANGED,
    WORKER_CHANGED,
)
from tests.store.builders import D, tariff
from tests.store.raw import sql_rows

_AFTER = ("depuis que vous l'avez ouvert{e} : vos saisies sont conservées ; rechargez {what} "
          "pour voir la nouvelle version, puis refaites vos modifications.")


def _audit(store: SqlStore) -> list[tuple[Any, ...]]:
    return sql_rows(store, "SELECT profile, record_kind, record_id, action FROM audit_log "
                    "ORDER BY id")


def _one(found: Any) -> Any:
    assert found is not None
    return found


def _worker(store: SqlStore, worker_id: str) -> Any:
    return next(w for w in store.workers() if w.id == worker_id)


def _home(store: SqlStore, home_id: str) -> Any:
    return next(h for h in store.homes() if h.id == home_id)


def test_a_household_changed_elsewhere_is_refused_and_kept(store: SqlStore) -> None:
    shown = _one(store.household("h1"))
    elsewhere = replace(shown, phone="0700000000")
    households.change_household(store, elsewhere, shown)  # another window saved in between
    entries = _audit(store)
    with pytest.raises(ConflictError) as refused:
        households.change_household(store, replace(shown, name="DURAND Marie-Claire"), shown)
    assert str(refused.value) == HOUSEHOLD_CHANGED == (
        "Ce ménage a été modifié ailleurs (autre fenêtre ou autre poste) "
        + _AFTER.format(e="", what="le dossier"))
    stored = _one(store.household("h1"))
    assert (stored.name, stored.phone, len(stored.members)) == (
        "DURAND Marie", "0700000000", 3)
    assert _audit(store) == entries
    # The version now shown is saved, with its entry.
    households.change_household(store, replace(stored, name="DURAND Marie-Claire"), stored)
    assert _one(store.household("h1")).name == "DURAND Marie-Claire"
    assert _audit(store) == [*entries, ("w1", "household", "h1", "update")]


def test_a_created_household_and_measure_take_fresh_ids(store: SqlStore) -> None:
    created = households.create_household(store, Household("", "MARTIN Paul"))
    assert created.id not in ("", "h1", "h2") and created.id.startswith("h")
    assert _one(store.household(created.id)) == created
    measure = households.create_measure(store, Measure("", created.id, MeasureType.ASLL, "w1"))
    assert measure.id.startswith("m") and measure.id not in {f"m{i}" for i in range(1, 7)}
    assert store.measure(measure.id) == measure
    assert _audit(store)[-2:] == [("w1", "household", created.id, "create"),
                                  ("w1", "measure", measure.id, "create")]


def test_a_worker_changed_elsewhere_is_refused_and_kept(store: SqlStore) -> None:
    shown = _worker(store, "w1")
    elsewhere = replace(shown, fte=0.5)
    workers.change_worker(store, elsewhere, shown)
    entries = _audit(store)
    with pytest.raises(ConflictError) as refused:
        workers.change_worker(store, replace(shown, absences=[]), shown)
    assert str(refused.value) == WORKER_CHANGED == (
        "Cette fiche de l'équipe a été modifiée ailleurs (autre fenêtre ou autre poste) "
        + _AFTER.format(e="e", what="l'écran Équipe"))
    stored = _worker(store, "w1")
    assert (stored.name, stored.diploma, stored.fte, len(stored.absences)) == (
        "Claire Martin", Diploma.CESF, 0.5, 2)
    assert _audit(store) == entries
    created = workers.create_worker(store, "Nadia Roux", Diploma.AUTRE, 0.6)
    assert _worker(store, created.id) == created and created.id not in ("w1", "w2")


def test_a_home_changed_elsewhere_is_refused_and_kept(store: SqlStore) -> None:
    shown = _home(store, "u1")
    elsewhere = replace(shown, address="5 place d'Armes, Béthune")
    home_commands.change_home(store, elsewhere, shown)
    entries = _audit(store)
    vacancy = Vacancy(D(2026, 1, 5), D(2026, 1, 9), True)
    with pytest.raises(ConflictError) as refused:
        home_commands.change_home(store, replace(shown, vacancies=[*shown.vacancies, vacancy]),
                                  shown)
    assert str(refused.value) == HOME_CHANGED == (
        "Ce logement a été modifié ailleurs (autre fenêtre ou autre poste) "
        + _AFTER.format(e="", what="l'écran Logements"))
    stored = _home(store, "u1")
    assert (stored.address, len(stored.vacancies)) == ("5 place d'Armes, Béthune", 2)
    assert _audit(store) == entries
    created = home_commands.create_home(store, "1 rue Neuve, Liévin")
    assert _home(store, created.id) == created and created.id not in ("u1", "u2")


def test_a_tariff_added_over_tariffs_changed_elsewhere_is_refused(store: SqlStore) -> None:
    shown = store.tariffs()
    assert [t.point_value for t in shown] == [Decimal("85.95"), Decimal("86.1")]
    elsewhere = association.add_tariff(store, tariff(D(2026, 7, 1), "87"), shown)
    entries = _audit(store)
    with pytest.raises(ConflictError) as refused:
        association.add_tariff(store, tariff(D(2027, 1, 1), "88"), shown)
    assert str(refused.value) == TARIFFS_CHANGED == (
        "Les tarifs ont été modifiés ailleurs (autre fenêtre ou autre poste) depuis que vous "
        "les avez ouverts : vos saisies sont conservées ; rechargez l'écran Paramètres pour "
        "voir la nouvelle version, puis refaites vos modifications.")
    assert store.tariffs() == elsewhere
    assert [t.point_value for t in elsewhere] == [Decimal("85.95"), Decimal("86.1"), Decimal("87")]
    assert _audit(store) == entries


def test_association_changes_apply_to_the_stored_version(store: SqlStore) -> None:
    # Two windows each add what was sent, one after the other: both are kept (the change is
    # applied in the writing transaction, never over a stale copy).
    association.change_association(store, lambda a: a.occupancy_tables_sent.append(
        OccupancyTableSent(Month(2025, 10), D(2025, 11, 5))))
    saved = association.mark_grid_sent(store, 2025, D(2026, 1, 20))
    stored = store.association()
    assert stored == saved
    assert stored.occupancy_tables_sent == [OccupancyTableSent(Month(2025, 9), D(2025, 10, 6)),
                                            OccupancyTableSent(Month(2025, 10), D(2025, 11, 5))]
    assert stored.grids_sent == [GridSent(2024, D(2025, 1, 28)), GridSent(2025, D(2026, 1, 20))]
    # A grid sent again the same year replaces its date.
    association.mark_grid_sent(store, 2025, D(2026, 1, 27))
    assert store.association().grids_sent == [GridSent(2024, D(2025, 1, 28)),
                                              GridSent(2025, D(2026, 1, 27))]
    assert _audit(store)[-3:] == [("w1", "association", None, "update")] * 3


def test_alert_settings_changed_elsewhere_are_refused_and_kept(store: SqlStore) -> None:
    shown = store.alert_settings()
    assert shown == AlertSettings()  # never saved: the defaults
    association.save_alert_settings(store, replace(shown, days_ahead=21), shown)
    entries = _audit(store)
    with pytest.raises(ConflictError) as refused:
        association.save_alert_settings(store, replace(shown, occupancy_table_due_day=15),
                                        shown)
    assert str(refused.value) == SETTINGS_CHANGED == (
        "Les réglages d'alertes ont été modifiés ailleurs (autre fenêtre ou autre poste) "
        "depuis que vous les avez ouverts : vos saisies sont conservées ; rechargez l'écran "
        "Paramètres pour voir la nouvelle version, puis refaites vos modifications.")
    assert store.alert_settings() == replace(shown, days_ahead=21)
    assert _audit(store) == entries
