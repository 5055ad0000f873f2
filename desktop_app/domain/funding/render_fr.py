"""The month's statement as a readable French table (`points --month` without `--json`)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.domain.fr import format_decimal, format_fte, format_month
from desktop_app.domain.funding.results import MonthPoints, QuotaFigures
from desktop_app.domain.model import Worker
from desktop_app.domain.money import format_eur

ITEM_LABELS = {
    "mensuel": "Points du mois",
    "cet_non_signe": "CET non signé",
    "diagnostic": "Diagnostic ASLL",
    "fal_accompagnement": "FAL accompagnement",
    "fal_gestion": "FAL gestion locative",
    "fal_vacance": "FAL vacance",
    "dsf": "DSF",
}


def _number(value: float) -> str:
    """« 75 », « 37,5 »."""
    return str(int(value)) if value == int(value) else format_decimal(value, 2).rstrip("0")


def _points(count: int) -> str:
    return f"{count} point" if abs(count) <= 1 else f"{count} points"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Columns padded to their widest cell, those in `right` aligned right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def render(row: Sequence[str]) -> str:
        cells = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(cells).rstrip()

    return [render(header), *(render(r) for r in rows)]


def _fte(fte: float) -> str:
    """« 1,00 », « 0,80 », « 0,75 »."""
    return format_fte(fte)


def _quota_row(name: str, fte: float, figures: QuotaFigures) -> list[str]:
    return [name, _fte(fte), str(figures.points),
            _number(figures.limit), str(figures.fal), _number(figures.fal_limit)]


def format_month_points_fr(result: MonthPoints, caseload_workers: list[Worker]) -> str:
    """Lines, totals per measure type and quotas of the month, in French, amounts as
    « 1 234,56 € » and worker names instead of their ids."""
    names = {w.id: w.name for w in caseload_workers}
    when = format_month(result.month)
    out = [f"Points et montants de {when}", ""]
    if result.lines:
        rows = [[line.type.value, ITEM_LABELS.get(line.item, line.item), line.measure or "",
                 line.household or "", line.home or "",
                 names.get(line.referent, line.referent) if line.referent else "",
                 str(line.points), "" if line.days is None else str(line.days),
                 format_eur(line.amount)] for line in result.lines]
        out += table(["Type", "Poste", "Mesure", "Ménage", "Logement", "Référent", "Points",
                      "Jours", "Montant"], rows, right={6, 7, 8})
        reasons = [f"  {line.measure or line.home} : {line.reason}"
                   for line in result.lines if line.reason]
        if reasons:
            out += ["", "Motifs :", *reasons]
    else:
        out.append(f"Aucune ligne payée en {when}.")
    out += ["", f"Total : {_points(result.points)}, {format_eur(result.amount)}", ""]
    out += table(["Type de mesure", "Points", "Montant"],
                 [[t.value, str(total.points), format_eur(total.amount)]
                  for t, total in result.by_type.items()], right={1, 2})
    out += ["", "Plafonds par ETP (points du mois ; FAL en cours)", ""]
    total_fte = sum(q.fte for q in result.workers)
    rows = [_quota_row("Association", total_fte, result.association)]
    rows += [_quota_row(names.get(q.worker, q.worker), q.fte, q.figures)
             for q in result.workers]
    out += table(["", "ETP", "Points", "Plafond", "FAL", "Plafond FAL"], rows,
                 right={1, 2, 3, 4, 5})
    return "\n".join(out)
