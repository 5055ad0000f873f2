"""The file moves of a restoration, crash-safe at every step, and the
leftovers a killed restoration may leave.

`swap` puts the staged copy (already checked, synced, encrypted as the store is) in place of
the closed store — nobody else has it open: `store_lock` is held exclusive — in these steps;
`after_step(name)` is called after each one (the fault-injection test kills the process
there, `tests/store/test_restore_faults.py`):

1. `staged`      the copy is written beside the store under a hidden temporary name
                 (`.<store>.<pid>.<random>.suivi-tmp`, 0600), encrypted before a byte of it
                 is written if the store is: no plain page is ever written beside an
                 encrypted store (`backup.py`);
2. `checked`     the copy read back whole with the store's key (`integrity_check`), synced;
3. `folded`      the store's WAL folded into it (`wal_checkpoint(TRUNCATE)`) and the
                 connection closed: its `-wal` / `-shm` hold nothing (SQLite removes them);
4. `kept`        the store given a second name, `<store>.avant-restauration-<date>` (a hard
                 link: the same file, 0600; a copy where links are not possible), folder
                 synced — the path still holds the old store;
5. `swapped`     `os.replace(copy, store)`: atomic, the path holds the old store, then the
                 new one, never nothing;
6. `cleaned`     stale `-wal` / `-shm` of the old store removed, folder synced.

Killed after 1–3: the old store, whole, and a hidden copy of a dead process that the next
opening of the store removes. After 4: the old store and its second name, which the next
opening removes too (a name of the live store, not a copy of it). After 5 or 6: the new
store, the old one aside. If SQLite cannot fold the WAL in (a damaged store), the `-wal`
(and `-shm`) are moved beside the copy put aside before step 5 (`wal-kept`): never left
beside the new store, where SQLite would replay them over it; killed before step 5, the next
opening gives them back to the store.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import closing, suppress
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.private_files import (
    TEMP_MARK,
    leftovers,
    make_private,
    sync_folder,
    temporary_prefix,
)
from desktop_app.store.backup_names import ASIDE_MARK
from desktop_app.store.keys import cipher_connect

SIDECARS = ("-wal", "-shm")
#: The staging names of older versions: a restoration's (plain text even beside
#: an encrypted store) and an encryption's.
_OLD_STAGING = (".restauration-en-cours", ".chiffrement-en-cours")
#: The steps `swap` goes through, in order (see the module's docstring).
STEPS = ("staged", "checked", "folded", "kept", "swapped", "cleaned")


def _no_fault(_step: str) -> None:
    """Nothing: a restoration is not interrupted on purpose outside the tests."""


#: Called after each step of a restoration with its name (the test kills the process there).
after_step: Callable[[str], None] = _no_fault


def step_done(name: str) -> None:
    after_step(name)


def staging_path(store_path: Path) -> Path:
    """A new, empty, private (0600) file beside the store to stage the restored copy in;
    its name says which process writes it (`private_files.leftovers` recognises it)."""
    descriptor, name = tempfile.mkstemp(dir=store_path.parent,
                                        prefix=temporary_prefix(store_path), suffix=TEMP_MARK)
    os.close(descriptor)
    make_private(Path(name))
    return Path(name)


def copy_private(source: Path, target: Path) -> None:
    """The bytes of `source` into the existing (private) file `target`, synced."""
    with source.open("rb") as reading, target.open("r+b") as writing:
        writing.truncate(0)
        shutil.copyfileobj(reading, writing, 1024 * 1024)
        writing.flush()
        os.fsync(writing.fileno())


def swap(staging: Path, store_path: Path, now: datetime, key: str | None) -> Path | None:
    """Steps 3 to 6: the old store put aside (its path returned; None if there was none),
    the checked `staging` in its place. `key`: the store's passphrase (None: plain)."""
    aside = None
    if store_path.exists():
        folded = fold_wal(store_path, key)
        step_done("folded")
        aside = keep_aside(store_path, now)
        step_done("kept")
        if not folded:
            _move_wal(store_path, aside)
            step_done("wal-kept")
    else:
        remove_sidecars(store_path)  # of a store deleted by hand: never replayed over the copy
    os.replace(staging, store_path)
    step_done("swapped")
    with suppress(OSError):  # done: the new store is in place whatever happens now
        remove_sidecars(store_path)
        sync_folder(store_path.parent)
    step_done("cleaned")
    return aside


