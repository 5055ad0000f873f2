"""`suivi-fsl import` of spoiled files ends in exit 0 (all in the store) or exit 3 (nothing
changed, every problem printed in French with its JSON path): never a traceback, never
another code, never half a file.

The valid files (the worked examples and a small generated caseload) are spoiled by
`mutations.mutated_files` and imported, as the command line does (`cli.main` in-process),
into a store that already holds a caseload (exemple-2 with its ids prefixed by « base- »).
After exit 3 the store's export is byte for byte what it was; after exit 0 every record of
the file is in the export as the file says, the records already there are unchanged, and
the export is itself a valid file (the store never holds what it cannot give back).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from desktop_app.cli import main
from desktop_app.demo import generate_caseload
from desktop_app.interchange import caseload_to_json, parse_caseload, read_file
from tests.conftest import EXAMPLES
from tests.interchange.mutations import NOT_DOCUMENTS, mutated_files, with_prefix

pytestmark = pytest.mark.slow

SOURCES: list[Any] = [
    json.loads((EXAMPLES / "exemple-1.json").read_text(encoding="utf-8")),
    json.loads((EXAMPLES / "exemple-2.json").read_text(encoding="utf-8")),
    caseload_to_json(generate_caseload(households=5, years=1, seed=2, today=date(2025, 12, 31))),
]
RECORDS = ("workers", "households", "homes", "measures")
#: « Le fichier … », then one « - path : message » a problem, then « Rien n'a été … ».
PROBLEM = re.compile(r"  - \S.* : \S.*")
#: Words of Python's or the JSON decoder's own (English) messages.
ENGLISH = re.compile(r"\b(Expecting|Invalid|Unterminated|Extra data|Error|Exception|line \d+ "
                     r"column)\b")


def cli(*argv: str) -> tuple[int, str, str]:
    """`suivi-fsl ARGV` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@dataclass
class Bench:
    """A store template holding the base caseload, its export, and a working copy."""

    folder: Path
    template: Path
    before: bytes = field(repr=False)
    work: Path = field(init=False)
    dirty: bool = True
    outcomes: Counter[int] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.work = self.folder / "work.sqlite3"

    def fresh(self) -> str:
        """The working store, copied again from the template after a successful import."""
        if self.dirty:
            for old in self.folder.glob("work.sqlite3*"):
                old.unlink()
            shutil.copyfile(self.template, self.work)
            self.dirty = False
        return str(self.work)

    def export(self) -> bytes:
        out = self.folder / "export.json"
        assert cli("--db", str(self.work), "export", str(out))[0] == 0
        return out.read_bytes()


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Bench:
    folder = tmp_path_factory.mktemp("mutations")
    base = folder / "base.json"
    base.write_text(json.dumps(with_prefix(SOURCES[1], "base-")), encoding="utf-8")
    template = folder / "template.sqlite3"
    assert cli("--db", str(template), "import", str(base))[0] == 0
    before = folder / "before.json"
    assert cli("--db", str(template), "export", str(before))[0] == 0
    return Bench(folder, template, before.read_bytes())


def _by_id(document: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {(section, record["id"]): record
            for section in RECORDS for record in document[section]}


def check_rejected(bench: Bench, out: str, err: str) -> None:
    """Exit 3: the store as it was, the problems listed in French with their paths."""
    assert bench.export() == bench.before
    bench.dirty = False  # the working copy may serve again
    lines = err.splitlines()
    assert out == ""
    assert lines[0].startswith("Le fichier ") or lines[0].startswith("Impossible de lire ")
    if lines[0].startswith("Le fichier "):
        assert lines[-1] == ("Rien n'a été enregistré : corrigez le fichier puis relancez "
                             "l'import.")
        assert lines[1:-1] and all(PROBLEM.fullmatch(line) for line in lines[1:-1]), err
    assert not ENGLISH.search(err), err


def check_imported(bench: Bench, file: Path, out: str) -> None:
    """Exit 0: the file's records in the store as the file says, the others unchanged."""
    assert out.startswith("Import terminé : ")
    exported = json.loads(bench.export())
    parse_caseload(exported)  # the store's export is itself a valid file
    stored = _by_id(exported)
    for key, record in _by_id(caseload_to_json(read_file(file))).items():
        assert stored[key] == record, key
    for key, record in _by_id(json.loads(bench.before)).items():
        assert stored[key] == record, key


def _with_every(files: list[bytes]) -> Any:
    """The property test, run first on each of `files` (then on drawn ones)."""
    def decorate(test: Any) -> Any:
        for data in reversed(files):
            test = example(data=data)(test)
        return test
    return decorate


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated_files(SOURCES))
@_with_every([*NOT_DOCUMENTS, *(json.dumps(source).encode() for source in SOURCES)])
def import_one(bench: Bench, data: bytes) -> None:
    """The property, for one file: imported whole (exit 0) or not at all (exit 3)."""
    db = bench.fresh()
    file = bench.folder / "import.json"
    file.write_bytes(data)
    bench.dirty = True
    code, out, err = cli("--db", db, "import", str(file))
    assert code in (0, 3), (code, out, err)
    assert "Traceback" not in out + err
    bench.outcomes[code] += 1
    if code == 3:
        check_rejected(bench, out, err)
    else:
        check_imported(bench, file, out)


@pytest.mark.timeout(900)  # 318 imports: 31–37 s measured on a loaded machine
def test_a_spoiled_file_is_imported_whole_or_not_at_all(bench: Bench) -> None:
    """Every file of the property test (Hypothesis runs them all in this call), then: the
    mutations were neither all fatal nor all harmless. Worked out on the seed: most are
    rejected, some (an optional key deleted, a name changed) import."""
    bench.outcomes.clear()
    import_one(bench)
    assert bench.outcomes[3] > 100
    assert bench.outcomes[0] > 10
    print(f"issues: {dict(bench.outcomes)}")
