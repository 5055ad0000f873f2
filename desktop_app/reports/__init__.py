"""The printed documents of Suivi FSL, in French, from the domain engines.

- `write_grid(caseload_n, caseload_n_minus_1, year, out, progress=None) -> list[str]`:
  the SPSLH annual activity grid (.xlsx or .pdf), N beside N−1; returns the self-check
  problems. `grid_document(...)` gives the same grid as a structure (GUI preview) and
  `write_grid_document(doc, out)` writes it.
- `write_statement(caseload, month, out)`: monthly statement of points and amounts, (.pdf,
  .xlsx).
- `write_occupancy_table(caseload, month, out)`: ALT occupancy table of a month (.xlsx).
- `write_bilan(caseload, measure_id, text, out)`: bilan to sign (.pdf), `BilanText`.
- `write_convention_followup(caseload, year, out)`: convention follow-up, Q3 (.pdf, .xlsx).

Importing this package loads neither openpyxl nor reportlab: each writer imports them when
a file is written.
"""

from desktop_app.domain.bilan_text import BilanText
from desktop_app.reports.bilan import bilan_facts, write_bilan
from desktop_app.reports.common import Progress, ReportFormatError, output_kind
from desktop_app.reports.convention import write_convention_followup
from desktop_app.reports.grid import grid_document, write_grid
from desktop_app.reports.grid import write_document as write_grid_document
from desktop_app.reports.grid_model import GridDocument
from desktop_app.reports.layout import LayoutError, load_layout
from desktop_app.reports.occupancy import occupancy_rows, write_occupancy_table
from desktop_app.reports.statement import build_statement, write_statement

__all__ = [
    "BilanText",
    "GridDocument",
    "LayoutError",
    "Progress",
    "ReportFormatError",
    "bilan_facts",
    "build_statement",
    "grid_document",
    "load_layout",
    "occupancy_rows",
    "output_kind",
    "write_bilan",
    "write_convention_followup",
    "write_grid",
    "write_grid_document",
    "write_occupancy_table",
    "write_statement",
]
