"""What stops a batch from being taken back, said in French, record by record.

A batch can be undone only while (1) each of its records still has the fingerprint it had
when it arrived (not modified, not deleted, not archived), (2) no record outside the batch
— of another batch or typed by hand — refers to one of them (a measure of an imported
household, a measure or a visit of an imported worker, a stay in an imported home, an
absence replaced by an imported worker) and (3) no bilan was written for one of its
measures. Otherwise undoing would lose work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, select

from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Household, Measure
from desktop_app.store import fetch, row_reading
from desktop_app.store.fingerprints import (
    home_fingerprint,
    household_fingerprint,
    measure_fingerprint,
    worker_fingerprint,
)
from desktop_app.store.tables import (
    ABSENCES,
    ARCHIVE,
    BILAN_TEXTS,
    MEASURES,
    STAYS,
    VISITS,
)

#: Reasons written out in a message; the others are counted.
SHOWN = 8


class BatchRecords:
    """The batch's records: kind → {id: fingerprint at arrival}."""

    def __init__(self) -> None:
        self.by_kind: dict[str, dict[str, str]] = {}

    def add(self, kind: str, record_id: str, fingerprint: str) -> None:
        self.by_kind.setdefault(kind, {})[record_id] = fingerprint

    def ids(self, kind: str) -> set[str]:
        return set(self.by_kind.get(kind, {}))

    def kinds(self) -> list[str]:
        return sorted(self.by_kind)


def describe_blockers(reasons: list[str]) -> str:
    shown = "; ".join(reasons[:SHOWN])
    more = len(reasons) - SHOWN
    return shown + (f"; … et {more} autre(s)" if more > 0 else "")


def _changed(records: BatchRecords, kind: str, found: Iterable[Any],
             fingerprint: Callable[[Any], str], label: Callable[[Any], str]) -> list[str]:
    expected = records.by_kind.get(kind, {})
    reasons, seen = [], set()
    for record in found:
        if record.id not in expected:
            continue
        seen.add(record.id)
        if fingerprint(record) != expected[record.id]:
            reasons.append(f"{label(record)} modifié(e) depuis")
    reasons += [f"{kind_label(kind)} {i} supprimé(e) depuis" for i in sorted(set(expected) - seen)]
    return reasons


def kind_label(kind: str) -> str:
    return {"worker": "intervenant", "household": "ménage", "home": "logement ALT",
            "measure": "mesure"}.get(kind, kind)


def _household(h: Household) -> str:
    return f"ménage {h.id} ({h.name})"


def _measure(m: Measure) -> str:
    return f"mesure {m.id} ({m.type} du ménage {m.household})"


def blockers(connection: Connection, records: BatchRecords) -> list[str]:
    """Why the batch cannot be taken back (empty: it can)."""
    workers, households = records.ids("worker"), records.ids("household")
    homes, measures = records.ids("home"), records.ids("measure")
    reasons: list[str] = []
    if workers:
        reasons += _changed(records, "worker", fetch.workers(connection), worker_fingerprint,
                            lambda w: f"intervenant {w.id} ({w.name})")
    if households:
        reasons += _changed(records, "household", fetch.households(connection, households),
                            household_fingerprint, _household)
    reasons += _archived(connection, households, measures)
    if homes:
        reasons += _changed(records, "home", fetch.homes(connection), home_fingerprint,
                            lambda h: f"logement ALT {h.id} ({h.address})")
    if measures:
        reasons += _changed(records, "measure", fetch.measures(connection, measures, measures),
                            measure_fingerprint, _measure)
        reasons += [f"bilan rédigé pour la mesure {i} ({kind}, {format_date(end)})"
                    for i, kind, end in row_reading.select_in(connection, select(
                        BILAN_TEXTS.c.measure_id, BILAN_TEXTS.c.kind,
                        BILAN_TEXTS.c.period_end), BILAN_TEXTS.c.measure_id, measures)]
    return reasons + _referring(connection, workers, households, homes, measures)


def _archived(connection: Connection, households: set[str], measures: set[str]) -> list[str]:
    """The batch's households, and those of its measures, now in the read-only archive."""
    owners = households | {i for i, in row_reading.select_in(
        connection, select(MEASURES.c.household_id), MEASURES.c.id, measures)}
    return [f"ménage {i} archivé depuis" for i, in sorted(row_reading.select_in(
        connection, select(ARCHIVE.c.household_id), ARCHIVE.c.household_id, owners))]


def _referring(connection: Connection, workers: set[str], households: set[str],
               homes: set[str], measures: set[str]) -> list[str]:
    """Records outside the batch that refer to one of its records."""
    m = MEASURES.c
    reasons = []
    for measure_id, household_id in row_reading.select_in(connection, select(
            m.id, m.household_id), m.household_id, households):
        if measure_id not in measures:
            reasons.append(f"mesure {measure_id} ajoutée depuis au ménage {household_id}")
    for measure_id, household_id, referent in row_reading.select_in(connection, select(
            m.id, m.household_id, m.referent_id), m.referent_id, workers):
        if measure_id not in measures:
            reasons.append(f"mesure {measure_id} (ménage {household_id}) saisie depuis avec "
                           f"pour référent l'intervenant importé {referent}")
    for measure_id, day, worker in row_reading.select_in(connection, select(
            VISITS.c.measure_id, VISITS.c.day, VISITS.c.worker_id), VISITS.c.worker_id, workers):
        if measure_id not in measures:
            reasons.append(f"visite du {format_date(day)} (mesure {measure_id}) faite "
                           f"par l'intervenant importé {worker}")
    for measure_id, home in row_reading.select_in(connection, select(
            STAYS.c.measure_id, STAYS.c.home_id), STAYS.c.home_id, homes):
        if measure_id not in measures:
            reasons.append(f"séjour de la mesure {measure_id} dans le logement importé {home}")
    for worker, replacement in row_reading.select_in(connection, select(
            ABSENCES.c.worker_id, ABSENCES.c.replacement_id), ABSENCES.c.replacement_id,
            workers):
        if worker not in workers:
            reasons.append(f"absence de l'intervenant {worker} remplacé par l'intervenant "
                           f"importé {replacement}")
    return reasons
