"""A restoration never turns an encrypted store into a plain one: the
current store's key is checked first; a plain backup for an encrypted store is refused
unless asked for expressly, and is then encrypted with the store's key."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store.backup import (
    PLAIN_OVER_ENCRYPTED,
    STORE_NEEDS_KEY,
    STORE_OTHER_KEY,
    PlainBackupError,
    restore,
    restore_in_place,
)
from desktop_app.store.errors import WrongPassphraseError
from desktop_app.store.repository import open_store
from tests.store.restore_helpers import (
    BACKUP_ONLY,
    SECRET,
    backup_of,
    clear_text_in,
    filled,
    household_ids,
    mode,
    url,
)

MOMENT = datetime(2026, 12, 1, 10, 0, 0)


def _encrypted_store_and_plain_backup(tmp_path: Path) -> tuple[Path, Path]:
    store, source = tmp_path / "base" / "suivi.sqlite3", tmp_path / "src" / "clair.sqlite3"
    filled(store, SECRET)
    filled(source, None, BACKUP_ONLY)
    return store, backup_of(source, None, tmp_path / "s")


def _untouched(store: Path, before: bytes) -> None:
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["suivi.sqlite3",
                                                              "suivi.sqlite3.verrou"]


def test_restore_without_passphrase_never_turns_an_encrypted_store_plain(
        tmp_path: Path) -> None:
    store, backup = _encrypted_store_and_plain_backup(tmp_path)
    before = store.read_bytes()
    with pytest.raises(WrongPassphraseError) as raised:
        restore(backup, store, None, MOMENT)
    assert str(raised.value) == STORE_NEEDS_KEY.format(where=store)
    _untouched(store, before)


def test_a_plain_backup_over_an_encrypted_store_is_refused_unless_asked(
        tmp_path: Path) -> None:
    store, backup = _encrypted_store_and_plain_backup(tmp_path)
    before = store.read_bytes()
    with pytest.raises(PlainBackupError) as raised:
        restore(backup, store, SECRET, MOMENT)
    assert str(raised.value) == PLAIN_OVER_ENCRYPTED.format(backup=backup, where=store)
    _untouched(store, before)
    aside = restore(backup, store, SECRET, MOMENT, encrypt_plain=True)
    assert household_ids(store, SECRET) == {"h1", BACKUP_ONLY.id}  # with the store's key
    assert clear_text_in(store.parent) == []  # no name, no SQLite header: encrypted
    assert aside is not None and household_ids(aside, SECRET) == {"h1"}
    if os.name == "posix":
        assert (mode(store), mode(aside)) == (0o600, 0o600)


def test_a_passphrase_that_does_not_open_the_store_is_refused(tmp_path: Path) -> None:
    store, backup = _encrypted_store_and_plain_backup(tmp_path)
    before = store.read_bytes()
    with pytest.raises(WrongPassphraseError) as raised:
        restore(backup, store, "pas le mot de passe de la base", MOMENT, encrypt_plain=True)
    assert str(raised.value) == STORE_OTHER_KEY.format(where=store)
    _untouched(store, before)


def test_the_window_asks_before_a_plain_backup_goes_into_its_encrypted_store(
        tmp_path: Path) -> None:
    store_path, backup = _encrypted_store_and_plain_backup(tmp_path)
    window = open_store(url(store_path), SECRET)
    try:
        with pytest.raises(PlainBackupError):
            restore_in_place(window, backup, MOMENT)
        assert {h.id for h in window.export_caseload().households} == {"h1"}
        restore_in_place(window, backup, MOMENT, encrypt_plain=True)
        assert {h.id for h in window.export_caseload().households} == {"h1", BACKUP_ONLY.id}
    finally:
        window.close()
    assert clear_text_in(store_path.parent) == []


def test_the_command_line_refuses_then_encrypts_with_encrypt_plain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    store, backup = _encrypted_store_and_plain_backup(tmp_path)
    before = store.read_bytes()
    command = ["--db", str(store), "restore", str(backup), "--yes"]
    assert main(command) == 4  # no SUIVI_FSL_PASSPHRASE: the store's key is missing
    assert capsys.readouterr().err == f"Erreur : {STORE_NEEDS_KEY.format(where=store)}\n"
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", SECRET)
    assert main(command) == 1  # refused before anything is asked or changed
    out, err = capsys.readouterr()
    assert "Sauvegarde du 29/11/2026 à 09:30 : 2 ménages" in out and "restaurée" not in out
    assert err == f"Erreur : {PLAIN_OVER_ENCRYPTED.format(backup=backup, where=store)}\n"
    _untouched(store, before)
    assert main([*command, "--encrypt-plain"]) == 0
    assert f"Base restaurée : {store}" in capsys.readouterr().out
    assert household_ids(store, SECRET) == {"h1", BACKUP_ONLY.id}
    assert clear_text_in(store.parent) == []
