"""Saves that are checked and recorded, inside the caller's write transaction.

Each one reads the stored version of the record first, in the same write transaction as
the write (SQLite's `BEGIN IMMEDIATE`, or on PostgreSQL after the writers' lock: see
`engine`), so no other window, process or workstation can write between the check and the
write: if the editor gave the version it read (`expected`) and the store now holds another
one, the save is refused with a French `ConflictError` and nothing is written. Otherwise what
changed, field by field (`changes.diff`), is added to the audit trail — nothing when the save
changes nothing — and the record is written by `writers`. A write that fails rolls the entry
back with it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Home,
    Household,
    Measure,
    Tariff,
    Worker,
)
from desktop_app.store import audit, fetch, writers
from desktop_app.store.changes import (
    Json,
    association_json,
    diff,
    home_json,
    household_json,
    measure_json,
    settings_json,
    tariffs_json,
    worker_json,
)
from desktop_app.store.errors import ConflictError
from desktop_app.store.retention import refuse_if_archived
from desktop_app.store.tables import SETTINGS

_ELSEWHERE = ("modifié{e} ailleurs (autre fenêtre ou autre poste) depuis que vous l'avez "
              "ouvert{e} : vos saisies sont conservées ; rechargez {what} pour voir la nouvelle "
              "version, puis refaites vos modifications.")
HOUSEHOLD_CHANGED = "Ce ménage a été " + _ELSEWHERE.format(e="", what="le dossier")
MEASURE_CHANGED = "Cette mesure a été " + _ELSEWHERE.format(e="e", what="la mesure")
WORKER_CHANGED = ("Cette fiche de l'équipe a été "
                  + _ELSEWHERE.format(e="e", what="l'écran Équipe"))
HOME_CHANGED = "Ce logement a été " + _ELSEWHERE.format(e="", what="l'écran Logements")
SETTINGS_CHANGED = ("Les réglages d'alertes ont été modifiés ailleurs (autre fenêtre ou autre "
                    "poste) depuis que vous les avez ouverts : vos saisies sont conservées ; "
                    "rechargez l'écran Paramètres pour voir la nouvelle version, puis refaites "
                    "vos modifications.")
TARIFFS_CHANGED = ("Les tarifs ont été modifiés ailleurs (autre fenêtre ou autre poste) depuis "
                   "que vous les avez ouverts : vos saisies sont conservées ; rechargez l'écran "
                   "Paramètres pour voir la nouvelle version, puis refaites vos modifications.")
#: A new record (saved with `new=True`) whose id was taken meanwhile: `new_id` reads, the
#: save writes, and another window or process may create a record under that id between.
ID_TAKEN = ("L'identifiant {id} vient d'être pris par un autre enregistrement (autre fenêtre "
            "ou autre poste) : rien n'a été écrit, vos saisies sont conservées ; enregistrez "
            "de nouveau (un autre identifiant sera pris).")


def check_and_record(connection: Connection, profile: str, kind: str, record_id: str | None,
                     household_id: str | None, stored: Json | None, new: Json,
                     expected: Json | None = None, conflict: str = "",
                     creating: bool = False) -> None:
    """Refuse if `expected` is given and differs from `stored`, or if `creating` and the
    record exists; record `stored` → `new`."""
    if creating and stored is not None:
        raise ConflictError(ID_TAKEN.format(id=record_id))
    if expected is not None and stored != expected:
        raise ConflictError(conflict)
    changes = diff(stored, new)
    if changes:
        audit.record(connection, profile=profile, record_kind=kind, record_id=record_id,
                     household_id=household_id, action="create" if stored is None else "update",
                     changes=changes)


def save_household(connection: Connection, household: Household, profile: str,
                   expected: Household | None = None, new: bool = False) -> None:
    refuse_if_archived(connection, household.id)
    found = fetch.households(connection, [household.id])
    check_and_record(connection, profile, "household", household.id, household.id,
                     household_json(found[0]) if found else None, household_json(household),
                     None if expected is None else household_json(expected), HOUSEHOLD_CHANGED,
                     creating=new)
    writers.save_household(connection, household)


def save_measure(connection: Connection, measure: Measure, profile: str,
                 expected: Measure | None = None, new: bool = False) -> None:
    found = fetch.measures(connection, [measure.id], [measure.id])
    for household_id in sorted({measure.household, *(m.household for m in found)}):
        refuse_if_archived(connection, household_id)  # its household, and the one it leaves
    check_and_record(connection, profile, "measure", measure.id, measure.household,
                     measure_json(found[0]) if found else None, measure_json(measure),
                     None if expected is None else measure_json(expected), MEASURE_CHANGED,
                     creating=new)
    writers.save_measure(connection, measure)


def update_measure(connection: Connection, measure_id: str,
                   change: Callable[[Measure], Measure | None], profile: str,
                   expected: Measure) -> Measure:
    """Read the measure once, refuse (`ConflictError`, nothing written) if it is not the
    version `expected` (changed or removed elsewhere since the editor read it), apply `change`
    (which mutates the measure read, or returns the new version), record what changed and
    write it; the measure saved is returned. Each version is converted to interchange JSON
    once: the one read (check and diff), the one saved (diff); `expected` only when its
    fields differ from the one read."""
    found = fetch.measures(connection, [measure_id], [measure_id])
    stored = found[0] if found else None
    if stored is None:
        raise ConflictError(MEASURE_CHANGED)
    refuse_if_archived(connection, stored.household)
    before = measure_json(stored)  # before `change` mutates it
    # The version read is the one expected (equal fields): no second conversion; otherwise
    # compared as the interchange file writes them (the check of `save_measure`).
    if stored != expected and before != measure_json(expected):
        raise ConflictError(MEASURE_CHANGED)
    leaving = stored.household
    changed = change(stored)
    measure = stored if changed is None else changed
    if measure.id != measure_id:
        raise ValueError(f"a change of measure {measure_id} gave measure {measure.id}")
    if measure.household != leaving:
        refuse_if_archived(connection, measure.household)  # the household it joins
    check_and_record(connection, profile, "measure", measure.id, measure.household, before,
                     measure_json(measure))
    writers.save_measure(connection, measure, stored=True)
    return measure


def save_worker(connection: Connection, worker: Worker, profile: str,
                expected: Worker | None = None, new: bool = False) -> None:
    found = [w for w in fetch.workers(connection) if w.id == worker.id]
    check_and_record(connection, profile, "worker", worker.id, None,
                     worker_json(found[0]) if found else None, worker_json(worker),
                     None if expected is None else worker_json(expected), WORKER_CHANGED,
                     creating=new)
    writers.save_worker(connection, worker)


def save_home(connection: Connection, home: Home, profile: str,
              expected: Home | None = None, new: bool = False) -> None:
    found = [h for h in fetch.homes(connection) if h.id == home.id]
    check_and_record(connection, profile, "home", home.id, None,
                     home_json(found[0]) if found else None, home_json(home),
                     None if expected is None else home_json(expected), HOME_CHANGED,
                     creating=new)
    writers.save_home(connection, home)


def save_association(connection: Connection, association: Association, profile: str) -> None:
    check_and_record(connection, profile, "association", None, None,
                     association_json(fetch.association(connection)),
                     association_json(association))
    writers.save_association(connection, association)


def update_association(connection: Connection,
                       change: Callable[[Association], Association | None],
                       profile: str) -> Association:
    """Read the association, apply `change` (which mutates it or returns the new version),
    record what changed and write it; the association saved is returned."""
    stored = fetch.association(connection)
    before = association_json(stored)
    changed = change(stored)
    association = stored if changed is None else changed
    check_and_record(connection, profile, "association", None, None, before,
                     association_json(association))
    writers.save_association(connection, association)
    return association


def save_tariffs(connection: Connection, tariffs: list[Tariff], profile: str,
                 expected: list[Tariff] | None = None) -> None:
    check_and_record(connection, profile, "tariffs", None, None,
                     tariffs_json(fetch.tariffs(connection)), tariffs_json(tariffs),
                     None if expected is None else tariffs_json(expected), TARIFFS_CHANGED)
    writers.save_tariffs(connection, tariffs)


def alert_settings(connection: Connection) -> AlertSettings:
    """The stored settings, the defaults for those never saved."""
    stored = dict(connection.execute(select(SETTINGS.c.key, SETTINGS.c.value)).all())
    defaults = AlertSettings()
    return AlertSettings(
        days_ahead=int(stored.get("days_ahead", defaults.days_ahead)),
        occupancy_table_due_day=int(stored.get("occupancy_table_due_day",
                                               defaults.occupancy_table_due_day)))


def save_alert_settings(connection: Connection, settings: AlertSettings, profile: str,
                        expected: AlertSettings | None = None) -> None:
    check_and_record(connection, profile, "settings", None, None,
                     settings_json(alert_settings(connection)), settings_json(settings),
                     None if expected is None else settings_json(expected), SETTINGS_CHANGED)
    writers.save_alert_settings(connection, settings)
