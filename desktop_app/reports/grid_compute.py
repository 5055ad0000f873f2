"""The indicators of N and N−1 for the grid, the two years side by side on two cores when
that is safe.

Each year costs 12 monthly statements and 12 alert evaluations (breaches seen at each month
end): at department scale, about 1,3 s each on one core. When the process can fork and runs
a single thread (the command line; never the window, whose worker threads make a fork
unsafe, nor the benchmark, which times one core: `parallel=False`), N−1
is computed in a forked child while this process computes N — the child inherits the
caseload, only the (small) result comes back through a pipe. Any failure there falls back
to computing N−1 here: the figures are the same either way.

`years_read` does the same from a store, reading one year at a time so that the two
caseloads of a department (≈ 80 MB of records each) are never held together.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from desktop_app.domain.indicators import ProfileBrackets, YearIndicators, compute_year_indicators
from desktop_app.domain.indicators.year import STEPS
from desktop_app.domain.model import AlertSettings, Caseload
from desktop_app.reports.common import Progress


def can_fork() -> bool:
    return (hasattr(os, "fork") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1)


def _reporter(progress: Progress | None, total: int) -> Callable[[int], None]:
    """`progress(done, total)` never going back (N and N−1 report their steps in turn)."""
    shown = [0]

    def report(done: int) -> None:
        shown[0] = max(shown[0], done)
        if progress is not None:
            progress(shown[0], total)

    return report


def both_years(current: Caseload, previous: Caseload | None, year: int,
               brackets: ProfileBrackets, settings: AlertSettings | None, today: date | None,
               progress: Progress | None, total: int, parallel: bool = True
               ) -> tuple[YearIndicators, YearIndicators | None]:
    """(indicators of N, of N−1); progress goes from 0 to 2 × STEPS (STEPS without N−1)."""
    options: dict[str, Any] = {"brackets": brackets, "settings": settings, "today": today}
    report = _reporter(progress, total)

    if previous is not None and parallel and can_fork():
        now, before = _forked(lambda: current, previous, year, options, report)
    else:
        now = compute_year_indicators(current, year, progress=lambda d, _t: report(d),
                                      **options)
        before = None
    if previous is not None and before is None:
        before = compute_year_indicators(previous, year - 1,
                                         progress=lambda d, _t: report(STEPS + d), **options)
    return now, before


def years_read(read: Callable[[int], Caseload], year: int, brackets: ProfileBrackets,
               settings: AlertSettings | None, today: date | None, progress: Progress | None,
               total: int, parallel: bool = True,
               seen: Callable[[Caseload, YearIndicators], None] | None = None
               ) -> tuple[YearIndicators, YearIndicators]:
    """`both_years` of the caseloads `read(N)` and `read(N − 1)`, never both held at once:
    forked, N−1 is read first and handed to the child, then dropped here before N is read;
    on one core, N is read and computed, then dropped before N−1 is read. `seen(caseload of
    N, indicators of N)` is called while N is still held (the grid's chart reads it)."""
    options: dict[str, Any] = {"brackets": brackets, "settings": settings, "today": today}
    report = _reporter(progress, total)

    def current() -> tuple[YearIndicators, Caseload]:
        caseload = read(year)
        return compute_year_indicators(caseload, year, progress=lambda d, _t: report(d),
                                       **options), caseload

    before: YearIndicators | None = None
    if parallel and can_fork():
        holder = [read(year - 1)]
        now, before = _forked(lambda: read(year), holder, year, options, report, seen)
    else:
        now, caseload = current()
        if seen is not None:
            seen(caseload, now)
        del caseload
    if before is None:
        before = compute_year_indicators(read(year - 1), year - 1,
                                         progress=lambda d, _t: report(STEPS + d), **options)
    return now, before


def _child(send: Connection, caseload: Caseload, year: int, options: dict[str, Any]) -> None:
    # No garbage collection in the child: nothing inherited from the parent (a store's
    # connection…) is finalised here, and the inherited pages stay shared.
    gc.disable()
    try:
        result = compute_year_indicators(
            caseload, year, progress=lambda done, _t: send.send(("progress", done)), **options)
        send.send(("done", result))
    except BaseException as error:
        send.send(("error", repr(error)))
    finally:
        send.close()


def _forked(current: Callable[[], Caseload], previous: Caseload | list[Caseload], year: int,
            options: dict[str, Any], report: Callable[[int], None],
            seen: Callable[[Caseload, YearIndicators], None] | None = None
            ) -> tuple[YearIndicators, YearIndicators | None]:
    """N (`current()`) here, N−1 in a forked child; (N, None) when the child could not give
    N−1. `previous` given in a list is emptied once the child has it (this process no longer
    holds N−1 while it reads and computes N)."""
    holder = previous if isinstance(previous, list) else [previous]
    try:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(send, holder[0], year - 1, options),
                                daemon=True)
        child.start()
        send.close()
    except OSError:
        return _mine(current(), year, options, lambda done, _t: report(done), seen), None
    finally:
        if isinstance(previous, list):
            previous.clear()
        del holder
    steps = {"now": 0, "before": 0}
    outcome: list[tuple[str, Any]] = []

    def drain(block: bool = False) -> None:
        try:
            while not outcome and (block or receive.poll()):
                kind, value = receive.recv()
                if kind == "progress":
                    steps["before"] = value
                else:
                    outcome.append((kind, value))
        except (EOFError, OSError):
            outcome.append(("error", "le calcul parallèle s'est interrompu"))

    def mine(done: int, _steps: int) -> None:
        steps["now"] = done
        drain()
        report(steps["now"] + steps["before"])

    try:
        now = _mine(current(), year, options, mine, seen)
        drain(block=True)
        report(steps["now"] + steps["before"])
    finally:
        receive.close()
        child.join(timeout=5)
    kind, value = outcome[0]
    return now, value if kind == "done" else None


def _mine(caseload: Caseload, year: int, options: dict[str, Any],
          progress: Callable[[int, int], None],
          seen: Callable[[Caseload, YearIndicators], None] | None) -> YearIndicators:
    indicators = compute_year_indicators(caseload, year, progress=progress, **options)
    if seen is not None:
        seen(caseload, indicators)
    return indicators
