"""What a save changed: the topic `AppContext.changed` carries to every screen.

A `StrEnum`: the signal carries the plain string, so a slot compares it with a member
(`what == Topic.ALL`) and a test may emit the string itself (`changed.emit("measure")`).
"""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    HOUSEHOLD = "household"
    MEASURE = "measure"
    WORKERS = "workers"
    HOMES = "homes"
    ASSOCIATION = "association"
    SETTINGS = "settings"
    #: An alert marked « traitée ».
    ALERTS = "alerts"
    #: The server's accounts.
    ACCOUNTS = "accounts"
    #: The retention settings.
    RETENTION = "retention"
    #: Everything may have changed (a file opened or imported, demo data, a restore): every
    #: screen reloads.
    ALL = "all"
