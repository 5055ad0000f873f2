"""How long the window takes to show its dashboard's data from launch, offscreen: what
`suivi-fsl --db URL` prints as a JSON line instead of opening the window when
SUIVI_FSL_TIMINGS_SINCE is set (benchmarks/bench_startup.py times the frozen program and the
installed one with it). The other timings of the window, for `benchmarks/`, are in
`devtools/timings.py`, built on `launch_until_dashboard`.

The line also gives the launch's steps (`STEPS`), each in seconds since the process started:
where the time goes (Python and the imports, the window built, the store opened, the
dashboard's data computed, then shown).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, QThread

from desktop_app.ui.app import Launch
from desktop_app.ui.dashboard.screen import DashboardScreen

DASHBOARD = "tableau de bord affiché"
DASHBOARD_LIMIT = 3.0
#: The steps of the launch, in their order (`launch_until_dashboard` notes them).
STEPS = ("imports", "fenêtre construite", "base ouverte", "données calculées", "affiché")


def wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Process Qt events until `condition()` holds."""
    limit = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > limit:
            raise TimeoutError("la fenêtre n'a pas répondu à temps")
        QCoreApplication.processEvents()
        QThread.msleep(1)


@contextmanager
def launch_until_dashboard(url: str, day: date, steps: dict[str, float] | None = None
                           ) -> Iterator[tuple[Launch, float]]:
    """The window launched offscreen on the store at `url` (user settings neither read nor
    changed), once its dashboard shows its data, with the seconds it took; closed after.
    `steps`: filled with the seconds from the call to the end of each of `STEPS[1:]`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    noted = steps if steps is not None else {}

    def note(step: str) -> bool:
        noted.setdefault(step, time.perf_counter() - started)
        return True

    with tempfile.TemporaryDirectory() as settings_dir:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        launch = Launch(url, lambda: day, interactive=False)
        note(STEPS[1])
        dashboard = launch.window.screens["tableau"]
        assert isinstance(dashboard, DashboardScreen)
        wait(lambda: (launch.ctx.has_store and note(STEPS[2]) and dashboard.data is not None
                      and note(STEPS[3])) or launch.error is not None)
        if launch.error is not None:
            raise launch.error
        QCoreApplication.processEvents()
        note(STEPS[4])
        try:
            yield launch, time.perf_counter() - started
        finally:
            launch.window.close()
            launch.window.deleteLater()
            QCoreApplication.processEvents()


def print_launch_timing(url: str, since: float) -> int:
    """The dashboard's time as a JSON line on stdout; `since`: the epoch the parent noted
    before starting this process (the figure then includes the program's own start: Python,
    or the frozen program's unpacking and imports)."""
    startup = time.time() - since
    steps: dict[str, float] = {}
    with launch_until_dashboard(url, date.today(), steps) as (_launch, seconds):
        pass
    print(json.dumps({"question": DASHBOARD,
                      "detail": "depuis le lancement du processus : alertes, points",
                      "seconds": round(seconds + startup, 4), "limit": DASHBOARD_LIMIT,
                      "steps": {STEPS[0]: round(startup, 4),
                                **{step: round(startup + steps[step], 4)
                                   for step in STEPS[1:] if step in steps}}},
                     ensure_ascii=False))
    return 0
