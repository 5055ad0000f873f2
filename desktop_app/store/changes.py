"""What changed between two versions of a record, field by field, for the audit trail and the
detection of concurrent edits.

Records are compared in their interchange JSON form (`desktop_app.interchange`: dates as
« AAAA-MM-JJ », money as "12.50", codes as text, children in canonical order), so that two
equal versions compare equal whatever order or precision the store gave them in.

`diff` gives {path: (before, after)} with the interchange paths: `phone`, `contract.sent_on`,
`visits[3].date` (a child changed in place), `visits[3]` with None on one side (a child added
or removed, the whole child on the other side). Children equal in both versions are not
listed; those left are paired in order (a changed child shows only its changed fields).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop_app.domain.model import (
    AlertSettings,
    Association,
    Caseload,
    Home,
    Household,
    Measure,
    Tariff,
    Worker,
)

Json = dict[str, Any]
Changes = dict[str, tuple[Any, Any]]
_NOBODY = Association("")


def caseload_to_json(caseload: Caseload) -> Json:
    """The interchange JSON of `caseload`: the interchange modules (≈0,03 s to import) are
    loaded by the first write, not by every command that opens the store."""
    from desktop_app.interchange import caseload_to_json as to_json

    return to_json(caseload)


def household_json(household: Household) -> Json:
    return _one(caseload_to_json(Caseload(_NOBODY, households=[household]))["households"])


def measure_json(measure: Measure) -> Json:
    from desktop_app.interchange.measure_json import measure_to_json

    return measure_to_json(measure)


def worker_json(worker: Worker) -> Json:
    return _one(caseload_to_json(Caseload(_NOBODY, workers=[worker]))["workers"])


def home_json(home: Home) -> Json:
    return _one(caseload_to_json(Caseload(_NOBODY, homes=[home]))["homes"])


def association_json(association: Association) -> Json:
    json = caseload_to_json(Caseload(association))["association"]
    assert isinstance(json, dict)
    return json


def tariffs_json(tariffs: list[Tariff]) -> Json:
    return {"tariffs": caseload_to_json(Caseload(_NOBODY, tariffs=tariffs))["tariffs"]}


def settings_json(settings: AlertSettings) -> Json:
    return {"days_ahead": settings.days_ahead,
            "occupancy_table_due_day": settings.occupancy_table_due_day}


def _one(items: object) -> Json:
    assert isinstance(items, list) and len(items) == 1 and isinstance(items[0], dict)
    return items[0]


def diff(before: Json | None, after: Json) -> Changes:
    """{path: (before, after)} of every field that differs; a new record (`before` None)
    lists its fields that have a value (not null, false or an empty list)."""
    changes: Changes = {}
    _object(changes, "", before or {}, after)
    return changes


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _object(changes: Changes, prefix: str, before: Json, after: Json) -> None:
    for key in [*before, *(k for k in after if k not in before)]:
        _value(changes, _join(prefix, key), before.get(key), after.get(key))


def _value(changes: Changes, path: str, before: Any, after: Any) -> None:
    if before == after:
        return
    if isinstance(before, dict | None) and isinstance(after, dict | None) and (before or after):
        _object(changes, path, before or {}, after or {})
    elif isinstance(before, list | None) and isinstance(after, list | None):
        _list(changes, path, before or [], after or [])
    elif _unset(before) and _unset(after):
        return  # a new record's unset flag or empty field: nothing to say
    else:
        changes[path] = (before, after)


def _unset(value: Any) -> bool:
    return value is None or value is False


def _list(changes: Changes, path: str, before: list[Any], after: list[Any]) -> None:
    """Children kept as they were are skipped; removed and added ones are paired in order
    (shown field by field), the rest listed whole."""
    common = Counter(map(_key, before)) & Counter(map(_key, after))
    removed = _left(before, common.copy())
    added = _left(after, common.copy())
    for (_i, old), (j, new) in zip(removed, added, strict=False):
        if isinstance(old, dict) and isinstance(new, dict):
            _object(changes, f"{path}[{j}]", old, new)
        else:
            changes[f"{path}[{j}]"] = (old, new)
    for i, old in removed[len(added):]:
        changes[f"{path}[{i}]"] = (old, None)
    for j, new in added[len(removed):]:
        changes[f"{path}[{j}]"] = (None, new)


def _left(items: list[Any], kept: Counter[str]) -> list[tuple[int, Any]]:
    """(index, item) of the items not in `kept` (each kept item used up once)."""
    left = []
    for index, item in enumerate(items):
        key = _key(item)
        if kept[key] > 0:
            kept[key] -= 1
        else:
            left.append((index, item))
    return left


def _key(item: Any) -> str:
    return repr(item)
