"""What the one-folder build keeps of Qt, and the archive of the folder.

Used by suivi-fsl.spec (`keep`, on every file PyInstaller collected, before the folder is
written) and by build.py (`make_archive`, `folder_size`). Standard library only.

Kept of Qt's plugins: the platforms a desktop runs (xcb on Linux — a Wayland session runs it
through XWayland —, windows, cocoa) and `offscreen` (the screenshots, the smoke test), the
image formats and icon engine the window uses (svg, ico, jpeg, gif), the platform themes and
input contexts (native file dialogs through the desktop portal, accented keys via
ibus/compose; not the GTK theme, which would bring GTK's own libraries along), the xcb GL
integration, the print support. Dropped: QML, WebEngine, 3D, multimedia, sensors… (plugins of
modules the application never loads), Wayland's and EGLFS's plugins and libraries, and
every Qt translation except French, which the window loads (`qtbase_fr`)."""

from __future__ import annotations

import os
import re
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

#: Plugin folders kept (by folder name under Qt's `plugins/`).
PLUGIN_FOLDERS = frozenset({
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines",
    "xcbglintegrations", "printsupport", "styles",
})
#: Plugins dropped inside kept folders (a pattern on the file name).
DROPPED_PLUGINS = re.compile(
    r"(qlinuxfb|qvnc|qeglfs|qminimalegl|qvkkhrdisplay|qtuiotouch|qevdev|qlibinput|qtslib"
    r"|qwebp|qtiff|qicns|qtga|qwbmp|qpdf|qdirect2d|qgtk3|qtvirtualkeyboard|qwayland)",
    re.IGNORECASE)
#: Folders of Qt that a widgets application never reads.
DROPPED_FOLDERS = ("/qml/", "/resources/qtwebengine", "/libexec/", "/metatypes/", "/include/")
#: Qt libraries of modules the application does not use, never bundled even when a kept plugin
#: could load them (e.g. the EGL device integrations).
DROPPED_LIBRARIES = re.compile(
    r"(Qt6?(Quick|Qml|WebEngine|WebChannel|3D|Multimedia|Pdf|Positioning|Location|Sensors"
    r"|Network|VirtualKeyboard|Designer|Test|Sql|Bluetooth|Nfc|SerialPort|Graphs|Quick3D"
    r"|ShaderTools|TextToSpeech|RemoteObjects|Scxml|HttpServer|WebSockets|SpatialAudio"
    r"|DataVisualization|Help|UiTools|StateMachine|Concurrent|Xml|Wayland|WlShell|EglFS"
    r"|EglFsKms)\w*)", re.IGNORECASE)
#: Qt translations kept: French only.
FRENCH_TRANSLATION = re.compile(r"_fr\.qm$")


def keep(destination: str) -> bool:
    """True when the file that PyInstaller would write at `destination` (relative to the
    bundle's contents) is kept."""
    name = destination.replace("\\", "/")
    lowered = "/" + name.lower()
    if any(folder in lowered for folder in DROPPED_FOLDERS):
        return False
    if "/translations/" in lowered and "/pyside6/" in lowered:  # Qt/translations, or Windows'
        # PySide6/translations
        return bool(FRENCH_TRANSLATION.search(name))
    if "/plugins/" in lowered:
        parts = name.split("/")
        folder = parts[parts.index("plugins") + 1] if "plugins" in parts else ""
        if folder not in PLUGIN_FOLDERS:
            return False
        return not DROPPED_PLUGINS.search(parts[-1])
    base = os.path.basename(name)
    return not DROPPED_LIBRARIES.search(base)


#: Libraries loaded with dlopen (no import table names them): kept even if nothing links them.
DLOPENED = re.compile(r"^(libdbus-1|libpython)")


def linked_closure(binaries: list[tuple[str, str, str]],
                   imports: Callable[[str], set[str]]) -> list[tuple[str, str, str]]:
    """The shared libraries (Linux) that something kept actually links, directly or not.

    PyInstaller resolves the libraries of every plugin before `keep` drops it, so the
    libraries only a dropped plugin needed (GTK's for the GTK theme, Wayland's, EGL device
    integration) would stay. Roots: Python extensions, Qt plugins, what is loaded with dlopen;
    `imports(path)` names the libraries a file links (PyInstaller's bindepend)."""
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in binaries:
        by_name.setdefault(os.path.basename(entry[0]), entry)
    roots = [entry for entry in binaries if entry[2] == "EXTENSION" or "/plugins/" in
             entry[0].replace("\\", "/") or DLOPENED.match(os.path.basename(entry[0]))]
    reached = {id(entry) for entry in roots}
    pending = list(roots)
    while pending:
        entry = pending.pop()
        for name in imports(entry[1]):
            found = by_name.get(os.path.basename(name))
            if found is not None and id(found) not in reached:
                reached.add(id(found))
                pending.append(found)
    return [entry for entry in binaries if id(entry) in reached]


def folder_size(folder: Path) -> int:
    """Bytes of every regular file under `folder` (symbolic links not followed)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for file in files:
            path = Path(root, file)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def make_archive(folder: Path, archive_base: Path, kind: str) -> Path:
    """`folder` as `archive_base` + .tar.gz (Linux, macOS: file modes kept) or .zip (Windows),
    the folder's name at the top of the archive. Written beside, then renamed into place."""
    if kind == "zip":
        target = archive_base.with_name(archive_base.name + ".zip")
        partial = target.with_name(target.name + ".partiel")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path(folder.name, path.relative_to(folder)))
    else:
        target = archive_base.with_name(archive_base.name + ".tar.gz")
        partial = target.with_name(target.name + ".partiel")
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(folder, arcname=folder.name)
    os.replace(partial, target)
    return target
