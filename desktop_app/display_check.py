"""Can the window open here? Said in French before Qt tries.

On Linux, Qt's `xcb` platform plugin (the X11 one) needs a dozen system libraries that a
desktop often lacks (`libxcb-cursor0`, `libxcb-icccm4`, …). Without them Qt prints English
text and aborts the process (« This application failed to start because no Qt platform plugin
could be initialized »). So, before the window starts (`suivi-fsl` with no command):

- no display at all (neither `DISPLAY` nor `WAYLAND_DISPLAY`): a French message;
- X11: the libraries the plugin needs are read from its own file (its ELF `DT_NEEDED`
  entries, those of `libQt6XcbQpa` with them), each loaded with `ctypes.CDLL` as the system's
  loader would (`LD_LIBRARY_PATH`, the cache), and every one missing is named with the
  Debian/Ubuntu and Fedora packages that carry it;
- a Wayland session whose X11 libraries are missing: the window goes through Wayland.

The command-line commands never call this: they need no display. Only Linux is checked;
`QT_QPA_PLATFORM` set to anything but `xcb` (offscreen, wayland, …) is the user's choice.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from pathlib import Path

#: Library file → (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
#: What the plugin of Qt 6.6 to 6.11 needs, when its file cannot be read.
XCB_NEEDED = tuple(name for name in PACKAGES if name not in (
    "libxcb-xinerama.so.0", "libEGL.so.1", "libfontconfig.so.1", "libdbus-1.so.3"))
#: The README's lines: everything a Linux desktop needs for the window.
DEBIAN_ALL = ("libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
              "libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 "
              "libegl1 libgl1 libfontconfig1 libdbus-1-3")
FEDORA_ALL = ("xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil "
              "libxkbcommon-x11 libglvnd-egl libglvnd-glx fontconfig dbus-libs")

NO_DISPLAY = ("Erreur : aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY ne sont "
              "définis) : la fenêtre de Suivi FSL ne peut pas s'ouvrir ici. Lancez-la depuis "
              "une session de bureau. Les commandes (voir « suivi-fsl --help ») fonctionnent "
              "sans écran.")
MISSING = ("Erreur : la fenêtre de Suivi FSL ne peut pas s'ouvrir : il manque à ce système "
           "{count} pour l'affichage X11 ({libraries}).\n"
           "Pour y remédier, en administrateur :\n"
           "  Debian, Ubuntu : sudo apt install {debian}\n"
           "  Fedora : sudo dnf install {fedora}\n"
           "puis relancez suivi-fsl. Les commandes (voir « suivi-fsl --help ») fonctionnent "
           "sans elles.")
#: The safety net's message (`ui.app.make_application`), when Qt fails for a reason the
#: check above did not see.
QT_FAILED = ("Erreur : la fenêtre de Suivi FSL ne peut pas s'ouvrir : l'affichage du système "
             "(Qt, plateforme « {platform} ») n'a pas pu démarrer. Vérifiez qu'une session de "
             "bureau est ouverte et que les bibliothèques d'affichage sont installées :\n"
             "  Debian, Ubuntu : sudo apt install " + DEBIAN_ALL + "\n"
             "  Fedora : sudo dnf install " + FEDORA_ALL + "\n"
             "Les commandes (voir « suivi-fsl --help ») fonctionnent sans écran.")

Loader = Callable[[str], object]


def display_problem(environ: MutableMapping[str, str] | None = None,
                    platform: str | None = None, load: Loader | None = None,
                    plugin: Path | None = None) -> str | None:
    """The French message saying why the window cannot open here, or None (it can, as far
    as can be told before Qt tries). May set `QT_QPA_PLATFORM=wayland` in `environ` (a
    Wayland session whose X11 libraries are missing)."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen not in ("", "xcb"):
        return None  # offscreen, wayland, a list…: the user's choice
    x11 = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if not x11:
        if wayland and not chosen:
            environ["QT_QPA_PLATFORM"] = "wayland;xcb"
            return None
        return NO_DISPLAY
    missing = missing_libraries(load, plugin)
    if not missing:
        return None
    if wayland and not chosen:
        environ["QT_QPA_PLATFORM"] = "wayland"
        return None
    return missing_message(missing)


def missing_message(missing: Iterable[str]) -> str:
    names = list(missing)
    debian = _unique(PACKAGES.get(name, (name, name))[0] for name in names)
    fedora = _unique(PACKAGES.get(name, (name, name))[1] for name in names)
    count = "une bibliothèque" if len(names) == 1 else f"{len(names)} bibliothèques"
    return MISSING.format(count=count, libraries=", ".join(names), debian=" ".join(debian),
                          fedora=" ".join(fedora))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def missing_libraries(load: Loader | None = None, plugin: Path | None = None) -> list[str]:
    """The system libraries the xcb plugin needs that the loader cannot load, in order."""
    load = ctypes.CDLL if load is None else load
    plugin = xcb_plugin() if plugin is None else plugin
    needed = xcb_needed(plugin)
    bundled = _bundled_folders(plugin)
    missing = []
    for name in needed:
        if any((folder / name).exists() for folder in bundled):
            continue  # shipped beside Qt (its own libraries, a frozen program's copies)
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def xcb_plugin() -> Path | None:
    """PySide6's `plugins/platforms/libqxcb.so`, or None (not found).

    Located, not imported (`find_spec` runs none of PySide6's code): only the window's
    layer imports Qt, the import contract in pyproject.toml."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    candidate = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return candidate if candidate.is_file() else None


def _bundled_folders(plugin: Path | None) -> list[Path]:
    if plugin is None:
        return []
    qt = plugin.parent.parent.parent  # Qt/plugins/platforms/libqxcb.so → Qt
    return [qt / "lib", qt.parent]


def xcb_needed(plugin: Path | None) -> list[str]:
    """The libraries outside Qt that the plugin and Qt's xcb library need (their ELF
    `DT_NEEDED`), else the list known for Qt 6.6–6.11."""
    if plugin is None:
        return list(XCB_NEEDED)
    names: list[str] = []
    files = [plugin, plugin.parent.parent.parent / "lib" / "libQt6XcbQpa.so.6"]
    for file in files:
        entries = elf_needed(file)
        if entries is None:
            return list(XCB_NEEDED)
        names.extend(entries)
    return [name for name in _unique(names) if name in PACKAGES]


def elf_needed(file: Path) -> list[str] | None:
    """The `DT_NEEDED` names of a 64-bit little-endian ELF file, or None (not such a file)."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    try:
        section_offset, = struct.unpack_from("<Q", data, 0x28)
        entry_size, count = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
                    for i in range(count)]
        needed: list[str] = []
        for section in sections:
            if section[1] != 6:  # SHT_DYNAMIC
                continue
            strings = sections[section[6]][4]  # its sh_link: the string table's offset
            for at in range(section[4], section[4] + section[5], 16):
                tag, value = struct.unpack_from("<qQ", data, at)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    end = data.index(b"\0", strings + value)
                    needed.append(data[strings + value:end].decode("ascii", "replace"))
        return needed
    except (struct.error, IndexError, ValueError):
        return None


def platform_name(environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get("QT_QPA_PLATFORM", "").strip() or "xcb"
