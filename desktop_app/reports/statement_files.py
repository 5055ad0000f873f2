"""The monthly statement written as PDF (reportlab) or XLSX (openpyxl)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.domain.fr import format_fte
from desktop_app.reports import pdf, xlsx
from desktop_app.reports.common import Cell
from desktop_app.reports.document_status import DocumentStatus
from desktop_app.reports.labels import format_int, format_value
from desktop_app.reports.statement import DOCUMENT, HOMES, Statement, type_rows

WIDTH = 297 * mm - 2 * pdf.MARGIN
TYPE_HEAD = ["Type de mesure", "Points", "Montant"]
WORKER_HEAD = ["Travailleur social", "ETP", "Points", "Plafond de points (50 par ETP)",
               "FAL en cours", "Plafond FAL (30 par ETP)", "Montant"]
LINE_HEAD = ["Type", "Ménage (réf. FSL) ou logement", "Référent", "Élément", "Points",
             "Jours", "Montant", "Observation"]


def number(value: float) -> str:
    """« 50 », « 37,5 », « 0,8 »."""
    return f"{value:g}".replace(".", ",")


def _period(st: Statement) -> str:
    """« Décembre 2025 », or « Décembre 2025 — Claire Martin » for one worker's statement."""
    return st.period if st.worker is None else f"{st.period} — {st.worker}"


def _status(st: Statement) -> DocumentStatus:
    """« PROVISOIRE » on every page of the statement of a month not yet over."""
    return DocumentStatus.of_period(st.month.first_day, st.month.last_day)


def _worker_rows(st: Statement) -> list[list[Cell]]:
    a = st.result.association
    rows: list[list[Cell]] = [
        [w.name, w.fte, w.points, w.limit, w.fal, w.fal_limit, w.amount] for w in st.workers]
    if st.worker is not None:  # one worker: their row is the total
        return rows or [[st.worker, "", 0, "", 0, "", st.result.amount]]
    rows.append([HOMES, "", "", "", "", "", st.unassigned])
    rows.append(["Association", sum(w.fte for w in st.workers), a.points, a.limit, a.fal,
                 a.fal_limit, st.result.amount])
    return rows


def _line_rows(st: Statement) -> list[list[Cell]]:
    return [[ln.type, ln.subject, ln.referent, ln.item, ln.points,
             "" if ln.days is None else ln.days, ln.amount, ln.note] for ln in st.lines]


def _text(value: Cell) -> str:
    """A cell for the PDF: ETP and limits as « 0,8 », « 37,5 »; counts and amounts French."""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return number(value)
    if isinstance(value, int | Decimal):
        return format_value(value)
    return ""


def statement_pdf(st: Statement, out: Path) -> None:
    types = [TYPE_HEAD] + [[t, format_int(p), format_value(a)] for t, p, a in type_rows(st)]
    types.append(["Total", format_int(st.result.points), format_value(st.result.amount)])
    workers = [WORKER_HEAD] + [[_text(c) if i != 1 or not isinstance(c, float)
                                else format_fte(c) for i, c in enumerate(row)]
                               for row in _worker_rows(st)]
    lines = [LINE_HEAD] + [[_text(c) for c in row] for row in _line_rows(st)]
    story: list[Flowable] = [
        pdf.title(f"{DOCUMENT} — {_period(st)}"),
        pdf.para(st.association, size=11, bold=True),
        KeepTogether([pdf.heading("Totaux par type de mesure"),
                      pdf.table(types, [80 * mm, 35 * mm, 45 * mm],
                                bold_rows=[len(types) - 1])]),
        KeepTogether([pdf.heading("Par travailleur social (mesures dont il est référent)"),
                      pdf.table(workers, [WIDTH - 6 * 32 * mm] + [32 * mm] * 6,
                                bold_rows=[len(workers) - 1])]),
        pdf.heading("Détail des lignes du relevé"),
    ]
    if len(lines) > 1:
        story.append(pdf.table(lines, [20 * mm, 50 * mm, 35 * mm, 32 * mm, 15 * mm, 13 * mm,
                                       27 * mm, WIDTH - 192 * mm], numeric_from=4, size=7.5,
                                text_columns=[7]))
    else:
        story.append(pdf.para("Aucune mesure n'a rien rapporté ce mois-ci."))
    story.append(Spacer(1, 3 * mm))
    pdf.build(out, story, association=st.association, document=DOCUMENT, period=_period(st),
              wide=True, status=_status(st))


def statement_xlsx(st: Statement, out: Path) -> None:
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Synthèse", st.association, DOCUMENT, _period(st),
                        status=_status(st))
    xlsx.put_row(ws, 4, TYPE_HEAD, header=True)
    row = 5
    for values in type_rows(st):
        xlsx.put_row(ws, row, list(values))
        row += 1
    xlsx.put_row(ws, row, ["Total", st.result.points, st.result.amount], bold=True)
    row += 2
    xlsx.put_row(ws, row, WORKER_HEAD, header=True)
    workers = _worker_rows(st)
    for offset, cells in enumerate(workers, start=1):
        xlsx.put_row(ws, row + offset, cells, bold=offset == len(workers))
        ws.cell(row=row + offset, column=2).number_format = xlsx.FTE_FORMAT
    xlsx.widths(ws, [40, 12, 12, 18, 12, 18, 16])
    detail = xlsx.add_sheet(workbook, "Détail", st.association, DOCUMENT, _period(st),
                            status=_status(st))
    xlsx.put_row(detail, 4, LINE_HEAD, header=True)
    for offset, cells in enumerate(_line_rows(st), start=5):
        xlsx.put_row(detail, offset, cells)
    xlsx.widths(detail, [12, 34, 22, 20, 9, 9, 14, 60])
    xlsx.save(workbook, out)

