"""A restoration while another window or program has the store open is refused:
what they write would land in the copy put aside and be lost.

The other process is a child of `crash_child.py`'s fork server (`hold`): it opens the store,
keeps a connection, and saves one household when the test lets it.
"""

from __future__ import annotations

import errno
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.model import Household
from desktop_app.store import store_lock
from desktop_app.store.backup import restore, restore_in_place
from desktop_app.store.engine import engine_lock
from desktop_app.store.errors import StoreError
from desktop_app.store.repository import open_store
from desktop_app.store.store_lock import CANNOT_LOCK, IN_USE, NOT_A_LOCK_FILE, RESTORING, exclusive
from tests.store.crash_child import LATE_HOUSEHOLD
from tests.store.restore_helpers import (
    BACKUP_ONLY,
    backup_of,
    filled,
    household_ids,
    mode,
    url,
)
from tests.store.test_crash import Server, serving

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fork et signaux POSIX")


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from serving(tmp_path / "stderr.txt")


def _stores(tmp_path: Path) -> tuple[Path, Path]:
    store, source = tmp_path / "base" / "suivi.sqlite3", tmp_path / "src" / "b.sqlite3"
    filled(store, None)
    filled(source, None, BACKUP_ONLY)
    return store, backup_of(source, None, tmp_path / "s")


@posix_only
def test_restore_is_refused_while_another_process_has_the_store_open(
        tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue: an import in another process reported « Import terminé » and its writes
    went to the copy put aside. Now refused; the other process's write is in the store."""
    store, backup = _stores(tmp_path)
    pid = server.hold(store)
    refused = IN_USE.format(where=store)
    with pytest.raises(StoreError) as raised:
        restore(backup, store, None, datetime(2026, 12, 1, 10, 0, 0))
    assert str(raised.value) == refused
    assert main(["--db", str(store), "restore", str(backup), "--yes"]) == 1
    assert capsys.readouterr().err == f"Erreur : {refused}\n"
    server.let_it_write_then_stop(pid)  # it goes on writing: nothing of it is lost
    assert not list(store.parent.glob("*avant-restauration*"))
    assert household_ids(store, None) == {"h1", LATE_HOUSEHOLD[0]}
    # Once it is gone, the restoration goes through.
    assert restore(backup, store, None, datetime(2026, 12, 1, 10, 0, 0)) is not None
    assert household_ids(store, None) == {"h1", BACKUP_ONLY.id}


@posix_only
def test_the_window_restore_is_refused_while_another_process_has_the_store_open(
        tmp_path: Path, server: Server) -> None:
    store_path, backup = _stores(tmp_path)
    window = open_store(url(store_path))  # the window's own store: it may restore it
    try:
        pid = server.hold(store_path)
        with pytest.raises(StoreError, match="^" + IN_USE.format(where=store_path)[:40]):
            restore_in_place(window, backup)
        window.save_household(Household("h-fenetre", "FENÊTRE Encore"))  # still usable
        server.let_it_write_then_stop(pid)
        assert {h.id for h in window.export_caseload().households} == {
            "h1", "h-fenetre", LATE_HOUSEHOLD[0]}
        aside = restore_in_place(window, backup, datetime(2026, 12, 1, 10, 0, 0))
        assert {h.id for h in window.export_caseload().households} == {"h1", BACKUP_ONLY.id}
    finally:
        window.close()
    assert aside is not None and household_ids(aside, None) == {
        "h1", "h-fenetre", LATE_HOUSEHOLD[0]}


@posix_only
def test_openers_coexist_and_an_opening_is_refused_while_a_restore_runs(
        tmp_path: Path, server: Server) -> None:
    store, _backup = _stores(tmp_path)
    mine = open_store(url(store))  # shared: another process opens it as well
    try:
        pid = server.hold(store)
        server.let_it_write_then_stop(pid)
    finally:
        mine.close()
    with exclusive(store):  # a restoration runs
        server.send(f"hold {store} -")
        line = server.next_line()
        assert line.startswith("pid ")
        said = server.next_line()
        server.send(f"reap {line.split()[1]}")
        assert server.next_line().endswith(" 1")
        with pytest.raises(StoreError) as raised:
            open_store(url(store))  # in this process too
    assert said == f"error StoreError: {RESTORING.format(where=store)}"
    assert str(raised.value) == RESTORING.format(where=store)


def test_a_second_store_open_in_the_same_process_blocks_a_restore(tmp_path: Path) -> None:
    store_path, backup = _stores(tmp_path)
    first, second = open_store(url(store_path)), open_store(url(store_path))
    try:
        with pytest.raises(StoreError, match="est ouverte par une autre fenêtre"):
            restore_in_place(first, backup)
        with pytest.raises(StoreError, match="est ouverte par une autre fenêtre"):
            restore(backup, store_path, None)
        second.close()
        assert restore_in_place(first, backup) is not None
        assert {h.id for h in first.export_caseload().households} == {"h1", BACKUP_ONLY.id}
        second = open_store(url(store_path))  # closed stores are opened again
        assert {h.id for h in second.export_caseload().households} == {"h1", BACKUP_ONLY.id}
    finally:
        first.close()
        second.close()


@pytest.mark.skipif(os.name != "posix", reason="droits POSIX")
def test_the_lock_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        store = open_store(url(tmp_path / "suivi.sqlite3"))
        store.close()
    finally:
        os.umask(previous)
    lock = tmp_path / "suivi.sqlite3.verrou"
    assert lock.read_bytes() == b"" and mode(lock) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="droits POSIX")
