"""The window on a desktop without Qt's X11 libraries, or with no display: said in
French, exit code 1, never Qt's English text nor its abort; the commands need no display.

The libraries are hidden the way a machine lacking them would be: a folder of empty stub files
of their names first in `LD_LIBRARY_PATH`, which the system's loader (Qt's as well as
ctypes') finds first and cannot load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import display_check
from desktop_app.display_check import (
    MISSING,
    NO_DISPLAY,
    display_problem,
    elf_needed,
    missing_libraries,
    missing_message,
    xcb_needed,
    xcb_plugin,
)
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = ("libxcb-cursor.so.0", "libxcb-icccm.so.4")
#: Qt's own words when its platform plugin cannot start: none may reach the user.
ENGLISH = ("This application failed to start", "Qt platform plugin", "xcb-cursor0 or",
           "Aborted", "could not connect to display")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the X11 libraries are a Linux matter")


def hiding(*names: str):  # type: ignore[no-untyped-def]
    """A loader that cannot load `names` and loads every other library."""
    def load(name: str) -> object:
        if name in names:
            raise OSError(f"{name}: cannot open shared object file")
        return object()
    return load


# -- unit tests of the checker -------------------------------------------------------------

def test_missing_message_names_the_packages_of_both_systems() -> None:
    message = missing_message(["libxcb-cursor.so.0", "libxcb-shape.so.0", "libxcb-xkb.so.1"])
    # Debian: one package per library; Fedora: shape and xkb are both in libxcb (said once).
    assert message == MISSING.format(
        count="3 bibliothèques",
        libraries="libxcb-cursor.so.0, libxcb-shape.so.0, libxcb-xkb.so.1",
        debian="libxcb-cursor0 libxcb-shape0 libxcb-xkb1",
        fedora="xcb-util-cursor libxcb")
    assert "sudo apt install libxcb-cursor0 libxcb-shape0 libxcb-xkb1\n" in message
    assert "sudo dnf install xcb-util-cursor libxcb\n" in message


def test_one_missing_library_and_an_unknown_one() -> None:
    assert "il manque à ce système une bibliothèque pour" in missing_message(
        ["libxcb-icccm.so.4"])
    message = missing_message(["libxcb-futur.so.9"])  # a later Qt's: named by its file
    assert "sudo apt install libxcb-futur.so.9\n" in message


def test_no_display_at_all() -> None:
    assert display_problem({}, platform="linux") == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, platform="linux") == NO_DISPLAY


def test_other_platforms_and_systems_are_not_checked() -> None:
    for chosen in ("offscreen", "wayland", "vnc", "wayland;xcb"):
        assert display_problem({"QT_QPA_PLATFORM": chosen}, platform="linux") is None
    assert display_problem({}, platform="win32") is None
    assert display_problem({}, platform="darwin") is None


def test_x11_with_every_library() -> None:
    assert display_problem({"DISPLAY": ":0"}, platform="linux", load=hiding()) is None


def test_x11_without_two_libraries(tmp_path: Path) -> None:
    environ = {"DISPLAY": ":0"}
    message = display_problem(environ, platform="linux", load=hiding(*HIDDEN))
    assert message == missing_message(HIDDEN)
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4\n" in message
    assert "sudo dnf install xcb-util-cursor xcb-util-wm\n" in message
    assert environ == {"DISPLAY": ":0"}


def test_wayland_session_goes_through_wayland_when_x11_cannot() -> None:
    environ = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(environ, platform="linux", load=hiding(*HIDDEN)) is None
    assert environ["QT_QPA_PLATFORM"] == "wayland"
    environ = {"WAYLAND_DISPLAY": "wayland-0"}  # no X11 at all: Wayland first, X11 after
    assert display_problem(environ, platform="linux") is None
    assert environ["QT_QPA_PLATFORM"] == "wayland;xcb"
    # X11 asked for by name: the missing libraries are said, not worked around.
    environ = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}
    assert display_problem(environ, platform="linux", load=hiding(*HIDDEN)) is not None


def test_libraries_shipped_beside_qt_are_not_looked_for(tmp_path: Path) -> None:
    """A frozen program carries some of them in Qt's lib folder: found there, not asked of
    the system's loader."""
    plugin = tmp_path / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    plugin.parent.mkdir(parents=True)
    plugin.write_bytes(b"not an ELF file")  # unreadable: the list known for Qt 6.6–6.11
    (tmp_path / "Qt" / "lib").mkdir()
    (tmp_path / "Qt" / "lib" / "libxcb-cursor.so.0").write_bytes(b"")
    assert elf_needed(plugin) is None
    assert xcb_needed(plugin) == list(display_check.XCB_NEEDED)
    assert missing_libraries(hiding(*HIDDEN), plugin) == ["libxcb-icccm.so.4"]


