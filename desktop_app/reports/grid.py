"""The annual activity grid for the SPSLH: `write_grid` computes the indicators
of N and N−1 once, checks them, fills the layout and writes an XLSX or a PDF.

The cyclic garbage collector is paused while a grid is computed and written
(`collector_paused`): the two caseloads of a department hold about a million objects, and
its passes over them, triggered by the many short-lived results of the computation, took a
third of the grid's time. Nothing the grid builds needs it (no reference cycles)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.charts import BarChart, year_points_chart
from desktop_app.domain.indicators import YearIndicators, check_results, continuity_result
from desktop_app.domain.indicators.year import STEPS
from desktop_app.domain.model import AlertSettings, Caseload
from desktop_app.reports.common import Progress, output_kind
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.grid_compute import both_years, years_read
from desktop_app.reports.grid_model import GridDocument, build_grid
from desktop_app.reports.layout import load_layout
from desktop_app.store.api import Store
from desktop_app.store.row_reading import collector_paused


def grid_document(
    caseload_n: Caseload,
    caseload_n_minus_1: Caseload | None,
    year: int,
    progress: Progress | None = None,
    *,
    layout_path: Path | None = None,
    settings: AlertSettings | None = None,
    today: date | None = None,
    parallel: bool = True,
) -> GridDocument:
    """The grid of `year` as a document (for the writers and the GUI preview)."""
    layout = load_layout(layout_path)
    total = 2 * STEPS + 1 if caseload_n_minus_1 is not None else STEPS + 1
    with collector_paused():
        current, previous = both_years(caseload_n, caseload_n_minus_1, year, layout.brackets,
                                       settings, today, progress, total, parallel)
        checks = check_results(current)
        if previous is not None:
            checks.append(continuity_result(previous, current))
        doc = build_grid(layout, current, previous, checks)
        doc.figure = year_points_chart(caseload_n, year, current.months)
        return doc


def write_grid(
    caseload_n: Caseload,
    caseload_n_minus_1: Caseload | None,
    year: int,
    out: Path,
    progress: Progress | None = None,
    *,
    layout_path: Path | None = None,
    settings: AlertSettings | None = None,
    today: date | None = None,
    parallel: bool = True,
    status: DocumentStatus | None = None,
) -> list[str]:
    """Write the grid of `year` (N beside N−1) to `out` (.xlsx or .pdf) and return the
    problems the self-checks found (French; empty when the grid is consistent).
    `progress(done, total)` is called as the work advances (the last call is done=total).
    `status`: « Établi le », « PROVISOIRE » (`DocumentStatus.for_year`; by default today's,
    final)."""
    kind = output_kind(Path(out))
    doc = grid_document(caseload_n, caseload_n_minus_1, year, progress,
                        layout_path=layout_path, settings=settings, today=today,
                        parallel=parallel)
    write_document(doc, Path(out), kind, status)
    if progress is not None:
        total = 2 * STEPS + 1 if caseload_n_minus_1 is not None else STEPS + 1
        progress(total, total)
    return doc.problems


def store_grid_document(store: Store, year: int, progress: Progress | None = None, *,
                        today: date | None = None, parallel: bool = True) -> GridDocument:
    """`grid_document` of the store's `load_for_year` of N and N−1, read one year at a time
    (`grid_compute.years_read`: the two caseloads of a department are never held together),
    the collector paused from the first read until the records read are freed: once
    re-enabled between the steps, its first pass would go over every record read so far."""
    layout = load_layout(None)
    settings = store.alert_settings()
    figure: list[BarChart] = []

    def seen(caseload: Caseload, indicators: YearIndicators) -> None:
        figure.append(year_points_chart(caseload, year, indicators.months))

    with collector_paused():
        current, previous = years_read(store.load_for_year, year, layout.brackets, settings,
                                       today, progress, 2 * STEPS + 1, parallel, seen)
        checks = check_results(current)
        checks.append(continuity_result(previous, current))
        doc = build_grid(layout, current, previous, checks)
        doc.figure = figure[0]
        return doc


def write_store_grid(store: Store, year: int, out: Path, progress: Progress | None = None, *,
                     today: date | None = None, parallel: bool = True,
                     status: DocumentStatus | None = None) -> list[str]:
    """`write_grid` of the store's `load_for_year` of N and N−1 (the command line's `grid`),
    through `store_grid_document`."""
    kind = output_kind(Path(out))
    with collector_paused():
        doc = store_grid_document(store, year, progress, today=today, parallel=parallel)
        write_document(doc, Path(out), kind, status)
        problems = doc.problems
        del doc
    if progress is not None:
        total = 2 * STEPS + 1
        progress(total, total)
    return problems


def write_document(doc: GridDocument, out: Path, kind: str | None = None,
                   status: DocumentStatus | None = None) -> None:
    """Write an already computed grid (e.g. the one the GUI previewed), with its `status`."""
    with collector_paused():
        if (kind or output_kind(out)) == ".xlsx":
            from desktop_app.reports.grid_xlsx import write_grid_xlsx

            write_grid_xlsx(doc, out, status)
        else:
            from desktop_app.reports.grid_pdf import write_grid_pdf

            write_grid_pdf(doc, out, status)
