"""Timings of the window on a store, offscreen, for `benchmarks/`.

    from devtools.timings import measure_window
    measure_window("sqlite:////tmp/bench-dept.sqlite3")  →  list of GuiTiming

Measured like a user would feel them, events processed until the screen shows its data:
- from launch (QApplication made, store opened off the GUI thread) to the dashboard shown
  (`desktop_app.ui.launch_timing`, which the program itself prints for bench_startup);
- one keystroke in the household search (the list filtered and redrawn), the slowest of a
  name typed letter by letter;
- a household file opened (identity, members, measures, timeline shown), median of several.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.household.list_screen import HouseholdsScreen
from desktop_app.ui.launch_timing import DASHBOARD, DASHBOARD_LIMIT, launch_until_dashboard, wait


@dataclass(frozen=True, slots=True)
class GuiTiming:
    question: str
    detail: str
    seconds: float
    limit: float


def measure_window(url: str, today: date | None = None, typed: str = "dupont",
                   households: int = 7, startup: float | None = None) -> list[GuiTiming]:
    """The window's timings on the store at `url` (read only: nothing is saved).

    `startup`: seconds already spent before this call (interpreter start and imports, as
    measured by a parent process), added to the launch figures."""
    day = today or date.today()
    results: list[GuiTiming] = []
    with launch_until_dashboard(url, day) as (launch, seconds):
        runner, ctx, window = launch.runner, launch.ctx, launch.window
        detail = "depuis le lancement" + (" du processus" if startup is not None else "")
        results.append(GuiTiming(DASHBOARD, f"{detail} : alertes, points",
                                 seconds + (startup or 0.0), DASHBOARD_LIMIT))
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
    return results


def print_timings(url: str, since: float | None = None) -> int:
    """The timings as JSON lines on stdout; `since`: the epoch the parent noted before starting
    this process."""
    startup = time.time() - since if since is not None else None
    for timing in measure_window(url, startup=startup):
        print(json.dumps({"question": timing.question, "detail": timing.detail,
                          "seconds": round(timing.seconds, 4), "limit": timing.limit},
                         ensure_ascii=False))
    return 0


def main() -> None:
    """`python -m devtools.timings URL [START_EPOCH]`: the timings as JSON lines."""
    print_timings(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else None)


if __name__ == "__main__":
    main()
