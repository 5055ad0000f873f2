"""Hypothesis strategies that spoil valid interchange files (`test_import_mutations.py`).

A mutated file is a valid document with a few values deleted, replaced by garbage (wrong
types, impossible dates, numbers out of range or too long, ids of other records, nested
lists and objects…), unknown keys added, records duplicated, texts cut; then written as
JSON and sometimes spoiled as bytes (cut anywhere, bytes that are not UTF-8), or replaced by
something that is not an interchange document at all.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from hypothesis import strategies as st

Path = tuple[str | int, ...]

#: Strings a careless export or a hand edit puts where a value should be.
WEIRD_TEXTS = [
    "", " ", "2025-02-30", "2025-02-29", "2024-02-29", "2025-13-01", "2025-00-10", "0000-01-01",
    "0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2025-9-1", "01/09/2025",
    "2025-09", "2025-13", "85.95", "-1.00", "85,95", "1e5", "99999999999999999999999.99",
    "w1", "w2", "h1", "m1", "u1", "base-w1", "base-h1", "base-m1", "inconnu", "ASLL", "FAL",
    "realisee", "domicile", "\ud800", "a\udfffb", "nul\x00ici", "é" * 300, "🏠", "null",
]
WEIRD_NUMBERS = [0, -1, 1, 2, 12, 13, 9999, 10_000, 2**31, 2**63, -(2**63) - 1, 10**30,
                 0.0, -0.0, 0.5, 1.5, 1e-320, 1e308, float("inf"), float("nan")]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.sampled_from(WEIRD_TEXTS), st.sampled_from(WEIRD_NUMBERS),
    st.integers(-(2**70), 2**70), st.floats(), st.text(max_size=10))
GARBAGE = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "date", "start", "x", "name", ""]), inner,
                      max_size=3), max_leaves=6)
#: Whole files that are not an interchange document, or spoiled at the level of bytes.
NOT_DOCUMENTS = [
    b"", b" ", b"null", b"[]", b"{}", b'"suivi-fsl/1"', b"42", b"true", b"\xef\xbb\xbf{}",
    b"[" * 100_000, b'{"a":' * 50_000, b'{"format": ' + b"9" * 5_000 + b"}",
    b'{"format": NaN}', b'{"format": "suivi-fsl/1"} {}', b"\xff\xfe{\x00}\x00",
]
#: Characters slipped into a text: half of a UTF-16 pair, NUL, a line break, an emoji.
ODD_CHARACTERS = ["\ud800", "\udc00", "\x00", "\n", "\u202f", "🏠", "\ufeff", "\\"]
#: What a careless hand puts in place of an amount.
AMOUNTS = ["9" * 30 + ".99", "1000000000.00", "999999999.99", "-1.00", "85.9", "85,95", 85.95]
MONEY = re.compile(r"-?[0-9]+\.[0-9]{2}")
#: Where the years of a record are moved (from 2025): the limits of the format and beyond.
YEARS = [1, 1899, 1900, 2099, 2100, 2101, 9997, 9998]
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BAD_BYTES = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"\x80", b"\xe2\x82"]


def node_paths(value: object, path: Path = ()) -> list[Path]:
    """Every path of the document, root first, in the order of the file."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += node_paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += node_paths(child, (*path, index))
    return found


def _at(document: Any, path: Path) -> Any:
    for step in path:
        document = document[step]
    return document


def _is_day(value: object) -> bool:
    return isinstance(value, str) and DAY.fullmatch(value) is not None


def _shift_years(value: Any, years: int) -> Any:
    """Every date of `value` moved by `years` years (a record typed in the wrong century: its
    dates stay in order, so only the years themselves can reject it)."""
    if _is_day(value):
        day = "28" if value.endswith("02-29") else value[8:]
        return f"{int(value[:4]) + years:04d}{value[4:8]}{day}"
    if isinstance(value, dict):
        return {key: _shift_years(child, years) for key, child in value.items()}
    if isinstance(value, list):
        return [_shift_years(child, years) for child in value]
    return value


def _spoiled_text(text: str, draw: st.DrawFn) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(ODD_CHARACTERS)) + text[at:]


