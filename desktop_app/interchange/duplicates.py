"""Ids of a file that the store already holds (an import adds, it never overwrites)."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field

from desktop_app.domain.model import Caseload
from desktop_app.interchange.errors import Problem
from desktop_app.interchange.quoting import printable


@dataclass(frozen=True, slots=True)
class ExistingIds:
    """The ids already in the store, per kind of record (filled by the store)."""

    workers: Set[str] = field(default_factory=frozenset)
    households: Set[str] = field(default_factory=frozenset)
    homes: Set[str] = field(default_factory=frozenset)
    measures: Set[str] = field(default_factory=frozenset)


def duplicate_id_problems(caseload: Caseload, existing: ExistingIds,
                          start: Mapping[str, int] | None = None) -> list[Problem]:
    """One problem per record whose id the store already has, at its JSON path.

    Paths count records in the caseload's lists, which are those of the file when the
    caseload comes from `parse_caseload` (it keeps the file's order); for a piece of a file
    (`read_parts`), `start` gives the index in the file of the first record of each list
    (« households »: 5000).
    """
    first = start or {}
    sections: tuple[tuple[str, list[str], Set[str]], ...] = (
        ("workers", [worker.id for worker in caseload.workers], existing.workers),
        ("households", [household.id for household in caseload.households],
         existing.households),
        ("homes", [home.id for home in caseload.homes], existing.homes),
        ("measures", [measure.id for measure in caseload.measures], existing.measures),
    )
    return [
        Problem(f"{section}[{first.get(section, 0) + index}].id",
                f"l'identifiant « {printable(record_id)} » existe déjà dans la base : importez le "
                "fichier dans une base vide, ou changez cet identifiant partout où le fichier "
                "l'emploie")
        for section, ids, stored in sections if stored
        for index, record_id in enumerate(ids) if record_id in stored
    ]
