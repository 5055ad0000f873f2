"""Where the application keeps its data: the one place data folders and the default store
are resolved.

- `SUIVI_FSL_DATA_DIR` (tests set it) overrides the platformdirs user data folder;
- `SUIVI_FSL_DB` (a file path or a SQLAlchemy URL) overrides the default store
  `suivi-fsl.sqlite3` in that folder (docs/echange.md, `--db`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

APP_NAME = "suivi-fsl"
APP_AUTHOR = "SuiviFSL"
DB_FILE_NAME = "suivi-fsl.sqlite3"

#: `dialect://…` or `dialect+driver://…`: a SQLAlchemy URL rather than a file path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\+[A-Za-z0-9_]+)?://")


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
    return f"sqlite:///{resolved(Path(path_or_url).expanduser())}"


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
    return f"sqlite:///{data_dir() / DB_FILE_NAME}"
