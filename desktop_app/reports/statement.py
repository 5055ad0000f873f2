"""Monthly statement of points and amounts (P1–P7, Q1–Q2), association-wide and per
worker, as PDF or XLSX. The figures are those of `compute_month_points`, unchanged;
households appear by FSL reference only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.dates import Month
from desktop_app.domain.fr import format_month
from desktop_app.domain.funding import MonthPoints, PointLine, compute_month_points
from desktop_app.domain.funding.engine import type_totals
from desktop_app.domain.funding.results import QuotaFigures
from desktop_app.domain.model import Caseload, MeasureType
from desktop_app.reports.common import output_kind
from desktop_app.reports.labels import ITEMS, TYPE_SHORT

DOCUMENT = "Relevé mensuel des points et montants"
NO_REFERENCE = "(sans référence)"
HOMES = "Gestion des logements ALT (sans référent)"
ZERO = Decimal("0.00")


@dataclass(slots=True)
class WorkerRow:
    name: str
    fte: float
    points: int
    limit: float
    fal: int
    fal_limit: float
    amount: Decimal


@dataclass(slots=True)
class LineRow:
    type: str
    subject: str  # household reference, or the home's address
    referent: str
    item: str
    points: int
    days: int | None
    amount: Decimal
    note: str


@dataclass(slots=True)
class Statement:
    association: str
    month: Month
    result: MonthPoints
    workers: list[WorkerRow]
    unassigned: Decimal  # home lines (management, vacancy): no referent
    lines: list[LineRow]
    #: The worker's name when the statement covers only the measures they are referent of.
    worker: str | None = None

    @property
    def period(self) -> str:
        return format_month(self.month)


def worker_points(result: MonthPoints, worker: str) -> MonthPoints:
    """The month's figures of the measures `worker` is referent of: their lines unchanged,
    totals per type by the engine's own `type_totals` (P7), the worker's quotas (Q1–Q2)."""
    lines = [line for line in result.lines if line.referent == worker]
    quotas = [q for q in result.workers if q.worker == worker]
    figures = quotas[0].figures if quotas else QuotaFigures(0, 0.0, 0, 0.0)
    return MonthPoints(result.month, lines, sum(line.points for line in lines),
                       sum((line.amount for line in lines), ZERO), type_totals(lines),
                       figures, quotas)


def build_statement(caseload: Caseload, month: Month,
                    result: MonthPoints | None = None, worker: str | None = None
                    ) -> Statement:
    """The statement of `month`, association-wide, or of `worker` (id) only."""
    result = result or compute_month_points(caseload, month)
    if worker is not None:
        result = worker_points(result, worker)
    names = {w.id: w.name for w in caseload.workers}
    references = {h.id: h.reference or NO_REFERENCE for h in caseload.households}
    addresses = {h.id: h.address for h in caseload.homes}
    by_worker: dict[str, Decimal] = {}
    unassigned = ZERO
    for line in result.lines:
        if line.referent is None:
            unassigned += line.amount
        else:
            by_worker[line.referent] = by_worker.get(line.referent, ZERO) + line.amount
    workers = [
        WorkerRow(names.get(q.worker, q.worker), q.fte, q.figures.points, q.figures.limit,
                  q.figures.fal, q.figures.fal_limit, by_worker.get(q.worker, ZERO))
        for q in result.workers
    ]
    lines = [_line(line, references, addresses, names) for line in result.lines]
    return Statement(caseload.association.name, month, result, workers, unassigned, lines,
                     names.get(worker, worker) if worker is not None else None)


def _line(line: PointLine, references: dict[str, str], addresses: dict[str, str],
          names: dict[str, str]) -> LineRow:
    if line.household is not None:
        subject = references.get(line.household, NO_REFERENCE)
    else:
        subject = addresses.get(line.home or "", line.home or "")
    return LineRow(TYPE_SHORT[line.type], subject,
                   names.get(line.referent, line.referent) if line.referent else "",
                   ITEMS.get(line.item, line.item), line.points, line.days, line.amount,
                   line.reason or "")


def type_rows(statement: Statement) -> list[tuple[str, int, Decimal]]:
    """(type, points, amount) of the five measure types, in the grid's order."""
    order = (MeasureType.ASLL, MeasureType.ASLL_DIAG, MeasureType.AML, MeasureType.FAL,
             MeasureType.DSF)
    by_type = statement.result.by_type
    return [(TYPE_SHORT[t], by_type[t].points, by_type[t].amount) for t in order]


def write_statement(caseload: Caseload, month: Month, out: Path,
                    result: MonthPoints | None = None, *, worker: str | None = None) -> None:
    """Write the statement of `month` to `out` (.pdf or .xlsx): association-wide, or of
    the measures `worker` (id) is referent of."""
    kind = output_kind(Path(out))
    statement = build_statement(caseload, month, result, worker)
    if kind == ".xlsx":
        from desktop_app.reports.statement_files import statement_xlsx

        statement_xlsx(statement, Path(out))
    else:
        from desktop_app.reports.statement_files import statement_pdf

        statement_pdf(statement, Path(out))