def _records(document: Any) -> list[Path]:
    """The root and every worker, household, home and measure."""
    found: list[Path] = [()]
    if isinstance(document, dict):
        for section in ("workers", "households", "homes", "measures"):
            if isinstance(document.get(section), list):
                found += [(section, i) for i in range(len(document[section]))]
    return found


def mutate(document: Any, draw: st.DrawFn) -> Any:
    """One random change of the document, in place; returns the (maybe new) root.

    The kind of change is drawn first, then a node it applies to: texts, dates and records
    are rare among the thousands of nodes of a file, they get their own share."""
    operation = draw(st.sampled_from(["delete", "garbage", "weird", "add_key", "duplicate",
                                      "text", "date", "number", "amount", "years"]))
    paths = node_paths(document)
    if operation == "years":
        paths = _records(document)
    elif operation in ("text", "date"):
        paths = [p for p in paths if isinstance(_at(document, p), str)
                 and _is_day(_at(document, p)) == (operation == "date")] or paths
    elif operation == "number":
        paths = [p for p in paths if type(_at(document, p)) in (int, float)] or paths
    elif operation == "amount":
        paths = [p for p in paths if isinstance(_at(document, p), str)
                 and MONEY.fullmatch(_at(document, p))] or paths
    path = paths[draw(st.integers(0, len(paths) - 1))]
    target = _at(document, path)
    if operation == "years":
        years = draw(st.sampled_from(YEARS)) - 2025
        return _replace(document, path, _shift_years(target, years))
    if not path:
        return draw(GARBAGE) if operation == "garbage" else document
    parent, last = _at(document, path[:-1]), path[-1]
    if operation == "delete":
        del parent[last]
    elif operation == "garbage":
        parent[last] = draw(GARBAGE)
    elif operation in ("weird", "date"):
        parent[last] = draw(st.sampled_from(WEIRD_TEXTS) | st.sampled_from(WEIRD_NUMBERS))
    elif operation == "number":
        parent[last] = draw(st.sampled_from(WEIRD_NUMBERS) | st.integers(-(2**70), 2**70))
    elif operation == "amount":
        parent[last] = draw(st.sampled_from(AMOUNTS))
    elif operation == "add_key" and isinstance(target, dict):
        key = draw(st.sampled_from(["inconnue", "id", "end", "visits", "Date", "date "]))
        target[key] = draw(GARBAGE)
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(target))
    elif operation == "text" and isinstance(target, str):
        if draw(st.booleans()):
            parent[last] = _spoiled_text(target, draw)
        else:
            parent[last] = target[: draw(st.integers(0, len(target)))]
    return document


def _replace(document: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    _at(document, path[:-1])[path[-1]] = value
    return document


@st.composite
def mutated_files(draw: st.DrawFn, sources: list[Any]) -> bytes:
    """The bytes of a spoiled copy of one of `sources` (decoded valid documents)."""
    if draw(st.integers(0, 19)) == 0:
        return draw(st.sampled_from(NOT_DOCUMENTS))
    document = copy.deepcopy(draw(st.sampled_from(sources)))
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        document = mutate(document, draw)
    text = json.dumps(document, ensure_ascii=draw(st.booleans()),
                      indent=draw(st.sampled_from([None, 1])))
    data = text.encode("utf-8", "surrogatepass")
    spoil = draw(st.integers(0, 9))
    if spoil == 0:
        data = data[: draw(st.integers(0, len(data)))]
    elif spoil == 1:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]
    return data


def with_prefix(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """A copy of a valid document whose ids (and every reference to them) start with
    `prefix`: the records of the store the mutated files are imported into."""
    document = copy.deepcopy(document)

    def renamed(record: dict[str, Any], *keys: str) -> None:
        for key in keys:
            if record.get(key) is not None:
                record[key] = prefix + record[key]

    for worker in document.get("workers") or []:
        renamed(worker, "id")
        for absence in worker.get("absences") or []:
            renamed(absence, "replacement")
    for record in (document.get("households") or []) + (document.get("homes") or []):
        renamed(record, "id")
    for measure in document.get("measures") or []:
        renamed(measure, "id", "household", "referent")
        for visit in measure.get("visits") or []:
            renamed(visit, "worker")
        for stay in measure.get("stays") or []:
            renamed(stay, "home")
    return document
