"""A team's load on one PostgreSQL server (issue 12, « Load »): the engine of
`bench_server_load` and of `tests/store/test_server_load.py`.

`build` makes a database on the server as a real association would: a fictitious caseload
(`desktop_app.demo`) imported by the owner, `server init` (`init_server`, what the command
runs), then one personal account per worker process made by `account_admin.add_account` (what
`account add` runs): `travailleur` accounts, each the referent of its own caseload, and
`responsable` accounts. The travailleurs work in pairs: one household of the first of each
pair is shared with the second (`account_admin.share`, what `account share` runs), and its measure
(« the shared measure ») is edited by both and by the responsables.

`run` starts one process per account (multiprocessing, 'forkserver': a fresh interpreter per
process, nothing of the parent's connections inherited), each opening its own store with its
own login URL, as a workstation's window does:
- a travailleur adds visits to the measures of its caseload in turn, exactly as the measure
  screen does (`MeasureScreen._save_change`): the measure shown is read, then on « save » read
  again, the visit appended and `save_measure(measure, expected=shown)` called — the
  application's check (`tracked`), the audit entry and the write in one transaction, after
  the writers' lock (`engine.write`). Every few saves it adds one to the shared measure
  instead, on the screen it left open since its last visit to it (`shown` kept): if its pair
  or a responsable saved the measure meanwhile, the application refuses with its French
  `ConflictError`; the worker then reloads and saves again, as the message asks.
- a responsable opens the shared measure of a pair, produces the annual grid (the store's
  `write_store_grid`, N and N−1, to an .xlsx), then adds a visit on the screen it opened
  before the grid: refused if the measure changed meanwhile. Then the next pair, until the end.
The run ends at a deadline (`seconds`) or after a number of saves per travailleur (`saves`,
the test's bounded miniature); with `pace`, a travailleur saves once every `pace` seconds
(a person at work) instead of flat out.

Each process returns what it saw: every save attempt (outcome, latency of the whole
« save », time waiting for the writers' lock, time holding it), every grid. `check` then reads
the database as its owner: the visits added must be exactly the successful saves (each once,
nothing else gone or added: no lost update), and counts PostgreSQL's deadlocks
(`pg_stat_database.deadlocks`) beside the deadlock errors the processes met.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event
from sqlalchemy.engine import URL

from desktop_app.demo.generator import generate_caseload
from desktop_app.domain.model import Caseload, Diploma, Visit, VisitOutcome, VisitPlace, Worker
from desktop_app.store import account_admin as accounts
from desktop_app.store.engine import WRITER_LOCK, store_url, write
from desktop_app.store.errors import ConflictError
from desktop_app.store.records import GROUPS
from desktop_app.store.repository import open_store
from desktop_app.store.server_policies import group_role
from desktop_app.store.server_setup import init_server

#: The password of every account of the load (meets the CNIL's recommendation).
PASSWORD = "Charge-Serveur-Vingt-2026!"
#: Every `SHARED_EVERY`-th save of a travailleur goes to its pair's shared measure.
SHARED_EVERY = 4
#: The statement `engine` runs to take the writers' lock (see `_LockClock`).
LOCK_STATEMENT = f"SELECT pg_advisory_xact_lock({WRITER_LOCK})"
#: Words of PostgreSQL's deadlock error, in English or French server messages.
DEADLOCK_WORDS = ("deadlock", "verrou mortel", "interblocage")


def libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass(frozen=True)
class Plan:
    """What one process does, and as whom."""

    role: str  # "travailleur" or "responsable"
    index: int
    url: str  # its own login URL, password included (never printed)
    worker_id: str
    measures: tuple[str, ...] = ()  # a travailleur's own measures
    shared: tuple[str, ...] = ()  # shared measures it edits (one for a travailleur)
    year: int = 0  # the grid's year


@dataclass
class Load:
    """The database made by `build`: its owner's URL, the processes' plans."""

    server: URL
    database: str
    owner_url: URL
    plans: list[Plan]
    logins: list[str]
    households: int
    measures: int
    visits: int
    setup_seconds: float


@dataclass
class Attempt:
    """One « save » of a visit, as its process saw it."""

    role: str
    process: int
    measure: str
    worker: str
    day: date
    shared: bool
    outcome: str  # "ok", "conflict", "error"
    seconds: float  # the whole save: re-read, check, audit, write, commit
    lock_wait: float | None = None
    lock_held: float | None = None
    error_type: str = ""
    message: str = ""
    retry: bool = False  # the save again after a conflict, the measure reloaded


@dataclass
class Report:
    """What every process returned."""

    attempts: list[Attempt] = field(default_factory=list)
    grids: list[float] = field(default_factory=list)
    grid_problems: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    wall: float = 0.0


# --- building the association's database ----------------------------------------------------

def _admin(server: URL) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(libpq(server), autocommit=True)


def team_caseload(households: int, years: int, seed: int, travailleurs: int,
                  responsables: int, today: date) -> tuple[Caseload, list[str], list[str]]:
    """A demo caseload whose households are dealt out to `travailleurs` referents (all the
    measures of a household to the same one); the ids of the travailleurs and of the workers
    the responsables are."""
    caseload = generate_caseload(households=households, years=years, seed=seed, today=today)
    workers = list(caseload.workers)
    taken = {w.id for w in workers}
    number = 1
    while len(workers) < travailleurs + responsables:
        while f"wc{number}" in taken:
            number += 1
        workers.append(Worker(f"wc{number}", f"Renfort {number}", Diploma.AUTRE, 1.0))
        taken.add(f"wc{number}")
    caseload.workers = workers
    chosen = [w.id for w in workers[:travailleurs]]
    heads = [w.id for w in workers[travailleurs:travailleurs + responsables]]
    referent_of = {h.id: chosen[i % travailleurs] for i, h in enumerate(caseload.households)}
    caseload.measures = [replace(m, referent=referent_of[m.household])
                         for m in caseload.measures]
    return caseload, chosen, heads


def build(server: URL, *, travailleurs: int = 20, responsables: int = 2,
          households: int = 600, years: int = 2, seed: int = 1, per_worker: int = 6,
          database: str | None = None, today: date | None = None) -> Load:
    """A new database `database` on `server` (a role that may create databases and roles),
    prepared as described in the module's docstring."""
    started = time.perf_counter()
    today = today or date.today()
    name = database or f"suivi_charge_{os.getpid()}"
    with _admin(server) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    owner_url = server.set(database=name)
    caseload, chosen, heads = team_caseload(households, years, seed, travailleurs,
                                            responsables, today)
    owner = open_store(owner_url)
    try:
        owner.import_caseload(caseload, source="charge")
    finally:
        owner.close()
    init_server(owner_url)
    by_referent: dict[str, list[tuple[str, str]]] = {w: [] for w in chosen}
    for measure in sorted(caseload.measures, key=lambda m: m.id):
        in_force = any(p.start <= today and (p.end is None or today <= p.end)
                       for p in measure.periods)
        if in_force and measure.referent in by_referent:
            by_referent[measure.referent].append((measure.id, measure.household))
    for worker in chosen:  # a worker with too few measures in force takes the others too
        if len(by_referent[worker]) < 2:
            by_referent[worker] += [(m.id, m.household) for m in caseload.measures
                                    if m.referent == worker][:per_worker]
    logins = [f"{name}_t{i + 1:02d}" for i in range(travailleurs)]
    heads_logins = [f"{name}_r{j + 1}" for j in range(responsables)]
    # Pairs (0, 1), (2, 3)…: the first measure of the first is shared with the second.
    shared_of: dict[int, str] = {}
    shares: list[tuple[str, str]] = []
    for first in range(0, travailleurs - 1, 2):
        measure_id, household = by_referent[chosen[first]][0]
        shared_of[first] = shared_of[first + 1] = measure_id
        shares.append((logins[first + 1], household))
    store = open_store(owner_url)
    try:
        with write(store.engine) as connection:
            for login, worker in zip(logins, chosen, strict=True):
                accounts.add_account(connection, login, "travailleur", worker, PASSWORD, today)
            for login, worker in zip(heads_logins, heads, strict=True):
                accounts.add_account(connection, login, "responsable", worker, PASSWORD, today)
            for login, household in shares:
                accounts.share(connection, login, household, _now())
    finally:
        store.close()

    def url(login: str) -> str:
        return owner_url.set(username=login, password=PASSWORD).render_as_string(
            hide_password=False)

    plans: list[Plan] = []
    for i, (login, worker) in enumerate(zip(logins, chosen, strict=True)):
        own = [m for m, _ in by_referent[worker] if m != shared_of.get(i)][:per_worker]
        plans.append(Plan("travailleur", i, url(login), worker, tuple(own),
                          (shared_of[i],) if i in shared_of else ()))
    everyone_shared = tuple(dict.fromkeys(shared_of.values()))
    for j, (login, worker) in enumerate(zip(heads_logins, heads, strict=True)):
        # Each responsable starts on a different pair.
        turn = everyone_shared[j % len(everyone_shared):] + everyone_shared[
            :j % len(everyone_shared)] if everyone_shared else ()
        plans.append(Plan("responsable", j, url(login), worker, (), turn, today.year))
    visits = sum(len(m.visits) for m in caseload.measures)
    return Load(server, name, owner_url, plans, [*logins, *heads_logins],
                len(caseload.households), len(caseload.measures), visits,
                time.perf_counter() - started)


