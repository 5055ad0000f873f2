"""The writer the crash test kills (`test_crash.py`): a small fork server.

Run as a script, it imports the store once, then reads commands on stdin:

- `run PATH PLAIN|CIPHER` forks a writer and prints `pid N`; the writer opens the store
  (an encrypted one through `SUIVI_FSL_PASSPHRASE`, as scripts give it), then, measure after
  measure, reads the measure, appends the next visit of `expected_visit` and saves it with
  `SqlStore.save_measure` (one visit per transaction, as the GUI does), and prints
  `commit MEASURE COUNT` once the transaction is committed (one write(2), unbuffered);
- `reap N` waits for the writer N (killed by the test meanwhile) and prints `dead N STATUS`:
  every line the writer printed comes before it in the pipe.

Forking from a process that has already imported SQLAlchemy keeps each life's start-up to
the opening of the store (a new interpreter would take ~0.7 s per kill).
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta

from desktop_app.domain.model import Visit, VisitOutcome, VisitPlace

#: The measures the writer appends visits to (the test creates them, without visits).
MEASURE_IDS = ("m1", "m2", "m3")
PASSPHRASE = "cheval correct agrafe pile batterie"
#: A writer that is never killed stops by itself after this many commits.
MAX_COMMITS = 5_000
_OUTCOMES = list(VisitOutcome)
_PLACES = [*VisitPlace, None]


def expected_visit(measure_index: int, k: int) -> Visit:
    """The k-th visit (from 0) the writer sends to measure `MEASURE_IDS[measure_index]`."""
    return Visit(date(2024, 1, 1) + timedelta(days=k), _OUTCOMES[(k + measure_index) % 4],
                 _PLACES[k % 5], "w2" if k % 3 == 0 else None)


def write_visits(path: str, cipher: bool) -> None:
    """Append visits one transaction at a time until killed."""
    from desktop_app.store.repository import open_store

    if cipher:
        os.environ["SUIVI_FSL_PASSPHRASE"] = PASSPHRASE
    else:
        os.environ.pop("SUIVI_FSL_PASSPHRASE", None)
    store = open_store(f"sqlite:///{path}")
    for n in range(MAX_COMMITS):
        index = n % len(MEASURE_IDS)
        measure = store.measure(MEASURE_IDS[index])
        assert measure is not None
        measure.visits.append(expected_visit(index, len(measure.visits)))
        store.save_measure(measure)
        # One write(2) of a few bytes to a pipe is atomic: killed, the writer leaves a whole
        # line or none (print() may write the text and its newline separately).
        os.write(1, f"commit {measure.id} {len(measure.visits)}\n".encode())
    store.close()


def serve() -> None:
    # The store's modules, imported once before the forks.
    import desktop_app.store.repository  # noqa: F401

    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "run":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                status = 0
                try:
                    write_visits(args[0], args[1] == "CIPHER")
                except BaseException as error:  # shown by the test: the writer must not fail
                    os.write(1, f"error {type(error).__name__}: {error}\n".encode())
                    status = 1
                os._exit(status)
            print(f"pid {pid}", flush=True)
        elif command == "reap":
            _, status = os.waitpid(int(args[0]), 0)
            print(f"dead {args[0]} {os.waitstatus_to_exitcode(status)}", flush=True)
        else:
            break


if __name__ == "__main__":
    serve()
