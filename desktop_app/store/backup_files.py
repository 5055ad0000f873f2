"""File moves of backups and restorations: put a store aside with its WAL and put a copy in
its place (undone if a move fails), and flush a file or folder to the disk (issue 6)."""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import datetime
from pathlib import Path

SIDECARS = ("-wal", "-shm")


def swap(staging: Path, store_path: Path, now: datetime) -> Path | None:
    """Move the store (and its WAL) aside, the staged copy in; undo on failure."""
    if not store_path.exists():
        remove_sidecars(store_path)
        os.replace(staging, store_path)
        return None
    aside = store_path.with_name(
        f"{store_path.name}.avant-restauration-{now.strftime('%Y-%m-%dT%H%M%S')}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *SIDECARS):
            source = store_path.with_name(store_path.name + suffix)
            if source.exists():
                target = aside.with_name(aside.name + suffix)
                os.replace(source, target)
                moved.append((target, source))
        os.replace(staging, store_path)
    except OSError:
        for target, source in reversed(moved):
            os.replace(target, source)
        raise
    return aside


def discard(path: Path) -> None:
    with suppress(OSError):  # the folder itself is unusable: nothing was written there
        path.unlink(missing_ok=True)


def remove_sidecars(store_path: Path) -> None:
    for suffix in SIDECARS:
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)


def sync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
