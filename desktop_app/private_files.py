"""Files and folders the application writes: private and atomic, whatever the umask.

Every file the application writes (exports, reports, backups, stores) holds household data, so
on POSIX it is created 0600 and every folder it creates 0700. A document is written beside its
target under a hidden temporary name, flushed and synced, then renamed over it: a crash or a
full disk leaves either the old file or the new one, never half a file, and the temporary file
is removed on failure. A target that exists and is not a regular file (a device, a folder, a
FIFO) is never replaced.

Temporary files are named `.<target>.<pid>.<random>.suivi-tmp` so that a later clean-up can
recognise the ones a killed process left behind (`leftovers`: its process is gone, or the file
is over a day old), and never removes a file another running process is writing. Each write
removes those of its own folder first; the command line and the window remove those of the
data folder at start. A failed write is said in French by `write_failure`, the one message
for the command line and the window.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from desktop_app.domain.fr import os_reason

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
#: The end of every temporary file's name: `.<target name>.<pid>.<random>.suivi-tmp`.
TEMP_MARK = ".suivi-tmp"
#: A temporary file older than this is a leftover even if its process id was reused.
LEFTOVER_AGE_SECONDS = 24 * 3600


class NotARegularFileError(OSError):
    """The target exists and is not a regular file: it is left as it is."""

    def __init__(self, target: Path | str) -> None:
        super().__init__(f"{target} n'est pas un fichier ordinaire")
        self.filename = str(target)

    def __str__(self) -> str:  # not OSError's « [Errno None] None: … »
        return str(self.args[0])


def private_folder(folder: Path) -> Path:
    """Creates `folder` and its missing parents, each 0700; an existing folder is left as
    it is."""
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.is_dir() and current.parent != current:
        if current.exists() or current.is_symlink():  # a file where a folder should be
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(current))
        missing.append(current)
        current = current.parent
    for created in reversed(missing):
        created.mkdir(exist_ok=True, mode=PRIVATE_FOLDER)
        make_private(created)
    return folder


def private_empty_file(path: Path) -> bool:
    """Creates `path` empty and 0600 if it does not exist (a store before SQLite opens it:
    its journal files then get the same mode); True if it was created, an existing file is
    left as it is."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(descriptor)
    make_private(path)
    return True


def make_private(path: Path) -> None:
    """0600 for a file, 0700 for a folder (POSIX only; a no-op elsewhere)."""
    if os.name != "posix":
        return
    mode = PRIVATE_FOLDER if Path(path).is_dir() else PRIVATE_FILE
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, mode)


def check_target(target: Path) -> None:
    """Refuses a target that exists and is not a regular file (`NotARegularFileError`)."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFileError(target)


def check_writable(target: Path | str) -> None:
    """Refuses at once what writing `target` would refuse at the end (before minutes of
    work): a target that is not a regular file (`NotARegularFileError`), a folder that does
    not exist (`FileNotFoundError`)."""
    target = Path(target)
    check_target(target)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "dossier introuvable", str(target.parent))


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """A private temporary path beside `target`, renamed over it when the block ends without
    an exception (after an fsync of the file and, on POSIX, of the folder); removed otherwise.

    For writers that want a file name (openpyxl, reportlab): write the whole file at the path
    given, then leave the block. What killed writers left in the folder goes first
    (`remove_leftovers`: that folder only).
    """
    target = Path(target)
    check_target(target)
    remove_leftovers(target.parent)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=temporary_prefix(target),
                                    suffix=TEMP_MARK)
    os.close(handle)
    temporary = Path(name)
    try:
        make_private(temporary)
        yield temporary
        _sync_file(temporary)
        check_target(target)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    sync_folder(target.parent)


def write_failure(target: Path | str, error: OSError) -> str:
    """Why `target` could not be written and how to fix it, in French: the one message of
    a failed write, for the command line and the window alike."""
    target = Path(target)
    remedy = "Choisissez un autre nom ou un autre dossier, puis recommencez."
    if isinstance(error, NotARegularFileError):
        culprit = Path(error.filename)
        named = "" if culprit == target else f" (« {culprit} »)"
        if culprit.is_dir():
            reason = f"ce nom est celui d'un dossier{named}"
        else:
            reason = (f"ce nom est celui d'un périphérique ou d'un tube{named}, pas d'un "
                      "fichier ordinaire : l'application ne le remplace jamais")
    elif error.errno == errno.ENOENT and not target.parent.is_dir():
        reason = (f"le dossier « {target.parent} » n'existe pas (clé USB ou lecteur réseau "
                  "débranché ?)")
        remedy = "Créez-le ou choisissez un dossier existant, puis recommencez."
    else:
        reason = os_reason(error)
        if error.errno == errno.ENOSPC:
            remedy = ("Libérez de la place sur le disque ou choisissez-en un autre, puis "
                      "recommencez : l'ancien fichier, s'il y en avait un, est intact.")
    return f"Impossible d'écrire « {target} » : {reason}. {remedy}"


def write_bytes(target: Path | str, data: bytes) -> None:
    """`data` in `target`, atomically and privately."""
    with atomic_path(target) as temporary, temporary.open("wb") as out:
        out.write(data)


def write_text(target: Path | str, text: str) -> None:
    """`text` in `target` as UTF-8 with `\\n` line ends, atomically and privately."""
    write_bytes(target, text.encode("utf-8"))


def write_with(target: Path | str, writer: Callable[[IO[bytes]], None]) -> None:
    """What `writer` writes to the open binary file, in `target`, atomically and privately."""
    with atomic_path(target) as temporary, temporary.open("wb") as out:
        writer(out)


def temporary_prefix(target: Path) -> str:
    """`.<target name>.<pid>.`: the start of a temporary file's name for `target`."""
    return f".{Path(target).name}.{os.getpid()}."


def leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """The temporary files a killed process left in `folder` (not recursive): their process is
    no longer running, or they are over `LEFTOVER_AGE_SECONDS` old."""
    now = time.time() if now is None else now
    found = []
    try:
        candidates = [p for p in Path(folder).iterdir()
                      if p.name.startswith(".") and p.name.endswith(TEMP_MARK)]
    except OSError:
        return []
    for path in candidates:
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if is_stale(info.st_mtime, _pid_of(path), now):
            found.append(path)
    return sorted(found)


def is_stale(modified: float, pid: int | None, now: float) -> bool:
    """A file process `pid` was writing (last modified at `modified`) is a leftover: that
    process is no longer running, or the file is over `LEFTOVER_AGE_SECONDS` old."""
    return now - modified > LEFTOVER_AGE_SECONDS or not _alive(pid)


def _pid_of(path: Path) -> int | None:
    parts = path.name[: -len(TEMP_MARK)].split(".")
    # ["", <target name parts…>, <pid>, <random>]
    if len(parts) >= 4 and parts[-2].isdigit():
        return int(parts[-2])
    return None


def _alive(pid: int | None) -> bool:
    """Whether process `pid` runs (unknown pid, or not POSIX: taken as running)."""
    if pid is None or os.name != "posix":
        return pid is not None and os.name != "posix"
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(folder: Path) -> int:
    """Removes `leftovers(folder)`; how many were removed (one that cannot be is kept)."""
    removed = 0
    for path in leftovers(folder):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _sync_file(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def sync_folder(folder: Path) -> None:
    """The folder's entries flushed to the disk (a rename survives a power cut); POSIX only."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
