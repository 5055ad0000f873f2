"""Who has a store file open: one lock file beside it, `<store>.verrou`.

Every engine on a SQLite store file (the window, each command, a backup through them) holds a
*shared* lock on `<store>.verrou` from its first connection until the store is closed; a
restoration, an encryption and a change of passphrase hold it *exclusive*. Openers coexist;
those three need nobody else — what others write would land in the file put aside and be
lost, or in a store whose key changed under them: each is refused at once, in French, while
anyone has the store open, and an opening is refused while one of them runs.

POSIX: `fcntl.lockf` record locks over the whole file. They belong to the process, not to a
descriptor, so the process keeps one descriptor per lock file and counts its own holders
(closing a second descriptor would drop the process's locks, and a process never conflicts
with itself). Unlike `flock`, turning a shared lock exclusive either succeeds or leaves it
shared (`flock` drops it first): the window restores the store it holds open.
Windows: `msvcrt.locking` locks bytes exclusively only; byte 0 is the gate, bytes 1…SLOTS one
slot per process holding the store open: a shared holder keeps one slot, the exclusive holder
the gate and every slot.

The lock file is created 0600 (group- or world-writable only if the store itself is, for a
store shared on purpose) and never deleted (deleted while held, a second file could be
locked beside the first). A URL to another database has no lock file: the server sees to it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.domain.fr import os_reason
from desktop_app.store.errors import StoreError

#: The lock file's name: the store's followed by this.
LOCK_SUFFIX = ".verrou"
#: Windows: how many processes may hold one store open at once (one byte each).
SLOTS = 64

IN_USE = ("La base {where} est ouverte par une autre fenêtre de Suivi FSL ou un autre programme "
          "(import, sauvegarde, ligne de commande) : restaurée maintenant, ce qu'ils y "
          "écrivent serait perdu. Fermez-les, attendez la fin de l'import ou de la sauvegarde, "
          "puis relancez la restauration. Rien n'a été modifié.")
#: Refusals of an encryption and of a change of passphrase (`crypto.py`), in the same words.
ENCRYPTING_IN_USE = (
    "La base {where} est ouverte par une autre fenêtre de Suivi FSL ou un autre programme "
    "(import, sauvegarde, ligne de commande) : chiffrée maintenant, ce qu'ils y écrivent "
    "serait perdu. Fermez-les, attendez la fin de l'import ou de la sauvegarde, puis relancez "
    "le chiffrement. Rien n'a été modifié.")
REKEYING_IN_USE = (
    "La base {where} est ouverte par une autre fenêtre de Suivi FSL ou un autre programme "
    "(import, sauvegarde, ligne de commande) : si son mot de passe changeait maintenant, ils "
    "ne pourraient plus la lire et ce qu'ils y écrivent serait perdu. Fermez-les, attendez la "
    "fin de l'import ou de la sauvegarde, puis changez à nouveau le mot de passe. Rien n'a "
    "été modifié.")
RESTORING = ("La base {where} est en cours de restauration, de chiffrement ou de changement de "
             "mot de passe par une autre fenêtre ou un autre programme : attendez la fin de "
             "l'opération, puis réessayez.")
CANNOT_LOCK = ("Impossible de créer le fichier de verrou {lock} à côté de la base ({reason}) : "
               "le dossier {folder} doit permettre l'écriture. Placez la base dans un dossier où "
               "vous pouvez écrire (ou demandez ce droit), puis réessayez.")
NO_LOCKS = ("Impossible de verrouiller la base {where} ({reason}) : le disque ou le partage "
            "réseau qui la contient ne le permet pas. Copiez la base sur un disque de "
            "l'ordinateur, puis réessayez.")
NOT_A_LOCK_FILE = ("{lock} n'est pas un fichier ordinaire : Suivi FSL y garde le verrou de la "
                   "base. Renommez ou déplacez ce qui porte ce nom, puis réessayez.")

_CONFLICTS = (errno.EACCES, errno.EAGAIN, errno.EDEADLK)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


@dataclass
class _Held:
    """A lock file this process has open: its descriptor, the store it locks, the holders
    of the shared lock in this process, whether it is held exclusive, the Windows slot."""

    descriptor: int
    database: Path
    writable: bool = True
    holders: set[int] = field(default_factory=set)
    exclusive: bool = False
    slot: int = 0


_FILES: dict[str, _Held] = {}
_GUARD = threading.Lock()


def _forget_after_fork() -> None:
    """A forked child holds none of its parent's record locks: it starts afresh."""
    global _GUARD
    _FILES.clear()
    _GUARD = threading.Lock()


