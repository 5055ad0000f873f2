"""The differential check: the store's answers (alerts of a day, points of a month) compared,
byte for byte, with those of a reference revision of the code, and with the engines run on a
whole caseload read straight from an interchange file.

Three uses:

- `python benchmarks/differential.py golden [--rev REV]`: the digests of the suite's demo store
  (`tests/store/test_differential_*.py`) computed by the code of revision REV (default
  `REFERENCE`, extracted with `git archive`, run in a subprocess with PYTHONPATH on it),
  written to `GOLDEN`; `check-golden` recomputes them and says whether the file still holds.
- `python benchmarks/differential.py full [--db …]`: the full run on the department-scale
  store (every day of a year, every month of ten years), the reference revision's digests
  against those of the current tree (`--new DIR`: another tree), then random interchange
  files of a larger size. Prints what was compared and the differences (0 expected). The
  reference's digests on that store are kept in `BIG_REFERENCE` (`full --reference-only`
  made them for every day of 2025: 13 min here): a later run computes the current tree's
  side alone (`--step 7`: one day in seven).
- `worker …` (internal): what runs inside the revision's tree. It imports nothing but
  `desktop_app`'s public functions, which exist at every revision compared.

A digest is the sha256 (32 first hex digits) of the JSON the CLI prints (`alerts --on D
--json`, `points --month M --json`: `json.dumps(…, ensure_ascii=False, indent=1)`).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.domain.dates import Month
    from desktop_app.domain.model import Caseload
    from desktop_app.store.repository import SqlStore

#: The revision whose engine is the reference (the code before the speed work).
REFERENCE = "fb542ae"
ROOT = Path(__file__).resolve().parent.parent
#: The digests of the suite's demo store computed by the reference revision.
GOLDEN = ROOT / "tests" / "data" / "differential" / "golden.json"
#: The suite's demo store: `generate_caseload(400, 10, 17, today=2026-01-15)`.
SUITE_DEMO: dict[str, int | str] = {"households": 400, "years": 10, "seed": 17,
                                    "today": "2026-01-15"}
#: The year whose every day the alerts are compared on (suite and full run).
ALERT_YEAR = 2025
#: The department-scale benchmark store and its ten years of months. The demonstration depends
#: on the day it is made: the digests kept are those of the store made on 05/12/2026, which
#: `generate_caseload(households=50000, years=10, seed=1, today=date(2026, 12, 5))` imported
#: into an empty store (`app.caseload.import_caseload`) makes again (57 646 measures).
BIG_DB = Path("/tmp/big/demo.sqlite3")
BIG_MONTHS = "2016-12:2026-11"
#: The reference revision's digests of the full run on that store (`full --reference-only`).
BIG_REFERENCE = ROOT / "benchmarks" / "data" / f"differentiel-demo-50000-{REFERENCE}.json"


# --- digests ------------------------------------------------------------------------------
def cli_json(document: object) -> bytes:
    """The bytes the CLI prints for `document` (`cli_commands._print_json`)."""
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def digest(document: object) -> str:
    return hashlib.sha256(cli_json(document)).hexdigest()[:32]


def days_of(year: int, step: int = 1) -> list[date]:
    day, days = date(year, 1, 1), []
    while day.year == year:
        days.append(day)
        day += timedelta(days=step)
    return days


def months_between(span: str) -> list[Month]:
    """The months of `FIRST:LAST` (`YYYY-MM:YYYY-MM`), both included."""
    from desktop_app.domain.dates import Month

    first, last = (Month.parse(part) for part in span.split(":"))
    months, month = [], first
    while (month.year, month.month) <= (last.year, last.month):
        months.append(month)
        month = Month(month.year + month.month // 12, month.month % 12 + 1)
    return months


def suite_months() -> str:
    """The ten years of the suite's demo: the 120 months before its year of `today`."""
    year = int(str(SUITE_DEMO["today"])[:4])
    return f"{year - 10}-01:{year - 1}-12"