def test_a_store_shared_on_purpose_gets_a_lock_file_its_colleagues_can_use(
        tmp_path: Path) -> None:
    """A store the group may write (colleagues on a network share): its lock file too, or
    the second colleague could no longer open it."""
    shared, private = tmp_path / "equipe.sqlite3", tmp_path / "moi.sqlite3"
    for path, bits in ((shared, 0o660), (private, 0o644)):
        filled(path, None)
        path.with_name(path.name + ".verrou").unlink()
        path.chmod(bits)
        open_store(url(path)).close()
    assert (mode(tmp_path / "equipe.sqlite3.verrou"), mode(tmp_path / "moi.sqlite3.verrou")) == (
        0o660, 0o600)


@pytest.mark.parametrize("failure", [errno.EACCES, errno.EROFS], ids=["interdit", "lecture"])
def test_a_folder_where_the_lock_file_cannot_be_made_is_said_in_french(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int) -> None:
    store_path = tmp_path / "suivi.sqlite3"
    filled(store_path, None)
    real_open = os.open

    def refused(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".verrou"):
            raise OSError(failure, os.strerror(failure))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_lock.os, "open", refused)
    with pytest.raises(StoreError) as raised:
        open_store(url(store_path))
    reason = {errno.EACCES: "accès refusé : le fichier est peut-être ouvert dans un autre "
              "programme (tableur, lecteur PDF) ou le dossier est protégé",
              errno.EROFS: "le support est en lecture seule"}[failure]
    assert str(raised.value) == CANNOT_LOCK.format(
        lock=tmp_path / "suivi.sqlite3.verrou", reason=reason, folder=tmp_path)


def test_something_else_in_place_of_the_lock_file_is_said_in_french(tmp_path: Path) -> None:
    store_path = tmp_path / "suivi.sqlite3"
    (tmp_path / "suivi.sqlite3.verrou").mkdir()
    with pytest.raises(StoreError) as raised:
        open_store(url(store_path))
    assert str(raised.value) == NOT_A_LOCK_FILE.format(lock=tmp_path / "suivi.sqlite3.verrou")


def test_a_database_that_is_not_a_file_has_no_lock_file(tmp_path: Path) -> None:
    store = open_store("sqlite://")  # in memory
    try:
        assert engine_lock(store.engine) is None
        store.save_household(Household("h1", "MÉMOIRE Seule"))
    finally:
        store.close()
    assert list(tmp_path.iterdir()) == []