def _move_wal(store_path: Path, aside: Path) -> None:
    """The `-wal` / `-shm` SQLite could not fold in, beside the copy put aside (all or none)."""
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in SIDECARS:
            sidecar = store_path.with_name(store_path.name + suffix)
            if sidecar.exists():
                os.replace(sidecar, aside.with_name(aside.name + suffix))
                moved.append((aside.with_name(aside.name + suffix), sidecar))
                make_private(aside.with_name(aside.name + suffix))
        sync_folder(store_path.parent)
    except OSError:
        for target, source in reversed(moved):
            os.replace(target, source)
        raise


def fold_wal(store_path: Path, key: str | None) -> bool:
    """The store's WAL folded into its file and emptied; False if SQLite cannot (a damaged
    store, a key that does not open it) and a `-wal` with something in it is left."""
    wal = store_path.with_name(store_path.name + "-wal")
    try:
        with closing(cipher_connect(str(store_path), key or "")) as connection:
            connection.isolation_level = None
            connection.execute("PRAGMA busy_timeout = 10000")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Exception:  # the driver's: damaged, not a database, another key
        pass
    return not wal.exists() or wal.stat().st_size == 0


def keep_aside(store_path: Path, now: datetime) -> Path:
    """`<store>.avant-restauration-<date>`: a second name of the store (a copy where hard
    links are not possible), 0600, never over an existing file (a second later instead)."""
    moment = now.replace(microsecond=0)
    while True:
        aside = store_path.with_name(
            f"{store_path.name}{ASIDE_MARK}{moment.strftime('%Y-%m-%dT%H%M%S')}")
        if not aside.exists() and not aside.with_name(aside.name + "-wal").exists():
            try:
                os.link(store_path, aside)
                break
            except FileExistsError:
                pass
            except OSError:  # FAT, exFAT, some network shares: a copy instead
                _copy_aside(store_path, aside)
                break
        moment += timedelta(seconds=1)
    make_private(aside)
    sync_folder(store_path.parent)
    return aside


def _copy_aside(store_path: Path, aside: Path) -> None:
    staging = staging_path(aside)
    try:
        copy_private(store_path, staging)
        os.replace(staging, aside)
    finally:
        discard(staging)


def remove_restore_leftovers(store_path: Path) -> None:
    """What a killed restoration or encryption (`crypto.py`) of `store_path` left beside it:
    their hidden copies (their process gone, or a day old), a second name of the store
    itself (killed after step 4; the WAL moved beside it, after `wal-kept`, goes back to the
    store), and the copies of older versions' staging names. Only with the store's lock held,
    before SQLite opens it."""
    prefix = f".{store_path.name}."
    for path in leftovers(store_path.parent):
        if path.name.startswith(prefix):
            discard(path)
    for old in _OLD_STAGING:
        discard(store_path.with_name(store_path.name + old))
        discard(store_path.with_name(store_path.name + old + "-journal"))
    with suppress(OSError):
        for aside in store_path.parent.glob(f"{glob.escape(store_path.name)}{ASIDE_MARK}*"):
            if not aside.name.endswith(SIDECARS) and os.path.samefile(aside, store_path):
                _give_back_wal(aside, store_path)
                discard(aside)


def _give_back_wal(aside: Path, store_path: Path) -> None:
    """The store's WAL, moved beside its second name by a restoration killed before the
    swap, back beside the store (unless the store has a WAL of its own since)."""
    kept, wal = (path.with_name(path.name + "-wal") for path in (aside, store_path))
    if kept.exists():
        if wal.exists() and wal.stat().st_size > 0:
            raise FileExistsError(wal)  # both kept: nothing removed
        os.replace(kept, wal)
    discard(aside.with_name(aside.name + "-shm"))


def discard(path: Path) -> None:
    with suppress(OSError):  # the folder itself is unusable: nothing was written there
        path.unlink(missing_ok=True)


def remove_sidecars(store_path: Path) -> None:
    for suffix in SIDECARS:
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)


def sync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())