def drop(load: Load) -> None:
    """The database and the roles of `load` gone."""
    with _admin(load.server) as admin:
        for login in load.logins:  # the admin may end their sessions (see tests.server_team)
            if admin.execute("SELECT to_regrole(%s)", (login,)).fetchone() != (None,):
                admin.execute(sql.SQL("GRANT {} TO current_user").format(
                    sql.Identifier(login)))
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(load.database)))
        for role in [*load.logins, *(group_role(load.database, g) for g in GROUPS)]:
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def _now() -> Any:
    from datetime import datetime

    return datetime.now().replace(microsecond=0)


# --- the processes -----------------------------------------------------------------------

class _LockClock:
    """When the current write asked for the writers' lock and got it (engine events)."""

    def __init__(self, engine: Any) -> None:
        self.asked: float | None = None
        self.got: float | None = None
        self.saved: Any = None  # the measure as the last successful save wrote it
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, _c: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement == LOCK_STATEMENT:
            self.asked = time.perf_counter()

    def _after(self, _c: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement == LOCK_STATEMENT:
            self.got = time.perf_counter()

    def reset(self) -> None:
        self.asked = self.got = self.saved = None


class _Days:
    """A new visit day for each (measure, worker): the keys `check` counts stay unique."""

    def __init__(self, year: int) -> None:
        self.first = date(year - 1, 1, 1)
        self.used: Counter[str] = Counter()

    def next(self, measure_id: str) -> date:
        number = self.used[measure_id]
        self.used[measure_id] += 1
        if number >= 700:
            raise RuntimeError("plus de 700 visites d'un même travailleur sur une mesure")
        return self.first + timedelta(days=number)


def _save_visit(store: Any, clock: _LockClock, plan: Plan, measure_id: str, shown: Any,
                day: date, shared: bool) -> Attempt:
    """What the measure screen does on « save » (`MeasureScreen._save_change`)."""
    visit = Visit(day, VisitOutcome.REALISEE, VisitPlace.DOMICILE, plan.worker_id)
    attempt = Attempt(plan.role, plan.index, measure_id, plan.worker_id, day, shared, "ok", 0.0)
    clock.reset()
    started = time.perf_counter()
    try:
        measure = store.measure(measure_id)
        if measure is None:
            raise LookupError(f"mesure {measure_id} introuvable")
        measure.visits.append(visit)
        store.save_measure(measure, expected=shown)
        clock.saved = measure
    except ConflictError as error:
        attempt.outcome, attempt.error_type, attempt.message = (
            "conflict", type(error).__name__, str(error))
    except Exception as error:  # counted, never hidden: StoreError « busy », deadlock…
        attempt.outcome, attempt.error_type, attempt.message = (
            "error", type(error).__name__, str(error)[:500])
    ended = time.perf_counter()
    attempt.seconds = ended - started
    if clock.got is not None and clock.asked is not None:
        attempt.lock_wait = clock.got - clock.asked
        attempt.lock_held = ended - clock.got  # the lock goes with the commit, just before
    return attempt


def _travailleur(plan: Plan, store: Any, clock: _LockClock, deadline: float | None,
                 saves: int | None, pace: float | None, seed: int) -> list[Attempt]:
    rng = random.Random(seed)
    days = _Days(date.today().year)
    attempts: list[Attempt] = []
    own = list(plan.measures) or list(plan.shared)
    left_open: dict[str, Any] = {}  # the shared measure's screen, as last shown
    next_at = time.perf_counter() + (rng.uniform(0, pace) if pace else 0.0)
    number = 0
    while True:
        if saves is not None and number >= saves:
            break
        if pace:
            pause = next_at - time.perf_counter()
            if deadline is not None and time.perf_counter() + max(pause, 0) >= deadline:
                break
            if pause > 0:
                time.sleep(pause)
            next_at += pace
        if deadline is not None and time.perf_counter() >= deadline:
            break
        shared = bool(plan.shared) and number % SHARED_EVERY == SHARED_EVERY - 1
        if shared:
            measure_id = plan.shared[0]
            shown = left_open.get(measure_id) or store.measure(measure_id)
        else:
            measure_id = own[number % len(own)]
            shown = store.measure(measure_id)  # the screen opened
        attempt = _save_visit(store, clock, plan, measure_id, shown, days.next(measure_id),
                              shared)
        attempts.append(attempt)
        if attempt.outcome == "conflict":  # « rechargez la mesure… puis refaites »
            shown = store.measure(measure_id)
            attempt = _save_visit(store, clock, plan, measure_id, shown,
                                  days.next(measure_id), shared)
            attempt.retry = True
            attempts.append(attempt)
        if shared:
            # The screen then shows the measure as saved (`MeasureScreen._adopt`).
            left_open[measure_id] = clock.saved if attempt.outcome == "ok" else None
        number += 1
    return attempts


def _responsable(plan: Plan, store: Any, clock: _LockClock, deadline: float | None,
                 grids: int | None, wait_change: float, report: Report) -> list[Attempt]:
    from desktop_app.reports.grid import write_store_grid

    days = _Days(date.today().year)
    attempts: list[Attempt] = []
    turn = 0
    with tempfile.TemporaryDirectory(prefix="charge-grille-") as folder:
        out = Path(folder) / "grille.xlsx"
        while True:
            if grids is not None and len(report.grids) >= grids:
                break
            if deadline is not None and time.perf_counter() >= deadline:
                break
            measure_id = plan.shared[turn % len(plan.shared)] if plan.shared else None
            turn += 1
            shown = store.measure(measure_id) if measure_id else None
            started = time.perf_counter()
            problems = write_store_grid(store, plan.year, out, parallel=False)
            report.grids.append(time.perf_counter() - started)
            report.grid_problems += problems
            if measure_id is None:
                continue
            # The miniature waits (bounded) for the measure to change under the open screen:
            # a conflict every time, whatever the order the processes ran in.
            until = time.perf_counter() + wait_change
            while time.perf_counter() < until and store.measure(measure_id) == shown:
                time.sleep(0.05)
            if deadline is not None and time.perf_counter() >= deadline:
                break
            attempt = _save_visit(store, clock, plan, measure_id, shown,
                                  days.next(measure_id), True)
            attempts.append(attempt)
            if attempt.outcome == "conflict":
                attempt = _save_visit(store, clock, plan, measure_id,
                                      store.measure(measure_id), days.next(measure_id), True)
                attempt.retry = True
                attempts.append(attempt)
    return attempts


def _process(plan: Plan, start_at: float, seconds: float | None, saves: int | None,
             grids: int | None, pace: float | None, wait_change: float, seed: int,
             results: Any) -> None:
    """One workstation: its own store, its own account (runs in a child process)."""
    report = Report()
    try:
        store = open_store(plan.url)
        try:
            clock = _LockClock(store.engine)
            store.measure(plan.shared[0] if plan.shared else plan.measures[0])  # connected
            # Everyone starts together (`time.time` is the same clock in every process).
            time.sleep(max(0.0, start_at - time.time()))
            begun = time.perf_counter()
            deadline = begun + seconds if seconds is not None else None
            if plan.role == "travailleur":
                report.attempts = _travailleur(plan, store, clock, deadline, saves, pace,
                                               seed * 1000 + plan.index)
            else:
                report.attempts = _responsable(plan, store, clock, deadline, grids,
                                               wait_change, report)
            report.wall = time.perf_counter() - begun
        finally:
            store.close()
    except BaseException:
        report.crashes.append(f"{plan.role} {plan.index}: {traceback.format_exc()[-2000:]}")
    results.put(report)


def run(load: Load, *, seconds: float | None = 60.0, saves: int | None = None,
        grids: int | None = None, pace: float | None = None, wait_change: float = 0.0,
        seed: int = 1, start_delay: float = 3.0) -> Report:
    """Every plan of `load` in its own process, until `seconds` have passed (or `saves`
    saves per travailleur and `grids` grids per responsable); what they all saw."""
    context = multiprocessing.get_context("forkserver")
    results = context.Queue()
    start_at = time.time() + start_delay + 0.1 * len(load.plans)
    processes = [context.Process(target=_process, args=(
        plan, start_at, seconds, saves, grids, pace, wait_change, seed, results))
        for plan in load.plans]
    for process in processes:
        process.start()
    merged = Report()
    for _ in processes:
        part: Report = results.get(timeout=(seconds or 0) + 600)
        merged.attempts += part.attempts
        merged.grids += part.grids
        merged.grid_problems += part.grid_problems
        merged.crashes += part.crashes
        merged.wall = max(merged.wall, part.wall)
    for process in processes:
        process.join(timeout=30)
    return merged


# --- checking and summing up ---------------------------------------------------------------

def visit_keys(load: Load) -> Counter[tuple[str, str | None, date]]:
    """Every stored visit as (measure, worker, day), read as the owner."""
    with psycopg.connect(libpq(load.owner_url)) as connection:
        rows = connection.execute("SELECT measure_id, worker_id, day FROM visits").fetchall()
    return Counter((str(m), None if w is None else str(w), d) for m, w, d in rows)


def deadlocks(load: Load) -> int:
    """PostgreSQL's own count of deadlocks in the database."""
    with _admin(load.server) as admin:
        found = admin.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = %s",
                              (load.database,)).fetchone()
    return int(str(found[0])) if found and found[0] is not None else 0


