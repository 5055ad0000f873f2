"""Department-scale benchmark of the store and both engines, run by hand.

    python -m benchmarks.bench_store [--households 50000 --years 10] [--seed 1] [--db PATH]
                                     [--runs 5] [--rebuild] [--no-history] [--only-grid]
                                     [--postgresql URL [--skip-sqlite]]

Builds (or reuses) a store of the whole Pas-de-Calais FSL activity (50 000 households over 10
years, about a million visits: `desktop_app.demo.generate_caseload`), times its generation
and import, then side by side in the same run:

- `points --month`: `store.load_for_month` + `compute_month_points`, against a plain SQL
  aggregate over the visits of the month (target < 1 s and within 10× of it);
- `alerts --on`: `store.load_for_day` + `compute_alerts`, against the raw SQL count of the
  measures in force and their recent visits (target < 2 s), on days with more or fewer
  measures in force, and on a store of 2 years with the same yearly activity: the cost
  follows the measures in force, not the years of history;
- the sections of `hooks.py`: the window (issue 4) and `grid --year` (issue 5, target
  < 10 s on one core; `--only-grid` times it alone and leaves RESULTS.md as it is).

Prints a Markdown table of medians and writes it to `benchmarks/RESULTS.md`.

`--postgresql URL` (a role allowed to create databases, e.g. the test server of
`SUIVI_FSL_PG_DURABLE=1 .ci/postgres.sh start`) runs the same measurements in the same run
on a PostgreSQL database of that server (`bench_postgresql`: made, prepared by `server init`
and filled once, then reused), beside SQLite, and the cost of row-level security (the same
questions as a `responsable` and a `travailleur` account); its table goes to its own section
of RESULTS.md. `--skip-sqlite` measures PostgreSQL alone (the SQLite table is kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import raw_sql
from benchmarks.timing import Row, count, interleaved_medians, once, seconds
from desktop_app.domain.dates import Month, add_months
from desktop_app.domain.model import Caseload
from desktop_app.paths import sqlite_url

if TYPE_CHECKING:
    from desktop_app.store.repository import SqlStore

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
MONTH_LIMIT, MONTH_RATIO, DAY_LIMIT, BUILD_LIMIT = 1.0, 10.0, 2.0, 120.0
#: The years of the store of the history comparison.
HISTORY_YEARS = 2


@dataclass(slots=True)
class Bench:
    """What every measurement needs (also handed to the hooks of `hooks.py`)."""

    store: SqlStore
    path: Path
    url: str
    today: date
    runs: int
    raw: raw_sql.Raw


def generated(households: int, years: int, seed: int, today: date) -> tuple[float, Caseload]:
    """A new caseload (`generate_caseload` is deterministic: each engine gets the same one;
    none is kept for the next engine, so that no engine is measured with a million visits
    more in memory) and the time it took."""
    from desktop_app.demo import generate_caseload

    return once(lambda: generate_caseload(households, years, seed, today))


def fill(store: SqlStore, households: int, years: int, seed: int, today: date) -> list[Row]:
    """Generate (or reuse) the caseload and import it into the empty `store`: the rows."""
    from desktop_app.demo import demo_summary

    spent, caseload = generated(households, years, seed, today)
    imported, _ = once(lambda: store.import_caseload(caseload))
    print(f"  {demo_summary(caseload)} ; import : {seconds(imported)} s", flush=True)
    what = f"{count(households)} ménages, {years} ans"
    return [Row("génération (`generate_caseload`)", what, spent),
            Row("import (`SqlStore.import_caseload`)", what, imported),
            Row("génération + import", what, spent + imported, limit=BUILD_LIMIT)]


def build_store(path: Path, households: int, years: int, seed: int, today: date,
                rebuild: bool) -> tuple[SqlStore, list[Row]]:
    """Open the store at `path`, generating and importing the caseload unless it is there."""
    from desktop_app.store.repository import open_store

    if rebuild or not path.exists() or path.stat().st_size == 0:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        store = open_store(sqlite_url(path))
        return store, fill(store, households, years, seed, today)
    return open_store(sqlite_url(path)), []


def month_rows(bench: Bench, months: list[Month]) -> list[Row]:
    from desktop_app.domain.funding import MonthPoints, compute_month_points

    store, rows = bench.store, []
    for month in months:
        def load(m: Month = month) -> Caseload:
            return store.load_for_month(m)

        def answer(m: Month = month) -> MonthPoints:
            return compute_month_points(store.load_for_month(m), m)

        def raw(m: Month = month) -> list[tuple[str, int, int]]:
            return raw_sql.month_aggregate(bench.raw, m)

        (loaded, caseload), (total, result), (baseline, _) = interleaved_medians(
            [load, answer, raw], bench.runs)
        assert isinstance(caseload, Caseload) and isinstance(result, MonthPoints)
        detail = (f"{count(len(caseload.measures))} mesures chargées (chargement "
                  f"{seconds(loaded)} s), {count(result.points)} points")
        rows.append(Row(f"`points --month {month}`", detail, total, baseline,
                        MONTH_LIMIT, MONTH_RATIO))
    return rows


def day_rows(bench: Bench, days: list[date], label: str = "") -> list[Row]:
    from desktop_app.domain.alerts import Alert, compute_alerts

    store, rows = bench.store, []
    settings = store.alert_settings()
    for day in days:
        def load(d: date = day) -> Caseload:
            return store.load_for_day(d)

        def answer(d: date = day) -> list[Alert]:
            return compute_alerts(store.load_for_day(d), d, settings)

        def raw(d: date = day) -> list[tuple[str, int, int]]:
            return raw_sql.day_aggregate(bench.raw, d)

        (loaded, caseload), (total, alerts), (baseline, _) = interleaved_medians(
            [load, answer, raw], bench.runs)
        assert isinstance(caseload, Caseload) and isinstance(alerts, list)
        detail = (f"{label}{count(raw_sql.in_force(bench.raw, day))} mesures en vigueur, "
                  f"{count(len(caseload.measures))} chargées (chargement {seconds(loaded)} s), "
                  f"{count(len(alerts))} alertes")
        rows.append(Row(f"`alerts --on {day}`", detail, total, baseline, DAY_LIMIT))
    return rows


def measured_rows(bench: Bench, years: int) -> list[Row]:
    """Every question of the table on `bench` (either engine), in the table's order."""
    today = bench.today
    start = add_months(today, -12 * years)
    months = [Month.of(today), Month.of(today).previous(),
              Month.of(add_months(today, -6 * years)), Month.of(start).plus(1)]
    rows = month_rows(bench, months)
    days = [today, today - timedelta(days=30), add_months(today, -6 * years),
            start + timedelta(days=60)]
    rows += day_rows(bench, days)
    from benchmarks.hooks import SECTIONS

    for section in SECTIONS:
        rows += section(bench)
    return rows


