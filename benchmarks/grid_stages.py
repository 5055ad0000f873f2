"""Where the time of `grid --year N` goes, on one extra run of the same path with the
collector paused as `write_store_grid` pauses it: the load of N and N−1, the 24 monthly
statements (`compute_month_points`), the alerts of the 24 month ends (one `AlertRun` a
year, fed the year's statements and without the information-only rules, as the grid runs
it), and the rest (the other
indicators, the self-checks, the .xlsx) worked out as the whole write minus those two."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.timing import once, seconds
from desktop_app.domain.alerts import AlertRun
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points
from desktop_app.domain.model import AlertSettings, Caseload
from desktop_app.reports.grid import write_grid
from desktop_app.store.api import Store
from desktop_app.store.row_reading import collector_paused


@dataclass(frozen=True, slots=True)
class Stages:
    load: float
    points: float
    alerts: float
    rest: float

    def french(self, year: int) -> str:
        return (f"chargement de {year} et {year - 1} : {seconds(self.load)} s, relevés des "
                f"24 mois : {seconds(self.points)} s, alertes des 24 fins de mois : "
                f"{seconds(self.alerts)} s, autres indicateurs et .xlsx : "
                f"{seconds(self.rest)} s")


def _year_parts(caseload: Caseload, year: int, settings: AlertSettings,
                today: date) -> tuple[float, float]:
    months = [Month(year, n) for n in range(1, 13)]
    points, statements = once(lambda: {m: compute_month_points(caseload, m) for m in months})

    def alerts() -> None:
        run = AlertRun(caseload, settings, statements, information=False)
        for month in months:
            if month.last_day <= today:
                run.on(month.last_day)

    return points, once(alerts)[0]


def grid_stages(store: Store, year: int, out: Path, today: date) -> Stages:
    """One run of the grid's path, stage by stage (N then N−1 in this process)."""
    settings = store.alert_settings()
    with collector_paused():
        load, (current, previous) = once(
            lambda: (store.load_for_year(year), store.load_for_year(year - 1)))
        write, _ = once(lambda: write_grid(current, previous, year, out, settings=settings,
                                           today=today, parallel=False))
        points_n, alerts_n = _year_parts(current, year, settings, today)
        points_p, alerts_p = _year_parts(previous, year - 1, settings, today)
    points, alerts = points_n + points_p, alerts_n + alerts_p
    return Stages(load, points, alerts, max(0.0, write - points - alerts))
