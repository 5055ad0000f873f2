"""Every document the application writes (grid, statements, convention follow-up, bilans,
occupancy table, interchange exports, right of access) goes through `private_files`: 0600
whatever the umask, the old file kept whole when the disk is full, nothing else left in the
folder, what a killed writer left removed at the next write into that folder."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app import private_files
from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.dates import Month
from desktop_app.interchange import write_file
from desktop_app.paths import sqlite_url
from desktop_app.reports import (
    write_bilan,
    write_convention_followup,
    write_grid,
    write_occupancy_table,
    write_statement,
)
from desktop_app.reports.access_export import write_access_export
from desktop_app.store.repository import open_store
from tests.store.builders import full_caseload

CASES = full_caseload()
PRODUCED = datetime(2025, 10, 15, 9, 30)
Writer = Callable[[Path], object]
WRITERS: dict[str, tuple[str, Writer]] = {
    "grille xlsx": ("grille.xlsx", lambda out: write_grid(CASES, None, 2025, out)),
    "grille pdf": ("grille.pdf", lambda out: write_grid(CASES, None, 2025, out)),
    "relevé xlsx": ("releve.xlsx", lambda out: write_statement(CASES, Month(2025, 12), out)),
    "relevé pdf": ("releve.pdf", lambda out: write_statement(CASES, Month(2025, 12), out)),
    "convention xlsx": ("convention.xlsx",
                        lambda out: write_convention_followup(CASES, 2025, out)),
    "convention pdf": ("convention.pdf",
                       lambda out: write_convention_followup(CASES, 2025, out)),
    "bilan": ("bilan.pdf", lambda out: write_bilan(CASES, "m1", BilanText("Texte."), out)),
    "occupation": ("occupation.xlsx",
                   lambda out: write_occupancy_table(CASES, Month(2025, 11), out)),
    "export": ("export.json", lambda out: write_file(CASES, out)),
}

posix_only = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX")


@pytest.fixture(params=list(WRITERS))
def writer(request: pytest.FixtureRequest) -> tuple[str, Writer]:
    return WRITERS[request.param]


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0])
def test_a_document_is_private_whatever_the_umask(
    tmp_path: Path, writer: tuple[str, Writer], umask: int
) -> None:
    name, write = writer
    old = os.umask(umask)
    try:
        write(tmp_path / name)
    finally:
        os.umask(old)
    assert os.listdir(tmp_path) == [name]
    assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


def test_a_full_disk_keeps_the_old_document_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: tuple[str, Writer]
) -> None:
    name, write = writer
    target = tmp_path / name
    write(target)
    good = target.read_bytes()

    def full(path: Path) -> None:  # what the disk says when the data reaches it
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(private_files, "_sync_file", full)
    with pytest.raises(OSError) as raised:
        write(target)
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == good
    assert os.listdir(tmp_path) == [name]


def test_a_document_never_replaces_a_folder(tmp_path: Path,
                                            writer: tuple[str, Writer]) -> None:
    name, write = writer
    (tmp_path / name).mkdir()
    with pytest.raises(private_files.NotARegularFileError):
        write(tmp_path / name)
    assert (tmp_path / name).is_dir() and os.listdir(tmp_path) == [name]


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


@posix_only
def test_the_next_write_into_a_folder_removes_what_a_killed_writer_left(
    tmp_path: Path, writer: tuple[str, Writer]
) -> None:
    name, write = writer
    left = tmp_path / f".{name}.{_dead_pid()}.k1ll3d{private_files.TEMP_MARK}"
    left.write_text("DURAND Marie, 12 rue des Lilas")  # a killed export's names in clear
    running = tmp_path / f".autre.json.{os.getpid()}.runn1n{private_files.TEMP_MARK}"
    running.write_text("en cours")  # a writer still running: left alone
    (tmp_path / "notes.tmp").write_text("à l'utilisateur")  # not ours: left alone
    write(tmp_path / name)
    assert sorted(os.listdir(tmp_path)) == sorted([name, running.name, "notes.tmp"])


@posix_only
def test_the_right_of_access_export_is_private_and_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(sqlite_url(tmp_path / "store.sqlite3"))
    store.import_caseload(CASES, source="dossiers.json")
    folder = tmp_path / "acces"
    folder.mkdir()
    old = os.umask(0)
    try:
        json_path, pdf_path = write_access_export(store, "h1", folder, PRODUCED)
    finally:
        os.umask(old)
    assert sorted(os.listdir(folder)) == sorted([json_path.name, pdf_path.name])
    assert {p.stat().st_mode & 0o777 for p in (json_path, pdf_path)} == {0o600}
    good = json_path.read_bytes(), pdf_path.read_bytes()

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(private_files, "_sync_file", full)
    with pytest.raises(OSError):
        write_access_export(store, "h1", folder, PRODUCED)
    store.close()
    assert (json_path.read_bytes(), pdf_path.read_bytes()) == good
    assert sorted(os.listdir(folder)) == sorted([json_path.name, pdf_path.name])


#: Run in a child process whose files may not grow past 8 KiB (`RLIMIT_FSIZE`): the write
#: itself fails half-way (EFBIG), as on a full disk or a FAT32 USB key.
_LIMITED_WRITE = """
import resource, signal, sys
from pathlib import Path
from tests.reports.test_files_written import WRITERS
name, write = WRITERS[sys.argv[1]]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
try:
    write(Path(sys.argv[2]) / name)
except OSError as error:
    print(error.errno)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("kind", ["grille xlsx", "grille pdf", "export"])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_says_nothing_in_english(
    tmp_path: Path, kind: str
) -> None:
    name, _write = WRITERS[kind]
    (tmp_path / name).write_bytes(b"ancien")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _LIMITED_WRITE, kind, str(tmp_path)],
                          capture_output=True, text=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)}, check=True)
    assert done.stdout.split() == [str(errno.EFBIG)]
    # No « Exception ignored … Traceback » of a zip file closed late by the collector.
    assert done.stderr == ""
    assert (tmp_path / name).read_bytes() == b"ancien"
    assert os.listdir(tmp_path) == [name]
