"""What the application creates is private on POSIX whatever the umask: 0600 for the store,
its -wal and -shm, its migration copy, an encrypted conversion and every export; 0700 for
the data folder. What a killed run left in the data folder goes at the next start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from desktop_app import private_files
from desktop_app.paths import sqlite_url
from desktop_app.store import migrate
from desktop_app.store.crypto import convert_to_encrypted
from desktop_app.store.engine import write
from desktop_app.store.repository import open_store
from tests.store.builders import full_caseload

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")
ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def _cli(umask: int, data: Path, *argv: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SUIVI_FSL_DATA_DIR": str(data)}
    env.pop("SUIVI_FSL_DB", None)
    subprocess.run([sys.executable, "-m", "desktop_app", *argv], env=env, umask=umask,
                   check=True, capture_output=True, cwd=ROOT)


@pytest.mark.parametrize("umask", [0o022, 0])
def test_the_store_its_journal_the_data_folder_and_the_exports_are_private(
    tmp_path: Path, umask: int
) -> None:
    data = tmp_path / "donnees" / "suivi-fsl"  # two folders the application creates
    _cli(umask, data, "demo", "--households", "3", "--years", "2")
    store = data / "suivi-fsl.sqlite3"
    old = os.umask(umask)
    try:
        # A connection kept open in the middle of a write: SQLite's -wal and -shm exist.
        with closing(sqlite3.connect(store)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE households SET phone = phone")
            wal, shm = (store.with_name(store.name + suffix) for suffix in ("-wal", "-shm"))
            assert {_mode(wal), _mode(shm)} == {0o600}
            connection.rollback()
    finally:
        os.umask(old)
    out = tmp_path / "sorties"
    out.mkdir()
    _cli(umask, data, "export", str(out / "export.json"))
    _cli(umask, data, "grid", "--year", "2025", "--out", str(out / "grille.xlsx"))
    _cli(umask, data, "grid", "--year", "2025", "--out", str(out / "grille.pdf"))
    assert {_mode(tmp_path / "donnees"), _mode(data)} == {0o700}
    assert _mode(store) == 0o600
    assert sorted(os.listdir(out)) == ["export.json", "grille.pdf", "grille.xlsx"]
    assert {_mode(out / name) for name in os.listdir(out)} == {0o600}


def test_the_copy_before_a_migration_and_an_encrypted_store_are_private(
    tmp_path: Path,
) -> None:
    path = tmp_path / "base.sqlite3"
    old = os.umask(0)
    try:
        store = open_store(sqlite_url(path))
        store.import_caseload(full_caseload())
        config = migrate.alembic_config()
        with write(store.engine) as connection:  # an old store: every migration taken back
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        store.close()
        open_store(sqlite_url(path)).close()  # copied, then migrated
        copy = path.with_name(f"base.sqlite3.avant-migration-{migrate.head_revision()}.bak")
        assert _mode(copy) == 0o600
        convert_to_encrypted(path, "Trois chats l'été")
        assert _mode(path) == 0o600
        encrypted = tmp_path / "chiffree.sqlite3"
        open_store(sqlite_url(encrypted), "Trois chats l'été").close()
        assert _mode(encrypted) == 0o600
    finally:
        os.umask(old)


def test_an_existing_store_keeps_its_mode(tmp_path: Path) -> None:
    """A store the user shares on purpose (0640 here) is opened as it is, never chmod-ed."""
    path = tmp_path / "partagee.sqlite3"
    open_store(sqlite_url(path)).close()
    os.chmod(path, 0o640)
    open_store(sqlite_url(path)).close()
    assert _mode(path) == 0o640


def test_the_start_removes_what_a_killed_run_left_in_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "donnees"
    data.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    left = data / f".suivi-fsl.sqlite3.{int(dead.stdout)}.x1{private_files.TEMP_MARK}"
    left.write_text("DURAND Marie")
    kept = data / "notes.txt"
    kept.write_text("à l'utilisateur")
    _cli(0o022, data, "points", "--month", "2025-09")
    assert not left.exists() and kept.exists()
