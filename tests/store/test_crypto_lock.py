"""« Chiffrer la base » and the change of passphrase while another window or program has the
store open are refused: the plain file replaced under it, its writes would land in
the old inode and be lost; the key changed under it, it could no longer read the store. And an
encryption killed at any step leaves the plain store or the encrypted one, nothing else.

The other process is a child of `crash_child.py`'s fork server (`hold`, `encrypt`).
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop_app.domain.model import Household
from desktop_app.private_files import TEMP_MARK
from desktop_app.store.crypto import change_passphrase, convert_to_encrypted
from desktop_app.store.errors import StoreError
from desktop_app.store.keys import looks_encrypted, looks_plain
from desktop_app.store.repository import open_store
from desktop_app.store.store_lock import ENCRYPTING_IN_USE, REKEYING_IN_USE
from tests.store.crash_child import LATE_HOUSEHOLD
from tests.store.restore_helpers import SECRET, household_ids, mode, url
from tests.store.restore_helpers import filled as filled_store
from tests.store.test_crash import Server, serving

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fork et signaux POSIX")
NEW = "Un autre mot de passe : le vent se lève"
WINDOW_ONLY = Household("h-fenetre", "FENÊTRE Encore")


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from serving(tmp_path / "stderr.txt")


def _filled(tmp_path: Path, key: str | None) -> Path:
    store = tmp_path / "base" / "suivi.sqlite3"
    filled_store(store, key)
    return store


@posix_only
def test_encryption_is_refused_while_another_process_has_the_store_open(
        tmp_path: Path, server: Server) -> None:
    store = _filled(tmp_path, None)
    pid = server.hold(store, None)
    with pytest.raises(StoreError) as raised:
        convert_to_encrypted(store, SECRET)
    assert str(raised.value) == ENCRYPTING_IN_USE.format(where=store)
    assert looks_plain(store)
    server.let_it_write_then_stop(pid)  # it goes on writing into the store, still plain
    convert_to_encrypted(store, SECRET)  # once it is gone
    assert looks_encrypted(store)
    assert household_ids(store, SECRET) == {"h1", LATE_HOUSEHOLD[0]}


@posix_only
def test_the_window_encryption_is_refused_and_its_store_stays_usable(
        tmp_path: Path, server: Server) -> None:
    store_path = _filled(tmp_path, None)
    window = open_store(url(store_path))  # the window's own store: it may encrypt it
    try:
        pid = server.hold(store_path, None)
        with pytest.raises(StoreError) as raised:
            convert_to_encrypted(store_path, SECRET, window.engine)
        assert str(raised.value) == ENCRYPTING_IN_USE.format(where=store_path)
        window.save_household(WINDOW_ONLY)  # still usable, still plain
        server.let_it_write_then_stop(pid)
        convert_to_encrypted(store_path, SECRET, window.engine)
    finally:
        window.close()
    assert looks_encrypted(store_path)
    assert household_ids(store_path, SECRET) == {"h1", WINDOW_ONLY.id, LATE_HOUSEHOLD[0]}


@posix_only
def test_a_change_of_passphrase_is_refused_while_another_process_has_the_store_open(
        tmp_path: Path, server: Server) -> None:
    store = _filled(tmp_path, SECRET)
    pid = server.hold(store, SECRET)
    with pytest.raises(StoreError) as raised:
        change_passphrase(store, SECRET, NEW)
    assert str(raised.value) == REKEYING_IN_USE.format(where=store)
    server.let_it_write_then_stop(pid)  # with the key it opened the store with
    assert household_ids(store, SECRET) == {"h1", LATE_HOUSEHOLD[0]}
    change_passphrase(store, SECRET, NEW)
    assert household_ids(store, NEW) == {"h1", LATE_HOUSEHOLD[0]}


@posix_only
def test_the_window_change_of_passphrase_is_refused_and_its_store_stays_usable(
        tmp_path: Path, server: Server) -> None:
    store_path = _filled(tmp_path, SECRET)
    window = open_store(url(store_path), SECRET)
    try:
        pid = server.hold(store_path, SECRET)
        with pytest.raises(StoreError) as raised:
            change_passphrase(store_path, SECRET, NEW, window.engine)
        assert str(raised.value) == REKEYING_IN_USE.format(where=store_path)
        window.save_household(WINDOW_ONLY)
        server.let_it_write_then_stop(pid)
        change_passphrase(store_path, SECRET, NEW, window.engine)
    finally:
        window.close()
    assert household_ids(store_path, NEW) == {"h1", WINDOW_ONLY.id, LATE_HOUSEHOLD[0]}


def test_a_second_store_open_in_the_same_process_blocks_both(tmp_path: Path) -> None:
    """Two windows of one process: the first may not encrypt while the second is open."""
    store_path = _filled(tmp_path, None)
    first, second = open_store(url(store_path)), open_store(url(store_path))
    try:
        with pytest.raises(StoreError, match="chiffrée maintenant"):
            convert_to_encrypted(store_path, SECRET, first.engine)
        with pytest.raises(StoreError, match="chiffrée maintenant"):
            convert_to_encrypted(store_path, SECRET)  # not through its engine: refused too
        second.close()
        convert_to_encrypted(store_path, SECRET, first.engine)
    finally:
        first.close()
        second.close()
    other = open_store(url(store_path), SECRET)
    try:
        with pytest.raises(StoreError, match="si son mot de passe changeait"):
            change_passphrase(store_path, SECRET, NEW)
    finally:
        other.close()
    assert household_ids(store_path, SECRET) == {"h1"}


def _killed_encryption(server: Server, store: Path, step: str) -> None:
    server.send(f"encrypt {store} {quote(SECRET)} {step}")
    line = server.next_line()
    assert line.startswith("pid "), line
    assert (said := server.next_line()) == f"step {step}", said
    pid = line.split()[1]
    server.send(f"reap {pid}")
    assert server.next_line() == f"dead {pid} {-signal.SIGKILL}"


@posix_only
def test_an_encryption_killed_before_the_swap_leaves_the_plain_store_whole(
        tmp_path: Path, server: Server) -> None:
    store = _filled(tmp_path, None)
    _killed_encryption(server, store, "exported")
    assert looks_plain(store)
    hidden = [p.name for p in store.parent.iterdir() if p.name.endswith(TEMP_MARK)]
    assert len(hidden) == 1 and hidden[0].startswith(".suivi.sqlite3.")  # the encrypted copy
    assert household_ids(store, None) == {"h1"}  # the opening removes the dead one's copy
    assert sorted(p.name for p in store.parent.iterdir()) == ["suivi.sqlite3",
                                                              "suivi.sqlite3.verrou"]
    convert_to_encrypted(store, SECRET)  # and the encryption goes through afterwards
    assert household_ids(store, SECRET) == {"h1"}


@posix_only
def test_an_encryption_killed_after_the_swap_leaves_the_encrypted_store_alone(
        tmp_path: Path, server: Server) -> None:
    store = _filled(tmp_path, None)
    _killed_encryption(server, store, "replaced")
    assert looks_encrypted(store) and mode(store) == 0o600
    # No plain copy beside it: the plain store was replaced, not kept.
    assert sorted(p.name for p in store.parent.iterdir()) == ["suivi.sqlite3",
                                                              "suivi.sqlite3.verrou"]
    assert household_ids(store, SECRET) == {"h1"}


def test_a_copy_left_by_an_older_version_is_removed_at_the_opening(tmp_path: Path) -> None:
    store = _filled(tmp_path, None)
    old = store.with_name("suivi.sqlite3.chiffrement-en-cours")
    old.write_bytes(b"\0" * 4096)
    assert household_ids(store, None) == {"h1"}
    assert not old.exists()
