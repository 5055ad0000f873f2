"""What backups leave on the disk: a killed backup's hidden full copy
and a failed backup's `-journal` removed at the next backup (never one a running process is
writing), and backups, their folder and the copies put aside private whatever the umask."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop_app.store import backup as backup_module
from desktop_app.store.backup import list_backups, make_backup, restore
from desktop_app.store.backup_names import leftovers, staging_name
from desktop_app.store.errors import FULL, StoreError
from desktop_app.store.repository import open_store
from tests.store.restore_helpers import SECRET, backup_of, filled, mode, url
from tests.store.test_crash import Server

LATER = datetime(2026, 12, 1, 10, 0, 0)
posix_only = pytest.mark.skipif(os.name != "posix", reason="droits et processus POSIX")


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@posix_only
def test_a_killed_backup_leaves_a_hidden_copy_that_the_next_backup_removes(
        tmp_path: Path) -> None:
    store, folder = tmp_path / "suivi.sqlite3", tmp_path / "sauvegardes"
    filled(store, SECRET)
    server = Server(tmp_path / "stderr.txt")
    try:
        assert server.next_line() == "ready"
        server.send(f"backup {store} {quote(SECRET)} {folder}")
        pid = server.next_line().split()[1]
        copy = Path(server.next_line().removeprefix("copy "))
        server.send(f"reap {pid}")
        assert server.next_line() == f"dead {pid} {-signal.SIGKILL}"
    finally:
        server.close()
    assert copy == staging_name(folder / "suivi-fsl-2026-12-01T100000.sqlite3.bak", int(pid))
    assert copy.stat().st_size > 0 and list_backups(folder) == []  # the full hidden copy
    made = backup_of(store, SECRET, folder, LATER)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # the copy removed


def test_the_next_backup_removes_leftovers_of_dead_processes_only(tmp_path: Path) -> None:
    store, folder = tmp_path / "suivi.sqlite3", tmp_path / "sauvegardes"
    filled(store, None)
    folder.mkdir()
    final = folder / "suivi-fsl-2026-11-30T080000.sqlite3.bak"
    dead, running = _dead_pid(), os.getppid()
    gone = [staging_name(final, dead), staging_name(final, dead).with_name(
        staging_name(final, dead).name + "-journal")]  # a full disk left its journal
    old = staging_name(final.with_name("suivi-fsl-2026-11-28T080000.sqlite3.bak"), running)
    kept = [staging_name(final, running), folder / ".suivi-fsl-notes.txt", folder / "notes.txt"]
    for path in [*gone, old, *kept]:
        path.write_bytes(b"x" * 100)
    day_and_a_bit = time.time() - 25 * 3600
    os.utime(old, (day_and_a_bit, day_and_a_bit))  # its process id reused since: a day old
    assert leftovers(folder) == sorted([*gone, old])
    made = backup_of(store, None, folder, LATER)
    assert sorted(folder.iterdir()) == sorted([made, *kept])


def test_a_full_disk_during_a_backup_leaves_neither_copy_nor_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_path, folder = tmp_path / "suivi.sqlite3", tmp_path / "sauvegardes"
    filled(store_path, None)

    def full(_engine: object, target: Path) -> None:  # SQLite stopped half-way
        target.write_bytes(b"\x00" * 8192)
        target.with_name(target.name + "-journal").write_bytes(b"\x00" * 512)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "vacuum_into", full)
    store = open_store(url(store_path))
    try:
        with pytest.raises(StoreError) as raised:
            make_backup(store, folder, LATER)
    finally:
        store.close()
    assert str(raised.value) == FULL.format(where=folder)
    assert list(folder.iterdir()) == []


@posix_only
def test_backups_their_folder_and_set_aside_copies_are_private_whatever_the_umask(
        tmp_path: Path) -> None:
    store, source = tmp_path / "base" / "suivi.sqlite3", tmp_path / "src" / "b.sqlite3"
    filled(source, None)
    previous = os.umask(0)  # the most permissive: files 0666, folders 0777 by default
    try:
        filled(store, None)
        made = backup_of(source, None, tmp_path / "cle-usb" / "fsl" / "sauvegardes")
        aside = restore(made, store, None, LATER)
    finally:
        os.umask(previous)
    assert aside is not None
    seen = {str(p.relative_to(tmp_path)): oct(mode(p)) for p in (
        tmp_path / "cle-usb", tmp_path / "cle-usb" / "fsl", made.parent, made, aside, store)}
    assert seen == {"cle-usb": "0o700", "cle-usb/fsl": "0o700", "cle-usb/fsl/sauvegardes":
                    "0o700", f"cle-usb/fsl/sauvegardes/{made.name}": "0o600",
                    f"base/{aside.name}": "0o600", "base/suivi.sqlite3": "0o600"}


@pytest.mark.skipif(sys.platform == "win32", reason="droits POSIX")
def test_the_copy_made_before_a_migration_is_private(tmp_path: Path) -> None:
    from desktop_app.store.migrate import backup as copy_before_migration

    store_path = tmp_path / "suivi.sqlite3"
    filled(store_path, None)
    store = open_store(url(store_path))
    previous = os.umask(0)
    try:
        copy_before_migration(store.engine, tmp_path / "copie.bak")
    finally:
        os.umask(previous)
        store.close()
    assert mode(tmp_path / "copie.bak") == 0o600
