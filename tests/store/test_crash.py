"""A writer killed with SIGKILL at random moments never costs a committed visit.

`crash_child.py` forks writers that append one visit per transaction through
`SqlStore.save_measure` and print each commit; the test kills each writer after a random
delay (seeded: the same delays on every run), then reopens the same file (recovering the hot
WAL the writer left) and checks: `PRAGMA integrity_check` says « ok »; every visit the writer
reported committed is there; each measure's visits are exactly the first N of those sent
(nothing half-written); at most one commit was not yet reported (the one between COMMIT and
the print). One plain file and one encrypted file (passphrase from `SUIVI_FSL_PASSPHRASE`),
each killed again and again without being recreated.

Half the writers are killed at a random moment of their life (possibly while they still open
the store), half at a random moment after their first reported commit: the test exercises
committed writes on any machine, however busy, without a threshold on time.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import text

from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Household,
    Measure,
    MeasureType,
    Period,
    Worker,
)
from desktop_app.store.repository import SqlStore, open_store
from tests.store.crash_child import MEASURE_IDS, PASSPHRASE, expected_visit

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(600),  # ~10 s on a quiet machine, 21 s measured under load
    pytest.mark.skipif(sys.platform == "win32", reason="pas de SIGKILL ni de fork sous Windows"),
]

KILLS = 36
SEED = 20261129
#: Longest random delay before a kill (a writer opens the store in ~20 ms, ~150 ms
#: encrypted, on a quiet machine, then commits every few milliseconds).
MAX_DELAY = 0.35
#: Seconds to wait for a line of the fork server before failing.
TIMEOUT = 20.0
CHILD = Path(__file__).with_name("crash_child.py")


class Server:
    """The fork server `crash_child.py`, its stdout read line by line by a thread."""

    def __init__(self, stderr: Path) -> None:
        root = Path(__file__).resolve().parents[2]
        env = {**os.environ, "PYTHONPATH": str(root)}
        env.pop("SUIVI_FSL_PASSPHRASE", None)
        self.err = stderr.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.err, text=True, env=env, cwd=root)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            pytest.fail("le processus d'écriture ne répond plus")

    def hold(self, store: Path, key: str | None = None) -> int:
        """Another process with `store` open (a window, an import), with `key` (None: a
        plain store): its pid. It keeps a connection and saves one household when let."""
        self.send(f"hold {store} {'-' if key is None else quote(key)}")
        line = self.next_line()
        assert line.startswith("pid "), line
        assert (opened := self.next_line()) == "open", opened
        return int(line.split()[1])

    def let_it_write_then_stop(self, pid: int) -> None:
        """Let the process `hold` started save its household, then kill it (SIGKILL)."""
        os.kill(pid, signal.SIGUSR1)
        assert (line := self.next_line()) == "written", line
        os.kill(pid, signal.SIGKILL)
        self.send(f"reap {pid}")
        assert self.next_line() == f"dead {pid} {-signal.SIGKILL}"

    def close(self) -> None:
        self.send("quit")
        self.process.wait(timeout=TIMEOUT)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.stdout.close()
        self.err.close()


def serving(stderr: Path) -> Iterator[Server]:
    """A fork server that said « ready », closed afterwards: the body of a `server` fixture
    (`yield from serving(…)`)."""
    running = Server(stderr)
    assert running.next_line() == "ready"
    yield running
    running.close()


def _caseload() -> Caseload:
    """Two workers, one household, three ASLL measures without visits."""
    measures = [Measure(m, "h1", MeasureType.ASLL, "w1",
                        periods=[Period(date(2024, 1, 1), date(2024, 6, 30))])
                for m in MEASURE_IDS]
    return Caseload(Association("Association Exemple"),
                    workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0),
                             Worker("w2", "Paul Durand", Diploma.ES, 0.5)],
                    households=[Household("h1", "Famille Lefebvre")], measures=measures)


def _check(store: SqlStore, committed: dict[str, int], before: dict[str, int],
           cipher: bool) -> dict[str, int]:
    """The store after a kill: intact, every reported visit there, no half visit list.
    Returns the number of visits of each measure."""
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        if cipher:  # every page's HMAC checked too: SQLCipher lists the bad ones
            assert connection.execute(text("PRAGMA cipher_integrity_check")).all() == []
    counts: dict[str, int] = {}
    for index, measure_id in enumerate(MEASURE_IDS):
        measure = store.measure(measure_id)
        assert measure is not None
        n = len(measure.visits)
        # Exactly the first n visits sent, in order: nothing lost, nothing half-written.
        assert measure.visits == [expected_visit(index, k) for k in range(n)], measure_id
        assert len(measure.periods) == 1
        # Every commit the writer reported is there (and nothing older was lost).
        assert n >= max(committed.get(measure_id, 0), before[measure_id]), measure_id
        counts[measure_id] = n
    # At most one commit not reported: the writer was killed between COMMIT and its print.
    reported = sum(max(committed.get(m, 0), before[m]) for m in MEASURE_IDS)
    assert sum(counts.values()) - reported in (0, 1)
    return counts


def _note_commit(line: str, committed: dict[str, int]) -> int:
    """Note a writer's « commit MEASURE COUNT » line in `committed`; returns 1."""
    assert line.startswith("commit "), line  # « error … »: the writer failed
    assert len(line.split()) == 3, line
    _, measure_id, count = line.split()
    committed[measure_id] = int(count)
    return 1


