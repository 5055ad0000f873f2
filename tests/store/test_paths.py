"""`desktop_app.paths`: the data folder and the default store, from the environment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app import paths


def test_data_dir_comes_from_the_environment_in_tests(tmp_path: Path) -> None:
    # tests/conftest.py sets SUIVI_FSL_DATA_DIR to <tmp_path>/data for every test.
    assert paths.data_dir() == tmp_path / "data"


def test_data_dir_defaults_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv("SUIVI_FSL_DATA_DIR")
    assert paths.data_dir() == Path(user_data_dir("suivi-fsl", "SuiviFSL"))


def test_default_store_is_in_the_data_folder(tmp_path: Path) -> None:
    assert paths.default_db_url() == f"sqlite:///{tmp_path / 'data' / 'suivi-fsl.sqlite3'}"


def test_suivi_fsl_db_may_be_a_path_or_a_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUIVI_FSL_DB", str(tmp_path / "autre.sqlite3"))
    assert paths.default_db_url() == f"sqlite:///{tmp_path / 'autre.sqlite3'}"
    monkeypatch.setenv("SUIVI_FSL_DB", "postgresql+psycopg://u@serveur/suivi")
    assert paths.default_db_url() == "postgresql+psycopg://u@serveur/suivi"


def test_db_url_turns_a_path_into_an_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.db_url("base.sqlite3") == f"sqlite:///{tmp_path / 'base.sqlite3'}"
    assert paths.db_url("sqlite:///x.db") == "sqlite:///x.db"
    assert paths.db_url(None) == paths.default_db_url()


#: File names that a URL would misread if the path were pasted into it unescaped.
AWKWARD_NAMES = [
    "clients?2025.sqlite3",  # « ? » starts the URL's options
    "taux 100%25.sqlite3",  # « %25 » is « % » once unquoted
    "100%.sqlite3",
    "a#b.sqlite3",
    "x&y.sqlite3",
    "l'été.sqlite3",
    'dit "x".sqlite3',
    "avec des espaces.sqlite3",
    "é.sqlite3",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_a_store_url_names_exactly_its_file(tmp_path: Path, name: str) -> None:
    from sqlalchemy.engine import URL, make_url

    from desktop_app.store.engine import sqlite_file

    path = tmp_path / name
    url = paths.db_url(str(path))
    # What SQLAlchemy would render, and what each reader gives back: the store, its backups
    # and restore (`sqlite_file(make_url(url))`), the window and its encryption
    # (`sqlite_path(url)`) all name the same file.
    assert url == URL.create("sqlite", database=str(path)).render_as_string()
    assert make_url(url).database == str(path)
    assert sqlite_file(make_url(url)) == path
    assert paths.sqlite_path(url) == path


def test_sqlite_path_of_urls_that_name_no_file() -> None:
    assert paths.sqlite_path("sqlite://") is None
    assert paths.sqlite_path("sqlite:///:memory:") is None
    assert paths.sqlite_path("postgresql+psycopg://u@serveur/suivi") is None
    assert paths.sqlite_path("sqlite:////tmp/b.db?timeout=5") == Path("/tmp/b.db")


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_the_command_line_opens_exactly_the_file_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    from desktop_app.cli import main

    folder = tmp_path / "bases"
    folder.mkdir()
    monkeypatch.chdir(folder)
    # A relative name, as typed in a shell: `--db "clients?2025.sqlite3"`.
    assert main(["--db", name, "demo", "--households", "2", "--years", "1"]) == 0
    # The store and the lock file every opener takes beside it (`<store>.verrou`), no other.
    assert sorted(os.listdir(folder)) == [name, f"{name}.verrou"]
    # Opened again by its name: the same store (its two households), still one file.
    out = tmp_path / "export.json"
    assert main(["--db", name, "export", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["households"]) == 2
    assert sorted(os.listdir(folder)) == [name, f"{name}.verrou"]
    capsys.readouterr()
