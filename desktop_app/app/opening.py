"""Opening the store, for the window (and the command line where it does the same): a file,
new, plain or encrypted, with the passphrase that opens it; the association's server with its
password; the passphrase of a file changed, or a plain file encrypted.

The store modules that bring Alembic (the migrations) are imported inside the functions that
open a store: the window imports this module while it starts, and opens the store off the
GUI thread (tests/ui/test_import_hygiene.py lists them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from desktop_app.store.api import Store
from desktop_app.store.crypto import change_passphrase as rekey
from desktop_app.store.crypto import convert_to_encrypted
from desktop_app.store.engine import shown_url, store_url
from desktop_app.store.keys import given_passphrase, is_new, looks_encrypted
from desktop_app.store.records import DEFAULT_PORT, Session
from desktop_app.store.server_connection import (
    keyring_entry,
    server_url,
    try_connection,
    with_password,
)

#: What a store's file looks like before it is opened.
Found = Literal["nouvelle", "chiffrée", "en clair"]


def passphrase_in_environment() -> str | None:
    """The passphrase of `SUIVI_FSL_PASSPHRASE` (refused in French if it cannot be one);
    None when it is not set."""
    return given_passphrase(None)


def look_at(database: Path) -> Found:
    """The file read (a USB key, a network share: it may hang, off the GUI thread): no store
    yet, an encrypted store or a plain one."""
    if is_new(database):
        return "nouvelle"
    return "chiffrée" if looks_encrypted(database) else "en clair"


def open_file(url: str, passphrase: str | None) -> tuple[Store, str | None]:
    """The store at `url` opened (or created, encrypted when a passphrase is given) with
    `passphrase` (None: `SUIVI_FSL_PASSPHRASE` if set, else plain), and the passphrase that
    opened it (None for a plain store): the one to remember."""
    # start-up cost: Alembic comes with it, loaded here off the GUI thread
    from desktop_app.store.repository import open_store

    store = open_store(url, passphrase)
    return store, given_passphrase(passphrase)


def open_server(url: str, password: str | None) -> tuple[Store, Session | None]:
    """The server's store opened with `password` (None or "": libpq's own, `PGPASSWORD` or
    `~/.pgpass`), and who is connected; the password is never part of a URL kept or
    shown."""
    # start-up cost: Alembic comes with it, loaded here off the GUI thread
    from desktop_app.store.repository import open_store

    store = open_store(with_password(url, password))
    return store, store.session


@dataclass(frozen=True)
class ServerSettings:
    """The association's server as this user set it (the password never part of it)."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "suivi_fsl"
    login: str = ""
    sslmode: str = "verify-full"
    ca_file: str = ""

    @classmethod
    def of_url(cls, url: str) -> ServerSettings:
        """The settings a server URL gives (`--db postgresql://…`)."""
        parsed = store_url(url)
        query = parsed.query
        return cls(parsed.host or "", parsed.port or DEFAULT_PORT, parsed.database or "",
                   parsed.username or "", str(query.get("sslmode", "prefer")),
                   str(query.get("sslrootcert", "")))

    @property
    def complete(self) -> bool:
        return bool(self.host and self.database and self.login)

    def url(self) -> str:
        """The store URL, without password."""
        return server_url(self.host, self.port, self.database, self.login, self.sslmode,
                          self.ca_file)

    def keyring_entry(self) -> str:
        """The name of the password's entry in the keyring: the URL without password."""
        return password_entry(self.url())


def check_server(settings: ServerSettings, password: str | None) -> str:
    """« Tester la connexion »: connects once to the server of `settings` and says in French
    what was found; a French `StoreError` otherwise. Nothing is written."""
    return try_connection(settings.url(), password)


def password_entry(url: str) -> str:
    """The name of a server's password in the system keyring: its address without any
    password (one given in `--db` never becomes part of a name)."""
    return keyring_entry(url)


def shown_address(url: str) -> str:
    """The store's address as the window shows it: a file's path, a server's URL without
    its password."""
    return shown_url(store_url(url))


def change_passphrase(store: Store, url: str, database: Path, current: str | None,
                      new: str) -> Store:
    """The file's passphrase changed from `current` to `new` (`current` None: the plain file
    encrypted with `new`), with the open `store`'s own engine: its connections closed and its
    lock made exclusive (refused in French while another window or program has the store
    open); then the store reopened with `new` and the old one closed. Refused or failed, the
    old store is still usable (its engine reconnects with the old passphrase)."""
    # start-up cost: Alembic comes with it; loaded when used, not while the window starts
    from desktop_app.store.repository import open_store

    close = getattr(store, "close", None)
    engine = getattr(store, "engine", None)
    if engine is None and close is not None:
        close()  # not an engine of the store's: closed first, the store locked alone
    if current is not None:
        rekey(database, current, new, engine)
    else:
        convert_to_encrypted(database, new, engine)
    reopened = open_store(url, new)
    if engine is not None and close is not None:
        close()  # its lock let go once the new store holds its own
    return reopened