@dataclass
class Verdict:
    """What `check` found."""

    saved: int
    conflicts: int
    errors: int
    lost: int  # successful saves not in the database
    duplicated: int  # successful saves stored more than once
    unexpected: int  # visits added or removed that no successful save explains
    deadlock_errors: int
    deadlocks_counted: int  # pg_stat_database.deadlocks, after minus before
    conflicts_not_french: list[str]
    error_messages: Counter[str]

    @property
    def sound(self) -> bool:
        return (not self.lost and not self.duplicated and not self.unexpected
                and not self.deadlock_errors and not self.deadlocks_counted
                and not self.conflicts_not_french)


def _is_deadlock(attempt: Attempt) -> bool:
    text = f"{attempt.error_type} {attempt.message}".lower()
    return any(word in text for word in DEADLOCK_WORDS)


def check(load: Load, report: Report, before: Counter[tuple[str, str | None, date]],
          deadlocks_before: int) -> Verdict:
    """The database against what the processes said (see the module's docstring)."""
    after = visit_keys(load)
    expected = Counter(before)
    done = [a for a in report.attempts if a.outcome == "ok"]
    for attempt in done:
        expected[(attempt.measure, attempt.worker, attempt.day)] += 1
    keys = {(a.measure, a.worker, a.day) for a in done}
    lost = sum(1 for k in keys if after[k] - before[k] < 1)
    duplicated = sum(1 for k in keys if after[k] - before[k] > 1)
    unexpected = sum(((after - expected) + (expected - after)).values())
    conflicts = [a for a in report.attempts if a.outcome == "conflict"]
    not_french = [f"{a.error_type}: {a.message}" for a in conflicts
                  if a.error_type != "ConflictError" or "ailleurs" not in a.message]
    errors = [a for a in report.attempts if a.outcome == "error"]
    return Verdict(
        saved=len(done), conflicts=len(conflicts), errors=len(errors), lost=lost,
        duplicated=duplicated, unexpected=unexpected,
        deadlock_errors=sum(1 for a in report.attempts if _is_deadlock(a)),
        deadlocks_counted=deadlocks(load) - deadlocks_before,
        conflicts_not_french=not_french,
        error_messages=Counter(f"{a.error_type}: {a.message[:160]}" for a in errors))


