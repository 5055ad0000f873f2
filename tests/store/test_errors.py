"""Environment problems become a French `StoreError` that says what to do; bugs stay bugs."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import exc

from desktop_app.domain.model import Household
from desktop_app.store import engine
from desktop_app.store.errors import StoreError, french_message
from desktop_app.store.repository import SqlStore, open_store


@pytest.fixture
def impatient(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqlStore]:
    """A store that waits 50 ms (not 10 s) for another writer."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    opened = open_store(f"sqlite:///{store_path}")
    yield opened
    opened.close()


def test_a_store_locked_by_another_writer(impatient: SqlStore, store_path: Path) -> None:
    with closing(sqlite3.connect(store_path, timeout=0)) as other:
        other.execute("BEGIN IMMEDIATE")  # another window is saving
        with pytest.raises(StoreError) as error:
            impatient.save_household(Household("h1", "DURAND Marie"))
        other.rollback()
    assert "occupée par une autre fenêtre" in str(error.value)
    assert "réessayez" in str(error.value)
    impatient.save_household(Household("h1", "DURAND Marie"))  # free again: it works
    assert impatient.household("h1") == Household("h1", "DURAND Marie")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "suivi-fsl.sqlite3"
    path.write_bytes(b"Ceci est une lettre, pas une base.\n" * 200)
    with pytest.raises(StoreError) as error:
        open_store(f"sqlite:///{path}")
    assert str(error.value) == (
        f"Le fichier {path} n'est pas une base Suivi FSL lisible (fichier endommagé ou d'un "
        "autre type) : restaurez la dernière sauvegarde, ou choisissez un autre fichier avec "
        "--db.")


@pytest.mark.parametrize(("error", "expected"), [
    (sqlite3.OperationalError("database or disk is full"), "Le disque est plein"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "en lecture seule"),
    (sqlite3.OperationalError("unable to open database file"), "Impossible d'ouvrir"),
    (sqlite3.DatabaseError("database disk image is malformed"), "restaurez la dernière"),
    (sqlite3.OperationalError("disk I/O error"), "Erreur de lecture ou d'écriture"),
    (OSError(errno.ENOSPC, "No space left on device"), "Le disque est plein"),
    (OSError(errno.EACCES, "Permission denied"), "Impossible d'ouvrir"),
])
def test_environment_errors_are_said_in_french(error: Exception, expected: str) -> None:
    message = french_message(error, "/données/suivi-fsl.sqlite3")
    assert message is not None and expected in message
    wrapped = exc.OperationalError("SELECT 1", {}, error)
    if isinstance(error, sqlite3.Error):
        assert french_message(wrapped, "base") == french_message(error, "base")


@pytest.mark.parametrize("error", [
    sqlite3.IntegrityError("FOREIGN KEY constraint failed"),
    sqlite3.OperationalError("no such column: nom"),
    sqlite3.ProgrammingError("Cannot operate on a closed database."),
    ValueError("mois invalide"),
])
def test_bugs_are_not_dressed_as_environment_errors(error: Exception) -> None:
    assert french_message(error, "base") is None
