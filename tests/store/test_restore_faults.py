"""A restoration killed at every one of its steps (fault injection).

The fork server of `crash_child.py` forks a restoration that kills itself with SIGKILL (no
clean-up of any kind) right after a given step of `backup_files` (the steps its docstring
lists). After each kill the test checks: the store's path holds the old store (before the
swap) or the new one (after it), whole, with its content — never nothing, never an empty
store; the old store's last change, which was only in its WAL, is never lost (in the store,
or in the copy put aside); beside an encrypted store no file reads in clear (no name, no
SQLite header); every file the restoration wrote is 0600; the next opening of the store
removes what the killed restoration left; and (after `kept`) a restoration then goes through.

Four restorations: a plain store from a plain backup, an encrypted store from an encrypted
backup, an encrypted store from a plain backup (asked for: it is encrypted on the way —
killed also in the middle of that encryption, `exporting`), and an encrypted store whose WAL
SQLite cannot fold in (a damaged store: the WAL goes aside with it, `wal-kept`).
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop_app.private_files import TEMP_MARK
from desktop_app.store import backup_files
from desktop_app.store.backup import restore
from desktop_app.store.backup_files import STEPS
from desktop_app.store.repository import open_store
from desktop_app.store.startup import quick_check
from tests.store.restore_helpers import (
    BACKUP_ONLY,
    OLD_ONLY,
    SECRET,
    backup_of,
    clear_text_in,
    filled,
    household_ids,
    mode,
    url,
    with_hot_wal,
)
from tests.store.test_crash import Server, serving

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pas de SIGKILL ni de fork sous Windows"),
]

#: (store's key, backup encrypted, plain backup asked for an encrypted store, SQLite can
#: fold the store's WAL in)
SCENARIOS = {
    "clair": (None, False, False, True),
    "chiffree": (SECRET, True, False, True),
    "clair-dans-chiffree": (SECRET, False, True, True),
    "wal-non-replie": (SECRET, True, False, False),
}
#: The steps when SQLite cannot fold the WAL in (a damaged store).
FALLBACK_STEPS = (*STEPS[: STEPS.index("swapped")], "wal-kept", *STEPS[STEPS.index("swapped"):])


def _kill_at(server: Server, store: Path, backup: Path, key: str | None, step: str,
             encrypt: bool, fold: bool) -> tuple[list[str], int]:
    """The steps printed by a restoration killed after `step` (`-`: not killed), and its
    exit status."""
    server.send(f"restore {store} {backup} {quote(key or '-')} {step} {int(encrypt)} "
                f"{int(fold)}")
    line = server.next_line()
    assert line.startswith("pid "), line
    pid = int(line.split()[1])
    server.send(f"reap {pid}")
    steps: list[str] = []
    while not (line := server.next_line()).startswith("dead "):
        assert line.startswith(("step ", "restored")), line  # « error … »: it failed
        if line.startswith("step "):
            steps.append(line.split()[1])
    return steps, int(line.split()[2])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    yield from serving(tmp_path_factory.mktemp("serveur") / "stderr.txt")


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_a_restoration_killed_at_every_step_leaves_the_old_store_or_the_new_one(
        tmp_path: Path, server: Server, scenario: str) -> None:
    key, backup_encrypted, encrypt, fold = SCENARIOS[scenario]
    steps_of = STEPS if fold else FALLBACK_STEPS
    template = tmp_path / "modele" / "suivi.sqlite3"
    filled(template, key)
    source = tmp_path / "source" / "suivi.sqlite3"  # the store the backup was made of
    filled(source, None if not backup_encrypted else key, BACKUP_ONLY)
    backup = backup_of(source, None if not backup_encrypted else key, tmp_path / "s")
    points = [*steps_of, "-"] + (["exporting"] if encrypt else [])
    killed = []
    for step in points:
        folder = tmp_path / f"tue-{step}"
        store = folder / "suivi.sqlite3"
        with_hot_wal(template, key, store)  # its last household only in its WAL
        steps, status = _kill_at(server, store, backup, key, step, encrypt, fold)
        if step == "-":  # not killed: every step, in the order documented
            assert (steps, status) == (list(steps_of), 0)
            continue
        assert status == -signal.SIGKILL, (step, steps)
        expected = [step] if step == "exporting" else list(steps_of[: steps_of.index(step) + 1])
        assert steps == expected
        killed.append(step)
        _check_after_kill(folder, store, key, step)
        if step == "kept":  # the richest leftovers: a restoration then goes through
            restore(backup, store, key, datetime(2026, 12, 2, 8, 0, 0), encrypt_plain=encrypt)
            assert household_ids(store, key) == {"h1", BACKUP_ONLY.id}
    assert killed == [*steps_of] + (["exporting"] if encrypt else [])


def _check_after_kill(folder: Path, store: Path, key: str | None, step: str) -> None:
    new = step in ("swapped", "cleaned")
    # Never absent, never empty: the old store (its WAL change included) or the new one.
    assert store.is_file() and store.stat().st_size > 0
    if key is not None:
        assert clear_text_in(folder) == []  # nothing readable beside an encrypted store
        assert not store.read_bytes().startswith(b"SQLite format 3")
    written = [p for p in folder.iterdir()
               if p.name.endswith(TEMP_MARK) or ".avant-restauration-" in p.name
               or p.name.endswith(".verrou") or (new and p == store)]
    assert {p.name: oct(mode(p)) for p in written} == {p.name: "0o600" for p in written}
    asides = sorted(p for p in folder.iterdir()
                    if ".avant-restauration-" in p.name and not p.name.endswith(("-wal", "-shm")))
    opened = open_store(url(store), key)  # the next start: leftovers removed
    try:
        assert quick_check(opened.engine) == []
        ids = {h.id for h in opened.export_caseload().households}
    finally:
        opened.close()
    assert ids == ({"h1", BACKUP_ONLY.id} if new else {"h1", OLD_ONLY.id}), step
    left = sorted(p.name for p in folder.iterdir())
    assert not [name for name in left if name.endswith(TEMP_MARK)]  # no staged copy left
    if new:  # the old store aside, whole, its WAL change folded in before it was put aside
        assert len(asides) == 1 and asides[0].name in left
        assert household_ids(asides[0], key) == {"h1", OLD_ONLY.id}
    else:  # a second name of the live store (killed after « kept ») is not a copy: removed
        assert not [name for name in left if ".avant-restauration-" in name]  # WAL given back
    if key is not None:
        assert clear_text_in(folder) == []


def test_a_wal_sqlite_cannot_fold_in_goes_aside_with_the_old_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged store whose WAL SQLite cannot fold in: its -wal is moved beside the copy
    put aside (never left beside the new store, where SQLite would replay it over it)."""
    template, source = tmp_path / "modele" / "suivi.sqlite3", tmp_path / "src" / "b.sqlite3"
    filled(template, None)
    filled(source, None, BACKUP_ONLY)
    backup = backup_of(source, None, tmp_path / "s")
    store = tmp_path / "base" / "suivi.sqlite3"
    with_hot_wal(template, None, store)
    wal = store.read_bytes(), store.with_name("suivi.sqlite3-wal").read_bytes()
    monkeypatch.setattr(backup_files, "fold_wal", lambda _path, _key: False)
    seen: list[str] = []
    monkeypatch.setattr(backup_files, "after_step", seen.append)
    aside = restore(backup, store, None, datetime(2026, 12, 1, 10, 0, 0))
    assert seen == ["staged", "checked", "folded", "kept", "wal-kept", "swapped", "cleaned"]
    assert aside is not None
    assert (aside.read_bytes(), aside.with_name(aside.name + "-wal").read_bytes()) == wal
    assert not store.with_name("suivi.sqlite3-wal").exists()
    assert household_ids(store, None) == {"h1", BACKUP_ONLY.id}
    assert household_ids(aside, None) == {"h1", OLD_ONLY.id}  # the WAL read with it


def test_a_set_aside_copy_is_never_overwritten(tmp_path: Path) -> None:
    """Two restorations in the same second: the second copy is put aside a second later
    (the first one used to be replaced, and the store it held lost)."""
    store, source = tmp_path / "suivi.sqlite3", tmp_path / "src" / "b.sqlite3"
    filled(store, None, OLD_ONLY)
    filled(source, None, BACKUP_ONLY)
    backup = backup_of(source, None, tmp_path / "s")
    moment = datetime(2026, 12, 1, 10, 0, 0)
    first = restore(backup, store, None, moment)
    second = restore(backup, store, None, moment)
    assert first is not None and second is not None
    assert (first.name, second.name) == ("suivi.sqlite3.avant-restauration-2026-12-01T100000",
                                         "suivi.sqlite3.avant-restauration-2026-12-01T100001")
    assert household_ids(first, None) == {"h1", OLD_ONLY.id}
    assert household_ids(second, None) == {"h1", BACKUP_ONLY.id}
    assert not os.path.samefile(first, store)
