"""Wherever a user waits: the questions of the department-scale store timed as whole processes,
each beside its baseline, in one run.

    python -m benchmarks.bench_responsiveness [--db /tmp/big/demo.sqlite3] [--runs 5]
        [--code DIR …] [--postgresql URL] [--write]

Each question is a new process (`python -m desktop_app --db STORE …`, offscreen), timed from
its start to its end (the dashboard: to its data shown, `SUIVI_FSL_TIMINGS_SINCE`), with its
peak memory (`wait4`: the child's maximum resident set):

| question | baseline, a new process too |
|---|---|
| `alerts --on 1990-01-15` (an empty day) | `python -c "import sqlite3"` |
| `alerts --on 2025-10-15` | the raw SQL aggregate of the day (`benchmarks/raw_sql.py`) |
| `points --month 2025-09` | the raw SQL aggregate of the month |
| dashboard shown from launch | a bare PySide6 window shown (its first paint) |
| `grid --year 2025 --out grille.xlsx` | the raw SQL aggregate of the two years |

The code measured is this tree's; each `--code DIR` (another tree, e.g. `git archive fb542ae
| tar -x -C DIR`) is measured too, in the same loop: run r times question q on each tree in
turn, right after its baseline, so that a busy machine weighs on all alike. Each tree works on
its own copy of the store (a newer code may migrate the store it opens; the store given is
never written). `--postgresql URL` (a role allowed to create databases: the server of
`SUIVI_FSL_PG_DURABLE=1 .ci/postgres.sh start`) times the same on a team store of that server
holding the same caseload (`suivi_fsl_reactivite_<households>_<measures>`, filled once from
the SQLite store by a process of its own and kept; `server init` run on it), this tree's code
only (the trees share the database). A child's peak memory is at least this process's own (a
few tens of MB: Linux carries the parent's peak across `exec`), which is why this process
loads no caseload. `--write` puts the table in its section of benchmarks/RESULTS.md and of the
README's « Mesures ».
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.raw_sql import DAY_IN_FORCE, MONTH_VISITS
from benchmarks.results_file import write_section

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SECTION = "bench_responsiveness"
BIG_DB = Path("/tmp/big/demo.sqlite3")
DATABASE = "suivi_fsl_reactivite"
MEGABYTE = 1e6

#: A bare PySide6 window: seconds from SUIVI_FSL_TIMINGS_SINCE to its first paint.
BARE_WINDOW = """
import os, sys, time
since = float(os.environ["SUIVI_FSL_TIMINGS_SINCE"])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
application = QApplication(sys.argv)
class Window(QWidget):
    def paintEvent(self, event):
        print(round(time.time() - since, 4), flush=True)
        QTimer.singleShot(0, application.quit)
window = Window()
window.resize(800, 600)
window.show()
QTimer.singleShot(30000, application.quit)
application.exec()
"""

#: The raw SQL aggregate of a question in a new process: (sqlite3 or psycopg, SQL, parameters).
RAW_PROCESS = """
import sys
kind, url, query, *parameters = sys.argv[1:]
if kind == "sqlite":
    import sqlite3
    connection = sqlite3.connect(f"file:{url}?mode=ro", uri=True)
else:
    import psycopg
    connection = psycopg.connect(url, autocommit=True)
    query = query.replace("?", "%s")
