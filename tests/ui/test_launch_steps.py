"""The launch's timing (`SUIVI_FSL_TIMINGS_SINCE`, benchmarks/bench_startup.py) says where its
time goes: each step of `STEPS` noted once, in their order."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.ui.launch_timing import STEPS, launch_until_dashboard
from tests.ui.conftest import TODAY


def test_the_launch_notes_its_steps_in_order(app, tmp_path: Path, empty_store_file: Path  # type: ignore[no-untyped-def]
                                             ) -> None:
    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(empty_store_file, path)
    steps: dict[str, float] = {}
    with launch_until_dashboard(f"sqlite:///{path}", TODAY, steps) as (launch, seconds):
        assert launch.window.current.key == "tableau"
    assert list(steps) == list(STEPS[1:])
    times = list(steps.values())
    assert times == sorted(times) and times[-1] <= seconds
