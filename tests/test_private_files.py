"""Private atomic writes: 0600 whatever the umask, never half a file, never over a device."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import private_files

posix_only = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")


@posix_only
def test_a_written_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        private_files.write_text(tmp_path / "a.json", "é\n")
        folder = private_files.private_folder(tmp_path / "x" / "y")
    finally:
        os.umask(old)
    assert (tmp_path / "a.json").read_bytes() == "é\n".encode()
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "x").stat().st_mode & 0o777 == 0o700  # a missing parent too
    assert sorted(os.listdir(tmp_path)) == ["a.json", "x"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "g.pdf"
    target.write_bytes(b"old")

    def broken(out: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        private_files.write_with(target, broken)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["g.pdf"]


def test_a_target_that_is_not_a_regular_file_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(private_files.NotARegularFileError):
        private_files.write_text(tmp_path / "dir", "x")
    assert (tmp_path / "dir").is_dir()
    assert sorted(os.listdir(tmp_path)) == ["dir"]


@posix_only
def test_leftovers_are_those_of_dead_processes_only(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    left = tmp_path / f".x.json.{pid}.abc123{private_files.TEMP_MARK}"
    left.write_text("names in clear")
    mine = tmp_path / f".y.json.{os.getpid()}.def456{private_files.TEMP_MARK}"
    mine.write_text("being written")
    (tmp_path / "x.json").write_text("kept")
    assert private_files.leftovers(tmp_path) == [left]
    assert private_files.remove_leftovers(tmp_path) == 1
    assert sorted(os.listdir(tmp_path)) == sorted([mine.name, "x.json"])
    # A day later even a file whose pid runs again (reused) is a leftover.
    later = mine.stat().st_mtime + private_files.LEFTOVER_AGE_SECONDS + 1
    assert private_files.leftovers(tmp_path, now=later) == [mine]


@posix_only
def test_an_empty_private_file_is_made_once(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        assert private_files.private_empty_file(tmp_path / "base.sqlite3") is True
    finally:
        os.umask(old)
    assert (tmp_path / "base.sqlite3").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "base.sqlite3").read_bytes() == b""
    (tmp_path / "base.sqlite3").write_bytes(b"data")
    assert private_files.private_empty_file(tmp_path / "base.sqlite3") is False
    assert (tmp_path / "base.sqlite3").read_bytes() == b"data"


def test_check_writable_refuses_before_any_work(tmp_path: Path) -> None:
    private_files.check_writable(tmp_path / "new.json")  # a new file in a folder: fine
    with pytest.raises(FileNotFoundError):
        private_files.check_writable(tmp_path / "absent" / "x.json")
    with pytest.raises(private_files.NotARegularFileError):
        private_files.check_writable(tmp_path)
    assert os.listdir(tmp_path) == []


def test_the_french_message_of_a_failed_write(tmp_path: Path) -> None:
    import errno

    target = tmp_path / "g.pdf"
    said = private_files.write_failure
    full = OSError(errno.ENOSPC, "No space left on device")
    assert said(target, full) == (
        f"Impossible d'écrire « {target} » : le disque est plein. Libérez de la place sur le "
        "disque ou choisissez-en un autre, puis recommencez : l'ancien fichier, s'il y en "
        "avait un, est intact.")
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert said(target, denied) == (
        f"Impossible d'écrire « {target} » : accès refusé : le fichier est peut-être ouvert "
        "dans un autre programme (tableur, lecteur PDF) ou le dossier est protégé. "
        "Choisissez un autre nom ou un autre dossier, puis recommencez.")
    gone = tmp_path / "cle" / "g.pdf"
    assert said(gone, FileNotFoundError(errno.ENOENT, "No such file")) == (
        f"Impossible d'écrire « {gone} » : le dossier « {gone.parent} » n'existe pas (clé USB "
        "ou lecteur réseau débranché ?). Créez-le ou choisissez un dossier existant, puis "
        "recommencez.")
    # The right of access names its folder; the file that is in the way is said too.
    (tmp_path / "acces.json").mkdir()
    in_the_way = private_files.NotARegularFileError(tmp_path / "acces.json")
    assert said(tmp_path, in_the_way) == (
        f"Impossible d'écrire « {tmp_path} » : ce nom est celui d'un dossier (« "
        f"{tmp_path / 'acces.json'} »). Choisissez un autre nom ou un autre dossier, puis "
        "recommencez.")
