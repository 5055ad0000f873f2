"""The connection to the association's server as the window sets it: the URL
made of the settings, and « Tester la connexion ».

The password is never part of the URL the window keeps or shows: it is added to the URL
object handed to the engine (`with_password`) only, and `shown_url` hides it anyway. Where
none is given, libpq looks for it in `PGPASSWORD` and `~/.pgpass` (docs/serveur.md).
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from desktop_app.store.engine import (
    POSTGRESQL_DRIVER,
    create_store_engine,
    dispose_engine,
    shown_url,
    store_url,
)
from desktop_app.store.errors import environment_errors

#: libpq's `sslmode` values, strongest first (docs/serveur.md, « La connexion chiffrée »).
SSL_MODES = ("verify-full", "verify-ca", "require", "prefer", "disable")


def server_url(host: str, port: int, database: str, login: str, sslmode: str = "verify-full",
               ca_file: str = "") -> str:
    """The store URL of a server (no password): `postgresql+psycopg://login@host:port/db?…`."""
    query = {"sslmode": sslmode} if sslmode else {}
    if ca_file:
        query["sslrootcert"] = ca_file
    return URL.create(POSTGRESQL_DRIVER, username=login or None, host=host, port=port,
                      database=database, query=query).render_as_string(hide_password=False)


def with_password(url: str | URL, password: str | None) -> URL:
    """`url` with `password` (None or "": as it is, libpq then looks for one)."""
    parsed = store_url(url)
    return parsed.set(password=password) if password else parsed


def keyring_entry(url: str | URL) -> str:
    """The name of a server's password in the system keyring: its URL without any password
    (one given in `--db` never becomes part of a name)."""
    parsed = store_url(url).difference_update_query(["password"])
    return URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                      parsed.database, parsed.query).render_as_string(hide_password=False)


def try_connection(url: str | URL, password: str | None = None) -> str:
    """Connects once and says in French what was found; a French `StoreError` (a
    `ServerConnectionError` for a connection not made) otherwise. Nothing is written."""
    target = with_password(url, password)
    where = shown_url(target)
    engine = create_store_engine(target, "")
    try:
        with environment_errors(where), engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
            tables = inspect(connection).get_table_names()
    finally:
        dispose_engine(engine)
    found = ("la base contient déjà les tables de Suivi FSL" if "alembic_version" in tables
             else "la base est vide : Suivi FSL y créera ses tables à la première ouverture"
             if not tables else "la base contient des tables d'une autre application : "
             "Suivi FSL refusera de l'ouvrir")
    return f"Connexion réussie au serveur {where} (PostgreSQL {version}) : {found}."
