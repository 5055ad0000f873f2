"""The window's way to the store's files (app/opening.py, app/backups.py): a file looked at
and opened with its passphrase, the passphrase changed, the server's settings, the backups
made, read and found at start-up. Files only: a server's store is neither encrypted nor backed
up here (tests/store/test_postgresql.py, tests/test_cli_postgresql.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.app import backups, opening
from desktop_app.app.opening import ServerSettings
from desktop_app.domain.model import Household
from desktop_app.store.backup_names import backup_name
from desktop_app.store.errors import WrongPassphraseError

KEY = "Une phrase de passe assez longue"
OTHER = "Une autre phrase de passe assez longue"


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def test_a_file_is_looked_at_then_opened_with_the_passphrase_that_opens_it(
        tmp_path: Path) -> None:
    secret, plain = tmp_path / "chiffre.sqlite3", tmp_path / "clair.sqlite3"
    assert opening.look_at(secret) == "nouvelle"
    store, key = opening.open_file(url_of(secret), KEY)
    store.close()
    assert key == KEY and opening.look_at(secret) == "chiffrée"
    store, key = opening.open_file(url_of(plain), None)
    store.close()
    assert key is None and opening.look_at(plain) == "en clair"
    with pytest.raises(WrongPassphraseError):
        opening.open_file(url_of(secret), OTHER)


def test_a_plain_file_is_encrypted_then_its_passphrase_changed(tmp_path: Path) -> None:
    database = tmp_path / "suivi.sqlite3"
    url = url_of(database)
    store, _key = opening.open_file(url, None)
    store.save_household(Household("h1", "PETIT Léa"))
    encrypted = opening.change_passphrase(store, url, database, None, KEY)
    assert opening.look_at(database) == "chiffrée"
    changed = opening.change_passphrase(encrypted, url, database, KEY, OTHER)
    found = changed.household("h1")
    assert found is not None and found.name == "PETIT Léa"
    changed.close()
    with pytest.raises(WrongPassphraseError):
        opening.open_file(url, KEY)


def test_the_server_settings_and_their_url() -> None:
    settings = ServerSettings("pg.asso.local", 5433, "suivi_fsl", "equipe", "verify-full", "")
    url = "postgresql+psycopg://equipe@pg.asso.local:5433/suivi_fsl?sslmode=verify-full"
    assert settings.url() == url
    assert ServerSettings.of_url(url) == settings
    assert settings.keyring_entry() == url
    # A password given in --db is never part of the keyring's name.
    with_password = url.replace("equipe@", "equipe:secret@")
    assert opening.password_entry(with_password) == url
    # No port, no sslmode in the URL: PostgreSQL's port and libpq's own default.
    assert ServerSettings.of_url("postgresql+psycopg://equipe@pg/suivi_fsl") == ServerSettings(
        "pg", 5432, "suivi_fsl", "equipe", "prefer", "")


def test_backups_made_read_and_the_latest_sound_one_found(tmp_path: Path) -> None:
    database, folder = tmp_path / "suivi.sqlite3", tmp_path / "sauvegardes"
    store, _key = opening.open_file(url_of(database), None)
    try:
        store.save_household(Household("h1", "PETIT Léa"))
        store.save_household(Household("h2", "MARTIN Paul"))
        made = backups.back_up(store, folder, datetime(2025, 9, 15, 18, 30))
        damaged = folder / backup_name(datetime(2025, 9, 16, 9, 0))  # newer, not a database
        damaged.write_bytes(b"pas une base" * 100)
        read = backups.read_backups(store, folder)
        assert [(r.path, r.taken, r.state) for r in read] == [
            (damaged, datetime(2025, 9, 16, 9, 0), "Endommagée"),
            (made, datetime(2025, 9, 15, 18, 30), "Bonne")]
        assert read[0].info is None and read[0].reason
        assert read[1].info is not None and read[1].info.households == 2
        assert backups.latest_sound(store, folder).path == made
        # At start-up: a sound store, and the latest backup's date read from its name.
        assert backups.check_at_start(store, folder) == ([], datetime(2025, 9, 16, 9, 0))
    finally:
        store.close()
