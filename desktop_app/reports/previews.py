"""What the « Aperçu » of the Rapports screen shows before a document is written: its tables
as the file will hold them, cell by cell in French text (the statement, the ALT occupancy
table, the convention follow-up), built from the same rows as the writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_month
from desktop_app.domain.indicators import convention_followup
from desktop_app.domain.model import Caseload
from desktop_app.reports import convention, occupancy
from desktop_app.reports.common import Cell
from desktop_app.reports.labels import format_int, format_value
from desktop_app.reports.statement import build_statement, type_rows


@dataclass(frozen=True, slots=True)
class PreviewTable:
    title: str
    head: list[str]
    rows: list[list[str]]
    #: The columns of figures (aligned right), by index.
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Preview:
    """A document's title line, its tables and the sentences under them."""

    title: str
    tables: list[PreviewTable]
    notes: list[str] = field(default_factory=list)


def _text(value: Cell) -> str:
    """A cell as the PDF prints it: « 0,8 », « 1 234 », « 85,95 € », empty for nothing."""
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, int | Decimal):
        return format_value(value)
    return str(value)


def statement_preview(caseload: Caseload, month: Month, worker: str | None = None) -> Preview:
    """The monthly statement's three tables (`statement_files`: the same rows)."""
    from desktop_app.reports.statement_files import (
        LINE_HEAD,
        TYPE_HEAD,
        WORKER_HEAD,
        _line_rows,
        _worker_rows,
    )

    st = build_statement(caseload, month, worker=worker)
    types = [[t, format_int(p), format_value(a)] for t, p, a in type_rows(st)]
    types.append(["Total", format_int(st.result.points), format_value(st.result.amount)])
    title = st.period if st.worker is None else f"{st.period} — {st.worker}"
    return Preview(f"Relevé mensuel — {title}", [
        PreviewTable("Totaux par type de mesure", TYPE_HEAD, types, frozenset({1, 2})),
        PreviewTable("Par travailleur social", WORKER_HEAD,
                     [[_text(c) for c in row] for row in _worker_rows(st)],
                     frozenset(range(1, 7))),
        PreviewTable("Détail des lignes", LINE_HEAD,
                     [[_text(c) for c in row] for row in _line_rows(st)],
                     frozenset({4, 5, 6})),
    ])


def occupancy_preview(caseload: Caseload, month: Month) -> Preview:
    """The ALT occupancy table of `month`, one row per home and the total."""
    rows = occupancy.occupancy_rows(caseload, month)
    cells = [[r.address, format_int(r.occupied_days), format_int(r.unpaid_days),
              ", ".join(r.households), ", ".join(r.entries), ", ".join(r.exits),
              format_int(r.empty_days), format_int(r.paid_vacancy_days),
              " ; ".join(r.justification), format_value(r.amount)] for r in rows]
    if rows:
        cells.append(["Total", format_int(sum(r.occupied_days for r in rows)),
                      format_int(sum(r.unpaid_days for r in rows)), "", "", "",
                      format_int(sum(r.empty_days for r in rows)),
                      format_int(sum(r.paid_vacancy_days for r in rows)), "",
                      format_value(sum((r.amount for r in rows), Decimal("0.00")))])
    notes = [] if rows else ["Aucun logement ALT n'a donné lieu au versement du FAL ce mois-ci."]
    return Preview(f"Tableau d'occupation des logements ALT — {format_month(month)}",
                   [PreviewTable("Occupation", occupancy.HEAD, cells,
                                 frozenset({1, 2, 6, 7, 9}))], notes)


def _convention_cells(row: list[Cell], count_line: bool = True) -> list[str]:
    """A row as the PDF prints it (`convention_files._pdf_row`): the rate of a count line in
    %, nothing known as « — »."""
    cells = []
    for index, value in enumerate(row):
        if isinstance(value, str):
            cells.append(value)
        elif index == 4:
            ratio = value if isinstance(value, float) else None
            cells.append(convention.format_rate(ratio) if count_line else "")
        elif not isinstance(value, date):
            cells.append(format_value(value))
    return cells


def convention_preview(caseload: Caseload, year: int) -> Preview:
    """The convention follow-up of `year`: the table, its total, the verdict and the notes."""
    followup = convention_followup(caseload, year)
    rows = [_convention_cells(row) for row in convention.table_rows(followup)]
    rows.append(_convention_cells(convention.totals(followup), count_line=False))
    return Preview(f"Suivi de la convention — année {year}",
                   [PreviewTable("Objectifs convenus et activité réalisée", convention.HEAD,
                                 rows, frozenset(range(2, 10)))],
                   [convention.verdict(followup), *convention.notes(followup)])
