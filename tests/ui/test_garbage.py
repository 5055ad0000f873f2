"""The window's garbage collector: never while a background operation is pending, on the GUI
thread, and what automatic collection would have collected is collected."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from desktop_app.ui.background import BackgroundRunner, any_operation_running
from desktop_app.ui.garbage import GarbageCollector, install_collector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def _cycle_and_allocations(collector: GarbageCollector) -> tuple[weakref.ref[_Node], list]:  # type: ignore[type-arg]
    """A cycle left for the collector, and more live container allocations than the first
    generation's threshold: the automatic collector would have run by now."""
    node = _Node()
    ref = weakref.ref(node)
    del node
    return ref, [[] for _ in range(3 * collector.threshold[0])]


def test_install_turns_automatic_collection_off_and_is_made_once(app) -> None:  # type: ignore[no-untyped-def]
    collector = install_collector(app)
    assert not gc.isenabled()
    assert install_collector(app) is collector


@pytest.fixture
def collector(app) -> Iterator[GarbageCollector]:  # type: ignore[no-untyped-def]
    """The application's collector, its timer stopped: the test calls `check` itself."""
    collector = install_collector(app)
    collector.timer.stop()
    yield collector
    collector.timer.start()


def test_it_collects_when_the_counts_call_for_it_and_nothing_runs(
        collector: GarbageCollector) -> None:
    gc.collect()
    ref, _allocated = _cycle_and_allocations(collector)
    assert ref() is not None  # automatic collection is off
    assert not any_operation_running()
    assert collector.check() >= 1
    assert ref() is None


def test_it_waits_while_a_background_operation_is_pending(
        collector: GarbageCollector, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = BackgroundRunner()
    release = threading.Event()
    runner.run(release.wait)
    try:
        gc.collect()
        ref, _allocated = _cycle_and_allocations(collector)
        assert any_operation_running()
        assert collector.check() == 0
        assert ref() is not None
    finally:
        release.set()
        qtbot.waitUntil(lambda: runner.idle)
    assert not any_operation_running()
    # Waiting freed objects too (the first generation's count falls with each freed
    # container): allocations again, so that the counts call for a collection as they did.
    _still = [[] for _ in range(3 * collector.threshold[0])]
    assert collector.check() >= 1
    assert ref() is None