def quantile(values: list[float], q: float) -> float:
    """The `q` quantile (nearest rank) of `values`; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 1))))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def alone(load: Load, saves: int = 40) -> list[Attempt]:
    """`saves` saves of the first travailleur one after the other, in this process, nothing
    else running: what one save costs without any concurrency (same code, same account)."""
    plan = next(p for p in load.plans if p.role == "travailleur")
    store = open_store(plan.url)
    try:
        clock = _LockClock(store.engine)
        days = _Days(date.today().year + 3)  # days no process of a run uses
        attempts = []
        for number in range(saves):
            measure_id = plan.measures[number % len(plan.measures)]
            shown = store.measure(measure_id)
            attempts.append(_save_visit(store, clock, plan, measure_id, shown,
                                        days.next(measure_id), False))
        return attempts
    finally:
        store.close()


# --- the raw baseline ----------------------------------------------------------------------

@contextmanager
def raw_table(load: Load) -> Iterator[str]:
    """A scratch table for the raw baseline, dropped afterwards."""
    name = "charge_brut"
    with psycopg.connect(libpq(load.owner_url), autocommit=True) as connection:
        connection.execute(f"DROP TABLE IF EXISTS {name}")
        connection.execute(f"CREATE TABLE {name} (id bigserial PRIMARY KEY, measure_id text, "
                           "day date, worker_id text)")
    try:
        yield name
    finally:
        with psycopg.connect(libpq(load.owner_url), autocommit=True) as connection:
            connection.execute(f"DROP TABLE IF EXISTS {name}")


def raw_inserts(load: Load, table: str, seconds: float, connections: int = 1
                ) -> tuple[list[float], float]:
    """Bare one-row INSERTs, each its own committed transaction, with psycopg as the owner,
    from `connections` threads at once for `seconds`: each INSERT's time, and the wall."""
    import threading

    times: list[float] = []
    lock = threading.Lock()
    url = libpq(load.owner_url)

    def loop(number: int) -> None:
        mine: list[float] = []
        with psycopg.connect(url, autocommit=True) as connection:
            until = time.perf_counter() + seconds
            while time.perf_counter() < until:
                started = time.perf_counter()
                connection.execute(f"INSERT INTO {table} (measure_id, day, worker_id) "
                                   "VALUES (%s, %s, %s)", (f"m{number}", date.today(), "w"))
                mine.append(time.perf_counter() - started)
        with lock:
            times.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=loop, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, time.perf_counter() - started


def server_settings(load: Load) -> dict[str, str]:
    with _admin(load.server) as admin:
        return {name: str(admin.execute(f"SHOW {name}").fetchone()[0])  # type: ignore[index]
                for name in ("server_version", "fsync", "synchronous_commit", "full_page_writes",
                             "max_connections")}


def admin_url(text: str) -> URL:
    return store_url(text)


__all__ = ["Attempt", "Load", "Plan", "Report", "Verdict", "admin_url", "alone",
           "build", "check", "deadlocks", "drop", "median", "quantile", "raw_inserts",
           "raw_table", "run", "server_settings", "visit_keys"]