if sys.platform != "win32":
    os.register_at_fork(after_in_child=_forget_after_fork)


class StoreLock:
    """The shared lock one engine holds on its store file while it may use it."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._key = str(self.path.resolve())
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        """Shared, from now until `release` (nothing if already held): `StoreError` in French
        while a restoration runs, or if the lock file cannot be made."""
        with _GUARD:
            if self._held:
                return
            held = _FILES.get(self._key)
            if held is None:
                held = _open(self.path, self.database)
                try:
                    if not _take_shared(held):
                        raise StoreError(RESTORING.format(where=self.database))
                except BaseException:
                    _close(held)
                    raise
                _FILES[self._key] = held
            elif held.exclusive:
                raise StoreError(RESTORING.format(where=self.database))
            held.holders.add(id(self))
            self._held = True

    def release(self) -> None:
        """No longer held (the lock file is closed once no holder of this process is left)."""
        with _GUARD:
            if not self._held:
                return
            self._held = False
            held = _FILES[self._key]
            held.holders.discard(id(self))
            if not held.holders and not held.exclusive:
                del _FILES[self._key]
                _close(held)

    @contextmanager
    def sole(self, in_use: str = IN_USE) -> Iterator[None]:
        """Exclusive for the block, shared again after it: `StoreError` (French: `in_use`,
        a restoration's refusal unless told) if any other engine, of this process or
        another, has the store open."""
        self.hold()
        with _GUARD:
            held = _FILES[self._key]
            if held.holders != {id(self)} or not _upgrade(held):
                raise StoreError(in_use.format(where=self.database))
            held.exclusive = True
        try:
            yield
        finally:
            with _GUARD:
                held.exclusive = False
                _downgrade(held)


@contextmanager
def exclusive(database: Path, in_use: str = IN_USE) -> Iterator[None]:
    """The store `database`, which this process does not have open, held exclusive for the
    block: `StoreError` (French: `in_use`, a restoration's refusal unless told) if anyone
    has it open."""
    path = lock_path(database)
    key = str(path.resolve())
    with _GUARD:
        if key in _FILES:
            raise StoreError(in_use.format(where=database))
        held = _open(path, database)
        try:
            if not _take_exclusive(held):
                raise StoreError(in_use.format(where=database))
        except BaseException:
            _close(held)
            raise
        held.exclusive = True
        _FILES[key] = held
    try:
        yield
    finally:
        with _GUARD:
            del _FILES[key]
            _close(held)


def _open(path: Path, database: Path) -> _Held:
    """The lock file, opened (created if missing: 0600, or as shared as the store itself
    when its owner lets others write it — colleagues opening one file on a network share)."""
    flags = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    mode = _mode_for(database)
    writable = True
    try:
        try:
            descriptor = os.open(path, flags | os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
            created = True
        except FileExistsError:
            created = False
            try:
                descriptor = os.open(path, flags | os.O_RDWR)
            except PermissionError:  # another user's: a shared lock needs only to read it
                descriptor = os.open(path, flags | os.O_RDONLY)
                writable = False
    except OSError as error:
        if error.errno == errno.ELOOP or path.is_dir():
            raise StoreError(NOT_A_LOCK_FILE.format(lock=path)) from error
        raise StoreError(_cannot_lock(path, error)) from error
    held = _Held(descriptor, database, writable=writable)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise StoreError(NOT_A_LOCK_FILE.format(lock=path))
        if created and os.name == "posix":
            os.fchmod(descriptor, mode)  # exactly, whatever the umask
    except BaseException:
        _close(held)
        raise
    return held


def _mode_for(database: Path) -> int:
    """0600, with the group's and others' read and write bits of the store if it has any."""
    try:
        shared = stat.S_IMODE(database.stat().st_mode) & 0o066
    except OSError:
        shared = 0
    return 0o600 | (shared if shared & 0o022 else 0)


def _cannot_lock(path: Path, error: OSError) -> str:
    return CANNOT_LOCK.format(lock=path, reason=os_reason(error), folder=path.parent)


def _writable(held: _Held) -> None:
    """An exclusive lock needs the lock file open for writing (POSIX record locks)."""
    if not held.writable:
        raise StoreError(_cannot_lock(lock_path(held.database),
                                      PermissionError(errno.EACCES, "read-only lock file")))


def _close(held: _Held) -> None:
    with suppress(OSError):
        os.close(held.descriptor)


def _failed(held: _Held, error: OSError) -> StoreError:
    return StoreError(NO_LOCKS.format(where=held.database, reason=os_reason(error)))


if sys.platform == "win32":
    import msvcrt

    def _lock(held: _Held, start: int, length: int) -> bool:
        if length <= 0:
            return True
        os.lseek(held.descriptor, start, os.SEEK_SET)
        try:
            msvcrt.locking(held.descriptor, msvcrt.LK_NBLCK, length)
        except OSError:
            return False
        return True

    def _unlock(held: _Held, start: int, length: int) -> None:
        if length > 0:
            os.lseek(held.descriptor, start, os.SEEK_SET)
            with suppress(OSError):
                msvcrt.locking(held.descriptor, msvcrt.LK_UNLCK, length)

    def _take_shared(held: _Held) -> bool:
        if not _lock(held, 0, 1):  # the gate: a restoration holds it
            return False
        try:
            held.slot = next((slot for slot in range(1, SLOTS + 1) if _lock(held, slot, 1)), 0)
        finally:
            _unlock(held, 0, 1)
        return held.slot != 0

    def _take_exclusive(held: _Held) -> bool:
        if not _lock(held, 0, 1):
            return False
        if not _lock(held, 1, SLOTS):
            _unlock(held, 0, 1)
            return False
        return True

    def _upgrade(held: _Held) -> bool:
        if not _lock(held, 0, 1):
            return False
        if not _lock(held, 1, held.slot - 1):
            _unlock(held, 0, 1)
            return False
        if not _lock(held, held.slot + 1, SLOTS - held.slot):
            _unlock(held, 1, held.slot - 1)
            _unlock(held, 0, 1)
            return False
        return True

    def _downgrade(held: _Held) -> None:
        _unlock(held, held.slot + 1, SLOTS - held.slot)
        _unlock(held, 1, held.slot - 1)
        _unlock(held, 0, 1)

else:
    import fcntl

    def _lockf(held: _Held, operation: int) -> bool:
        try:
            fcntl.lockf(held.descriptor, operation | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in _CONFLICTS:
                return False
            raise _failed(held, error) from error
        return True

    def _take_shared(held: _Held) -> bool:
        return _lockf(held, fcntl.LOCK_SH)

    def _take_exclusive(held: _Held) -> bool:
        _writable(held)
        return _lockf(held, fcntl.LOCK_EX)

    def _upgrade(held: _Held) -> bool:
        _writable(held)
        return _lockf(held, fcntl.LOCK_EX)  # refused: still shared (record locks)

    def _downgrade(held: _Held) -> None:
        _lockf(held, fcntl.LOCK_SH)  # always granted: nobody else holds any lock
