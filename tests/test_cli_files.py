"""Files the command line writes (`export FILE`, `grid --out FILE`): a file that cannot be
written is said in French (what is wrong, how to fix it) with exit code 1, never a
traceback; the old file is kept whole, nothing else is left in the folder, a device or a
FIFO is never replaced."""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import private_files
from desktop_app.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "store.sqlite3"
    assert main(["--db", str(path), "demo", "--households", "3", "--years", "2"]) == 0
    return str(path)


def _write(db: str, command: str, target: Path) -> list[str]:
    if command == "export":
        return ["--db", db, "export", str(target)]
    return ["--db", db, "grid", "--year", "2025", "--out", str(target)]


def _said(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@contextlib.contextmanager
def _drained(fifo: Path) -> Iterator[None]:
    """A reader on `fifo` for the block: a writer that wrongly opened it would not hang."""
    descriptor = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set():
            if select.select([descriptor], [], [], 0.05)[0]:
                os.read(descriptor, 1 << 16)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        os.close(descriptor)


WRITERS = [("export", "x.json"), ("grid", "g.xlsx"), ("grid", "g.pdf")]


@pytest.mark.parametrize(("command", "name"), WRITERS)
def test_a_missing_folder_is_said_in_french(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    target = tmp_path / "absent" / name
    capsys.readouterr()
    assert main(_write(demo_db, command, target)) == 1
    assert (f"Impossible d'écrire « {target} » : le dossier « {tmp_path / 'absent'} » "
            "n'existe pas (clé USB ou lecteur réseau débranché ?). Créez-le ou choisissez un "
            "dossier existant, puis recommencez.") in _said(capsys)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("command", "name"), WRITERS)
def test_a_folder_is_never_replaced(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    target = tmp_path / name
    target.mkdir()
    (target / "dedans.txt").write_text("gardé")
    capsys.readouterr()
    assert main(_write(demo_db, command, target)) == 1
    assert (f"Impossible d'écrire « {target} » : ce nom est celui d'un dossier. Choisissez "
            "un autre nom ou un autre dossier, puis recommencez.") in _said(capsys)
    assert (target / "dedans.txt").read_text() == "gardé"
    assert os.listdir(tmp_path) == [name]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(("command", "name"), WRITERS)
def test_a_fifo_is_never_replaced(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    # A FIFO stands for any special file (/dev/null, /dev/full): `export /dev/full` as root
    # used to rename the export over the device node.
    target = tmp_path / name
    os.mkfifo(target)
    capsys.readouterr()
    with _drained(target):
        assert main(_write(demo_db, command, target)) == 1
    assert (f"Impossible d'écrire « {target} » : ce nom est celui d'un périphérique ou d'un "
            "tube, pas d'un fichier ordinaire : l'application ne le remplace jamais. "
            "Choisissez un autre nom ou un autre dossier, puis recommencez.") in _said(capsys)
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize(("command", "name"), WRITERS)
def test_a_full_disk_keeps_the_old_file_whole(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, command: str, name: str,
) -> None:
    target = tmp_path / name
    assert main(_write(demo_db, command, target)) == 0
    good = target.read_bytes()

    def full(path: Path) -> None:  # what the disk says when the data reaches it
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(private_files, "_sync_file", full)
    capsys.readouterr()
    assert main(_write(demo_db, command, target)) == 1
    assert (f"Impossible d'écrire « {target} » : le disque est plein. Libérez de la place "
            "sur le disque ou choisissez-en un autre, puis recommencez : l'ancien fichier, "
            "s'il y en avait un, est intact.") in _said(capsys)
    assert target.read_bytes() == good
    assert os.listdir(tmp_path) == [name]
