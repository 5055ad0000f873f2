"""Encryption at rest: an encrypted store holds no name in clear, opens only with
its passphrase, and says so in French; a plain store can be encrypted, a passphrase changed."""

from __future__ import annotations

import re
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from desktop_app.interchange import caseload_to_json, read_file
from desktop_app.store import migrate
from desktop_app.store.crypto import change_passphrase, convert_to_encrypted
from desktop_app.store.engine import write
from desktop_app.store.errors import RefusedError, StoreError, WrongPassphraseError
from desktop_app.store.keys import PASSPHRASE_ENV, cipher_connect
from desktop_app.store.repository import open_store
from tests.conftest import EXAMPLES

SECRET = "Trois chats l'été, 7 « dés » !"  # a quote inside: PRAGMA key must escape it
WRONG = "Mot de passe incorrect : la base est chiffrée avec un autre mot de passe."
NEEDS = "Cette base est chiffrée : donnez son mot de passe (variable SUIVI_FSL_PASSPHRASE)."
FULL_WRONG, FULL_NEEDS = (f"^{re.escape(message)}$" for message in (WRONG, NEEDS))
#: Names of households of exemple-2.json (« ROGER Amina », « NOEL Chantal »…), as stored.
NAMES = [b"ROGER", b"Amina", b"NOEL", b"Li\xc3\xa9vin"]


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _bytes_on_disk(path: Path) -> bytes:
    """The store file and its WAL (if any), as a thief of the laptop would read them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _filled(path: Path, passphrase: str | None) -> dict[str, object]:
    """Import exemple-2 into a store at `path`, left open (WAL not folded back): its export."""
    store = open_store(_url(path), passphrase)
    store.import_caseload(read_file(EXAMPLES / "exemple-2.json"))
    exported = caseload_to_json(store.export_caseload())
    assert path.with_name(path.name + "-wal").exists()  # the WAL is checked too, not skipped
    store.close()  # its lock let go too: encrypting it needs it to itself
    return exported


def test_an_encrypted_store_holds_no_name_in_clear(tmp_path: Path) -> None:
    plain, encrypted = tmp_path / "clair.sqlite3", tmp_path / "chiffre.sqlite3"
    _filled(plain, None)
    _filled(encrypted, SECRET)
    on_plain, on_encrypted = _bytes_on_disk(plain), _bytes_on_disk(encrypted)
    assert all(name in on_plain for name in NAMES)  # the test can fail: names are there…
    assert not [name for name in NAMES if name in on_encrypted]  # …and not here
    assert not on_encrypted.startswith(b"SQLite format 3")


def test_reopened_with_its_passphrase_the_export_is_identical(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.sqlite3"
    exported = _filled(path, SECRET)
    again = open_store(_url(path), SECRET)
    assert caseload_to_json(again.export_caseload()) == exported
    again.close()


def test_the_passphrase_may_come_from_the_environment(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "chiffre.sqlite3"
    exported = _filled(path, SECRET)
    monkeypatch.setenv(PASSPHRASE_ENV, SECRET)
    again = open_store(_url(path))
    assert caseload_to_json(again.export_caseload()) == exported
    again.close()


@pytest.mark.parametrize("given", ["un autre mot de passe", SECRET[:-1]])
def test_a_wrong_passphrase_is_said_in_french(tmp_path: Path, given: str,
                                              capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chiffre.sqlite3"
    _filled(path, SECRET)
    capfd.readouterr()
    with pytest.raises(WrongPassphraseError) as error:
        open_store(_url(path), given)
    assert str(error.value) == WRONG
    assert isinstance(error.value, StoreError)
    assert capfd.readouterr() == ("", "")  # no « hmac check failed » from SQLCipher's log


def test_a_passphrase_for_a_plain_store_is_refused(tmp_path: Path) -> None:
    # Refused, and said to be useless rather than wrong: a script that gives one believes
    # the store (and its backups) encrypted.
    path = tmp_path / "clair.sqlite3"
    _filled(path, None)
    with pytest.raises(WrongPassphraseError) as error:
        open_store(_url(path), SECRET)
    assert str(error.value) == (
        "Cette base n'est pas chiffrée : elle s'ouvre sans mot de passe. Retirez la variable "
        "SUIVI_FSL_PASSPHRASE pour l'ouvrir, ou chiffrez-la depuis les Paramètres de la "
        "fenêtre.")


def test_an_encrypted_store_without_passphrase_asks_for_it(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.sqlite3"
    _filled(path, SECRET)
    with pytest.raises(WrongPassphraseError) as error:
        open_store(_url(path))
    assert str(error.value) == NEEDS


def test_a_plain_store_converted_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "clair.sqlite3"
    exported = _filled(path, None)
    convert_to_encrypted(path, SECRET)
    assert not [name for name in NAMES if name in _bytes_on_disk(path)]
    assert not list(tmp_path.glob("*-wal")) and not list(tmp_path.glob("*en-cours"))
    with pytest.raises(WrongPassphraseError, match=FULL_NEEDS):
        open_store(_url(path))
    converted = open_store(_url(path), SECRET)
    assert caseload_to_json(converted.export_caseload()) == exported
    converted.close()
    with pytest.raises(RefusedError, match="déjà chiffrée"):
        convert_to_encrypted(path, SECRET)


def test_a_changed_passphrase_opens_and_the_old_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.sqlite3"
    exported = _filled(path, SECRET)
    with pytest.raises(WrongPassphraseError, match=FULL_WRONG):
        change_passphrase(path, "pas le bon", "nouveau mot de passe 2025")
    change_passphrase(path, SECRET, "nouveau mot de passe 2025")
    with pytest.raises(WrongPassphraseError, match=FULL_WRONG):
        open_store(_url(path), SECRET)
    reopened = open_store(_url(path), "nouveau mot de passe 2025")
    assert caseload_to_json(reopened.export_caseload()) == exported
    reopened.close()
    assert not [name for name in NAMES if name in _bytes_on_disk(path)]


def test_an_encrypted_store_is_migrated_and_its_copy_stays_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "chiffre.sqlite3"
    store = open_store(_url(path), SECRET)
    config = migrate.alembic_config()
    with write(store.engine) as connection:  # an old store: every migration taken back
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    store.close()

    upgraded = open_store(_url(path), SECRET)  # migrated through SQLCipher
    assert len(upgraded.tariffs()) == 1  # the built-in tariff row (P4–P6) is back
    upgraded.close()
    backup = path.with_name(f"chiffre.sqlite3.avant-migration-{migrate.head_revision()}.bak")
    assert not backup.read_bytes().startswith(b"SQLite format 3")  # VACUUM INTO kept the key
    with closing(cipher_connect(str(backup), SECRET)) as copy:
        tables = {r[0] for r in copy.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"alembic_version"}  # the store as it was before the migration
    with pytest.raises(WrongPassphraseError, match=FULL_NEEDS):
        open_store(_url(backup))
