"""Places for the timings of later issues, on the same department-scale store and in the same
table (`bench_store.py` calls every function of `SECTIONS` and adds the rows they return).

Each hook receives the `Bench` (store, file path, today, number of runs, raw `sqlite3`
connection) and returns `timing.Row`s; returning [] leaves the table as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from benchmarks.timing import Row

if TYPE_CHECKING:
    from benchmarks.bench_store import Bench


def gui_rows(bench: Bench) -> list[Row]:
    """Issue 4, measured offscreen with pytest-qt's helpers or a bare QApplication
    (QT_QPA_PLATFORM=offscreen) on `bench.url`:

    - « tableau de bord affiché » from launch: < 3 s (`limit=3.0`);
    - « filtre de la liste des ménages », per keystroke: < 0,1 s;
    - « dossier d'un ménage ouvert »: < 0,3 s.

    Not written yet: the window belongs to issue 4."""
    return []


def grid_rows(bench: Bench) -> list[Row]:
    """Issue 5: `grid --year N` for the last complete year (N beside N−1): < 10 s
    (`limit=10.0`), load of the year's caseloads included, beside a raw SQL count of the
    year's measures (`raw_sql`). Not written yet: the loader of a year belongs to issue 5."""
    return []


SECTIONS: list[Callable[[Bench], list[Row]]] = [gui_rows, grid_rows]
