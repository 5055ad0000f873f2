"""The worker's day on a real X server: Qt's `xcb` platform, its system libraries,
real windows, focus and keyboard, where every other window test runs offscreen.

Runs only under `QT_QPA_PLATFORM=xcb` with a display: `.ci/run` starts it under Xvfb
(`xvfb-run`); elsewhere it is skipped, saying why."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QGuiApplication

from tests.ui.test_worker_day import (
    test_closed_doors_alert_then_notice,
    test_retroactive_asll_start_needs_its_reason,
    test_suspension_alert_then_indisponibilite_notice,
)

pytestmark = pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"),
    reason="needs a real X server: QT_QPA_PLATFORM=xcb and DISPLAY (.ci/run: xvfb-run)")

__all__ = ["test_closed_doors_alert_then_notice", "test_retroactive_asll_start_needs_its_reason",
           "test_suspension_alert_then_indisponibilite_notice"]


def test_the_platform_is_x11(app) -> None:  # type: ignore[no-untyped-def]
    assert QGuiApplication.platformName() == "xcb"
    screen = QGuiApplication.primaryScreen()
    assert screen is not None and screen.size().width() > 0


def test_the_window_is_really_drawn_on_the_x_server(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the X server holds where the window is (`grabWindow` of its id: the real
    pixels) is what the window painted (`grab`): the same size, and not blank."""
    window.resize(1000, 700)
    qtbot.waitExposed(window)
    screen = window.screen()
    painted = window.grab().toImage()

    def colours_on_the_server() -> set[int]:
        real = screen.grabWindow(window.winId()).toImage()
        assert (real.width(), real.height()) == (painted.width(), painted.height())
        return {real.pixel(x, y) for x in range(0, real.width(), 25)
                for y in range(0, real.height(), 25)}

    # Waited on a condition, not a delay: the X server holds the window's pixels once the
    # window has painted on it — text, frames and backgrounds, not one flat colour.
    qtbot.waitUntil(lambda: len(colours_on_the_server()) > 3, timeout=10_000)
