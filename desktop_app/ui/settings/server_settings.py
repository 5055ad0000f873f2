"""The connection to the association's server, as this user set it.

Kept in QSettings (per user and laptop, like the backup folder and the lock delay: the one
place the window keeps its settings): host, port, database, login, `sslmode`, the CA file, and
whether the window opens the server at start-up rather than the local store. The password is
never kept here: it is in the system keyring when the user asks for it and one exists
(`keyring_store`, entry `keyring_entry`), else libpq finds it (`PGPASSWORD`, `~/.pgpass`) or
the window asks for it at each start.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.app.opening import ServerSettings

PREFIX = "serveur/"
USE_KEY = "serveur/utiliser"


_KEYS = {"host": "hote", "port": "port", "database": "base", "login": "compte",
         "sslmode": "sslmode", "ca_file": "autorite"}


def load() -> ServerSettings:
    settings, default = QSettings(), ServerSettings()
    # QSettings types its values `object`: each is read back as the type asked for.
    texts = {field: str(settings.value(PREFIX + key, getattr(default, field), str))
             for field, key in _KEYS.items() if field != "port"}
    port = settings.value(PREFIX + _KEYS["port"], default.port, int)
    return ServerSettings(port=port if isinstance(port, int) else default.port, **texts)


def save(server: ServerSettings) -> None:
    settings = QSettings()
    for field, key in _KEYS.items():
        settings.setValue(PREFIX + key, getattr(server, field))


def use_server() -> bool:
    """The window opens the association's server at start-up (set by the connection dialog)."""
    return bool(QSettings().value(USE_KEY, False, bool)) and load().complete


def set_use_server(on: bool) -> None:
    QSettings().setValue(USE_KEY, on)


def start_url(default_url: str) -> str:
    """What the window opens when no store was named (`--db`, `SUIVI_FSL_DB`): the server
    when the user chose it, else the local store `default_url`."""
    return load().url() if use_server() else default_url
