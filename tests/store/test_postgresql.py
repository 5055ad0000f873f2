"""What is proper to a store on a PostgreSQL server: the driver and the URL, the
French messages of a server (never with the password), the transactions (writers in turn,
one snapshot per read), and what only a file has, refused. The rest of the store's tests run
on both engines (`tests.conftest.store_url`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from desktop_app.domain.model import Household
from desktop_app.store import engine as engine_module
from desktop_app.store.backup import make_backup, restore_in_place
from desktop_app.store.engine import WRITER_LOCK, read, shown_url, store_url
from desktop_app.store.errors import (
    ID_TAKEN,
    LOGIN_REFUSED,
    NO_DATABASE,
    SERVER_BUSY,
    SERVER_FULL,
    SERVER_READ_ONLY,
    TLS_FAILED,
    UNREACHABLE,
    StoreError,
    french_message,
)
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.startup import open_checked
from desktop_app.store.tables import HOUSEHOLDS
from tests.postgres import TestServer, libpq, url_text
from tests.store.builders import full_caseload

SECRET = "motdepasse-Tr3s-secret"


@pytest.fixture
def server_store(pg_server: TestServer) -> Iterator[tuple[SqlStore, str]]:
    """A store on the test server holding `full_caseload`, and its URL."""
    database = pg_server.create()
    url = url_text(pg_server.url_of(database))
    store = open_store(url)
    store.import_caseload(full_caseload())
    yield store, url
    store.close()
    pg_server.drop(database)


@pytest.mark.parametrize("given", ["postgresql://u:p@serveur/suivi",
                                   "postgres://u:p@serveur/suivi",
                                   "postgresql+psycopg2://u:p@serveur/suivi"])
def test_a_postgresql_url_is_always_driven_by_psycopg_3(given: str) -> None:
    assert store_url(given).drivername == "postgresql+psycopg"
    assert store_url(given).render_as_string(hide_password=False) == (
        "postgresql+psycopg://u:p@serveur/suivi")


def test_the_url_said_to_the_user_has_no_password() -> None:
    url = store_url(f"postgresql://anne:{SECRET}@serveur.asso.fr:5432/suivi"
                    f"?sslmode=verify-full&sslrootcert=/etc/ca.pem&password={SECRET}")
    assert shown_url(url) == ("postgresql+psycopg://anne:***@serveur.asso.fr:5432/suivi"
                              "?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem")


def test_another_database_engine_is_refused_in_french() -> None:
    with pytest.raises(StoreError) as error:
        open_store(f"mysql://anne:{SECRET}@serveur/suivi")
    assert str(error.value) == (
        "La base mysql://anne:***@serveur/suivi n'est ni un fichier SQLite ni une base "
        "PostgreSQL : donnez à --db un chemin de fichier, ou une adresse postgresql://… (voir "
        "docs/serveur.md). Rien n'a été fait.")


def test_a_server_that_does_not_answer_is_said_in_french_without_the_password() -> None:
    # Port 1 of this machine: nothing listens there, the connection is refused at once.
    with pytest.raises(StoreError) as error:
        open_store(f"postgresql://anne:{SECRET}@127.0.0.1:1/suivi?connect_timeout=5")
    assert str(error.value) == UNREACHABLE.format(
        where="postgresql+psycopg://anne:***@127.0.0.1:1/suivi?connect_timeout=5")
    assert SECRET not in str(error.value)


# libpq's messages for a connection not made (no SQLSTATE), as psycopg gives them.
REFUSED = ('connection failed: connection to server at "10.0.0.5", port 5432 failed: '
           "Connection refused\n\tIs the server running on that host and accepting TCP/IP "
           "connections?")
NO_PASSWORD = ('connection failed: connection to server at "10.0.0.5", port 5432 failed: '
               "fe_sendauth: no password supplied")
BAD_PASSWORD = ('connection failed: connection to server at "10.0.0.5", port 5432 failed: '
                'FATAL:  password authentication failed for user "anne"')
NO_SSL = ('connection failed: connection to server at "10.0.0.5", port 5432 failed: '
          "server does not support SSL, but SSL was required")
BAD_CA = ('connection failed: connection to server at "10.0.0.5", port 5432 failed: '
          "SSL error: certificate verify failed")


@pytest.mark.parametrize(("error", "template"), [
    (psycopg.OperationalError(REFUSED), UNREACHABLE),
    (psycopg.OperationalError(NO_PASSWORD), LOGIN_REFUSED),
    (psycopg.OperationalError(BAD_PASSWORD), LOGIN_REFUSED),
    (psycopg.OperationalError(NO_SSL), TLS_FAILED),
    (psycopg.OperationalError(BAD_CA), TLS_FAILED),
    (psycopg.errors.LockNotAvailable("lock timeout"), SERVER_BUSY),
    (psycopg.errors.SerializationFailure("could not serialize"), SERVER_BUSY),
    (psycopg.errors.DiskFull("could not extend file"), SERVER_FULL),
    (psycopg.errors.ReadOnlySqlTransaction("read-only transaction"), SERVER_READ_ONLY),
    (psycopg.errors.AdminShutdown("terminating connection"), UNREACHABLE),
    # Under row-level security, a key may be taken by a row the account cannot see.
    (psycopg.errors.UniqueViolation("duplicate key"), ID_TAKEN),
])
def test_server_errors_are_said_in_french(error: psycopg.Error, template: str) -> None:
    where = "postgresql+psycopg://anne:***@10.0.0.5/suivi"
    assert french_message(error, where) == template.format(where=where)


@pytest.mark.parametrize("error", [
    psycopg.errors.UndefinedColumn("column nom does not exist"),
    psycopg.errors.SyntaxError("syntax error"),
])
def test_server_bugs_are_not_dressed_as_environment_errors(error: psycopg.Error) -> None:
    assert french_message(error, "serveur") is None


def test_an_unknown_account_and_a_missing_database_are_said_in_french(
        pg_server: TestServer) -> None:
    stranger = pg_server.url.set(username="inconnu_de_ce_serveur", password=SECRET)
    with pytest.raises(StoreError) as error:
        open_store(url_text(stranger))
    assert str(error.value) == LOGIN_REFUSED.format(where=shown_url(stranger))
    assert SECRET not in str(error.value)
    missing = pg_server.url_of("suivi_fsl_base_absente")
    with pytest.raises(StoreError) as error:
        open_store(url_text(missing))
    assert str(error.value) == NO_DATABASE.format(where=shown_url(missing))


def test_the_tls_settings_of_the_url_reach_the_connection(pg_server: TestServer,
                                                          tmp_path: Path) -> None:
    # A certificate authority that does not exist: whether the server offers TLS or not,
    # libpq refuses before anything is read (no TLS, or no authority to check it with).
    url = pg_server.url_of(pg_server.template).update_query_dict(
        {"sslmode": "verify-full", "sslrootcert": str(tmp_path / "absente.pem")})
    with pytest.raises(StoreError) as error:
        open_store(url_text(url))
    assert str(error.value) == TLS_FAILED.format(where=shown_url(url))
    assert "sslmode=verify-full" in str(error.value) and "absente.pem" in str(error.value)


def test_an_empty_database_is_made_a_store_by_the_migrations(pg_server: TestServer) -> None:
    database = pg_server.create(migrated=False)
    try:
        store = open_checked(url_text(pg_server.url_of(database)))  # no file check to do
        assert store.is_empty()
        with read(store.engine) as connection:
            assert connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").all() == [("0005",)]
        store.import_caseload(full_caseload())
        assert [h.id for h in store.export_caseload().households] == ["h1", "h2"]
        store.close()
    finally:
        pg_server.drop(database)


def test_a_database_of_another_application_is_refused(pg_server: TestServer) -> None:
    database = pg_server.create(migrated=False)
    try:
        url = pg_server.url_of(database)
        with psycopg.connect(libpq(url)) as other:
            other.execute("CREATE TABLE factures (numero integer PRIMARY KEY)")
        with pytest.raises(StoreError) as error:
            open_store(url_text(url))
        assert str(error.value) == (
            f"La base {shown_url(url)} contient déjà des tables mais n'est pas une base Suivi "
            "FSL : donnez à --db une base vide, créée pour Suivi FSL sur ce serveur. Rien n'a "
            "été modifié.")
        with psycopg.connect(libpq(url)) as other:  # no table added, nothing migrated
            assert other.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                                 ).fetchall() == [("factures",)]
    finally:
        pg_server.drop(database)


def test_a_passphrase_is_refused_for_a_server(pg_server: TestServer,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    url = url_text(pg_server.url_of(pg_server.template))
    with pytest.raises(StoreError, match=r"^Un mot de passe de chiffrement .* ne concerne "
                                         r"qu'une base sur fichier"):
        open_store(url, "une phrase de passe")
    monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", "une phrase de passe")
    with pytest.raises(StoreError, match=r"docs/serveur\.md"):
        open_store(url)


def test_a_file_backup_and_restore_are_refused_on_a_server(
        server_store: tuple[SqlStore, str], tmp_path: Path) -> None:
    """A server's backup is `server_backup`'s (tests/store/test_server_backup.py)."""
    store, _url = server_store
    expected = (f"La base {shown_url(store.engine.url)} est sur un serveur PostgreSQL : "
                "la restauration d'une sauvegarde, la copie de fichier et le chiffrement par "
                "mot de passe ne concernent qu'une base sur fichier, rien n'a été fait.")
    with pytest.raises(StoreError) as error:
        make_backup(store, tmp_path / "sauvegardes", datetime(2026, 11, 29, 9, 30, 12))
    assert str(error.value).startswith(expected) and "pg_dump" in str(error.value)
    assert not (tmp_path / "sauvegardes").exists()
    backup = tmp_path / "suivi-fsl-2026-11-29T093012.sqlite3.bak"
    backup.write_bytes(b"")
    with pytest.raises(StoreError) as error:
        restore_in_place(store, backup)
    assert str(error.value).startswith(expected)
    assert [h.id for h in store.export_caseload().households] == ["h1", "h2"]


def test_a_writer_kept_waiting_is_told_the_store_is_busy(
        server_store: tuple[SqlStore, str], monkeypatch: pytest.MonkeyPatch) -> None:
    store, url = server_store
    h1 = store.household("h1")
    assert h1 is not None
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    # Another writer (here a plain connection) holds the writers' lock and does not let go.
    with psycopg.connect(libpq(store_url(url))) as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        with pytest.raises(StoreError) as error:
            store.save_household(replace(h1, phone="0700000009"), expected=h1)
        assert str(error.value) == SERVER_BUSY.format(where=store.where)
    assert store.household("h1") == h1  # nothing written


def test_a_read_sees_one_snapshot_of_the_store(server_store: tuple[SqlStore, str]) -> None:
    store, url = server_store
    other = open_store(url)
    count = select(func.count()).select_from(HOUSEHOLDS)
    try:
        with read(store.engine) as connection:
            assert connection.execute(count).scalar() == 2
            other.save_household(Household("h3", "NOUVEAU Paul"), new=True)  # committed
            assert connection.execute(count).scalar() == 2  # the same state, to the end
        with read(store.engine) as connection:
            assert connection.execute(count).scalar() == 3  # the next read sees it
    finally:
        other.close()
