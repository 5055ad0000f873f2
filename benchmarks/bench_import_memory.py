"""Peak memory of `suivi-fsl import`, against the size of the file, run by hand.

    python benchmarks/bench_import_memory.py [--households 1000000] [--file EXPORT.json ...]
                                             [--before CHECKOUT] [--write]

Builds an interchange file of `--households` tiny households (an id and a name each, no
measure: the worst case of objects per byte, about 34 MB for a million), then, for it and
for every `--file` given (e.g. a department-scale export), in the same run:

- « json.load seul »: a fresh Python that only decodes the file with `json.load` (the raw
  baseline: what any reader of the whole document pays);
- « import »: `python -m desktop_app --db NEW import FILE` into a new store (checked to exit 0).

Each runs in its own child process; its peak resident memory is the `ru_maxrss` that
`os.wait4` returns for that child (`getrusage(RUSAGE_CHILDREN)` of that child alone), with
its processor time (user + system: less sensitive than the elapsed time to the other work
of a shared machine). `--before CHECKOUT` also imports each file with the code of another
checkout (e.g. the commit before a change), in the same run. The target: the import peaks
under 10× the size of the file. `--write` puts the table in its section of
`benchmarks/RESULTS.md` (between the two markers, the rest of the file kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from benchmarks.results_file import write_section

ROOT = Path(__file__).resolve().parents[1]
SECTION = "bench_import_memory"
TARGET = 10.0
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Peak:
    kib: int
    seconds: float
    cpu: float

    @property
    def bytes(self) -> int:
        return self.kib * 1024


def write_tiny_households(path: Path, households: int) -> None:
    """`{"id": "h0000001", "name": "Nom"}` a million times: written as it goes."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "suivi-fsl/1", "association": {"name": "Banc d\'essai"}, '
                  '"workers": [], "households": [')
        for number in range(1, households + 1):
            separator = ", " if number > 1 else ""
            out.write(f'{separator}{{"id": "h{number:07d}", "name": "Nom"}}')
        out.write('], "measures": []}\n')


def peak_of(command: list[str], code: Path = ROOT) -> Peak:
    """The peak resident memory of `command` run in a child process (which must exit 0)
    with the code of the checkout `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    env.pop("SUIVI_FSL_PASSPHRASE", None)
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=code, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} : code de sortie {child.returncode}")
    # ru_maxrss: kibibytes on Linux.
    return Peak(int(usage.ru_maxrss), seconds, usage.ru_utime + usage.ru_stime)


def json_load(file: Path) -> Peak:
    return peak_of([sys.executable, "-c",
                    "import json, sys\nwith open(sys.argv[1], 'rb') as f: json.load(f)",
                    str(file)])


def imported(file: Path, work: Path, code: Path = ROOT) -> Peak:
    store = work / f"{file.stem}-{len(list(work.iterdir()))}.sqlite3"
    return peak_of([sys.executable, "-m", "desktop_app", "--db", str(store), "import",
                    str(file)], code)


def _fr(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def row(label: str, code: str, file: Path, raw: Peak, peak: Peak) -> str:
    size = file.stat().st_size
    ratio = peak.bytes / size
    return (f"| {label} | {code} | {_fr(size / MB)} | {_fr(raw.bytes / MB, 0)} "
            f"({_fr(raw.bytes / size)}×) | {_fr(peak.bytes / MB, 0)} | **{_fr(ratio)}×** | "
            f"{_fr(peak.cpu)} ({_fr(peak.seconds)}) | < {_fr(TARGET, 0)}× | "
            f"{'oui' if ratio < TARGET else 'non'} |")


def table(rows: list[str], command: str) -> str:
    load = ", ".join(_fr(x) for x in os.getloadavg())
    return "\n".join([
        "## Mémoire de l'import",
        "",
        f"`{command}` le {datetime.now():%d/%m/%Y %H:%M}. Machine : {platform.machine()}, "
        f"{os.cpu_count()} cœurs, Python {platform.python_version()} ; charge moyenne : "
        f"{load}.",
        "",
        "Pic de mémoire résidente (`ru_maxrss` du processus enfant) : « json.load seul » "
        "décode le fichier dans un Python neuf, rien d'autre ; « import » est "
        "`python -m desktop_app --db NOUVELLE import FICHIER`, avec le code de ce dépôt ou "
        "(`--before`) celui d'avant la lecture par morceaux. Mo = 10⁶ octets ; durée : "
        "temps processeur (utilisateur + système), entre parenthèses le temps écoulé, qui "
        "dépend de la charge de la machine partagée.",
        "",
        "| Fichier | Code | Taille (Mo) | json.load seul (Mo) | Import (Mo) | Import / taille | "
        "Import : processeur (écoulé), s | Cible | Atteinte |",
        "|---|---|---:|---:|---:|---:|---:|---|:---:|",
        *rows,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, action="append", default=[],
                        help="another interchange file to measure (e.g. an export)")
    parser.add_argument("--before", type=Path, default=None,
                        help="a checkout whose import is measured too (the code before)")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="suivi-fsl-bench-memory-") as folder:
        work = Path(folder)
        tiny = work / "menages-minuscules.json"
        write_tiny_households(tiny, args.households)
        files = [(f"{args.households:,} ménages minuscules".replace(",", " "), tiny)]
        files += [(f"`{file.name}`", file) for file in args.file]
        for label, file in files:
            raw = json_load(file)
            if args.before is not None:
                rows.append(row(label, "avant", file, raw, imported(file, work, args.before)))
                print(rows[-1], flush=True)
            rows.append(row(label, "actuel", file, raw, imported(file, work)))
            print(rows[-1], flush=True)
    command = "python benchmarks/bench_import_memory.py " + " ".join(
        argv if argv is not None else sys.argv[1:])
    text = table(rows, command.strip())
    print(text)
    if args.write:
        write_section(SECTION, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
