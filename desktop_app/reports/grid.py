"""The annual activity grid for the SPSLH (issue 5): `write_grid` computes the indicators
of N and N−1 once, checks them, fills the layout and writes an XLSX or a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.indicators import (
    YearIndicators,
    check_results,
    compute_year_indicators,
    continuity_result,
)
from desktop_app.domain.indicators.year import STEPS
from desktop_app.domain.model import AlertSettings, Caseload
from desktop_app.reports.common import Progress, output_kind
from desktop_app.reports.grid_model import GridDocument, build_grid
from desktop_app.reports.layout import load_layout


def grid_document(
    caseload_n: Caseload,
    caseload_n_minus_1: Caseload | None,
    year: int,
    progress: Progress | None = None,
    *,
    layout_path: Path | None = None,
    settings: AlertSettings | None = None,
    today: date | None = None,
) -> GridDocument:
    """The grid of `year` as a document (for the writers and the GUI preview)."""
    layout = load_layout(layout_path)
    total = 2 * STEPS + 1 if caseload_n_minus_1 is not None else STEPS + 1

    def reporter(offset: int) -> Progress:
        def report(done: int, _steps: int) -> None:
            if progress is not None:
                progress(offset + done, total)
        return report

    current = compute_year_indicators(caseload_n, year, brackets=layout.brackets,
                                      settings=settings, today=today, progress=reporter(0))
    previous: YearIndicators | None = None
    checks = check_results(current)
    if caseload_n_minus_1 is not None:
        previous = compute_year_indicators(caseload_n_minus_1, year - 1,
                                           brackets=layout.brackets, settings=settings,
                                           today=today, progress=reporter(STEPS))
        checks.append(continuity_result(previous, current))
    return build_grid(layout, current, previous, checks)


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
) -> list[str]:
    """Write the grid of `year` (N beside N−1) to `out` (.xlsx or .pdf) and return the
    problems the self-checks found (French; empty when the grid is consistent).
    `progress(done, total)` is called as the work advances (the last call is done=total)."""
    kind = output_kind(Path(out))
    doc = grid_document(caseload_n, caseload_n_minus_1, year, progress,
                        layout_path=layout_path, settings=settings, today=today)
    write_document(doc, Path(out), kind)
    if progress is not None:
        total = 2 * STEPS + 1 if caseload_n_minus_1 is not None else STEPS + 1
        progress(total, total)
    return doc.problems


def write_document(doc: GridDocument, out: Path, kind: str | None = None) -> None:
    """Write an already computed grid (e.g. the one the GUI previewed)."""
    if (kind or output_kind(out)) == ".xlsx":
        from desktop_app.reports.grid_xlsx import write_grid_xlsx

        write_grid_xlsx(doc, out)
    else:
        from desktop_app.reports.grid_pdf import write_grid_pdf

        write_grid_pdf(doc, out)
