"""Stores, backups and checks shared by the restoration tests."""

from __future__ import annotations

import shutil
import stat
from datetime import date, datetime
from pathlib import Path

from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    Household,
    Measure,
    MeasureType,
    Period,
    Worker,
)
from desktop_app.store.backup import make_backup
from desktop_app.store.repository import open_store

SECRET = "Cinq mots : la pluie tombe doucement"
#: The store as it is before the restoration: its last household is only in its WAL.
OLD_ONLY = Household("h-ancien", "ANCIEN Fernand")
#: The backup restored: a household the current store does not have.
BACKUP_ONLY = Household("h-sauve", "SAUVEGARDE Ginette")
#: Bytes that must never be readable beside an encrypted store (names, SQLite's header).
CLEAR_TEXT = (b"ANCIEN", b"Fernand", b"SAUVEGARDE", b"Ginette", b"DURAND", b"SQLite format 3")


def caseload() -> Caseload:
    """One association, two workers, one household with an ASLL measure."""
    return Caseload(Association("Association Exemple"),
                    workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0),
                             Worker("w2", "Paul Durand", Diploma.ES, 0.5)],
                    households=[Household("h1", "DURAND Marie")],
                    measures=[Measure("m1", "h1", MeasureType.ASLL, "w1",
                                      periods=[Period(date(2024, 1, 1), date(2024, 6, 30))])])


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def filled(path: Path, key: str | None, extra: Household | None = None) -> None:
    """A store at `path` holding `caseload()` (and `extra`), closed: no WAL left."""
    store = open_store(url(path), key)
    try:
        store.import_caseload(caseload())
        if extra is not None:
            store.save_household(extra)
    finally:
        store.close()


def backup_of(path: Path, key: str | None, folder: Path,
              taken: datetime = datetime(2026, 11, 29, 9, 30, 12)) -> Path:
    store = open_store(url(path), key)
    try:
        return make_backup(store, folder, taken)
    finally:
        store.close()


def with_hot_wal(source: Path, key: str | None, target: Path) -> None:
    """`target`: a copy of the store `source` whose last change (`OLD_ONLY` saved) is in
    its WAL only, as a window killed, or still open, leaves it (the files copied while the
    store is open)."""
    store = open_store(url(source), key)
    try:
        store.save_household(OLD_ONLY)
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            shutil.copyfile(source.with_name(source.name + suffix),
                            target.with_name(target.name + suffix))
    finally:
        store.close()
    assert target.with_name(target.name + "-wal").stat().st_size > 0


def household_ids(path: Path, key: str | None) -> set[str]:
    store = open_store(url(path), key)
    try:
        return {h.id for h in store.export_caseload().households}
    finally:
        store.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def clear_text_in(folder: Path) -> list[str]:
    """The files of `folder` (not its sub-folders) where a name or SQLite's header reads."""
    return sorted(f"{p.name}: {word.decode()}" for p in folder.iterdir() if p.is_file()
                  for word in CLEAR_TEXT if word in p.read_bytes())