def alerts_digest(store: SqlStore, day: date) -> tuple[int, str]:
    """(number of alerts, digest of `alerts --on day --json`) through the store."""
    from desktop_app.app.alerts import alerts_on
    from desktop_app.domain.alerts import alerts_to_json

    alerts = alerts_on(store, day)
    return len(alerts), digest(alerts_to_json(day, alerts))


def points_digest(store: SqlStore, month: Month) -> str:
    """The digest of `points --month month --json` through the store."""
    from desktop_app.app.earnings import month_points
    from desktop_app.domain.funding import month_points_to_json

    return digest(month_points_to_json(month_points(store, month)))


def caseload_digest(caseload: Caseload) -> str:
    from desktop_app.interchange import caseload_to_json

    return digest(caseload_to_json(caseload))


def suite_caseload() -> Caseload:
    from desktop_app.demo import generate_caseload

    return generate_caseload(int(SUITE_DEMO["households"]), int(SUITE_DEMO["years"]),
                             int(SUITE_DEMO["seed"]),
                             today=date.fromisoformat(str(SUITE_DEMO["today"])))


@contextmanager
def opened(url: str) -> Iterator[SqlStore]:
    from desktop_app.store.repository import open_store

    store = open_store(url)
    try:
        yield store
    finally:
        store.close()


