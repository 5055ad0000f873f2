"""The Qt binding itself: PySide6 6.12.0 dropped a reference to `None` on every call of a
method returning nothing, and a window open for a working day aborted with « none_dealloc »
(losing what was typed). pyproject.toml keeps it below 6.12; this test catches a release
with the same fault before a worker does."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_nothing_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("x")
    # A sound binding leaves the count as it was (a few references may come and go
    # elsewhere); the faulty one lowered it by exactly 2 000.
    assert abs(sys.getrefcount(None) - before) < 50
