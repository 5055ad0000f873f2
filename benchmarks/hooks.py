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

from benchmarks.timing import Row, count, once, seconds

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
    (`limit=10.0`), load of the year's caseloads included (`load_for_year` of N and N−1,
    then `write_grid` to an .xlsx, as the command does), beside a raw SQL count of the
    year's measures. Timed once: one run is already seconds."""
    from desktop_app.reports import write_grid

    year = bench.today.year - 1
    store = bench.store
    settings = store.alert_settings()
    first, last = f"{year}-01-01", f"{year}-12-31"

    def raw() -> int:
        row = bench.raw.execute(
            "SELECT count(*) FROM measures WHERE (span_start <= ? AND span_end >= ?)"
            " OR one_off_on BETWEEN ? AND ?", (last, first, first, last)).fetchone()
        return int(row[0])

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"grille-{year}.xlsx"

        def grid() -> tuple[float, int, list[str]]:
            loaded, (current, previous) = once(
                lambda: (store.load_for_year(year), store.load_for_year(year - 1)))
            problems = write_grid(current, previous, year, out, settings=settings,
                                  today=bench.today)
            return loaded, len(current.measures), problems

        total, (loaded, measures, problems) = once(grid)
        baseline, in_year = once(raw)
    detail = (f"{count(in_year)} mesures de {year}, {count(measures)} chargées (chargement "
              f"{year} et {year - 1} : {seconds(loaded)} s), {len(problems)} contrôles à revoir")
    return [Row(f"`grid --year {year} --out grille.xlsx`", detail, total, baseline,
                limit=10.0)]


SECTIONS: list[Callable[[Bench], list[Row]]] = [gui_rows, grid_rows]