print(connection.execute(query, parameters).fetchall())
"""
@dataclass(frozen=True, slots=True)
class Question:
    key: str
    label: str
    arguments: list[str]  # after `--db STORE`; [] for the dashboard
    goal_seconds: float
    baseline_label: str
    raw: tuple[str, list[str]] | None = None  # (SQL, parameters) of the raw aggregate
    goal_megabytes: float | None = None

    @property
    def window(self) -> bool:
        return not self.arguments


QUESTIONS = [
    Question("vide", "`alerts --on 1990-01-15` (jour vide)", ["alerts", "--on", "1990-01-15"],
             0.40, "`python -c \"import sqlite3\"`"),
    Question("alertes", "`alerts --on 2025-10-15`", ["alerts", "--on", "2025-10-15"], 1.0,
             "agrégat SQL du jour",
             (DAY_IN_FORCE, ["2025-08-01", "2025-10-15", "2025-10-15", "2025-10-15"])),
    Question("points", "`points --month 2025-09`", ["points", "--month", "2025-09"], 0.6,
             "agrégat SQL du mois", (MONTH_VISITS, ["2025-09-01", "2025-09-30"])),
    Question("tableau", "tableau de bord affiché, depuis le lancement", [], 1.2,
             "fenêtre PySide6 nue affichée"),
    Question("grille", "`grid --year 2025 --out grille.xlsx` (N et N−1)",
             ["grid", "--year", "2025", "--out", "grille.xlsx"], 4.0,
             "agrégat SQL des deux années", (MONTH_VISITS, ["2024-01-01", "2025-12-31"]), 250),
]


@dataclass(slots=True)
class Measured:
    seconds: list[float] = field(default_factory=list)
    megabytes: list[float] = field(default_factory=list)

    def add(self, seconds: float, megabytes: float) -> None:
        self.seconds.append(seconds)
        self.megabytes.append(megabytes)


def environment(home: Path, code: Path | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               SUIVI_FSL_DATA_DIR=str(home / "data"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    # PYTHONDONTWRITEBYTECODE: an installed program has its modules compiled (pip and the
    # frozen build write them); without their .pyc, every run would compile ours again.
    for name in ("SUIVI_FSL_DB", "SUIVI_FSL_PASSPHRASE", "SUIVI_FSL_TIMINGS_SINCE",
                 "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """(seconds, peak resident megabytes, stdout) of one process run to its end."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace")
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} : code {process.returncode}\n"
                             f"{err.read().decode('utf-8', 'replace')[-3000:]}")
    return seconds, usage.ru_maxrss * 1024 / MEGABYTE, text


