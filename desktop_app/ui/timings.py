"""Timings of the window on a store (issue 4), offscreen, for `benchmarks/`.

    from desktop_app.ui.timings import measure_window
    measure_window("sqlite:////tmp/bench-dept.sqlite3")  →  list of GuiTiming

Measured like a user would feel them, events processed until the screen shows its data:
- from launch (QApplication made, store opened off the GUI thread) to the dashboard shown;
- one keystroke in the household search (the list filtered and redrawn), the slowest of a
  name typed letter by letter;
- a household file opened (identity, members, measures, timeline shown), median of several.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class GuiTiming:
    question: str
    detail: str
    seconds: float
    limit: float


def wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Process Qt events until `condition()` holds."""
    from PySide6.QtCore import QCoreApplication, QThread

    limit = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > limit:
            raise TimeoutError("la fenêtre n'a pas répondu à temps")
        QCoreApplication.processEvents()
        QThread.msleep(1)


def measure_window(url: str, today: date | None = None, typed: str = "dupont",
                   households: int = 7, startup: float | None = None) -> list[GuiTiming]:
    """The timings of issue 4 on the store at `url` (read only: nothing is saved).

    `startup`: seconds already spent before this call (interpreter start and imports, as
    measured by a parent process), added to the launch figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop_app.ui.app import Launch
    from desktop_app.ui.screens.dashboard import DashboardScreen
    from desktop_app.ui.screens.households import HouseholdsScreen

    day = today or date.today()
    results: list[GuiTiming] = []
    with tempfile.TemporaryDirectory() as settings_dir:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        launch = Launch(url, lambda: day, interactive=False)
        runner, ctx, window = launch.runner, launch.ctx, launch.window
        dashboard = window.screens["tableau"]
        assert isinstance(dashboard, DashboardScreen)
        wait(lambda: dashboard.data is not None or launch.error is not None)
        if launch.error is not None:
            raise launch.error
        QCoreApplication.processEvents()
        detail = "depuis le lancement" + (" du processus" if startup is not None else "")
        results.append(GuiTiming("tableau de bord affiché", f"{detail} : alertes, points",
                                 time.perf_counter() - started + (startup or 0.0), 3.0))
        store = ctx.store

        window.show_screen("menages")
        wait(lambda: runner.idle)
        screen = window.screens["menages"]
        assert isinstance(screen, HouseholdsScreen)
        keystrokes = []
        for length in range(1, len(typed) + 1):
            begin = time.perf_counter()
            screen.search.setText(typed[:length])
            QCoreApplication.processEvents()
            keystrokes.append(time.perf_counter() - begin)
        total = screen.model.total
        results.append(GuiTiming("filtre de la liste des ménages",
                                 f"par frappe, la plus lente de « {typed} » sur {total} ménages",
                                 max(keystrokes), 0.1))

        rows = store.household_rows(day, "", households)
        opens = []
        for row in rows:
            begin = time.perf_counter()
            ctx.open_household.emit(row.id)
            wait(lambda: runner.idle)
            QCoreApplication.processEvents()
            opens.append(time.perf_counter() - begin)
        results.append(GuiTiming("dossier d'un ménage ouvert",
                                 f"médiane de {len(opens)} ménages",
                                 statistics.median(opens), 0.3))
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    return results


def print_timings(url: str, since: float | None = None) -> int:
    """The timings as JSON lines on stdout; `since`: the epoch the parent noted before starting
    this process (launch then includes the program's own start: Python, or the frozen
    program's unpacking and imports)."""
    import json

    startup = time.time() - since if since is not None else None
    for timing in measure_window(url, startup=startup):
        print(json.dumps({"question": timing.question, "detail": timing.detail,
                          "seconds": round(timing.seconds, 4), "limit": timing.limit},
                         ensure_ascii=False))
    return 0


def main() -> None:
    """`python -m desktop_app.ui.timings URL [START_EPOCH]`: the timings as JSON lines."""
    import sys

    print_timings(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else None)


if __name__ == "__main__":
    main()
