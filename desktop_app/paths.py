"""Where the application keeps its data: the one place data folders and the default store
are resolved.

- `SUIVI_FSL_DATA_DIR` (tests set it) overrides the platformdirs user data folder;
- `SUIVI_FSL_DB` (a file path or a SQLAlchemy URL) overrides the default store
  `suivi-fsl.sqlite3` in that folder (docs/echange.md, `--db`).

A file path becomes a URL with `sqlite_url` and a URL gives its file back with `sqlite_path`:
the path is quoted as SQLAlchemy quotes a database (`?`, `#`, `%`… escaped), so any file name
opens exactly that file, and the store, its backups and its encryption all name the same
file. SQLAlchemy is not imported here (the window starts without it); a test checks that
both functions agree with its `URL.render_as_string` and `make_url`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote, unquote

APP_NAME = "suivi-fsl"
APP_AUTHOR = "SuiviFSL"
DB_FILE_NAME = "suivi-fsl.sqlite3"

#: `dialect://…` or `dialect+driver://…`: a SQLAlchemy URL rather than a file path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\+[A-Za-z0-9_]+)?://")
#: A SQLite URL naming a file (no host): `sqlite:///…` or `sqlite+driver:///…`.
_SERVER_URL = re.compile(r"^postgres(ql)?(\+\w+)?://")
_SQLITE_FILE_URL = re.compile(r"^sqlite(\+\w+)?:///(?P<database>[^?]*)")


def data_dir() -> Path:
    """The user's data folder (not created here)."""
    override = os.environ.get("SUIVI_FSL_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def is_url(path_or_url: str) -> bool:
    return _URL.match(path_or_url) is not None


def db_url(path_or_url: str | None) -> str:
    """A SQLAlchemy URL: given as is when it is one, `sqlite:///<absolute path>` for a plain
    file path, the default store for None or an empty string."""
    if not path_or_url:
        return default_db_url()
    if is_url(path_or_url):
        return path_or_url
    return sqlite_url(resolved(Path(path_or_url).expanduser()))


def resolved(path: Path) -> Path:
    """The absolute path with every symbolic link followed; a link that leads back to itself
    is kept as it is (absolute), for the store to say « boucle de liens symboliques »."""
    try:
        return path.resolve()
    except RuntimeError:  # a loop, before Python 3.13 (which stops where the loop starts)
        return path.absolute()


def default_db_url() -> str:
    """`SUIVI_FSL_DB` if set (a path or a URL), else the store in the user data folder."""
    override = os.environ.get("SUIVI_FSL_DB")
    if override:
        return db_url(override)
    return local_db_url()


def local_db_url() -> str:
    """The local store of the user data folder, whatever `SUIVI_FSL_DB` says (the window's
    way to work without the association's server)."""
    return sqlite_url(data_dir() / DB_FILE_NAME)


def is_server_url(url: str) -> bool:
    """A PostgreSQL server's URL (`postgresql://`, `postgres://`, with or without a driver)."""
    return _SERVER_URL.match(url) is not None


def sqlite_url(path: Path | str) -> str:
    """The SQLite URL of the file `path`, quoted exactly as SQLAlchemy's
    `URL.create("sqlite", database=path).render_as_string()` quotes it. A POSIX name that is
    not UTF-8 (its bytes decoded as surrogates, `os.fsdecode`) keeps those characters as they
    are: `unquote` leaves them alone, and SQLite gets the file's own bytes back."""
    return "sqlite:///" + "".join(
        character if "\udc80" <= character <= "\udcff" else quote(character, safe=" +/")
        for character in str(path))


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names, read as SQLAlchemy's `make_url(url).database` reads it
    (what follows `?` is options, `%xx` is unquoted); None for an in-memory store, a
    `file:` URI or another database."""
    found = _SQLITE_FILE_URL.match(url)
    if found is None:
        return None
    database = unquote(found["database"])
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)