# --- random interchange files ----------------------------------------------------------------
def _last_day(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _valid(caseload: Caseload) -> bool:
    from desktop_app.interchange import InvalidFileError, caseload_to_json, parse_caseload

    try:
        parse_caseload(json.loads(json.dumps(caseload_to_json(caseload))))
    except InvalidFileError:
        return False
    return True


def _mutations(rng: random.Random) -> list[tuple[str, Any]]:
    """(name, function of (caseload, measure index) giving a new measure or None)."""
    from desktop_app.domain.model import Stay, VisitOutcome

    def fewer_visits(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        kept = [v for v in m.visits if rng.random() > 0.4]
        return dataclasses.replace(m, visits=kept) if len(kept) < len(m.visits) else None

    def month_ends(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        moved = sorted((dataclasses.replace(v, date=_last_day(v.date))
                        if rng.random() < 0.5 else v for v in m.visits), key=lambda v: v.date)
        return dataclasses.replace(m, visits=moved) if m.visits else None

    def closed_doors(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        outcomes = [VisitOutcome.PORTE_CLOSE, VisitOutcome.PORTE_CLOSE_JUSTIFIEE]
        doors = [dataclasses.replace(v, outcome=rng.choice(outcomes))
                 if rng.random() < 0.5 else v for v in m.visits]
        return dataclasses.replace(m, visits=doors) if m.visits else None

    def colocation(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        if not m.stays or not c.homes:
            return None
        home = rng.choice(c.homes).id
        return dataclasses.replace(m, stays=[Stay(home, s.start, s.end) for s in m.stays])

    def reopened(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        return dataclasses.replace(m, closed_on=None, exit_reason=None,
                                   close_reason=None) if m.closed_on else None

    def closed_early(c: Caseload, i: int) -> Any:
        m = c.measures[i]
        if m.closed_on is not None or not m.periods:
            return None
        start, end = m.periods[0].start, m.periods[-1].end
        day = start + timedelta(days=rng.randrange(max(1, (end - start).days)))
        return dataclasses.replace(m, closed_on=_last_day(day))

    return [("visites retirées", fewer_visits), ("fins de mois", month_ends),
            ("portes closes", closed_doors), ("colocation", colocation),
            ("réouverture", reopened), ("clôture en fin de mois", closed_early)]


def random_caseload(seed: int, households: tuple[int, int] = (6, 40),
                    years: tuple[int, int] = (1, 4)) -> tuple[Caseload, date, list[str]]:
    """A small demo caseload of random size and date, spoiled by valid mutations: (caseload,
    its today, the mutations kept). The same for the same arguments."""
    from desktop_app.demo import generate_caseload

    rng = random.Random(seed)
    today = date(2023, 1, 1) + timedelta(days=rng.randrange(1200))
    caseload = generate_caseload(rng.randint(*households), rng.randint(*years),
                                 rng.randrange(10**6), today=today)
    kept = []
    for name, mutate in _mutations(rng):
        chosen = [i for i in range(len(caseload.measures)) if rng.random() < 0.25]
        measures = list(caseload.measures)
        for i in chosen:
            changed = mutate(caseload, i)
            if changed is not None:
                measures[i] = changed
        trial = dataclasses.replace(caseload, measures=measures)
        if measures != caseload.measures and _valid(trial):
            caseload = trial
            kept.append(name)
    return caseload, today, kept


def random_questions(seed: int, today: date, years: int = 4, count: int = 6
                     ) -> tuple[list[date], list[Month]]:
    """Days and months to ask of a random file: today, month ends, first days of years,
    random days; this month, the previous ones and random months."""
    from desktop_app.domain.dates import Month

    rng = random.Random(seed)
    start = today - timedelta(days=365 * years)
    days = {today, _last_day(today), date(today.year, 1, 1), _last_day(today - timedelta(40))}
    while len(days) < count + 4:
        days.add(start + timedelta(days=rng.randrange((today - start).days + 60)))
    months = {Month.of(d) for d in sorted(days)[: count // 2 + 2]} | {Month.of(today)}
    return sorted(days), sorted(months, key=lambda m: (m.year, m.month))


def file_differences(path: Path, url: str, days: Iterable[date], months: Iterable[Month]
                     ) -> tuple[int, list[str]]:
    """The interchange file `path` imported into the new store `url`, then each question
    asked of the store and of the engines on the whole caseload read from the file: (number
    of questions, those whose answers differ)."""
    from desktop_app.domain.alerts import alerts_to_json, compute_alerts
    from desktop_app.domain.funding import compute_month_points, month_points_to_json
    from desktop_app.interchange import read_file, read_parts

    whole = read_file(path)
    asked, differ = 0, []
    with opened(url) as store:
        store.import_parts(read_parts(path), source=path.name)
        settings = store.alert_settings()
        for day in days:
            asked += 1
            expected = digest(alerts_to_json(day, compute_alerts(whole, day, settings)))
            if alerts_digest(store, day)[1] != expected:
                differ.append(f"alertes du {day.isoformat()}")
        for month in months:
            asked += 1
            if points_digest(store, month) != digest(
                    month_points_to_json(compute_month_points(whole, month))):
                differ.append(f"points de {month}")
    return asked, differ


def random_files(seeds: Iterable[int], folder: Path, households: tuple[int, int],
                 years: tuple[int, int]) -> tuple[int, int, list[str]]:
    """Random files checked one by one (`file_differences`): (files, questions, differences)."""
    from desktop_app.interchange import write_file

    files = asked = 0
    differences: list[str] = []
    for seed in seeds:
        caseload, today, kept = random_caseload(seed, households, years)
        path = folder / f"aleatoire-{seed}.json"
        write_file(caseload, path)
        days, months = random_questions(seed, today, years[1])
        n, differ = file_differences(path, f"sqlite:///{folder / f'aleatoire-{seed}.sqlite3'}",
                                     days, months)
        files, asked = files + 1, asked + n
        differences += [f"graine {seed} ({', '.join(kept) or 'sans mutation'}) : {d}"
                        for d in differ]
        print(f"  fichier aléatoire {seed} : {len(caseload.measures)} mesures, {n} questions, "
              f"{len(differ)} différence(s)", file=sys.stderr)
    return files, asked, differences


# --- the worker: what runs inside a revision's tree --------------------------------------------
def work(args: argparse.Namespace) -> dict[str, object]:
    """The digests the worker's arguments ask for, computed by the code imported here."""
    import desktop_app

    result: dict[str, object] = {"code": str(Path(desktop_app.__file__).resolve().parent)}
    with tempfile.TemporaryDirectory(prefix="differentiel-") as folder:
        if args.random_files:
            files, asked, differences = random_files(
                range(args.first_seed, args.first_seed + args.random_files), Path(folder),
                (args.households // 2, args.households), (2, 6))
            result.update(files=files, asked=asked, differences=differences)
            return result
        if args.db:
            url = f"sqlite:///{args.db}"
            result["store"] = store_counts(Path(args.db))
        else:
            caseload = suite_caseload()
            result["caseload"] = caseload_digest(caseload)
            url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
            with opened(url) as store:
                store.import_caseload(caseload)
        with opened(url) as store:
            alerts: dict[str, list[object]] = {}
            started = time.perf_counter()
            for day in days_of(args.year, args.step):
                alerts[day.isoformat()] = list(alerts_digest(store, day))
                if args.progress:
                    print(f"  alertes {day} ({time.perf_counter() - started:.0f} s)",
                          file=sys.stderr, flush=True)
            points: dict[str, str] = {}
            for month in months_between(args.months):
                points[str(month)] = points_digest(store, month)
                if args.progress:
                    print(f"  points {month} ({time.perf_counter() - started:.0f} s)",
                          file=sys.stderr, flush=True)
    result.update(alerts=alerts, points=points)
    return result


def store_counts(path: Path) -> dict[str, int]:
    """The rows of a store's main tables: which store the digests were computed on."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("households", "measures", "visits")}
    finally:
        connection.close()


# --- the driver ---------------------------------------------------------------------------------
@contextmanager
def revision_tree(revision: str) -> Iterator[tuple[Path, str]]:
    """The files of `revision` extracted in a temporary folder, and its full hash."""
    full = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify",
                           f"{revision}^{{commit}}"], check=True, capture_output=True,
                          text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix=f"revision-{full[:7]}-") as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", full], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield Path(folder), full


def run_worker(code: Path, arguments: list[str]) -> dict[str, Any]:
    """This file's worker run by the code of the tree `code` (PYTHONPATH on it, from a
    neutral folder so that nothing else is imported)."""
    import os

    environment = {**os.environ, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory(prefix="travail-") as neutral:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "worker",
                               *arguments], cwd=neutral, env=environment, check=True,
                              stdout=subprocess.PIPE)
    result: dict[str, Any] = json.loads(done.stdout)
    if Path(result["code"]) != (code / "desktop_app").resolve():
        raise SystemExit(f"le travail a importé {result['code']} au lieu de {code}")
    return result


def golden_of(revision: str) -> dict[str, Any]:
    """The suite's golden digests computed by `revision`."""
    with revision_tree(revision) as (code, full):
        result = run_worker(code, ["--year", str(ALERT_YEAR), "--months", suite_months()])
    return {"revision": full, "demo": SUITE_DEMO, "year": ALERT_YEAR,
            "months": suite_months(), "caseload": result["caseload"],
            "alerts": result["alerts"], "points": result["points"]}


def compare(old: dict[str, Any], new: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(days compared, months compared, the questions whose digests differ): those the new
    side computed (the reference may hold more days: every day, the new side one in STEP)."""
    differ = [f"alertes du {d}" for d in new["alerts"] if old["alerts"][d] != new["alerts"][d]]
    differ += [f"points de {m}" for m in new["points"] if old["points"][m] != new["points"][m]]
    return len(new["alerts"]), len(new["points"]), differ


def digests_text(digests: dict[str, Any]) -> str:
    """`digests` as JSON, one day or month a line."""
    lines = []
    for key, value in sorted(digests.items()):
        if isinstance(value, dict) and key in ("alerts", "points"):
            inner = ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in value.items())
            lines.append(f"{json.dumps(key)}: {{\n{inner}\n}}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, sort_keys=True)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main_golden(args: argparse.Namespace) -> int:
    golden = golden_of(args.rev)
    if args.command == "golden":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(digests_text(golden), "utf-8")
        print(f"{GOLDEN.relative_to(ROOT)} : {len(golden['alerts'])} jours, "
              f"{len(golden['points'])} mois, révision {golden['revision'][:10]}")
        return 0
    kept = json.loads(GOLDEN.read_text("utf-8"))
    same = {k: v for k, v in golden.items() if k != "revision"} == {
        k: v for k, v in kept.items() if k != "revision"}
    print("fichier de référence " + ("conforme" if same else "DIFFÉRENT") +
          f" au calcul de la révision {golden['revision'][:10]}")
    return 0 if same else 1


def main_full(args: argparse.Namespace) -> int:
    if args.reference_only and args.old_digests is None:
        raise SystemExit("--reference-only demande --old-digests FICHIER")
    if args.compared_only and args.new_digests is None:
        raise SystemExit("--compared-only demande --new-digests FICHIER")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="differentiel-") as folder:
        work_args = ["--year", str(args.year), "--months", args.months, "--step",
                     str(args.step), "--progress"]
        sides = []
        for side in ("new",) if args.compared_only else ("old", "new"):
            cache = args.old_digests if side == "old" else None
            if cache is not None and cache.exists() and not args.reference_only:
                kept = json.loads(cache.read_text("utf-8"))
                asked = {"year": args.year, "months": args.months,
                         "store": store_counts(args.db)}
                wanted = {d.isoformat() for d in days_of(args.year, args.step)}
                if {k: kept.get(k) for k in asked} == asked and kept["revision"].startswith(
                        args.old) and wanted <= set(kept["alerts"]):
                    sides.append(kept)
                    print(f"référence lue dans {cache}", file=sys.stderr)
                    continue
                print(f"{cache} : empreintes d'autres questions, d'une autre révision ou d'un "
                      "autre magasin : la référence est calculée", file=sys.stderr)
                cache = None
            # Each side on its own copy: a newer code may migrate the store it opens.
            copy = Path(folder) / f"{side}.sqlite3"
            shutil.copyfile(args.db, copy)
            print(f"{side} : calcul sur une copie de {args.db}", file=sys.stderr)
            if side == "old":
                with revision_tree(args.old) as (code, full):
                    digests = run_worker(code, [*work_args, "--db", str(copy)])
                digests.update(revision=full, year=args.year, months=args.months,
                               step=args.step)
                if cache is not None:
                    cache.write_text(digests_text(digests), "utf-8")
            elif args.new_digests is not None and args.new_digests.exists():
                digests = json.loads(args.new_digests.read_text("utf-8"))
                print(f"empreintes du code comparé lues dans {args.new_digests}",
                      file=sys.stderr)
            else:
                digests = run_worker(args.new.resolve(), [*work_args, "--db", str(copy)])
                if args.new_digests is not None:
                    args.new_digests.write_text(digests_text(digests), "utf-8")
            copy.unlink()
            sides.append(digests)
            if args.compared_only:
                print(f"empreintes du code comparé écrites dans {args.new_digests}")
                return 0
            if args.reference_only:
                print(f"empreintes de la référence écrites dans {cache}")
                return 0
        old, new = sides
        days, months, differ = compare(old, new)
        print(f"Magasin {args.db} : {days} jours de {args.year} (alertes), {months} mois "
              f"(points) comparés entre {str(old.get('revision', args.old))[:10]} et "
              f"{args.new} : {len(differ)} différence(s).")
        for line in differ:
            print(f"  DIFFÉRENT : {line}")
        checked = run_worker(args.new.resolve(), [
            "--random-files", str(args.files), "--first-seed", str(args.first_seed),
            "--households", str(args.households)])
        files, asked, file_differ = checked["files"], checked["asked"], checked["differences"]
        print(f"Fichiers d'échange aléatoires : {files} fichiers, {asked} questions, "
              f"{len(file_differ)} différence(s).")
        for line in file_differ:
            print(f"  DIFFÉRENT : {line}")
    elapsed = time.perf_counter() - started
    print(f"({elapsed:.0f} s)")
    if args.write:
        write_results(args, old, (days, months, differ), (files, asked, file_differ), elapsed)
    return 0 if not differ and not file_differ else 1


def spaced(count: object) -> str:
    return f"{count:,}".replace(",", " ") if isinstance(count, int) else "?"


def write_results(args: argparse.Namespace, old: dict[str, Any],
                  store: tuple[int, int, list[str]], files: tuple[int, int, list[str]],
                  elapsed: float) -> None:
    """The counts of a full run in their section of benchmarks/RESULTS.md."""
    import os
    from datetime import datetime

    sys.path.insert(0, str(ROOT))
    from benchmarks.results_file import write_section

    days, months, differ = store
    counts = old.get("store", {})
    load = ", ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())
    text = "\n".join([
        "## Test différentiel complet",
        "",
        f"`python benchmarks/differential.py full --step {args.step} --files {args.files}` "
        f"le {datetime.now():%d/%m/%Y %H:%M} ({elapsed / 60:.0f} min ; charge moyenne à la "
        f"fin : {load}) : le code de `{args.new.name}` contre la révision de référence "
        f"{str(old.get('revision', args.old))[:10]}.",
        "",
        f"- Base `{args.db.name}` ({spaced(counts.get('households'))} ménages, "
        f"{spaced(counts.get('measures'))} mesures, {spaced(counts.get('visits'))} visites) : "
        f"alertes de {days} jours de {args.year}, points de {months} mois ({args.months}) : "
        f"**{len(differ)} différence(s)**.",
        f"- Fichiers d'échange aléatoires (jusqu'à {args.households} ménages, mutés) : "
        f"{files[0]} fichiers, {files[1]} questions, base contre moteurs sur le fichier "
        f"entier : **{len(files[2])} différence(s)**.",
        "",
        "Dans la suite, en taille réduite : `tests/store/test_differential_*.py` (365 jours, "
        "120 mois contre `tests/data/differential/golden.json`, 12 fichiers aléatoires ; un "
        "sous-ensemble sur PostgreSQL).",
    ])
    write_section("differential", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("golden", "check-golden"):
        command = commands.add_parser(name)
        command.add_argument("--rev", default=REFERENCE)
    full = commands.add_parser("full")
    full.add_argument("--db", type=Path, default=BIG_DB)
    full.add_argument("--old", default=REFERENCE, help="la révision de référence")
    full.add_argument("--old-digests", type=Path, default=BIG_REFERENCE,
                      help="fichier des empreintes de la référence (lu s'il existe, sinon "
                           "écrit)")
    full.add_argument("--reference-only", action="store_true",
                      help="seulement calculer les empreintes de la référence (--old-digests)")
    full.add_argument("--new", type=Path, default=ROOT, help="l'arbre du code comparé")
    full.add_argument("--new-digests", type=Path, default=None,
                      help="fichier des empreintes du code comparé (lu s'il existe, sinon "
                           "écrit : pour calculer les deux côtés en même temps)")
    full.add_argument("--compared-only", action="store_true",
                      help="seulement calculer les empreintes du code comparé (--new-digests)")
    full.add_argument("--year", type=int, default=ALERT_YEAR)
    full.add_argument("--months", default=BIG_MONTHS)
    full.add_argument("--step", type=int, default=1, help="un jour sur STEP")
    full.add_argument("--files", type=int, default=12)
    full.add_argument("--first-seed", type=int, default=1000)
    full.add_argument("--households", type=int, default=600)
    full.add_argument("--write", action="store_true",
                      help="met les comptes dans benchmarks/RESULTS.md")
    worker = commands.add_parser("worker")
    worker.add_argument("--db", default=None)
    worker.add_argument("--year", type=int, default=ALERT_YEAR)
    worker.add_argument("--months", default=BIG_MONTHS)
    worker.add_argument("--step", type=int, default=1)
    worker.add_argument("--progress", action="store_true")
    worker.add_argument("--random-files", type=int, default=0)
    worker.add_argument("--first-seed", type=int, default=1000)
    worker.add_argument("--households", type=int, default=600)
    args = parser.parse_args(argv)
    if args.command == "worker":
        print(json.dumps(work(args)))
        return 0
    if args.command == "full":
        return main_full(args)
    return main_golden(args)


if __name__ == "__main__":
    sys.exit(main())
