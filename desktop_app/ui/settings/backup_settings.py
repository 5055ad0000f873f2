"""Where this laptop writes its backups, and whether it does so by itself.

Kept in QSettings (per user and laptop), not in the store's settings table:
- the folder is a fact of this laptop (the letter of a USB key, the mount of a network
  share); a colleague's laptop given a copy of the store has other drives;
- the store is what gets backed up and restored: restoring an old backup must not bring
  back an old folder choice;
- at start-up a damaged store must still say where its backups are, before it can be read.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_app.paths import data_dir

FOLDER_KEY = "sauvegarde/dossier"
AUTOMATIC_KEY = "sauvegarde/automatique"
#: A start-up backup is made when the latest one is older than this.
STARTUP_AFTER = timedelta(days=1)


def default_folder() -> Path:
    """`sauvegardes` in the data folder: better than nothing, but on the same disk as the
    store; the settings screen invites to choose a USB key or a network share."""
    return data_dir() / "sauvegardes"


def backup_folder() -> Path:
    chosen = QSettings().value(FOLDER_KEY, "", str)
    return Path(str(chosen)) if chosen else default_folder()


def set_backup_folder(folder: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(folder))


def automatic() -> bool:
    """Backups at start-up (latest older than a day) and at close; on unless turned off."""
    return bool(QSettings().value(AUTOMATIC_KEY, True, bool))


def set_automatic(on: bool) -> None:
    QSettings().setValue(AUTOMATIC_KEY, on)


def startup_due(latest: datetime | None, now: datetime) -> bool:
    """A start-up backup is due: none yet, or the latest is a day old (or dated ahead)."""
    return latest is None or now - latest >= STARTUP_AFTER or latest > now
