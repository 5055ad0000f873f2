"""The launch: its timing (`SUIVI_FSL_TIMINGS_SINCE`, benchmarks/bench_startup.py) says where
its time goes, each step of `STEPS` noted once, in their order; the dashboard is computed once,
ahead, while the window is built."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import dashboard as dashboard_module
from desktop_app.app.dashboard import Dashboard, dashboard
from desktop_app.store.api import Store
from desktop_app.ui.dashboard import screen as dashboard_screen
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


def test_the_launch_computes_the_dashboard_once_while_the_window_is_built(  # type: ignore[no-untyped-def]
        app, tmp_path: Path, empty_store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Right after the store opens, in the background, while the window is still built
    (`app.dashboard.Ahead`): the dashboard's first load takes that, computes nothing again."""
    path = tmp_path / "suivi.sqlite3"
    shutil.copyfile(empty_store_file, path)
    days: list[date] = []

    def counted(store: Store, day: date) -> Dashboard:
        days.append(day)
        return dashboard(store, day)

    monkeypatch.setattr(dashboard_module, "dashboard", counted)
    monkeypatch.setattr(dashboard_screen, "dashboard", counted)
    with launch_until_dashboard(f"sqlite:///{path}", TODAY) as (launch, _seconds):
        assert launch.window.dashboard.data is not None
        assert launch.window.dashboard.data.day == TODAY
    assert days == [TODAY]
