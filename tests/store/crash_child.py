"""The writer the crash test kills (`test_crash.py`): a small fork server.

Run as a script, it imports the store once, then reads commands on stdin:

- `run PATH PLAIN|CIPHER` forks a writer and prints `pid N`; the writer opens the store
  (an encrypted one through `SUIVI_FSL_PASSPHRASE`, as scripts give it), then, measure after
  measure, reads the measure, appends the next visit of `expected_visit` and saves it with
  `SqlStore.save_measure` (one visit per transaction, as the GUI does), and prints
  `commit MEASURE COUNT` once the transaction is committed (one write(2), unbuffered);
- `reap N` waits for the writer N (killed by the test meanwhile) and prints `dead N STATUS`:
  every line the writer printed comes before it in the pipe.

Fault injection (`test_restore_faults.py`), each in a forked child that prints
`pid N` first:
- `restore STORE BACKUP KEY STEP ENCRYPT FOLD` restores BACKUP over STORE (KEY `-`: none,
  else quoted; ENCRYPT `1`: a plain backup for an encrypted store asked for; FOLD `0`: SQLite
  cannot fold the store's WAL in), prints `step NAME` after each step of `backup_files` and
  kills itself with SIGKILL after step STEP (`-`: none), else prints `restored`;
- `backup STORE KEY FOLDER` makes a backup and kills itself once its hidden copy is written;
- `encrypt STORE KEY STEP` encrypts the plain STORE with KEY (quoted) and kills itself with
  SIGKILL after step STEP of `crypto.convert_to_encrypted`: `exported` (the hidden
  encrypted copy written and synced, the store not yet replaced) or `replaced` (after the
  `os.replace`, before the folder is synced);
- `hold STORE KEY` opens the store, prints `open`, waits for SIGUSR1, saves one household
  (`Famille Après`), prints `written`, then waits to be killed: another window or import.

Forking from a process that has already imported SQLAlchemy keeps each life's start-up to
the opening of the store (a new interpreter would take ~0.7 s per kill).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

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


#: The household the `hold` child saves once the test lets it (it must never be lost).
LATE_HOUSEHOLD = ("h-apres", "Famille Après")


def _key(text: str) -> str | None:
    """A passphrase as the test sends it: `-` for none, else quoted (spaces as `%20`)."""
    return None if text == "-" else unquote(text)


def restore_until(store: str, backup: str, key: str, step: str, encrypt: str,
                  fold: str) -> None:
    """A restoration killed (SIGKILL: nothing cleaned up) right after step `step`."""
    from desktop_app.store import backup_files
    from desktop_app.store.backup import restore

    def after(name: str) -> None:
        os.write(1, f"step {name}\n".encode())
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)

    backup_files.after_step = after
    if fold == "0":  # a damaged store: its WAL goes aside with it
        backup_files.fold_wal = lambda _path, _key: False
    if step == "exporting":
        _kill_while_encrypting(Path(store).parent)
    restore(Path(backup), Path(store), _key(key), datetime(2026, 12, 1, 10, 0, 0),
            encrypt_plain=encrypt == "1")
    os.write(1, b"restored\n")


def _kill_while_encrypting(folder: Path) -> None:
    """SIGKILL in the middle of the encryption of a plain backup, once its staged copy
    holds a few pages (SQLite's progress handler, in the export's own connection)."""
    from desktop_app.private_files import TEMP_MARK
    from desktop_app.store import crypto

    connect = crypto.cipher_connect

    def watched(database: str, passphrase: str) -> Any:
        connection = connect(database, passphrase)

        def check() -> int:
            staged = [p for p in folder.iterdir() if p.name.endswith(TEMP_MARK)]
            if staged and staged[0].stat().st_size >= 3 * 4096:
                os.write(1, b"step exporting\n")
                os.kill(os.getpid(), signal.SIGKILL)
            return 0

        connection.set_progress_handler(check, 100)
        return connection

    crypto.cipher_connect = watched


def encrypt_until(store: str, key: str, step: str) -> None:
    """An encryption killed (SIGKILL: nothing cleaned up) right after step `step`."""
    from desktop_app.store import crypto

    def die(name: str, then: Callable[[Path], None]) -> Callable[[Path], None]:
        def wrapped(path: Path) -> None:
            if name == step:
                os.write(1, f"step {name}\n".encode())
                os.kill(os.getpid(), signal.SIGKILL)
            then(path)
        return wrapped

    crypto._remove_sidecars = die("exported", crypto._remove_sidecars)  # type: ignore[assignment]
    crypto.sync_folder = die("replaced", crypto.sync_folder)  # type: ignore[assignment]
    crypto.convert_to_encrypted(Path(store), unquote(key))
    os.write(1, b"encrypted\n")


def backup_killed(store: str, key: str, folder: str) -> None:
    """A backup killed once its hidden copy is written, before it is checked and renamed."""
    from desktop_app.store import backup
    from desktop_app.store.repository import open_store

    written = backup.vacuum_into

    def vacuum_then_die(engine: object, target: Path) -> None:
        written(engine, target)  # type: ignore[arg-type]
        os.write(1, f"copy {target}\n".encode())
        os.kill(os.getpid(), signal.SIGKILL)

    backup.vacuum_into = vacuum_then_die
    backup.make_backup(open_store(f"sqlite:///{store}", _key(key)), Path(folder),
                       datetime(2026, 12, 1, 10, 0, 0))


def hold(store: str, key: str) -> None:
    """The store open in another process, writing once the test says so."""
    from desktop_app.domain.model import Household
    from desktop_app.store.repository import open_store

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    opened = open_store(f"sqlite:///{store}", _key(key))
    opened.household_rows(date(2026, 1, 1))  # a connection open, as a window has
    os.write(1, b"open\n")
    signal.sigwait({signal.SIGUSR1})
    opened.save_household(Household(*LATE_HOUSEHOLD))
    os.write(1, b"written\n")
    signal.pause()


def _fork(work: Callable[..., None], args: list[str]) -> None:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            work(*args)
        except BaseException as error:  # shown by the test
            os.write(1, f"error {type(error).__name__}: {error}\n".encode())
            status = 1
        os._exit(status)
    print(f"pid {pid}", flush=True)


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
        elif command == "restore":
            _fork(restore_until, args)
        elif command == "backup":
            _fork(backup_killed, args)
        elif command == "encrypt":
            _fork(encrypt_until, args)
        elif command == "hold":
            _fork(hold, args)
        elif command == "reap":
            _, status = os.waitpid(int(args[0]), 0)
            print(f"dead {args[0]} {os.waitstatus_to_exitcode(status)}", flush=True)
        else:
            break


if __name__ == "__main__":
    serve()
