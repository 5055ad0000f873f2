"""Python's cyclic garbage collector, run by the window on its own thread, between
background operations (the pattern of Anki's `GarbageCollector`).

Left to itself, the collector starts at whichever allocation crosses its threshold, in
whichever thread makes it: a background operation's thread (then the Qt objects of a closed
dialog are finalised off the GUI thread), or the GUI thread while a background operation is
opening a store (a full run of the window's tests under load crashed so, with SIGSEGV in
« Garbage-collecting »). In the window, automatic collection is therefore off; a timer on the
GUI thread collects, generation by generation as the collector itself would, and only when no
background operation is pending. The command line keeps Python's automatic collection.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.ui.background import any_operation_running

#: How often the counts are looked at (milliseconds): a check costs nothing.
INTERVAL_MS = 1000
_NAME = "suivi-fsl-garbage-collector"


class GarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect what the counts call for, if no background operation is pending; the
        number of objects found unreachable."""
        if any_operation_running():
            return 0
        counts = gc.get_count()
        if counts[0] <= self.threshold[0]:
            return 0
        generation = 0  # as the collector itself chooses
        if counts[1] > self.threshold[1]:
            generation = 2 if counts[2] > self.threshold[2] else 1
        return gc.collect(generation)


def install_collector(app: QApplication) -> GarbageCollector:
    """The application's collector (made once, a child of `app`)."""
    existing = app.findChild(GarbageCollector, _NAME)
    return existing if existing is not None else GarbageCollector(app)
