"""The reports queries and exports: the work of the « Rapports » screen and of the bilan
dialog, run off the GUI thread (no Qt here): read the store, hand the caseload to
`desktop_app.reports`, write.

Each function is what the command line would do for the same document, so that the window
and `suivi-fsl grid` give the same figures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.dates import Month
from desktop_app.domain.model import ReportKind

if TYPE_CHECKING:
    from desktop_app.reports import BilanText, GridDocument
    from desktop_app.reports.previews import Preview
    from desktop_app.store.api import Store

Progress = Callable[[int, int], None]


def grid_preview(store: Store, year: int, today: date, progress: Progress) -> GridDocument:
    """The grid of `year` beside `year − 1`, as the preview shows it (and the export writes
    it). `progress(done, total)` moves from the first read of the store to the last check."""
    from desktop_app.domain.indicators.year import STEPS
    from desktop_app.reports.grid import store_grid_document

    total = 2 * STEPS + 1
    progress(0, total)
    # The window runs worker threads: the grid is computed here, never in a fork; one year
    # read at a time, the collector paused until the records read are freed.
    doc = store_grid_document(store, year, progress, today=today, parallel=False)
    progress(total, total)
    return doc


def grid_export(store: Store, year: int, out: Path, today: date, doc: GridDocument | None,
                progress: Progress) -> list[str]:
    """Write the grid (the previewed document if given, else computed now) to `out`, marked
    « PROVISOIRE » when `year` has not ended on `today`; the problems of its self-check."""
    from desktop_app.reports import output_kind, write_grid_document
    from desktop_app.reports.document_status import DocumentStatus

    output_kind(out)
    status = DocumentStatus.for_year(year, today)  # a year not begun: refused, in French
    if doc is None or doc.year != year:
        doc = grid_preview(store, year, today, progress)
    progress(0, 0)  # writing the file: no steps to count
    write_grid_document(doc, out, status=status)
    return doc.problems


def statement_export(store: Store, month: Month, worker: str | None, out: Path) -> None:
    from desktop_app.reports import write_statement

    write_statement(store.load_for_month(month), month, out, worker=worker)


def occupancy_export(store: Store, month: Month, out: Path) -> None:
    from desktop_app.reports import write_occupancy_table

    write_occupancy_table(store.load_for_month(month), month, out)


def convention_export(store: Store, year: int, out: Path) -> None:
    from desktop_app.reports import write_convention_followup

    write_convention_followup(store.load_for_year(year), year, out)


def statement_preview(store: Store, month: Month, worker: str | None) -> Preview:
    """What `statement_export` would write, as tables (one read of the store)."""
    from desktop_app.reports.previews import statement_preview as preview

    return preview(store.load_for_month(month), month, worker)


def occupancy_preview(store: Store, month: Month) -> Preview:
    """What `occupancy_export` would write, as a table."""
    from desktop_app.reports.previews import occupancy_preview as preview

    return preview(store.load_for_month(month), month)


def convention_preview(store: Store, year: int) -> Preview:
    """What `convention_export` would write, as a table and its sentences."""
    from desktop_app.reports.previews import convention_preview as preview

    return preview(store.load_for_year(year), year)


def grid_sent_on(store: Store, year: int) -> date | None:
    return next((g.sent_on for g in store.association().grids_sent if g.year == year), None)


def bilan_pdf(store: Store, measure_id: str, kind: ReportKind, period_end: date,
              text: BilanText, out: Path) -> Path:
    """Write the bilan (the measure's facts as stored, the text as typed) to `out`."""
    from desktop_app.reports import write_bilan

    measure = store.measure(measure_id)
    if measure is None:
        raise LookupError(f"La mesure « {measure_id} » n'existe plus dans la base.")
    household = store.household(measure.household)
    from desktop_app.domain.model import Caseload

    caseload = Caseload(store.association(), store.tariffs(), store.workers(),
                        [household] if household is not None else [], store.homes(),
                        [measure])
    write_bilan(caseload, measure_id, text, out, kind=kind, period_end=period_end)
    return out


def find_dsf(store: Store, given: str, today: date) -> str:
    """The DSF named by `given`: a measure's id, or the FSL reference of a household (case
    ignored: its most recent DSF, by the day it was done, else summoned). Not found:
    `DsfNotReadyError` in French."""
    from desktop_app.domain.model import MeasureType
    from desktop_app.reports.dsf_document import DsfNotReadyError

    wanted = given.strip()
    if not wanted:
        raise DsfNotReadyError("la référence du ménage est vide : donnez sa référence FSL ou "
                               "l'identifiant de la mesure DSF.")
    if store.measure(wanted) is not None:
        return wanted
    rows = [row for row in store.household_rows(today, wanted)
            if wanted and (row.reference or "").strip().casefold() == wanted.casefold()]
    if len(rows) > 1:
        raise DsfNotReadyError(f"Plusieurs ménages ont la référence « {wanted} » : donnez "
                               "l'identifiant de la mesure DSF.")
    dsf = [] if not rows else [m for m in store.measures_of_household(rows[0].id)
                               if m.type is MeasureType.DSF]
    if not dsf:
        raise DsfNotReadyError(f"Aucun DSF ne correspond à « {wanted} » : donnez la "
                               "référence FSL du ménage ou l'identifiant de la mesure.")
    return max(dsf, key=lambda m: (m.done_on or m.summoned_on or date.min, m.id)).id


def dsf_document_pdf(store: Store, given: str, folder: Path, made_on: date,
                     name: str | None = None) -> Path:
    """Write the DSF `given` (`find_dsf`) as the document sent to the SLISL in `folder`
    (« diagnostic-<référence FSL>-<date>.pdf », established on `made_on`); the path written.
    A measure that is not a DSF or a content still incomplete: `DsfNotReadyError` (French)."""
    from desktop_app.domain.model import Caseload
    from desktop_app.reports.dsf_document import write_dsf

    measure_id = find_dsf(store, given, made_on)
    measure = store.measure(measure_id)
    assert measure is not None  # found just before, in the same store
    household = store.household(measure.household)
    caseload = Caseload(store.association(), workers=store.workers(),
                        households=[household] if household is not None else [],
                        measures=[measure])
    return write_dsf(caseload, measure_id, folder, made_on, name)
