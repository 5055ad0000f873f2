"""`suivi-fsl screens --out DIR`: the window's self-check, one PNG per screen, offscreen,
1280×800, on the store (filled with demo data when empty).

The installed program's way to show that every screen builds and draws (the smoke test of the
frozen program runs it); `devtools/screenshots.py` adds the README's other pictures on the same
window.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from desktop_app.app.caseload import import_caseload
from desktop_app.app.opening import open_file
from desktop_app.demo import generate_caseload
from desktop_app.private_files import atomic_path, private_folder
from desktop_app.store.api import Store
from desktop_app.ui.app import make_application, store_label
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reports.screen import ReportsScreen
from desktop_app.ui.team.screen import TeamScreen

SIZE = (1280, 800)
FILES = ("tableau-de-bord", "menages", "menage", "mesure", "equipe", "logements", "points",
         "rapports", "parametres")
SCREENS = {"tableau-de-bord": "tableau", "menages": "menages", "equipe": "equipe",
           "logements": "logements", "points": "points", "rapports": "rapports",
           "parametres": "parametres"}

#: More pictures taken on the tour's window before it closes: (window, folder, day) → paths.
Extra = Callable[[MainWindow, Path, date], list[Path]]


def _quiet_qt() -> None:
    """Drop the offscreen plugin's harmless notice about size hints; keep every other one."""

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message and kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def save_picture(picture: QPixmap, path: Path) -> Path:
    """`picture` as a PNG in `path`, atomically and privately (`private_files`): a window
    shows household data."""
    with atomic_path(path) as temporary:
        if not picture.save(str(temporary), "PNG"):
            raise OSError(errno.EIO, "capture non écrite", str(path))
    return path


def tour_screens(store_url: str, out_dir: Path, today: date | None = None, *,
                 extra: Extra | None = None, size: tuple[int, int] | None = None) -> list[Path]:
    """Open each screen on the store (filled with demo data when empty) in a window of `size`
    (default `SIZE`) and save its PNG; then `extra`'s pictures, if given."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _quiet_qt()
    app = make_application()
    day = today or date.today()
    with tempfile.TemporaryDirectory() as settings_dir:
        # The user's own window settings are neither read nor changed.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        store, _key = open_file(store_url, None)
        if store.is_empty():
            import_caseload(store, generate_caseload(today=day))
        ctx = AppContext(store, today=lambda: day)
        window = MainWindow(ctx, f"Base : {store_label(store_url)}")
        window.resize(*(size or SIZE))
        window.show()
        window.start()
        private_folder(out_dir)
        measure_id, household_id = _rich_measure(store, day)
        paths = []
        for name in FILES:
            if name == "menage" and household_id:
                ctx.open_household.emit(household_id)
            elif name == "mesure" and measure_id:
                ctx.open_measure.emit(measure_id)
            else:
                window.show_screen(SCREENS.get(name, "menages"), force=True)
            ctx.runner.wait_idle()
            if name == "rapports":  # the grid of last year, previewed
                reports = window.screens["rapports"]
                assert isinstance(reports, ReportsScreen)
                reports.grid.preview()
                ctx.runner.wait_idle()
            if name == "equipe":  # a worker away today: the absence and its 21-day warning
                team = window.screens["equipe"]
                assert isinstance(team, TeamScreen)
                team.select_worker(_absent_worker(store, day))
            app.processEvents()
            paths.append(save_picture(window.grab(), out_dir / f"{name}.png"))
        if extra is not None:
            paths += extra(window, out_dir, day)
        window.close()
        window.deleteLater()
        app.processEvents()
    return paths


def _absent_worker(store: Store, day: date) -> str | None:
    absent = [w for w in store.workers() for a in w.absences
              if a.start <= day and (a.end is None or day <= a.end)]
    return absent[0].id if absent else None


def _rich_measure(store: Store, day: date) -> tuple[str | None, str | None]:
    """An ASLL in force with a telling story: visits, and reports, notices, suspensions."""
    best: tuple[int, str, str] | None = None
    for row in store.measure_rows(on=day)[:80]:
        if row.type.value != "ASLL":
            continue
        measure = store.measure(row.id)
        if measure is None:
            continue
        score = min(len(measure.visits), 12) + 6 * sum(
            1 for items in (measure.reports, measure.notices, measure.suspensions) if items)
        if best is None or score > best[0]:
            best = (score, row.id, row.household)
    return (best[1], best[2]) if best else (None, None)
