"""The backups of a folder: their names (the date and time they were taken), and which of
them the rotation keeps (7 daily, 4 weekly, 12 monthly).

A backup is `suivi-fsl-2026-11-29T093012.sqlite3.bak`; a file being written is hidden
(`.suivi-fsl-….bak.<pid>.en-cours`, with SQLite's `-journal` while it writes) and never
counted; one a killed or failed backup left (its process gone, or a day old) is removed by the
next backup and at start-up (`remove_leftovers`); a file of another name is never touched.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.private_files import is_stale

PREFIX = "suivi-fsl-"
SUFFIX = ".sqlite3.bak"
#: How a backup's name gives the moment it was taken (file and server backups alike).
STAMP = "%Y-%m-%dT%H%M%S"
_NAME = re.compile(r"^suivi-fsl-(\d{4}-\d{2}-\d{2}T\d{6})\.sqlite3\.bak$")
_STAGING = re.compile(
    r"^\.suivi-fsl-\d{4}-\d{2}-\d{2}T\d{6}\.sqlite3\.bak\.(\d+)\.en-cours(-journal)?$")

#: What a set-aside store's name holds after the store's (`backup_files.keep_aside`).
ASIDE_MARK = ".avant-restauration-"
#: What the copy of a store made before a migration holds (`migrate.backup_path`).
MIGRATION_MARK = ".avant-migration-"

#: How many days, ISO weeks and months have their latest backup kept, counting today's.
DAILY, WEEKLY, MONTHLY = 7, 4, 12


def backup_name(taken: datetime) -> str:
    return f"{PREFIX}{taken.strftime(STAMP)}{SUFFIX}"


def taken_at(path: Path) -> datetime | None:
    """When the backup `path` was taken, read from its name; None for another file."""
    return stamped(_NAME, path)


def stamped(name: re.Pattern[str], path: Path) -> datetime | None:
    """The moment in `path`'s name when it matches `name` (its one group a `STAMP`);
    None for another file, or a stamp that is no moment."""
    found = name.match(path.name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), STAMP)
    except ValueError:
        return None


def store_like_name(path: Path) -> bool:
    """A name Suivi FSL gives to a store, a backup or a copy of a store put aside."""
    return any(mark in path.name for mark in (".sqlite3", ASIDE_MARK, MIGRATION_MARK))


def staging_name(final: Path, pid: int | None = None) -> Path:
    """The hidden name a backup is written under before it is renamed (never half a file),
    with the id of the process writing it: two processes backing up in the same second (the
    window's automatic backup, `suivi-fsl backup`) never write, or delete, each other's."""
    return final.with_name(f".{final.name}.{os.getpid() if pid is None else pid}.en-cours")


def leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """The hidden copies (and their `-journal`) that backups killed or failed left in
    `folder`: their process is gone, or they are over a day old. Never one being written."""
    now = time.time() if now is None else now
    try:
        candidates = [(path, found) for path in folder.iterdir()
                      if (found := _STAGING.match(path.name)) is not None]
    except OSError:
        return []
    stale = []
    for path, found in candidates:
        try:
            info = path.lstat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and is_stale(info.st_mtime, int(found.group(1)), now):
            stale.append(path)
    return sorted(stale)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove `leftovers(folder)`; those removed (one that cannot be is kept)."""
    removed = []
    for path in leftovers(folder):
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def list_backups(folder: Path,
                 read_taken: Callable[[Path], datetime | None] = taken_at) -> list[Path]:
    """The backups of `folder`, newest first (none if the folder does not exist)."""
    if not folder.is_dir():
        return []
    found = [(taken, path) for path in folder.iterdir()
             if path.is_file() and (taken := read_taken(path)) is not None]
    return [path for _taken, path in sorted(found, reverse=True)]


def latest_taken(folder: Path) -> datetime | None:
    backups = list_backups(folder)
    return taken_at(backups[0]) if backups else None


def kept(taken: Iterable[datetime], today: date) -> set[datetime]:
    """The backups the rotation keeps: the latest of each of the last `DAILY` days, of each
    of the last `WEEKLY` ISO weeks (Monday to Sunday) and of each of the last `MONTHLY`
    calendar months, counting the period holding `today`; and always the newest one, and
    any dated after today (a clock set wrong: kept rather than guessed about)."""
    times = sorted(set(taken), reverse=True)
    keep = {t for t in times if t.date() > today}
    if times:
        keep.add(times[0])
    for period, count in (("day", DAILY), ("week", WEEKLY), ("month", MONTHLY)):
        seen: set[int] = set()
        for moment in times:  # newest first: the first of each period is its latest
            age = periods_ago(period, moment.date(), today)
            if 0 <= age < count and age not in seen:
                seen.add(age)
                keep.add(moment)
    return keep


def periods_ago(period: str, day: date, today: date) -> int:
    """How many days, ISO weeks or calendar months before `today`'s is `day`'s (0: same)."""
    if period == "day":
        return (today - day).days
    if period == "week":
        return ((today - timedelta(days=today.weekday()))
                - (day - timedelta(days=day.weekday()))).days // 7
    return (today.year - day.year) * 12 + today.month - day.month


def rotate(folder: Path, today: date,
           read_taken: Callable[[Path], datetime | None] = taken_at) -> list[Path]:
    """Delete the backups of `folder` the rotation does not keep; the paths deleted.
    `read_taken` tells a backup from its name (the server backups' `taken_at` for those)."""
    backups = {taken: path for path in list_backups(folder, read_taken)
               if (taken := read_taken(path)) is not None}
    keep = kept(backups, today)
    removed = []
    for taken, path in sorted(backups.items()):
        if taken not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
