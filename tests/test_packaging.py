"""packaging/ checked without building: what the spec bundles and leaves out, the
installers' declarations, the guide's two copies. The build itself and its smoke test run in
.ci/run (`python packaging/build.py`, `python packaging/smoke_test.py dist/suivi-fsl`)."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

from bundle import keep, linked_closure  # noqa: E402
from qt_modules import EXCLUDED, KEPT  # noqa: E402


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_the_qt_modules_left_out_are_not_imported_by_the_application() -> None:
    imported = _imported_qt_modules()
    assert imported, "the grep found no Qt module: the pattern is wrong"
    assert imported <= set(KEPT), imported - set(KEPT)
    assert not imported & set(EXCLUDED)
    assert not set(KEPT) & set(EXCLUDED)
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore"} <= set(EXCLUDED)


def test_the_spec_bundles_the_resources_migrations_and_fonts() -> None:
    spec = (PACKAGING / "suivi-fsl.spec").read_text(encoding="utf-8")
    compile(spec, "suivi-fsl.spec", "exec")  # valid Python
    for needed in ('"desktop_app" / "resources"', '"store" / "migrations"',
                   'collect_submodules("desktop_app")', '"sqlcipher3"', '"reportlab"',
                   "fonts/Vera*.ttf", "exclude_binaries=True", "BUNDLE(", "COLLECT("):
        assert needed in spec, needed
    assert "onefile" not in spec.lower()  # one folder: Qt's libraries stay replaceable


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/translations/qtbase_fr.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtwebengine_fr.qm", True),  # French of any module: tiny
    ("PySide6\\translations\\qtbase_de.qm", False),  # Windows' layout
    ("PySide6\\translations\\qtbase_fr.qm", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
    ("PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so", False),
    ("PySide6/Qt/lib/libQt6Charts.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
    ("PySide6\\Qt6WebEngineCore.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", True),
])
def test_what_the_bundle_keeps_of_qt(destination: str, kept: bool) -> None:
    assert keep(destination) is kept


def test_only_the_libraries_something_kept_links_stay() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/x/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY"),  # only the dropped GTK theme's
        ("libdbus-1.so.3", "/x/libdbus-1.so.3", "BINARY"),  # dlopen'ed by QtDBus
    ]
    links = {"/x/QtGui.abi3.so": {"libQt6Gui.so.6"},
             "/x/libqxcb.so": {"libQt6XcbQpa.so.6"},
             "/x/libQt6XcbQpa.so.6": {"libxcb-cursor.so.0", "libQt6Gui.so.6"}}
    kept = linked_closure(binaries, lambda path: links.get(path, set()))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0", "libdbus-1.so.3"]


def test_the_windows_installer_is_per_user_french_with_start_menu_and_uninstaller() -> None:
    script = (PACKAGING / "windows" / "suivi-fsl.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.MULTILINE)
    assert re.search(r'^Name: "french"; MessagesFile: "compiler:Languages\\French.isl"$',
                     script, re.MULTILINE)
    assert "DefaultDirName={autopf}" in script  # per user: %LOCALAPPDATA%\Programs
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"', script, re.MULTILINE)
    assert '{uninstallexe}' in script
    # The folder that packaging/build.py makes, from packaging/windows/ (two levels up).
    assert re.search(r'^#define SourceDir "(\.\.\\){2}dist\\suivi-fsl"$', script, re.MULTILINE)


def test_the_linux_menu_entry_and_scripts() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "suivi-fsl.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Name"], section["Icon"], section["Type"]) == (
        "Suivi FSL", "suivi-fsl", "Application")
    assert section["Terminal"] == "false"
    for script in ("linux/install.sh", "linux/uninstall.sh", "macos/make_dmg.sh"):
        subprocess.run(["sh", "-n", str(PACKAGING / script)], check=True)
    assert "hdiutil create" in (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")


def test_the_guide_in_the_application_is_docs_guide() -> None:
    docs = (ROOT / "docs" / "guide.md").read_bytes()
    assert docs == (ROOT / "desktop_app" / "resources" / "guide.md").read_bytes(), (
        "cp docs/guide.md desktop_app/resources/guide.md")


def test_pyproject_reads_the_version_and_ships_the_resources() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "desktop_app.__version__"}
    assert any(need.startswith("pyinstaller")
               for need in project["project"]["optional-dependencies"]["packaging"])
    patterns = project["tool"]["setuptools"]["package-data"]["*"]
    for path in (ROOT / "desktop_app" / "resources").rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            assert any(path.match(pattern) for pattern in patterns), path.name
