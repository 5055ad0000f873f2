"""`python packaging/build.py`: the one-folder program dist/suivi-fsl/ and its archive.

Runs PyInstaller on packaging/suivi-fsl.spec (needs `pip install -e '.[packaging]'`), then
writes dist/suivi-fsl-<version>-<system>-<machine>.tar.gz (.zip on Windows) and prints the
folder's and the archive's sizes and the time taken. On macOS the spec also makes
dist/Suivi FSL.app (packaging/macos/make_dmg.sh turns it into a .dmg); on Windows,
packaging/windows/suivi-fsl.iss turns the folder into an installer.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bundle import folder_size, make_archive  # noqa: E402

from desktop_app import __version__  # noqa: E402


def system_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} Mo".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit dist/suivi-fsl/ et son archive.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="dossier de sortie (par défaut dist/)")
    parser.add_argument("--no-archive", action="store_true", help="sans l'archive")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("Erreur : PyInstaller manque. Installez-le avec « pip install -e '.[packaging]' ».",
              file=sys.stderr)
        return 1
    work = ROOT / "build" / "pyinstaller"
    started = time.perf_counter()
    if sys.platform == "win32":  # the program's and the installer's icon
        from icons import ico_bytes

        (HERE / "windows" / "suivi-fsl.ico").write_bytes(ico_bytes())
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               "WARN", "--distpath", str(args.dist), "--workpath", str(work),
               str(HERE / "suivi-fsl.spec")]
    done = subprocess.run(command, cwd=ROOT, check=False)
    if done.returncode != 0:
        print(f"Erreur : PyInstaller a échoué (code {done.returncode}).", file=sys.stderr)
        return 1
    built = time.perf_counter() - started
    folder = args.dist / "suivi-fsl"
    if sys.platform.startswith("linux"):  # the menu entry, its icon, per-user (un)install
        for name in ("suivi-fsl.desktop", "suivi-fsl.svg", "install.sh", "uninstall.sh"):
            shutil.copy2(HERE / "linux" / name, folder / name)
    info: dict[str, object] = {
        "version": __version__, "system": system_name(), "machine": platform.machine(),
        "python": platform.python_version(), "folder": str(folder),
        "folder_bytes": folder_size(folder), "build_seconds": round(built, 1),
    }
    print(f"Dossier : {folder} ({megabytes(int(info['folder_bytes']))}) en {built:.0f} s")
    if not args.no_archive:
        started = time.perf_counter()
        base = args.dist / f"suivi-fsl-{__version__}-{system_name()}-{platform.machine().lower()}"
        archive = make_archive(folder, base, "zip" if sys.platform == "win32" else "tar")
        info.update(archive=str(archive), archive_bytes=archive.stat().st_size,
                    archive_seconds=round(time.perf_counter() - started, 1))
        print(f"Archive : {archive} ({megabytes(archive.stat().st_size)}) en "
              f"{info['archive_seconds']} s")
    (args.dist / "build-info.json").write_text(json.dumps(info, indent=1) + "\n",
                                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
