"""Databases of the PostgreSQL half of the suite, on the server `SUIVI_FSL_TEST_PG`
names (`.ci/postgres.sh` starts one; docs/serveur.md).

The URL names a role allowed to create databases and a database it can connect to. At the
first test that needs it, a template database is made and migrated once (`open_store`); each
test then gets its own copy (`CREATE DATABASE … TEMPLATE`: a few hundredths of a second),
dropped after it. Names carry the process id: two suites may share one server.
"""

from __future__ import annotations

import itertools
import os

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

from desktop_app.store.engine import store_url
from desktop_app.store.repository import open_store

#: The variable naming the test server (a SQLAlchemy URL, `postgresql+psycopg://…`).
PG_ENV = "SUIVI_FSL_TEST_PG"
NO_SERVER = (f"no PostgreSQL server for the tests: {PG_ENV} is unset (start one with "
             "`.ci/postgres.sh start`, see docs/serveur.md)")


def server_url() -> URL | None:
    """The test server's URL, None when `SUIVI_FSL_TEST_PG` is unset."""
    given = os.environ.get(PG_ENV, "").strip()
    return store_url(given) if given else None


def libpq(url: URL) -> str:
    """`url` as psycopg's own connection string (password included: never printed)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class TestServer:
    """The template database and the per-test copies of one test session."""

    __test__ = False  # not a test class

    def __init__(self, url: URL) -> None:
        self.url = url
        self._numbers = itertools.count(1)
        self._prefix = f"suivi_fsl_test_{os.getpid()}"
        self.template = f"{self._prefix}_modele"
        with self._admin() as admin:
            version = admin.info.server_version
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.template)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.template)))
        # FILE_COPY (PostgreSQL 15+): far faster than the default for a small template.
        self._strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""
        open_store(self.url_of(self.template).render_as_string(hide_password=False)).close()

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(libpq(self.url), autocommit=True)

    def url_of(self, database: str) -> URL:
        return self.url.set(database=database)

    def create(self, migrated: bool = True) -> str:
        """A new database: a copy of the migrated template, or empty."""
        name = f"{self._prefix}_{next(self._numbers)}"
        statement = (f"CREATE DATABASE {{}} TEMPLATE {{}}{self._strategy}" if migrated
                     else "CREATE DATABASE {}")
        with self._admin() as admin:
            admin.execute(sql.SQL(statement).format(  # type: ignore[arg-type]
                sql.Identifier(name), sql.Identifier(self.template)))
        return name

    def drop(self, database: str) -> None:
        with self._admin() as admin:
            try:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(database)))
            except psycopg.errors.InsufficientPrivilege:
                # PostgreSQL 15 (at least) lets FORCE end an autovacuum worker for no role
                # but a superuser (the worker has none): a plain DROP cancels it and
                # waits for it to go.
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(
                    sql.Identifier(database)))

    def close(self) -> None:
        self.drop(self.template)


def url_text(url: URL) -> str:
    """What a test gives `open_store` or `--db`."""
    return url.render_as_string(hide_password=False)


__all__ = ["NO_SERVER", "PG_ENV", "TestServer", "libpq", "make_url", "server_url", "url_text"]
