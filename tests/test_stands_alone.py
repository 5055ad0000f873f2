"""The project stands alone: a clone with nothing beside it runs every test.

Nothing in the repository reads or names a path outside it (the specification folder that
sat beside the repository while it was written, or its documents, an absolute path of that
machine, a climb above the repository's root), and the worked examples kept in
`tests/data/examples/` are the contract's, byte for byte, each of their expected outputs
checked by the tests.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.conftest import ALERTS_CASES, EXAMPLES, POINTS_CASES, ROOT

#: What is scanned: the code, the tests, the benchmarks, the docs, the CI script, and the
#: files at the root that tools read. (Screenshots are images: not text.)
SCANNED_DIRS = ("desktop_app", "tests", "benchmarks", "docs", ".ci")
SCANNED_FILES = ("README.md", "pyproject.toml")
SKIPPED_SUFFIXES = frozenset({".png", ".pyc"})

# The patterns are built in pieces so that this file, scanned like the others, does not
# match them itself.
_UP = re.escape("." * 2)
_SPEC = "sha" + "red"
#: (pattern, what it means) of a reference outside the repository, on one line.
OUTSIDE = (
    # Two dots as a path component: before or after a slash, or quoted (a relative import
    # or an ellipsis is none of these).
    (re.compile(rf"(?:^|[\s\"'`(/\\]){_UP}(?=[/\\\"'`])"), "chemin qui remonte (..)"),
    # The specification folder, in any spelling: a path part or a quoted path component.
    (re.compile(rf"{_SPEC}/(?:spec|examples|seeds)\b"), "dossier de la spécification"),
    (re.compile(rf"/\s*[\"']{_SPEC}[\"']"), "dossier de la spécification"),
    # An absolute path of the machine the project was written on.
    (re.compile("/" + "work/"), "chemin absolu d'une autre machine"),
    # The specification's documents: the repository cites its own, docs/regles.md and
    # docs/echange.md.
    (re.compile(r"\b(?:" + "REG" + "LES|" + "ECH" + r"ANGE)\.md"),
     "document de la spécification (citer docs/regles.md ou docs/echange.md)"),
)
#: (file, line) of the climbs that stay inside the repository: the CI script goes from .ci/
#: up to the repository's root.
INSIDE = {(".ci/run", 'cd "$(dirname "$0")/' + "." * 2 + '"')}
#: `Path(__file__)` climbed by `.parent` and/or `.parents[N]`.
_CLIMB = re.compile(
    r"Path\(__file__\)(?:\.resolve\(\))?(?P<parents>(?:\.parent(?!s))*)"
    r"(?:\.parents\[(?P<index>\d+)\])?")


def _climbed_to(source: Path, match: re.Match[str]) -> Path | None:
    """The folder `Path(__file__)…` names in `source` (None: above the filesystem's root)."""
    steps = match.group("parents").count(".parent")
    index = match.group("index")
    if index is None and steps == 0:
        return source
    position = steps - 1 if index is None else steps + int(index)
    parents = source.resolve().parents
    return parents[position] if position < len(parents) else None


def outside_references(source: Path, text: str) -> list[str]:
    """Each place of `text` (the content of `source`) that names something outside the
    repository, as « line N: why »."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, why in OUTSIDE:
            if pattern.search(line):
                found.append(f"ligne {number} : {why} : {line.strip()}")
        for match in _CLIMB.finditer(line):
            target = _climbed_to(source, match)
            if target is None or not target.is_relative_to(ROOT):
                found.append(f"ligne {number} : Path(__file__) remonte hors du dépôt "
                             f"({target}) : {line.strip()}")
    return found


def scanned_files() -> list[Path]:
    files = [ROOT / name for name in SCANNED_FILES]
    for folder in SCANNED_DIRS:
        files.extend(
            path for path in sorted((ROOT / folder).rglob("*"))
            if path.is_file() and path.suffix not in SKIPPED_SUFFIXES
            and "__pycache__" not in path.parts and not path.name.endswith(".egg-info"))
    return files


def test_the_scan_covers_the_repository() -> None:
    files = scanned_files()
    relative = {f.relative_to(ROOT).as_posix() for f in files}
    # This file, the conftest that names the examples, the code, the docs and the CI script.
    assert {"tests/test_stands_alone.py", "tests/conftest.py", "desktop_app/cli.py",
            "docs/regles.md", "docs/echange.md", ".ci/run", "README.md",
            "tests/data/examples/README.md"} <= relative
    assert len(files) > 300  # ~400 tracked text files: the scan is not silently empty


def test_nothing_refers_outside_the_repository() -> None:
    problems = []
    for path in scanned_files():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        lines = "\n".join("" if (name, line.strip()) in INSIDE else line
                           for line in text.splitlines())
        problems += [f"{name} {p}" for p in outside_references(path, lines)]
    assert problems == []


#: Stand-ins in the samples below, so that this file does not hold what it forbids.
_TOKENS = {"HERE": "Path(__file__)", "UP": "." * 2, "SPEC": _SPEC, "ABS": "/" + "work/",
           "RULES": "REG" + "LES", "CONTRACT": "ECH" + "ANGE"}


@pytest.mark.parametrize(("line", "expected"), [
    # What the tests did before: the folder beside the repository (parents[2] of
    # tests/conftest.py is the folder that holds the repository): climb and folder, 2 finds.
    ('SHARED = HERE.resolve().parents[2] / "SPEC"', 2),
    ('EXAMPLES = HERE.parent.parent.parent / "examples"', 1),
    ('"""The worked examples of UP/SPEC/examples."""', 2),
    ("text = open('UP/spec/RULES.md')", 2),
    ("see ABSSPEC/spec/RULES.md", 3),
    ('"""The command line of CONTRACT.md."""', 1),
    ('root = os.path.join(here, "UP")', 1),
    # What is allowed: inside the repository, a relative import, an ellipsis, the word.
    ("ROOT = HERE.resolve().parent.parent", 0),
    ("root = HERE.resolve().parents[1]", 0),
    ('EXAMPLES = HERE.resolve().parent / "data" / "examples"', 0),
    ("from UP import model", 0),
    ("def save(self) -> None: ...", 0),
    ("# the SPEC figures of one month, SPEC by every screen", 0),
    ('"""The command line of docs/echange.md (rules: docs/regles.md)."""', 0),
])
def test_the_scan_finds_what_it_forbids(line: str, expected: int) -> None:
    for token, text in _TOKENS.items():
        line = line.replace(token, text)
    found = outside_references(ROOT / "tests" / "conftest.py", line)
    assert len(found) == expected, found


#: The contract's worked examples, SHA-256 of each file as the specification gives it: the
#: copies must stay byte for byte the same (a changed expectation is a changed contract).
CONTRACT_EXAMPLES = {
    "exemple-1.json": "6a251510a042c08f8634a01e082aa237706e5c12bfc433c3554f77621d4143d4",
    "exemple-1.points-2025-09.json":
        "afb251b4a7d55d483c915374920d9b86c3d19e2fdff0773d44bbd5851f14f123",
    "exemple-1.alerts-2025-09-20.json":
        "cf1a386dc59e23efc5ed6c693cb28d2255c6bc0d0baca3153186085c67486243",
    "exemple-2.json": "06a0efa2ed3e93b582cb302c08bdded6922a8f0b4cefadd1f2b27e3a8a793d99",
    "exemple-2.points-2025-12.json":
        "9f36414c9404e80c1a95835748c9fc50f1cf4522439a313d741be61ab805403e",
    "exemple-2.alerts-2026-01-05.json":
        "26ef4adb5d1c5853266258b77857a118c1ee1363778fb249e266de672e629702",
}


def test_the_examples_are_the_contract_s_byte_for_byte() -> None:
    present = {path.name for path in EXAMPLES.iterdir()}
    assert present == {*CONTRACT_EXAMPLES, "README.md"}
    digests = {name: hashlib.sha256((EXAMPLES / name).read_bytes()).hexdigest()
               for name in CONTRACT_EXAMPLES}
    assert digests == CONTRACT_EXAMPLES


def test_every_expected_output_is_checked() -> None:
    """Each `NAME.points-…` / `NAME.alerts-…` file is one case of POINTS_CASES /
    ALERTS_CASES, every interchange file has its cases, and the tests of the engines and of
    the command line are parametrized by exactly these lists."""
    points = {(p.name.split(".")[0], p.name.split(".")[1].removeprefix("points-"))
              for p in EXAMPLES.glob("*.points-*.json")}
    alerts = {(p.name.split(".")[0], p.name.split(".")[1].removeprefix("alerts-"))
              for p in EXAMPLES.glob("*.alerts-*.json")}
    assert points == set(POINTS_CASES) == {("exemple-1", "2025-09"), ("exemple-2", "2025-12")}
    assert alerts == set(ALERTS_CASES) == {("exemple-1", "2025-09-20"),
                                           ("exemple-2", "2026-01-05")}
    files = {p.stem for p in EXAMPLES.glob("*.json") if p.stem.count(".") == 0}
    assert files == {e for e, _ in POINTS_CASES} == {e for e, _ in ALERTS_CASES}

    from tests import test_cli
    from tests.domain.alerts import test_examples as alerts_tests
    from tests.domain.funding import test_examples as funding_tests

    def cases_of(test: object) -> list[object]:
        marks = getattr(test, "pytestmark", [])
        return [m.args[1] for m in marks if m.name == "parametrize"]

    assert any(c is POINTS_CASES for c in cases_of(funding_tests.test_worked_example_exactly))
    assert any(c is ALERTS_CASES for c in cases_of(alerts_tests.test_worked_example))
    assert any(c is POINTS_CASES for c in cases_of(test_cli.test_points_of_the_worked_examples))
    assert any(c is ALERTS_CASES for c in cases_of(test_cli.test_alerts_of_the_worked_examples))