def dashboard(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(seconds from the process's launch to the line it prints, peak megabytes)."""
    since = time.time()
    _, megabytes, text = timed(command, dict(env, SUIVI_FSL_TIMINGS_SINCE=repr(since)), cwd)
    first = text.splitlines()[0]
    seconds = float(json.loads(first)["seconds"]) if first.startswith("{") else float(first)
    return seconds, megabytes


@dataclass(slots=True)
class Target:
    """A store and the trees measured on it: (name, code folder or None for this tree,
    store URL of that tree)."""

    engine: str
    raw: tuple[str, str]  # ("sqlite", path) or ("postgresql", libpq URL)
    trees: list[tuple[str, Path, str]]


def measure(target: Target, runs: int, home: Path) -> dict[tuple[str, str], Measured]:
    """Every question on every tree of `target`, `runs` times, interleaved with its baseline."""
    results: dict[tuple[str, str], Measured] = {}
    neutral = home / "travail"
    neutral.mkdir(exist_ok=True)
    for run in range(-1, runs):  # run -1: a warm-up, not kept (.pyc written, pages cached)
        kept = results if run >= 0 else {}
        for question in QUESTIONS:
            baseline = baseline_work(question, target, home, neutral)
            kept.setdefault((question.key, "base"), Measured()).add(*baseline())
            for name, code, url in target.trees:
                env = environment(home, code)
                command = [sys.executable, "-m", "desktop_app", "--db", url,
                           *question.arguments]
                if question.window:
                    seconds, megabytes = dashboard(command, env, neutral)
                else:
                    seconds, megabytes, _ = timed(command, env, neutral)
                kept.setdefault((question.key, name), Measured()).add(seconds, megabytes)
            print(f"  {target.engine} {run + 1}/{runs} {question.key} : " + ", ".join(
                f"{name} {kept[(question.key, name)].seconds[-1]:.2f} s"
                for name in ("base", *(t[0] for t in target.trees))), file=sys.stderr)
    return results


def baseline_work(question: Question, target: Target, home: Path, neutral: Path
                  ) -> Callable[[], tuple[float, float]]:
    env = environment(home, None)
    if question.window:
        return lambda: dashboard([sys.executable, "-c", BARE_WINDOW], env, neutral)
    if question.raw is None:
        def bare() -> tuple[float, float]:
            seconds, megabytes, _ = timed([sys.executable, "-c", "import sqlite3"], env,
                                          neutral)
            return seconds, megabytes
        return bare
    query, parameters = question.raw
    kind, where = target.raw

    def raw() -> tuple[float, float]:
        seconds, megabytes, _ = timed([sys.executable, "-c", RAW_PROCESS, kind, where, query,
                                       *parameters], env, neutral)
        return seconds, megabytes
    return raw


# --- the stores ------------------------------------------------------------------------------
def extracted_code(folder: Path) -> Path:
    """A tree given by `--code`: its folder (with `desktop_app/` inside)."""
    if not (folder / "desktop_app" / "__init__.py").is_file():
        raise SystemExit(f"{folder} : pas de dossier desktop_app/ (un arbre du code attendu)")
    return folder.resolve()


#: Fills the team store (argv: its URL, the SQLite store) in a process of its own: this one
#: stays small, or the children it starts would inherit its peak in their `ru_maxrss`.
FILL = """
import sys, time
from desktop_app.store.repository import open_store
from desktop_app.store.server_setup import init_server
team, sqlite_copy = sys.argv[1:]
init_server(team)
store = open_store(team)
if store.is_empty():
    print(f"  remplissage de la base depuis {sqlite_copy}…", file=sys.stderr, flush=True)
    started = time.perf_counter()
    source = open_store(f"sqlite:///{sqlite_copy}")
    caseload = source.export_caseload()
    source.close()
    store.import_caseload(caseload, source="banc de réactivité")
    print(f"  rempli en {time.perf_counter() - started:.0f} s", file=sys.stderr)
store.close()
"""


def postgresql_store(server: str, sqlite_copy: Path, home: Path) -> tuple[str, str]:
    """The team store on `server` holding the caseload of `sqlite_copy` (a database named
    after its size, made and filled once, kept for the next runs): (its store URL, libpq URL
    for the raw SQL)."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    counts = store_counts(sqlite_copy)
    name = f"{DATABASE}_{counts[0]}_{counts[1]}"
    url = make_url(server).set(drivername="postgresql+psycopg")
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                         (name,)).fetchone() is None:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    team = url.set(database=name).render_as_string(hide_password=False)
    subprocess.run([sys.executable, "-c", FILL, team, str(sqlite_copy)], check=True,
                   env=environment(home, ROOT), cwd=home)
    return team, make_url(team).set(drivername="postgresql").render_as_string(
        hide_password=False)


def store_counts(path: Path) -> list[int]:
    """Households, measures and visits of the SQLite store `path` (read only)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("households", "measures", "visits")]
    finally:
        connection.close()


def store_text(path: Path) -> str:
    """« N ménages, M mesures, V visites » of the SQLite store `path`."""
    counts = store_counts(path)
    spaced = [f"{n:,}".replace(",", " ") for n in counts]
    return f"{spaced[0]} ménages, {spaced[1]} mesures, {spaced[2]} visites"


# --- the table -------------------------------------------------------------------------------
def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def table(target: Target, results: dict[tuple[str, str], Measured], mine: str) -> list[str]:
    lines = ["| Question | Code | Médiane (s) | Min–max (s) | Mémoire max (Mo) | Référence "
             "du même tour | Médiane référence (s) | Objectif | Atteint |",
             "|---|---|---:|---:|---:|---|---:|---|:---:|"]
    for question in QUESTIONS:
        base = results[(question.key, "base")]
        for name, _, _ in target.trees:
            found = results[(question.key, name)]
            seconds = statistics.median(found.seconds)
            megabytes = max(found.megabytes)
            goal = f"≤ {number(question.goal_seconds)} s"
            met = seconds <= question.goal_seconds
            if question.goal_megabytes is not None:
                goal += f", ≤ {question.goal_megabytes:.0f} Mo"
                met = met and megabytes <= question.goal_megabytes
            lines.append(
                f"| {question.label} | {name} | {number(seconds)} | "
                f"{number(min(found.seconds))}–{number(max(found.seconds))} | "
                f"{megabytes:.0f} | {question.baseline_label} | "
                f"{number(statistics.median(base.seconds), 3)} | {goal} | "
                f"{('oui' if met else 'non') if name == mine else '—'} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=BIG_DB)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, action="append", default=[],
                        help="un autre arbre du code, mesuré dans la même boucle")
    parser.add_argument("--postgresql", metavar="URL",
                        help="serveur où une base d'équipe tient la même démonstration")
    parser.add_argument("--write", action="store_true",
                        help="met le tableau dans benchmarks/RESULTS.md et le README")
    args = parser.parse_args(argv)
    mine = "ce code"
    others = [extracted_code(folder) for folder in args.code]
    started = datetime.now()
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-reactivite-") as temporary:
        home = Path(temporary)
        trees: list[tuple[str, Path, str]] = []
        for index, code in enumerate([ROOT, *others]):
            # Byte-compiled beforehand: a tree just extracted pays no compilation in its runs.
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "desktop_app")],
                           check=True)
            copy = home / f"base-{index}.sqlite3"
            shutil.copyfile(args.db, copy)  # each tree on its own copy: never the store given
            name = mine if code == ROOT else f"`{code.name}`"
            trees.append((name, code, f"sqlite:///{copy}"))
        targets = [Target("SQLite", ("sqlite", str(home / "base-0.sqlite3")), trees)]
        if args.postgresql:
            team, libpq = postgresql_store(args.postgresql, home / "base-0.sqlite3", home)
            targets.append(Target("PostgreSQL", ("postgresql", libpq), [(mine, ROOT, team)]))
        for target in targets:
            results = measure(target, args.runs, home)
            sections += ["", f"### {target.engine}", "", *table(target, results, mine)]
    load = ", ".join(number(x, 1) for x in os.getloadavg())
    names = ", ".join(f"`{code.name}`" for code in others)
    text = "\n".join([
        "## Réactivité : là où l'utilisateur attend",
        "",
        f"`python -m benchmarks.bench_responsiveness --runs {args.runs}"
        + "".join(f" --code {c.name}" for c in others)
        + (" --postgresql URL" if args.postgresql else "")
        + f"` le {started:%d/%m/%Y %H:%M} sur `{args.db.name}` ({store_text(args.db)}). "
        f"Machine : {platform.machine()}, {os.cpu_count()} cœurs, Python "
        f"{platform.python_version()} ; charge moyenne à la fin : {load}.",
        "",
        "Chaque question est un processus neuf (`python -m desktop_app --db BASE …`, hors "
        "écran), du lancement à la fin (le tableau de bord : jusqu'à ses données affichées), "
        "avec sa mémoire maximale (`wait4`). Dans la même boucle, tour à tour : la référence "
        "de la question (un processus neuf aussi : `import sqlite3`, une fenêtre PySide6 nue, "
        "ou l'agrégat SQL brut de la question par `sqlite3` ou psycopg), puis chaque code"
        + (f" (ce code, puis {names})" if others else "")
        + f". Un tour d'échauffement non compté, puis médianes de {args.runs} tours ; "
        "« Atteint » juge ce code seul.",
        *sections,
    ])
    print(text)
    if args.write:
        write_section(SECTION, text)
        readme = text.replace("\n### ", "\n#### ").replace("## Réactivité", "### Réactivité", 1)
        write_section(SECTION, readme + "\n\nDétail et autres mesures dans "
                      "`benchmarks/RESULTS.md`.", README)
    return 0


if __name__ == "__main__":
    sys.exit(main())