def test_sigkill_never_loses_a_committed_visit(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    files = {"PLAIN": tmp_path / "plain.sqlite3", "CIPHER": tmp_path / "chiffree.sqlite3"}
    passphrases = {"PLAIN": None, "CIPHER": PASSPHRASE}
    counts: dict[str, dict[str, int]] = {}
    for mode, path in files.items():
        store = open_store(f"sqlite:///{path}", passphrases[mode])
        store.import_caseload(_caseload())
        store.close()
        counts[mode] = dict.fromkeys(MEASURE_IDS, 0)
    server = Server(tmp_path / "stderr.txt")
    hot_wal = commits = silent = after_commit_kills = 0
    try:
        assert server.next_line() == "ready"
        for kill in range(KILLS):
            mode = ("PLAIN", "CIPHER")[kill % 2]
            after_a_commit = kill // 2 % 2 == 1  # each mode: kills 2–3, 6–7… of 0–35
            server.send(f"run {files[mode]} {mode}")
            committed: dict[str, int] = {}
            # The writer may report a commit before the server prints its pid.
            while not (line := server.next_line()).startswith("pid "):
                commits += _note_commit(line, committed)
            pid = int(line.split()[1])
            while after_a_commit and not committed:
                commits += _note_commit(server.next_line(), committed)
            after_commit_kills += after_a_commit
            threading.Event().wait(rng.uniform(0.0, MAX_DELAY))  # the moment of the kill
            os.kill(pid, signal.SIGKILL)
            server.send(f"reap {pid}")
            while not (line := server.next_line()).startswith("dead "):
                commits += _note_commit(line, committed)
            assert line == f"dead {pid} {-signal.SIGKILL}", line
            silent += not committed  # killed while opening the store or in its first write
            wal = files[mode].with_name(files[mode].name + "-wal")
            hot = wal.exists() and wal.stat().st_size > 0
            hot_wal += hot
            # A writer killed after a commit leaves it in the WAL (SQLite checkpoints and
            # removes the WAL only when the last connection closes): a hot WAL to recover.
            assert hot or not after_a_commit, kill
            store = open_store(f"sqlite:///{files[mode]}", passphrases[mode])
            try:
                counts[mode] = _check(store, committed, counts[mode], mode == "CIPHER")
            finally:
                store.close()
    finally:
        server.close()
    # Exercised on any machine: 18 of the 36 writers were killed after a reported commit,
    # each leaving a hot WAL (about 1 000 commits and 28 hot WALs on a quiet machine).
    assert after_commit_kills == KILLS // 2
    assert commits >= after_commit_kills and hot_wal >= after_commit_kills
    print(f"{KILLS} kills ({silent} before a first commit), {commits} commits reported, "
          f"{hot_wal} hot WAL recovered, visits: {counts}")
