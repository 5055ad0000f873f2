"""Bring a store to the schema this code knows: create it from nothing, upgrade an old one
(after a copy of the file beside it), refuse one written by a newer version.

Alembic runs programmatically on the migrations shipped in `migrations/` (no alembic.ini),
inside one write transaction: a migration that fails leaves the file as it was. It is imported
only when a migration is due (or a revision is not `HEAD_REVISION`): a store already at the
head is recognised by one query on its version table, without Alembic (≈0,3 s of start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from desktop_app.private_files import private_empty_file
from desktop_app.store.engine import read, shown_url, sqlite_file, write
from desktop_app.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
#: The revision of the last migration in `migrations/versions/` (a test checks it is
#: Alembic's head): a new migration changes it too.
HEAD_REVISION = "0005"

NEWER = ("Cette base a été écrite par une version plus récente de Suivi FSL (révision "
         "« {revision} ») : installez la dernière version de l'application pour l'ouvrir. "
         "Rien n'a été modifié.")
FOREIGN = ("Le fichier {where} contient déjà des tables mais n'est pas une base Suivi FSL : "
           "choisissez un autre fichier avec --db. Rien n'a été modifié.")
NEEDS_OWNER = ("La base {where} doit être mise à jour pour cette version de Suivi FSL, ce que "
               "seul son propriétaire peut faire : demandez à la personne qui administre le "
               "serveur de lancer « suivi-fsl --db … server init » (voir docs/serveur.md). "
               "Rien n'a été modifié.")
FOREIGN_ON_SERVER = ("La base {where} contient déjà des tables mais n'est pas une base Suivi "
                     "FSL : donnez à --db une base vide, créée pour Suivi FSL sur ce serveur. "
                     "Rien n'a été modifié.")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in
            ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> tuple[str | None, bool]:
    """(the store's revision, whether it holds tables other than Alembic's)."""
    with read(engine) as connection:
        revision = stored_revision(connection)
        tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
    return revision, bool(tables)


def stored_revision(connection: Connection) -> str | None:
    """The revision in the store's version table, None if it has none (as Alembic's
    `MigrationContext.get_current_revision` reads it, without loading Alembic)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    found = [str(row[0]) for row in connection.execute(
        text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(found) > 1:  # branches merged by hand: Alembic says what is wrong
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return found[0] if found else None


def backup_path(database: Path, revision: str) -> Path:
    """`<name>.avant-migration-<revision>.bak`, beside the store."""
    return database.with_name(f"{database.name}.avant-migration-{revision}.bak")


def backup(engine: Engine, target: Path) -> None:
    """A consistent copy of a SQLite store (what its WAL holds included), made by SQLite
    itself (`VACUUM INTO`) through the store's own connection settings. The copy holds
    household data: it is created empty and private (0600) first, whatever the umask."""
    target.unlink(missing_ok=True)
    private_empty_file(target)  # VACUUM INTO fills an empty file and keeps its mode
    connection = engine.raw_connection()  # outside any transaction, as VACUUM needs
    try:
        connection.cursor().execute("VACUUM INTO ?", (str(target),))
    finally:
        connection.close()


def upgrade_to_head(engine: Engine) -> None:
    """Run every migration the store lacks, in one transaction."""
    from alembic import command

    config = alembic_config()
    with write(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def ensure_schema(engine: Engine, existed: bool) -> None:
    """Create or upgrade the schema of the store. `existed`: the SQLite file was there and
    not empty before the engine first touched it (then it is copied before a migration)."""
    head = head_revision()
    revision, has_tables = current_revision(engine)
    if revision == head:
        return
    if revision is not None and revision not in known_revisions():
        raise StoreError(NEWER.format(revision=revision))
    database = sqlite_file(engine.url)
    if revision is None and has_tables:
        if database is not None:
            raise StoreError(FOREIGN.format(where=database))
        raise StoreError(FOREIGN_ON_SERVER.format(where=shown_url(engine.url)))
    if existed and database is not None:
        backup(engine, backup_path(database, head))
    try:
        upgrade_to_head(engine)
    except DBAPIError as error:
        if database is None and getattr(error.orig, "sqlstate", None) == "42501":
            raise StoreError(NEEDS_OWNER.format(where=shown_url(engine.url))) from error
        raise
