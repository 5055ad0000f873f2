"""`desktop_app.paths`: the data folder and the default store, from the environment."""

from __future__ import annotations

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
