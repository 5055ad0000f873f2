"""Migrations: a store is created from nothing by Alembic, upgraded after a copy of the file,
never migrated twice, and refused when a newer version wrote it."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from desktop_app.domain.model import AlertSettings, ExitReason, Territory
from desktop_app.domain.reference_lists import (
    _EXIT_SYNONYMS,
    _TERRITORY_SYNONYMS,
    EXIT_LABELS,
    TERRITORY_LABELS,
    plain,
    recognise_exit,
    recognise_territory,
)
from desktop_app.domain.tariffs import default_tariffs
from desktop_app.store import migrate
from desktop_app.store.engine import create_store_engine, read, write
from desktop_app.store.errors import StoreError
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.tables import METADATA
from tests.conftest import BACKENDS
from tests.postgres import TestServer, url_text
from tests.store.raw import sql_rows


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()


def _tables(path: Path) -> set[str]:
    return {str(r[0]) for r in _sql(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_new_store_is_created_by_the_migrations(store: SqlStore) -> None:
    assert sql_rows(store, "SELECT version_num FROM alembic_version") == [("0005",)]
    with read(store.engine) as connection:
        tables = set(inspect(connection).get_table_names())
    assert {"measures", "visits", "households", "tariffs", "settings", "audit_log",
            "import_batches", "household_archive", "bilan_texts", "agreement_extensions",
            "treated_alerts"} <= tables
    assert store.is_empty()
    # The built-in tariff row of docs/regles.md (P4–P6, Q1–Q2) is there: 85,95 € the point…
    assert store.tariffs() == default_tariffs()
    assert str(store.tariffs()[0].point_value) == "85.95"
    assert store.alert_settings() == AlertSettings(days_ahead=7, occupancy_table_due_day=10)


def test_the_models_and_the_migrations_describe_the_same_schema(store: SqlStore) -> None:
    with read(store.engine) as connection:
        assert compare_metadata(MigrationContext.configure(connection), METADATA) == []


def test_sqlite_settings_of_every_connection(sqlite_store: SqlStore) -> None:
    with read(sqlite_store.engine) as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_opening_a_store_twice_does_not_migrate_it_again(
    sqlite_store: SqlStore, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_store.close()

    def must_not_run(_engine: object) -> None:
        raise AssertionError("migration lancée sur une base déjà à jour")

    monkeypatch.setattr(migrate, "upgrade_to_head", must_not_run)
    again = open_store(f"sqlite:///{store_path}")
    assert again.tariffs() == default_tariffs()  # still one built-in row, not two
    again.close()
    assert list(store_path.parent.glob("*.bak")) == []


def test_a_store_written_by_a_newer_version_is_refused(
    store: SqlStore, store_url: str, store_path: Path
) -> None:
    with write(store.engine) as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreError) as error:
        open_store(store_url)
    assert str(error.value).startswith(
        "Cette base a été écrite par une version plus récente de Suivi FSL")
    assert "0099" in str(error.value)
    assert sql_rows(store, "SELECT version_num FROM alembic_version") == [("0099",)]
    assert list(store_path.parent.glob("*.bak")) == []
    store.close()


def test_the_head_revision_known_without_alembic_is_the_last_migration() -> None:
    """A new migration must move `HEAD_REVISION` too: else every store would migrate again."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.HEAD_REVISION == migrate.head_revision() == script.get_current_head()
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def test_the_revision_is_read_as_alembic_reads_it(store: SqlStore) -> None:
    """At the head, with no version row (every migration taken back), and before any table."""
    def both() -> tuple[str | None, str | None]:
        with read(store.engine) as connection:
            return (migrate.stored_revision(connection),
                    MigrationContext.configure(connection).get_current_revision())

    assert both() == ("0005", "0005")
    config = migrate.alembic_config()
    with write(store.engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert both() == (None, None)
    assert migrate.current_revision(store.engine) == (None, False)
    with write(store.engine) as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
    assert both() == (None, None)
    store.close()


def test_an_old_store_is_copied_before_it_is_migrated(
    sqlite_store: SqlStore, store_path: Path
) -> None:
    # An old store: every migration taken back, only Alembic's (empty) version table left.
    config = migrate.alembic_config()
    with write(sqlite_store.engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    sqlite_store.close()
    assert _tables(store_path) == {"alembic_version"}

    upgraded = open_store(f"sqlite:///{store_path}")
    backup = store_path.with_name("store.sqlite3.avant-migration-0005.bak")
    assert backup.exists()
    # The copy is the store as it was before the migration…
    assert _tables(backup) == {"alembic_version"}
    assert _sql(backup, "SELECT count(*) FROM alembic_version") == [(0,)]
    # …and the store itself is now at the current revision, with its built-in tariffs.
    assert _sql(store_path, "SELECT version_num FROM alembic_version") == [("0005",)]
    assert upgraded.tariffs() == default_tariffs()
    upgraded.close()


def test_a_store_of_revision_0001_keeps_its_data_through_the_later_ones(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    engine = create_store_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with write(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("INSERT INTO households (id, name, search_text) "
                           "VALUES ('h1', 'Dupont', 'dupont')")
        connection.commit()

    upgraded = open_store(f"sqlite:///{path}")
    # The copy of the 0001 file is beside it, the household is still there, and the keeping
    # figures of the GDPR (2 years active, kept until 31/12/2034) are settings.
    assert _sql(path.with_name("store.sqlite3.avant-migration-0005.bak"),
                "SELECT version_num FROM alembic_version") == [("0001",)]
    household = upgraded.household("h1")
    assert household is not None and household.name == "Dupont"
    assert dict(_sql(path, "SELECT key, value FROM settings WHERE key LIKE 'retention%'")) == {
        "retention_active_years": "2", "retention_keep_until": "2034-12-31"}
    upgraded.close()


def test_a_new_file_is_not_copied(sqlite_store: SqlStore, store_path: Path) -> None:
    assert sqlite_store.is_empty()
    assert list(store_path.parent.glob("*.bak")) == []


def test_the_store_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sous-dossier" / "base.sqlite3"
    opened = open_store(f"sqlite:///{path}")
    opened.close()
    assert path.exists()


def test_a_database_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "autre.sqlite3"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY)")
        connection.commit()
    with pytest.raises(StoreError, match="n'est pas une base Suivi FSL"):
        open_store(f"sqlite:///{path}")
    assert _tables(path) == {"clients"}


@pytest.fixture(params=BACKENDS)
def bare_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store's URL with nothing in it yet (no revision): a file, or an empty database on
    the test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    server: TestServer = request.getfixturevalue("pg_server")
    database = server.create(migrated=False)
    try:
        yield url_text(server.url_of(database))
    finally:
        server.drop(database)


def _migrate(url: str, revision: str, down: bool = False) -> None:
    engine = create_store_engine(url)
    config = migrate.alembic_config()
    with write(engine) as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def _run(url: str, *statements: tuple[str, dict[str, object]]) -> None:
    engine = create_store_engine(url)
    with write(engine) as connection:
        for statement, params in statements:
            connection.execute(text(statement), params)
    engine.dispose()


def _rows(url: str, query: str) -> list[tuple[Any, ...]]:
    engine = create_store_engine(url)
    with read(engine) as connection:
        rows = [tuple(row) for row in connection.execute(text(query))]
    engine.dispose()
    return rows


_WORKER = ("INSERT INTO workers (id, name, diploma, fte) "
           "VALUES ('w1', 'Claire Martin', 'CESF', 1.0)", {})


def test_a_store_of_revision_0002_gets_its_free_texts_coded_by_0003(bare_url: str) -> None:
    _migrate(bare_url, "0002")
    households = [("INSERT INTO households (id, name, territory, search_text) "
                   "VALUES (:id, :name, :territory, :search)",
                   {"id": hid, "name": f"NOM {hid}", "territory": territory, "search": hid})
                  for hid, territory in (("h1", "Lens-Liévin"), ("h2", "lens lievin"),
                                         ("h3", "Lensois"), ("h4", None))]
    reasons = (("m1", "Glissement du bail"), ("m2", "Bail glissé au ménage"),
               ("m3", "Échec : bail non glissé"), ("m4", None), ("m5", "  "))
    measures = [("INSERT INTO measures (id, household_id, type, referent_id, closed_on, "
                 "close_reason, has_contract, relay_authorized, extension, duration_breach) "
                 "VALUES (:id, 'h1', 'AML', 'w1', :closed, :reason, false, false, false, false)",
                 {"id": mid, "reason": reason, "closed": date(2025, 9, 30)})
                for mid, reason in reasons]
    _run(bare_url, _WORKER, *households, *measures)

    upgraded = open_store(bare_url)
    # The two spellings of the issue are one code, the text dropped (the label says it); an
    # unknown text is « autre » with the text kept; no text stays unknown.
    assert dict((r[0], (r[1], r[2])) for r in _rows(
        bare_url, "SELECT id, exit_reason, close_reason FROM measures")) == {
        "m1": ("bail_glisse", None), "m2": ("bail_glisse", None),
        "m3": ("autre", "Échec : bail non glissé"), "m4": (None, None), "m5": (None, None)}
    assert dict((r[0], (r[1], r[2])) for r in _rows(
        bare_url, "SELECT id, territory, territory_other FROM households")) == {
        "h1": ("lens_lievin", None), "h2": ("lens_lievin", None),
        "h3": ("autre", "Lensois"), "h4": (None, None)}
    # …and the store reads them as the model's codes
    household = upgraded.household("h3")
    assert household is not None and household.territory is Territory.AUTRE
    measure = upgraded.measure("m1")
    assert measure is not None and measure.exit_reason is ExitReason.BAIL_GLISSE
    # item 11: what an existing measure was about is not known; no extension of an AML
    # agreement was recorded (item 6: its table is new and empty)
    assert _rows(bare_url, "SELECT count(*) FROM measures "
                           "WHERE asll_content IS NOT NULL") == [(0,)]
    assert _rows(bare_url, "SELECT count(*) FROM agreement_extensions") == [(0,)]
    # item 9: no alert marked treated yet
    assert _rows(bare_url, "SELECT count(*) FROM treated_alerts") == [(0,)]
    upgraded.close()


def test_0003_taken_back_gives_one_free_text_again(bare_url: str) -> None:
    _migrate(bare_url, "0003")
    _run(bare_url, _WORKER,
         ("INSERT INTO households (id, name, territory, territory_other, search_text) "
          "VALUES ('h1', 'A', 'autre', 'Lensois', 'a'), ('h2', 'B', 'calaisis', NULL, 'b')", {}),
         ("INSERT INTO measures (id, household_id, type, referent_id, exit_reason, "
          "close_reason, has_contract, relay_authorized, extension, duration_breach) "
          "VALUES ('m1', 'h1', 'AML', 'w1', 'bail_glisse', NULL, false, false, false, false)",
          {}))
    _migrate(bare_url, "0002", down=True)
    assert _rows(bare_url, "SELECT close_reason FROM measures") == [("Bail glissé au ménage",)]
    assert _rows(bare_url, "SELECT id, territory FROM households ORDER BY id") == [
        ("h1", "Lensois"), ("h2", "Calaisis")]


def _revision_0003() -> Any:
    return importlib.import_module(
        "desktop_app.store.migrations.versions.0003_issue11_records")


def test_the_frozen_lists_of_0003_give_the_codes_of_the_domain_today() -> None:
    # 0003 keeps its own copy of the lists and of the normalisation (a migration must not
    # change with the domain); today the copy and the domain recognise every text alike.
    frozen = _revision_0003()
    exit_texts = [*EXIT_LABELS.values(), *(str(c) for c in ExitReason),
                  *(w for words in _EXIT_SYNONYMS.values() for w in words)]
    territory_texts = [*TERRITORY_LABELS.values(), *(str(c) for c in Territory),
                       *(w for words in _TERRITORY_SYNONYMS.values() for w in words)]
    others = ["", "  ", "Relogement", "Échec : bail non glissé", "  BAIL GLISSE au menage. ",
              "Lensois", "lens lievin", "HENIN   carvin", "Cœur de ville", "autre"]
    assert len(exit_texts) > 50 and len(territory_texts) > 20
    for given in [*exit_texts, *others]:
        code, kept = recognise_exit(given)
        assert frozen.recognise_exit(given) == (None if code is None else code.value, kept), given
    for given in [*territory_texts, *others]:
        code, kept = recognise_territory(given)
        assert frozen.recognise_territory(given) == (
            None if code is None else code.value, kept), given
    # the labels the downgrade writes back are the domain's
    assert {c.value: t for c, t in EXIT_LABELS.items()} == frozen.EXIT_LABELS
    assert {c.value: t for c, t in TERRITORY_LABELS.items()} == frozen.TERRITORY_LABELS
    assert frozen.plain("Hénin-Beaumont  Cœur") == plain("Hénin-Beaumont  Cœur") == (
        "henin beaumont coeur")
