"""Places for the timings of later issues, on the same department-scale store and in the same
table (`bench_store.py` calls every function of `SECTIONS` and adds the rows they return).

Each hook receives the `Bench` (store, file path, today, number of runs, raw `sqlite3`
connection) and returns `timing.Row`s; returning [] leaves the table as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from benchmarks.timing import Row

if TYPE_CHECKING:
    from benchmarks.bench_store import Bench


def gui_rows(bench: Bench) -> list[Row]:
    """Issue 4, offscreen on `bench.url` (`desktop_app.ui.timings.measure_window`, when the
    window's helper has written it): dashboard shown from launch (< 3 s), one keystroke in
    the household list (< 0,1 s), a household file opened (< 0,3 s). A failure is printed
    and leaves the other figures of the table."""
    try:
        from desktop_app.ui.timings import measure_window
    except ImportError:
        return []
    try:
        timings = measure_window(bench.url, today=bench.today)
    except Exception as error:  # a hand-run benchmark: report it, keep the other figures
        print(f"Mesures de la fenêtre impossibles : {error!r}", file=sys.stderr)
        return []
    return [Row(t.question, t.detail, t.seconds, limit=t.limit) for t in timings]


def grid_rows(bench: Bench) -> list[Row]:
    """Issue 5: `grid --year N` for the last complete year (N beside N−1): < 10 s
    (`limit=10.0`), load of the year's caseloads included, beside a raw SQL count of the
    year's measures (`raw_sql`). Not written yet: the loader of a year belongs to issue 5."""
    return []


SECTIONS: list[Callable[[Bench], list[Row]]] = [gui_rows, grid_rows]
