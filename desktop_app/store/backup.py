"""Backups of the store and their restoration: nothing ever lost, nothing
ever exposed.

- `make_backup` writes a consistent copy of the live store (SQLite's `VACUUM INTO` through
  the store's own connection: an encrypted store gives a backup encrypted with the same key)
  under a hidden name, reads it back whole with the store's key (`integrity_check`), then
  renames it: a folder never holds half a backup, nor one that does not read back. Backups
  are 0600 and a folder they create 0700, whatever the umask; what a killed or failed backup
  left in the folder is removed first (`backup_names.remove_leftovers`).
- `restore` checks the backup whole (key, schema revision, `integrity_check`), then, with the
  store's lock held exclusive (`store_lock`: refused in French while any other window or
  program has the store open), stages a copy beside it — encrypted with the store's key
  before it is written if the store is encrypted — and swaps it in (`backup_files.swap`,
  crash-safe at every step). The current store's key is checked first: an encrypted store
  is never replaced by a plain one (no passphrase: refused), and a plain backup for an
  encrypted store is refused unless `encrypt_plain`, then encrypted with the store's key.
  `restore_in_place` does the same through the open store (the window's way: its engine's
  key, no passphrase asked), its connections closed first and reopened after.
- `live_info`, `live_check`: backups seen through the open store, the window's way. The
  window keeps no passphrase; the store's engine does (it opens each new connection with
  it): `engine.engine_passphrase` gives it, on the worker thread, so the restore dialog
  reads and checks backups.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from desktop_app.domain.fr import os_reason
from desktop_app.private_files import private_folder, sync_folder
from desktop_app.store.backup_check import (
    backup_info,
    check_backup,
)
from desktop_app.store.backup_files import (
    copy_private,
    discard,
    remove_restore_leftovers,
    staging_path,
    step_done,
    swap,
    sync,
)
from desktop_app.store.backup_names import (
    backup_name,
    list_backups,
    remove_leftovers,
    rotate,
    staging_name,
)
from desktop_app.store.crypto import export_encrypted
from desktop_app.store.engine import engine_lock, engine_passphrase, shown_url, sqlite_file
from desktop_app.store.errors import (
    CORRUPT,
    FULL,
    DamagedStoreError,
    RefusedError,
    StoreError,
    WrongPassphraseError,
    french_message,
)
from desktop_app.store.keys import cipher_connect, looks_encrypted
from desktop_app.store.migrate import backup as vacuum_into
from desktop_app.store.migrate import ensure_schema
from desktop_app.store.records import BackupInfo
from desktop_app.store.startup import DAMAGED_STORE, quick_check
from desktop_app.store.store_lock import exclusive

__all__ = ["PlainBackupError", "backup_info", "list_backups",
           "live_check", "live_info", "make_backup", "quick_check", "restore",
           "restore_in_place", "restored_key", "rotate", "store_file"]

CANNOT_WRITE = ("Impossible d'écrire la sauvegarde dans {where} : vérifiez que le dossier "
                "existe, que vous avez le droit d'y écrire et que le disque (clé USB, partage "
                "réseau) est branché.")
NOT_SOUND = ("La sauvegarde qui vient d'être écrite dans {where} est illisible ({detail}) : "
             "elle a été supprimée. Vérifiez le support de sauvegarde puis réessayez.")
CANNOT_SWAP = ("La base {where} n'a pas pu être remplacée ({detail}) : elle est restée telle "
               "qu'elle était. Fermez les autres fenêtres de Suivi FSL puis réessayez.")
NOT_A_FILE = ("La base {where} n'est pas un fichier SQLite : sauvegarde et restauration ne "
              "concernent qu'une base sur fichier.")
STORE_NEEDS_KEY = ("La base {where} est chiffrée : donnez son mot de passe (variable "
                   "SUIVI_FSL_PASSPHRASE) pour la restaurer ; la base restaurée sera chiffrée "
                   "avec lui. Rien n'a été modifié.")
STORE_OTHER_KEY = ("Ce mot de passe n'ouvre pas la base {where} : donnez celui de la base "
                   "actuelle (la base restaurée sera chiffrée avec lui). Rien n'a été modifié.")
PLAIN_OVER_ENCRYPTED = ("La sauvegarde {backup} n'est pas chiffrée alors que la base {where} "
                        "l'est (sauvegarde faite avant le chiffrement de la base ?) : elle "
                        "n'est restaurée que si vous le demandez expressément (« Fichier › "
                        "Restaurer une sauvegarde… », ou --encrypt-plain en ligne de "
                        "commande), et elle est alors chiffrée avec le mot de passe de la "
                        "base. Rien n'a été modifié.")


class PlainBackupError(RefusedError):
    """A plain backup chosen for an encrypted store, without asking for it expressly."""


#: A PostgreSQL store is backed up by `server_backup` (an encrypted logical
#: export) and by its owner on the server; a file's backup and restoration do not apply.
ON_SERVER = ("La base {where} est sur un serveur PostgreSQL : la restauration d'une "
             "sauvegarde, la copie de fichier et le chiffrement par mot de passe ne concernent "
             "qu'une base sur fichier, rien n'a été fait. Un serveur se sauvegarde et se "
             "restaure sur le serveur même, par la personne qui l'administre (pg_dump, "
             "pg_restore) ; « suivi-fsl backup » en fait une copie chiffrée de ce que votre "
             "compte peut lire. Voir docs/serveur.md, « Sauvegardes du serveur ».")


class _HasEngine(Protocol):
    @property
    def engine(self) -> Engine: ...


def store_file(url: URL) -> Path:
    """The file of the store at `url`: what backups, restoration and encryption are made
    of; a French `StoreError` for a store that is no file (a PostgreSQL server's)."""
    database = sqlite_file(url)
    if database is not None:
        return database
    template = ON_SERVER if url.get_backend_name() == "postgresql" else NOT_A_FILE
    raise StoreError(template.format(where=shown_url(url)))


def make_backup(source: Engine | _HasEngine, folder: Path, now: datetime) -> Path:
    """A backup of the store into `folder` (created if missing), named after `now`."""
    engine = source if isinstance(source, Engine) else source.engine
    store_file(engine.url)
    taken = now.replace(microsecond=0, tzinfo=None)
    final = folder / backup_name(taken)
    while final.exists():  # two backups in one second: the second one a second later
        taken += timedelta(seconds=1)
        final = folder / backup_name(taken)
    staging = staging_name(final)
    try:
        private_folder(folder)
        remove_leftovers(folder)
        vacuum_into(engine, staging)
        _check_written(engine, staging, folder)
        sync(staging)
        os.replace(staging, final)
        sync_folder(folder)
    except StoreError:
        _discard_staging(staging)
        raise
    except Exception as error:  # the driver's or the system's: said in French
        _discard_staging(staging)
        said = _said(error, folder, engine)
        if said is None:
            raise
        raise said from error
    return final


def _discard_staging(staging: Path) -> None:
    """The hidden copy of a failed backup, and SQLite's journal of it (a full disk)."""
    discard(staging)
    discard(staging.with_name(staging.name + "-journal"))


def _said(error: Exception, folder: Path, engine: Engine) -> StoreError | None:
    """The French error of a failed backup: disk full, the store itself unreadable (then it
    is the store that needs a backup restored), or the folder unusable; None for a bug."""
    message = french_message(error, str(folder))
    if message == FULL.format(where=folder):
        return StoreError(message)
    if french_message(error, "") == CORRUPT.format(where=""):
        where = sqlite_file(engine.url) or shown_url(engine.url)
        return DamagedStoreError(DAMAGED_STORE.format(where=where, detail="contenu illisible"))
    if isinstance(error, OSError) or message is not None:
        return StoreError(CANNOT_WRITE.format(where=folder))
    return None


def _check_written(engine: Engine, staging: Path, folder: Path) -> None:
    """The backup just written reads back whole with the store's key, or is refused."""
    try:
        check_backup(staging, engine_passphrase(engine))
    except StoreError as error:
        raise StoreError(NOT_SOUND.format(where=folder, detail=error)) from error


def live_info(engine: Engine, path: Path) -> BackupInfo:
    """`backup_info` of `path` with the open store's key: date, counts, revision."""
    return backup_info(path, engine_passphrase(engine))


def live_check(engine: Engine, path: Path) -> BackupInfo:
    """`live_info`, then every page checked (`integrity_check`): `DamagedStoreError`."""
    info = live_info(engine, path)
    check_backup(path, engine_passphrase(engine))
    return info


def restore(backup_path: Path, store_path: Path, passphrase: str | None,
            now: datetime | None = None, *, encrypt_plain: bool = False) -> Path | None:
    """Put the backup in place of the store, which no window or program may have open
    (refused in French otherwise); the path the current store was put aside at, None if
    there was none. `passphrase`: the store's, checked against it (an encrypted store needs
    it); `encrypt_plain`: a plain backup is wanted for an encrypted store."""
    info = backup_info(backup_path, passphrase)  # key, revision, tables: said of the file chosen
    try:
        private_folder(store_path.parent)
    except OSError as error:
        raise StoreError(CANNOT_SWAP.format(where=store_path, detail=os_reason(error))) from error
    with exclusive(store_path):
        key = restored_key(info, store_path, passphrase, encrypt_plain, known=False)
        return _put_in_place(backup_path, store_path, info, key, now or datetime.now())


def restore_in_place(store: _HasEngine, backup_path: Path, now: datetime | None = None, *,
                     encrypt_plain: bool = False) -> Path | None:
    """`restore` through the open store (the window's way, no passphrase asked: the
    engine's): refused if any other window or program has the store open, else its
    connections are closed, the file swapped, and the same engine then opens the restored
    store (upgraded if the backup is older). The store may be damaged."""
    engine = store.engine
    database, lock = store_file(engine.url), engine_lock(engine)
    if lock is None:  # a file store always has one (engine.create_store_engine)
        raise StoreError(NOT_A_FILE.format(where=shown_url(engine.url)))
    key = engine_passphrase(engine)
    info = backup_info(backup_path, key)  # wrong key, newer, not a backup: before anything
    with lock.sole():
        engine.dispose()  # no connection left on the current file
        result = restored_key(info, database, key, encrypt_plain, known=True)
        aside = _put_in_place(backup_path, database, info, result, now or datetime.now())
    ensure_schema(engine, existed=True)
    return aside


def restored_key(info: BackupInfo, store_path: Path, passphrase: str | None,
                 encrypt_plain: bool, known: bool = False) -> str | None:
    """The passphrase the restored store is encrypted with (None: plain), or why it cannot
    be restored (French): `restore` asks again, the store locked. `known`: `passphrase` is
    the one the store was opened with."""
    if not looks_encrypted(store_path):  # plain, or none: a passphrase given encrypts it
        return passphrase
    if passphrase is None:
        raise WrongPassphraseError(STORE_NEEDS_KEY.format(where=store_path))
    # An encrypted backup this key opens is the store's (its key then, and the store may be
    # too damaged to say); a plain one needs the store to say it is its key.
    if not known and not info.encrypted and not _opens_with(store_path, passphrase):
        raise WrongPassphraseError(STORE_OTHER_KEY.format(where=store_path))
    if not info.encrypted and not encrypt_plain:
        raise PlainBackupError(PLAIN_OVER_ENCRYPTED.format(backup=info.path, where=store_path))
    return passphrase


def _opens_with(store_path: Path, passphrase: str) -> bool:
    try:
        connection = cipher_connect(str(store_path), passphrase)
    except Exception:  # the driver's
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:  # a wrong key (or page 1 damaged: not the store's key, as far as known)
        return False
    finally:
        connection.close()
    return True


def _put_in_place(backup_path: Path, store_path: Path, info: BackupInfo, key: str | None,
                  now: datetime) -> Path | None:
    """The steps of `backup_files` (the store's lock held exclusive)."""
    remove_restore_leftovers(store_path)
    staging: Path | None = None
    try:
        staging = staging_path(store_path)
        if key is not None and not info.encrypted:
            export_encrypted(backup_path, staging, key)  # no plain page beside the store
        else:
            copy_private(backup_path, staging)  # as it is: encrypted, or plain for plain
        step_done("staged")
        check_backup(staging, key, backup_path)  # all of what is put in place
        sync(staging)
        step_done("checked")
        return swap(staging, store_path, now, key)
    except StoreError:
        raise
    except Exception as error:  # the system's or the driver's: said in French
        detail = _reason(error)
        if detail is None:
            raise
        raise StoreError(CANNOT_SWAP.format(where=store_path, detail=detail)) from error
    finally:
        if staging is not None:
            discard(staging)


def _reason(error: Exception) -> str | None:
    """Why a file could not be written, in French; None for a bug."""
    if isinstance(error, OSError):
        return os_reason(error)
    message = french_message(error, "")
    if message is None:
        return None
    return "le disque est plein" if message == FULL.format(where="") else (
        "erreur de lecture ou d'écriture du disque")