def history_rows(args: argparse.Namespace, path: Path, today: date) -> list[Row]:
    """The same day on a store of 2 years with the same activity per year."""
    households = max(1, args.households * HISTORY_YEARS // args.years)
    small_path = path.with_name(f"{path.stem}-{HISTORY_YEARS}ans{path.suffix}")
    print(f"Base de comparaison : {count(households)} ménages, {HISTORY_YEARS} ans → "
          f"{small_path}", flush=True)
    store, _ = build_store(small_path, households, HISTORY_YEARS, args.seed, today,
                           args.rebuild)
    with raw_sql.connect(small_path) as raw:
        bench = Bench(store, small_path, sqlite_url(small_path), today, args.runs, raw)
        return day_rows(bench, [today], history_label(households))


def history_label(households: int) -> str:
    return f"base de {HISTORY_YEARS} ans ({count(households)} ménages) : "


def write_results(rows: list[Row], header: str) -> str:
    """RESULTS.md: this table, then the sections of the other benchmarks (from the one of
    `bench_import_memory.py` on) kept as they were."""
    from benchmarks.bench_import_memory import SECTION
    from benchmarks.results_file import markers
    from benchmarks.timing import markdown_table
    from desktop_app.private_files import write_text

    text = f"{header}\n\n{markdown_table(rows)}\n"
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    begin = markers(SECTION)[0]
    kept = f"\n{current[current.index(begin):]}" if begin in current else ""
    write_text(RESULTS, text + kept)
    RESULTS.chmod(0o644)
    return text


def sqlite_run(args: argparse.Namespace, today: date) -> list[Row]:
    """The SQLite table (written to RESULTS.md), its rows."""
    path: Path = args.db or Path(tempfile.gettempdir()) / (
        f"suivi-fsl-bench-{args.households}-{args.years}-{args.seed}.sqlite3")
    path = path.expanduser().resolve()
    print(f"Base : {path}", flush=True)
    store, rows = build_store(path, args.households, args.years, args.seed, today, args.rebuild)
    with raw_sql.connect(path) as raw:
        bench = Bench(store, path, sqlite_url(path), today, args.runs, raw)
        if args.only_grid:
            from benchmarks.hooks import grid_rows
            from benchmarks.timing import markdown_table

            load = ", ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())
            print(f"{markdown_table(grid_rows(bench))}\n\nCharge moyenne à la fin : {load}.")
            return []
        households, measures, visits = raw_sql.totals(raw)
        rows += measured_rows(bench, args.years)
    store.close()
    print(f"Écrit dans {RESULTS} (la comparaison d'historique suit).", flush=True)
    write_results(rows, _header(args, path, today, households, measures, visits))
    if not args.no_history:
        rows += history_rows(args, path, today)
    print(write_results(rows, _header(args, path, today, households, measures, visits)))
    return rows


def postgresql_run(args: argparse.Namespace, today: date, sqlite: list[Row] | None) -> None:
    """The same measurements on PostgreSQL, and the cost of row-level security: their
    section of RESULTS.md."""
    from benchmarks import bench_postgresql as pg
    from desktop_app.store.engine import store_url

    server = store_url(args.postgresql)
    print(f"PostgreSQL : base {pg.database_name(args.households, args.years, args.seed)}",
          flush=True)
    store, url, rows = pg.build(server, args.households, args.years, args.seed, today,
                                args.rebuild, fill)
    with raw_sql.connect_postgresql(pg.url_text(url)) as raw:
        bench = Bench(store, Path(url.database or ""), pg.url_text(url), today, args.runs, raw)
        totals = raw_sql.totals(raw)
        rows += measured_rows(bench, args.years)
        rls = pg.rls_rows(bench)
        pg.write_results(args, url, raw, totals, rows, rls, sqlite)
        store.close()
        if not args.no_history:
            households = max(1, args.households * HISTORY_YEARS // args.years)
            small, small_url, _ = pg.build(server, households, HISTORY_YEARS, args.seed, today,
                                           args.rebuild, fill)
            with raw_sql.connect_postgresql(pg.url_text(small_url)) as small_raw:
                small_bench = Bench(small, Path(small_url.database or ""),
                                    pg.url_text(small_url), today, args.runs, small_raw)
                rows += day_rows(small_bench, [today], history_label(households))
            small.close()
        print(pg.write_results(args, url, raw, totals, rows, rls, sqlite))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--rebuild", action="store_true", help="regenerate an existing store")
    parser.add_argument("--no-history", action="store_true",
                        help="skip the 2-year store of the history comparison")
    parser.add_argument("--only-grid", action="store_true",
                        help="time the annual grid only and print its row (RESULTS.md kept)")
    parser.add_argument("--postgresql", metavar="URL", default=None,
                        help="also measure on a database of this PostgreSQL server "
                             "(a role allowed to create databases)")
    parser.add_argument("--skip-sqlite", action="store_true",
                        help="with --postgresql: measure PostgreSQL only")
    args = parser.parse_args(argv)
    if args.skip_sqlite and not args.postgresql:
        parser.error("--skip-sqlite ne va qu'avec --postgresql URL")
    sqlite = None if args.skip_sqlite else sqlite_run(args, args.today)
    if args.postgresql and not args.only_grid:
        postgresql_run(args, args.today, sqlite)
    return 0


def _header(args: argparse.Namespace, path: Path, today: date, households: int,
            measures: int, visits: int) -> str:
    load = ", ".join(f"{x:.1f}".replace(".", ",") for x in os.getloadavg())
    return (
        f"# Mesures à l'échelle du département\n\n"
        f"`python benchmarks/bench_store.py --households {args.households} --years {args.years}"
        f" --seed {args.seed} --runs {args.runs}` le {datetime.now():%d/%m/%Y %H:%M}, "
        f"aujourd'hui = {today:%d/%m/%Y}.\n\n"
        f"Base SQLite : {count(households)} ménages, {count(measures)} mesures, "
        f"{count(visits)} visites ({path.stat().st_size / 1e6:.0f} Mo). Machine : "
        f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version} ; charge moyenne à la fin : {load}.\n\n"
        f"Médiane de {args.runs} exécutions, chemin complet, chargement seul et SQL brut "
        f"tour à tour (génération et import : une seule). « SQL brut » : "
        f"agrégat SQL direct (`sqlite3`) sur les mêmes tables, dans la même exécution "
        f"(`benchmarks/raw_sql.py`).")


if __name__ == "__main__":
    sys.exit(main())
