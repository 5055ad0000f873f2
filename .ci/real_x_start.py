"""First launch of the real program on a real X server (issue 14), for `.ci/run` under Xvfb.

    python .ci/real_x_start.py [PROGRAM] [--out DIR] [--timeout S]

PROGRAM (default `suivi-fsl`; `dist/suivi-fsl/suivi-fsl` for the frozen program) is started
with no command on a new data folder, under `QT_QPA_PLATFORM=xcb`. Once the first-launch
dialog is mapped on the X server (`xdotool search --sync`), another X client takes its real
pixels (`QScreen.grabWindow` of its window id, platform xcb: what the X server holds), and
the same dialog is rendered offscreen by the Python package (platform offscreen, the same
data folder, before). The two pictures are compared pixel by pixel: sizes and the number of
differing pixels are printed, and a picture of the differences (in red) is written. Then the
dialog is closed with Échap (« Quitter »: nothing is created) and the program must end by
itself with code 0.

Fails (exit 1) if the dialog is not mapped in time, the program dies, the sizes differ or
more than `--max-diff` of the pixels differ. Needs DISPLAY, xdotool and PySide6.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The first-launch dialog's title (desktop_app/ui/opening/passphrase_dialogs.py).
TITLE = "Nouvelle base Suivi FSL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?", default="suivi-fsl")
    parser.add_argument("--out", type=Path, default=Path("real-x"))
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--max-diff", type=float, default=0.02,
                        help="largest share of differing pixels accepted (default 2 %%)")
    parser.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--grab", nargs=2, metavar=("WID", "PNG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference is not None:
        return render_offscreen(args.reference, args.timeout)
    if args.grab is not None:
        return grab(int(args.grab[0]), Path(args.grab[1]))
    return run(args)


def run(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY"):
        print("real_x_start : DISPLAY non défini (lancer sous xvfb-run)", file=sys.stderr)
        return 1
    program = shutil.which(args.program) or args.program
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="real-x-"))
    env = {key: value for key, value in os.environ.items()
           if key not in ("SUIVI_FSL_DB", "SUIVI_FSL_PASSPHRASE", "WAYLAND_DISPLAY")}
    env.update(SUIVI_FSL_DATA_DIR=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               HOME=str(home))
    # 1. The same first-launch dialog, offscreen (the reference), on the same data folder.
    reference = out / "premier-lancement-offscreen.png"
    done = subprocess.run([sys.executable, __file__, "--reference", str(reference),
                           "--timeout", str(args.timeout)],
                          env={**env, "QT_QPA_PLATFORM": "offscreen"}, timeout=args.timeout * 2,
                          check=False)
    if done.returncode != 0 or not reference.exists():
        print("real_x_start : rendu offscreen impossible", file=sys.stderr)
        return 1
    # 2. The real program on the X server.
    started = time.monotonic()
    program_run = subprocess.Popen([program], env={**env, "QT_QPA_PLATFORM": "xcb"},
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", TITLE],
                               capture_output=True, text=True, timeout=args.timeout, check=False)
    except subprocess.TimeoutExpired:
        found = None
    if found is None or found.returncode != 0 or not found.stdout.split():
        program_run.kill()
        output, _ = program_run.communicate()
        print(f"real_x_start : fenêtre « {TITLE}… » non affichée en {args.timeout:.0f} s "
              f"(code {program_run.returncode}) :\n{output}", file=sys.stderr)
        return 1
    window = int(found.stdout.split()[0])
    mapped = time.monotonic() - started
    time.sleep(1.0)  # its first paint
    real = out / "premier-lancement-xcb.png"
    grabbed = subprocess.run([sys.executable, __file__, "--grab", str(window), str(real)],
                             env={**env, "QT_QPA_PLATFORM": "xcb"}, timeout=60, check=False)
    # 3. Closed as a user would: Échap is « Quitter » (nothing created).
    subprocess.run(["xdotool", "windowfocus", "--sync", str(window)], check=False, timeout=30)
    # Typed (XTEST) to the focused dialog: sent to its window instead, the key's release
    # would find the window already gone (BadWindow).
    subprocess.run(["xdotool", "key", "Escape"], check=False, timeout=30)
    try:
        output, _ = program_run.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        program_run.kill()
        output, _ = program_run.communicate()
        print("real_x_start : le programme ne s'est pas fermé après Échap", file=sys.stderr)
        return 1
    print(f"programme : {program} ; dialogue affiché après {mapped:.1f} s (fenêtre X {window}); "
          f"fermé par Échap, code de sortie {program_run.returncode}")
    if output.strip():
        print(f"sortie du programme :\n{output}")
    if grabbed.returncode != 0 or not real.exists():
        print("real_x_start : capture de la fenêtre X impossible", file=sys.stderr)
        return 1
    ok = compare(real, reference, out / "premier-lancement-differences.png", args.max_diff)
    return 0 if ok and program_run.returncode == 0 else 1


def render_offscreen(path: Path, timeout: float) -> int:
    """The first-launch dialog of the Python package, offscreen, saved as `path`."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import Launch

    def quiet(kind: QtMsgType, _context: object, message: str) -> None:
        if "does not support" not in message and kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)  # what the offscreen platform cannot do: dropped

    qInstallMessageHandler(quiet)
    launch = Launch(None)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        dialogs = [widget for widget in QApplication.topLevelWidgets()
                   if widget.isVisible() and widget.windowTitle().startswith(TITLE)]
        if dialogs:
            for _ in range(20):  # laid out and painted
                QApplication.processEvents()
                time.sleep(0.02)
            saved = dialogs[0].grab().save(str(path))
            dialogs[0].close()
            launch.runner.wait_idle()
            return 0 if saved else 1
        time.sleep(0.02)
    return 1


def grab(window: int, path: Path) -> int:
    """The pixels the X server holds for `window` (any client's), saved as `path`."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    return 0 if screen.grabWindow(window).save(str(path)) else 1


def compare(real_path: Path, reference_path: Path, diff_path: Path, max_diff: float) -> bool:
    from PySide6.QtGui import QColor, QGuiApplication, QImage

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        QGuiApplication(sys.argv[:1])
    real = QImage(str(real_path)).convertToFormat(QImage.Format.Format_RGB32)
    reference = QImage(str(reference_path)).convertToFormat(QImage.Format.Format_RGB32)
    print(f"capture X11 (xcb) : {real.width()}×{real.height()} ; rendu offscreen : "
          f"{reference.width()}×{reference.height()}")
    if real.size() != reference.size():
        print("real_x_start : tailles différentes", file=sys.stderr)
        return False
    width, height = real.width(), real.height()
    diff = QImage(real)
    red = QColor(255, 0, 0).rgb()
    differing = 0
    for y in range(height):
        for x in range(width):
            if real.pixel(x, y) != reference.pixel(x, y):
                differing += 1
                diff.setPixel(x, y, red)
    total = width * height
    diff.save(str(diff_path))
    share = differing / total
    print(f"pixels différents : {differing} / {total} ({share:.3%}) ; seuil {max_diff:.1%} ; "
          f"images dans {diff_path.parent}")
    return share <= max_diff


if __name__ == "__main__":
    sys.exit(main())
