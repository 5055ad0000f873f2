"""A team's load on one PostgreSQL server (« Load »), in miniature: the engine of
`benchmarks/bench_server_load.py` (`benchmarks.server_load`) with 3 travailleur processes and
1 responsable, each with its own account and its own connection, bounded by a number of saves
(never by time: no wall-clock assertion here, the figures are the benchmark's).

Travailleurs 1 and 2 share one measure (a household of the first shared with the second);
each saves 16 visits through the application's save (`save_measure(…, expected=shown)`),
one in four on the shared measure, on the screen left open since its last visit to it. The
responsable opens the shared measure, produces the annual grid, waits (bounded) until the
measure changed under its open screen, then saves: refused, every time, by the application's
French `ConflictError`; it reloads and saves again. Skipped when no test server is given."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks import server_load
from desktop_app.store.tracked import MEASURE_CHANGED
from tests.postgres import TestServer

SAVES = 16


@pytest.fixture
def load(pg_server: TestServer) -> Iterator[server_load.Load]:
    import os

    made = server_load.build(pg_server.url, travailleurs=3, responsables=1, households=40,
                             years=2, seed=3, per_worker=3,
                             database=f"suivi_charge_test_{os.getpid()}")
    yield made
    server_load.drop(made)


def test_three_travailleurs_and_a_responsable_lose_nothing_and_conflicts_are_french(
        load: server_load.Load) -> None:
    travailleurs = [p for p in load.plans if p.role == "travailleur"]
    responsable, = (p for p in load.plans if p.role == "responsable")
    # The pair (1, 2) edits one shared measure; the third works alone; the responsable
    # opens that shared measure.
    assert travailleurs[0].shared == travailleurs[1].shared != ()
    assert travailleurs[2].shared == ()
    assert responsable.shared == travailleurs[0].shared
    assert all(p.measures for p in travailleurs)
    before = server_load.visit_keys(load)
    deadlocks_before = server_load.deadlocks(load)

    report = server_load.run(load, seconds=None, saves=SAVES, grids=1, pace=0.25,
                             wait_change=30.0, start_delay=1.0)

    assert report.crashes == []
    assert len(report.grids) == 1
    verdict = server_load.check(load, report, before, deadlocks_before)
    # No other failure than conflicts (no « base occupée », no deadlock, no SQL error).
    assert verdict.errors == 0, verdict.error_messages
    assert verdict.deadlock_errors == 0 and verdict.deadlocks_counted == 0
    # Each travailleur: 16 saves, each refused one followed by one retry, the measure
    # reloaded (a retry refused again is counted and left).
    for plan in travailleurs:
        mine = [a for a in report.attempts if a.role == "travailleur" and a.process == plan.index]
        first = [a for a in mine if not a.retry]
        assert len(first) == SAVES
        assert len(mine) - SAVES == sum(1 for a in first if a.outcome == "conflict")
    # The responsable's stale screen is refused, then its reload saves.
    heads = [a for a in report.attempts if a.role == "responsable"]
    assert [(a.outcome, a.retry) for a in heads] in (
        [("conflict", False), ("ok", True)], [("conflict", False), ("conflict", True)])
    # Every conflict is the application's French refusal, word for word.
    conflicts = [a for a in report.attempts if a.outcome == "conflict"]
    assert conflicts and verdict.conflicts == len(conflicts)
    assert {(a.error_type, a.message) for a in conflicts} == {("ConflictError", MEASURE_CHANGED)}
    assert verdict.conflicts_not_french == []
    # No lost update: the visits stored are those before plus exactly one per save reported
    # successful — counted, not sampled.
    ok = [a for a in report.attempts if a.outcome == "ok"]
    assert verdict.saved == len(ok) == len(report.attempts) - len(conflicts)
    assert (verdict.lost, verdict.duplicated, verdict.unexpected) == (0, 0, 0)
    after = server_load.visit_keys(load)
    assert sum(after.values()) == sum(before.values()) + len(ok)
    assert verdict.sound
    # Every save took the writers' lock (measured around it by the engine's events).
    assert all(a.lock_held is not None for a in ok)