@linux_only
def test_the_real_plugin_is_read() -> None:
    plugin = xcb_plugin()
    if plugin is None:
        pytest.skip("PySide6 without its xcb plugin")
    needed = xcb_needed(plugin)
    # The two libraries found missing on a real machine, and the X11 base, are among what
    # Qt's file names.
    for name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                 "libxcb.so.1", "libxkbcommon-x11.so.0"):
        assert name in needed
    assert not any(name.startswith("libQt6") for name in needed)
    assert missing_libraries(hiding("libxcb-keysyms.so.1"), plugin) == ["libxcb-keysyms.so.1"]


# -- the program, as a user starts it ------------------------------------------------------

def environment(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LD_LIBRARY_PATH")}
    env["SUIVI_FSL_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT)
    env.pop("SUIVI_FSL_DB", None)
    env.update(values)
    return env


def stubs(tmp_path: Path) -> str:
    folder = tmp_path / "stubs"
    folder.mkdir()
    for name in HIDDEN:
        (folder / name).write_bytes(b"")  # found first by the loader, cannot be loaded
    return str(folder)


def suivi_fsl(tmp_path: Path, *args: str, **values: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=tmp_path,
                          env=environment(tmp_path, **values), text=True,
                          capture_output=True, timeout=120, check=False)


def french_only(done: subprocess.CompletedProcess[str]) -> None:
    for words in ENGLISH:
        assert words not in done.stderr and words not in done.stdout


@linux_only
def test_the_stubs_hide_the_libraries_from_qt_itself(tmp_path: Path) -> None:
    """The control: Qt alone, with the same stubs, fails as it did on that machine (its
    English text, an abort) — so the tests below hide the libraries the way a machine lacking
    them does."""
    code = "from PySide6.QtWidgets import QApplication; QApplication([])"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, text=True,
                          env=environment(tmp_path, DISPLAY=":93",
                                          LD_LIBRARY_PATH=stubs(tmp_path)),
                          capture_output=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "no Qt platform plugin could be initialized" in done.stderr


@linux_only
def test_suivi_fsl_without_the_libraries_says_what_to_install(tmp_path: Path) -> None:
    done = suivi_fsl(tmp_path, DISPLAY=":93", LD_LIBRARY_PATH=stubs(tmp_path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Erreur : la fenêtre de Suivi FSL ne peut pas s'ouvrir : il "
                                  "manque à ce système 2 bibliothèques pour l'affichage X11 "
                                  "(libxcb-cursor.so.0, libxcb-icccm.so.4).")
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4\n" in done.stderr
    assert "sudo dnf install xcb-util-cursor xcb-util-wm\n" in done.stderr
    french_only(done)


@linux_only
def test_suivi_fsl_with_no_display(tmp_path: Path) -> None:
    done = suivi_fsl(tmp_path)
    assert (done.returncode, done.stderr) == (1, NO_DISPLAY + "\n")


@linux_only
def test_the_safety_net_when_qt_itself_cannot_start(tmp_path: Path) -> None:
    """Past the check (the application made directly): Qt's fatal error is caught, said in
    French, exit code 1, no abort."""
    code = "from desktop_app.ui.app import make_application; make_application(); print('ouverte')"
    for values in ({"QT_QPA_PLATFORM": "xcb"},  # no display
                   {"DISPLAY": ":93", "LD_LIBRARY_PATH": stubs(tmp_path)},  # libraries
                   {"DISPLAY": ":93"}):  # an X server that is not there
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, text=True,
                              env=environment(tmp_path, **values), capture_output=True,
                              timeout=120, check=False)
        assert done.returncode == 1, (values, done.stderr)
        assert done.stderr.startswith("Erreur : "), (values, done.stderr)
        assert "ne peut pas s'ouvrir" in done.stderr
        assert "ouverte" not in done.stdout
        french_only(done)


def test_the_commands_need_no_display(tmp_path: Path) -> None:
    done = suivi_fsl(tmp_path, "--help", LD_LIBRARY_PATH=stubs(tmp_path))
    assert done.returncode == 0 and done.stdout.startswith("usage : suivi-fsl")
    store = str(tmp_path / "base.sqlite3")
    done = suivi_fsl(tmp_path, "--db", store, "import", str(EXAMPLES / "exemple-1.json"))
    assert done.returncode == 0, done.stderr
    done = suivi_fsl(tmp_path, "--db", store, "points", "--month", "2025-09", "--json")
    assert done.returncode == 0, done.stderr
    expected = json.loads((EXAMPLES / "exemple-1.points-2025-09.json").read_text("utf-8"))
    assert json.loads(done.stdout) == expected


def test_the_guard_passes_other_messages_on_and_gives_the_handler_back(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qInfo, qInstallMessageHandler

    from desktop_app.ui.app import _start_guard

    seen: list[str] = []

    def recorder(_kind: object, _context: object, message: str) -> None:
        seen.append(message)

    before = qInstallMessageHandler(recorder)
    try:
        with _start_guard():
            qInfo("pendant")
        qInfo("après")
    finally:
        assert qInstallMessageHandler(before) is recorder  # given back
    assert seen == ["pendant", "après"]
