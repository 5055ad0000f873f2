"""How the right-of-access answer names people, homes and measures: never by an internal id,
and nobody else than the household and those who follow it.

- A worker is named only if they follow the household: the referent of one of its measures,
  the worker of one of its visits, now or in its history. Any other profile of the history is
  « un autre membre de l'équipe »: a colleague's name, diploma, working time or absences are
  not the household's data.
- An ALT home is its address; a measure is « mesure 2 (FAL) », numbered by its first date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.domain.labels import REPORT_KINDS, label
from desktop_app.domain.model import Measure, ReportKind
from desktop_app.reports.labels import TYPE_SHORT
from desktop_app.store.conflict_text import FIELDS
from desktop_app.store.records import AuditEntry, HouseholdAccess

#: A profile of the history who does not follow the household.
OTHER_MEMBER = "un autre membre de l'équipe"
SYSTEM = "système"
#: Keys whose values are a worker's id, and an ALT home's id.
WORKER_KEYS = frozenset({"referent", "worker"})
HOME_KEYS = frozenset({"home"})
MEASURE_KEYS = frozenset({"measure_id"})
KINDS = {"household": "Dossier du ménage", "worker": "Intervenant", "home": "Logement ALT",
         "import": "Import", "merge": "Fusion"}
ACTIONS = {"create": "création", "update": "modification", "delete": "suppression",
           "import": "import d'un fichier", "undo": "annulation d'import",
           "merge": "reçu d'un collègue", "archive": "archivage",
           "anonymise": "anonymisation", "save": "enregistrement"}
_PATH = re.compile(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?")


def field_text(path: str) -> str:
    """`visits[3].date` → « visites n° 4, date »."""
    found = _PATH.fullmatch(path)
    if found is None:
        return path
    name, index, sub = found.groups()
    text = FIELDS.get(name, name) + (f" n° {int(index) + 1}" if index is not None else "")
    return text + (f", {FIELDS.get(sub, sub)}" if sub else "")


def leaf(path: str) -> str:
    """The field a history path names: `visits[3].worker` → `worker`, `visits[3]` → `visits`."""
    return re.sub(r"\[\d+\]", "", path).rsplit(".", 1)[-1]


def first_day(m: Measure) -> date:
    """The earliest date of a measure (decision, periods, visits, stays…); `date.max` without
    any."""
    days = [d for d in (m.decision_date, m.agreement_on, m.summoned_on, m.done_on,
                        *(p.start for p in m.periods), *(s.start for s in m.stays),
                        *(v.date for v in m.visits)) if d is not None]
    return min(days, default=date.max)


def ordered(measures: list[Measure]) -> list[Measure]:
    """The measures by their first date (then as stored)."""
    return sorted(measures, key=first_day)


def _ids_in(value: Any, keys: frozenset[str], key: str = "") -> Iterator[str]:
    """The ids a history value holds under `keys` (a field, or inside a list of visits…)."""
    if isinstance(value, str) and key in keys:
        yield value
    elif isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _ids_in(inner, keys, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from _ids_in(inner, keys, key)


@dataclass(frozen=True, slots=True)
class AccessNames:
    workers: Mapping[str, str]  # id → name, of those who follow the household only
    homes: Mapping[str, str]  # id → address
    numbers: Mapping[str, int]  # measure id → its number
    types: Mapping[str, str]  # measure id → « ASLL », « FAL »…

    def worker(self, worker_id: str | None) -> str:
        if not worker_id:
            return ""
        return self.workers.get(worker_id, OTHER_MEMBER)

    def profile(self, profile: str) -> str:
        return SYSTEM if profile == SYSTEM else self.worker(profile)

    def measure(self, measure_id: str | None) -> str:
        """« mesure 2 (FAL) »; « mesure supprimée » for one the store no longer holds."""
        if measure_id not in self.numbers:
            return "mesure supprimée"
        assert measure_id is not None
        return f"mesure {self.numbers[measure_id]} ({self.types[measure_id]})"

    def record(self, entry: AuditEntry) -> str:
        """What a history entry changed: « Mesure 1 (ASLL) », « Bilan intermédiaire de la
        mesure 1 (ASLL) du 30/09/2025 », « Dossier du ménage »."""
        if entry.record_kind == "measure":
            text = self.measure(entry.record_id)
            return text[0].upper() + text[1:]
        if entry.record_kind == "bilan" and entry.record_id and entry.record_id.count("/") == 2:
            measure, kind, end = entry.record_id.split("/")
            try:
                kind_text = label(REPORT_KINDS, ReportKind(kind))
                end_text = date.fromisoformat(end).strftime("%d/%m/%Y")
            except ValueError:
                return f"Bilan de la {self.measure(measure)}"
            return f"{kind_text} de la {self.measure(measure)} du {end_text}"
        return KINDS.get(entry.record_kind, entry.record_kind.capitalize())

    def value(self, key: str, value: Any) -> Any:
        """A JSON value with its workers' and homes' ids replaced by names and addresses."""
        if isinstance(value, str) and key in WORKER_KEYS:
            return self.worker(value)
        if isinstance(value, str) and key in HOME_KEYS:
            return self.homes.get(value, "logement ALT")
        if isinstance(value, str) and key in MEASURE_KEYS:
            return self.measure(value)
        if isinstance(value, dict):
            return {k: self.value(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(key, v) for v in value]
        return value


def access_names(access: HouseholdAccess, all_workers: Mapping[str, str]) -> AccessNames:
    """The names of `access`; `all_workers`: every worker's name, of which only those who
    follow the household (now or in the history) are kept."""
    measures = ordered(access.caseload.measures)
    following = {m.referent for m in measures}
    following |= {v.worker for m in measures for v in m.visits if v.worker}
    for entry in access.history:
        for key, pair in entry.changes.items():
            following |= set(_ids_in(list(pair), WORKER_KEYS, leaf(key)))
    names = {**{w.id: w.name for w in access.caseload.workers}, **all_workers}
    return AccessNames(
        workers={i: names[i] for i in following if i in names},
        homes={h.id: h.address for h in access.caseload.homes},
        numbers={m.id: n for n, m in enumerate(measures, start=1)},
        types={m.id: TYPE_SHORT[m.type] for m in measures})
