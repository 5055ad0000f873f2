"""Places for the timings of later issues, on the same department-scale store and in the same
table (`bench_store.py` calls every function of `SECTIONS` and adds the rows they return).

Each hook receives the `Bench` (store, file path, today, number of runs, raw `sqlite3`
connection) and returns `timing.Row`s; returning [] leaves the table as it is.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.timing import Row, count, interleaved_medians

if TYPE_CHECKING:
    from benchmarks.bench_store import Bench


def gui_rows(bench: Bench) -> list[Row]:
    """Issue 4, offscreen on `bench.url` (`devtools.timings.measure_window`, when the
    window's helper has written it): dashboard shown from launch (< 3 s), one keystroke in
    the household list (< 0,1 s), a household file opened (< 0,3 s). A failure is printed
    and leaves the other figures of the table."""
    try:
        from devtools.timings import measure_window
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
    (`limit=10.0`), as the command does it (`write_store_grid`: `load_for_year` of N and
    N−1, then the .xlsx), on ONE core (N then N−1, no forked child: the machine is shared),
    median of `bench.runs` runs (at least 3), beside a raw SQL count of the year's measures;
    then one more run stage by stage (`grid_stages`)."""
    from benchmarks.grid_stages import grid_stages
    from desktop_app.reports.grid import write_store_grid

    year = bench.today.year - 1
    store = bench.store
    first, last = f"{year}-01-01", f"{year}-12-31"

    def raw() -> int:
        row = bench.raw.execute(
            "SELECT count(*) FROM measures WHERE (span_start <= ? AND span_end >= ?)"
            " OR one_off_on BETWEEN ? AND ?", (last, first, first, last)).fetchone()
        return int(row[0])

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"grille-{year}.xlsx"

        def grid() -> list[str]:
            return write_store_grid(store, year, out, today=bench.today, parallel=False)

        (total, problems), (baseline, in_year) = interleaved_medians(
            [grid, raw], max(3, bench.runs))
        stages = grid_stages(store, year, out, bench.today)
    loaded = len(store.load_for_year(year).measures)
    assert isinstance(problems, list) and isinstance(in_year, int)
    detail = (f"{count(in_year)} mesures de {year}, {count(loaded)} chargées ; un seul cœur, "
              f"{year} puis {year - 1} ; {stages.french(year)} ; {len(problems)} contrôles "
              f"à revoir")
    return [Row(f"`grid --year {year} --out grille.xlsx`", detail, total, baseline,
                limit=10.0)]


SECTIONS: list[Callable[[Bench], list[Row]]] = [gui_rows, grid_rows]
