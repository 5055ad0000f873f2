"""An association's team on the PostgreSQL test server: a database holding the
worked example 1 (workers w1 and w2: w1 is referent of m1/h1 and m4/h4, w2 of m2/h2 and
m3/h3), prepared by `server init` as its owner (the test role), and personal accounts.

Roles are cluster-wide: every login made here is prefixed with the test's database name,
and dropped, with the database's group roles, when the team is torn down.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import psycopg
from psycopg import sql
from sqlalchemy import Connection

from desktop_app.interchange import read_file
from desktop_app.store import account_admin
from desktop_app.store.engine import write
from desktop_app.store.records import GROUPS
from desktop_app.store.repository import SqlStore, open_store
from desktop_app.store.server_policies import group_role
from desktop_app.store.server_setup import init_server
from tests.conftest import EXAMPLES
from tests.postgres import TestServer, libpq, url_text

#: The password of every test account (meets the CNIL's recommendation).
PASSWORD = "Cheval-Agrafe-2025!"


class Team:
    """The database of one test, its owner's URL, and the accounts made on it."""

    def __init__(self, server: TestServer, *, example: bool = True) -> None:
        """`example`: a migrated database holding example 1; else an empty database."""
        self.server = server
        self.database = server.create(migrated=example)
        self.owner_url = url_text(server.url_of(self.database))
        self.logins: list[str] = []
        if example:
            owner = open_store(self.owner_url)
            try:
                owner.import_caseload(read_file(EXAMPLES / "exemple-1.json"),
                                      source="exemple-1")
            finally:
                owner.close()
        self.init_lines = init_server(self.owner_url)

    def login(self, name: str) -> str:
        """The cluster-wide login of `name` in this team."""
        return f"{self.database}_{name}"

    def add(self, name: str, group: str, worker: str | None = None) -> str:
        """A personal account, made by the owner; its login."""
        login = self.login(name)
        self.logins.append(login)
        with self.owner_write() as connection:
            account_admin.add_account(connection, login, group, worker, PASSWORD, date.today())
        return login

    @contextmanager
    def owner_write(self) -> Iterator[Connection]:
        store = open_store(self.owner_url)
        try:
            with write(store.engine) as connection:
                yield connection
        finally:
            store.close()

    def url(self, login: str, password: str = PASSWORD) -> str:
        return url_text(self.server.url_of(self.database).set(username=login,
                                                             password=password))

    def connect(self, login: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain SQL connection as `login` (no application code), autocommit."""
        url = self.server.url_of(self.database).set(username=login, password=PASSWORD)
        return psycopg.connect(libpq(url), autocommit=True)

    def owner(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(libpq(self.server.url_of(self.database)), autocommit=True)

    def open_as(self, login: str) -> SqlStore:
        return open_store(self.url(login))

    def close(self) -> None:
        with psycopg.connect(libpq(self.server.url), autocommit=True) as admin:
            # The server process of a connection just closed may still be exiting: the test
            # role takes the accounts' rights so that `DROP DATABASE … WITH (FORCE)` may end
            # it (it may only end the processes of roles whose rights it has).
            for login in self.logins:
                if admin.execute("SELECT to_regrole(%s)", (login,)).fetchone() != (None,):
                    admin.execute(sql.SQL("GRANT {} TO current_user").format(
                        sql.Identifier(login)))
            self.server.drop(self.database)
            for role in [*self.logins, *(group_role(self.database, g) for g in GROUPS)]:
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def ids(connection: psycopg.Connection[tuple[object, ...]], query: str) -> list[object]:
    """The first column of `query`'s rows, sorted."""
    return sorted(row[0] for row in connection.execute(query).fetchall())  # type: ignore[type-var]
