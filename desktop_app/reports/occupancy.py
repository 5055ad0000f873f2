"""ALT occupancy table of a month for the SPSLH (XLSX): per home for which the FAL is paid,
the days occupied, the households (FSL reference), entries, exits, vacancies and their
justification. Who stays where, and so the days occupied, is the funding engine's
`occupations` (stays clipped at the measure's closing); paid days and amounts are those of the
funding lines (P5): a day a household stays outside its measure's periods is occupied but not
paid, and counted as such."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop_app.domain.dates import Month, overlap
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.funding import MonthPoints, compute_month_points
from desktop_app.domain.funding.occupancy import justified_vacancy_days, occupations
from desktop_app.domain.funding.results import FAL_GESTION, FAL_VACANCE
from desktop_app.domain.model import Caseload, MeasureType
from desktop_app.reports.common import Cell, output_kind

DOCUMENT = "Tableau d'occupation des logements ALT"
NO_REFERENCE = "(sans référence)"
HEAD = ["Logement", "Jours d'occupation", "dont jours non payés (hors mesure)",
        "Ménage(s) (réf. FSL)", "Entrées", "Sorties", "Jours sans occupant",
        "dont jours de vacance rémunérés", "Justification de la vacance", "Montant FAL du mois"]


@dataclass(slots=True)
class HomeMonth:
    address: str
    occupied_days: int = 0
    #: Occupied days the FAL does not pay: the household stays outside its measure's periods.
    unpaid_days: int = 0
    households: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    exits: list[str] = field(default_factory=list)
    empty_days: int = 0
    paid_vacancy_days: int = 0
    justification: list[str] = field(default_factory=list)
    amount: Decimal = Decimal("0.00")


def occupancy_rows(caseload: Caseload, month: Month,
                   result: MonthPoints | None = None) -> list[HomeMonth]:
    """One row per home with a FAL line or a FAL household staying in `month`, by address."""
    result = result or compute_month_points(caseload, month)
    first, last = month.first_day, month.last_day
    homes = {h.id: h for h in caseload.homes}
    refs = {h.id: h.reference or NO_REFERENCE for h in caseload.households}
    rows: dict[str, HomeMonth] = {}

    def row_of(home_id: str) -> HomeMonth:
        home = homes.get(home_id)
        return rows.setdefault(home_id, HomeMonth(home.address if home else home_id))

    paid_days: dict[str, int] = {}
    for line in result.lines:
        if line.type is not MeasureType.FAL or line.home is None:
            continue
        row = row_of(line.home)
        row.amount += line.amount
        if line.item == FAL_GESTION:
            paid_days[line.home] = line.days or 0
        elif line.item == FAL_VACANCE:
            row.paid_vacancy_days = line.days or 0
    present: dict[str, set[date]] = defaultdict(set)
    for stay in sorted(occupations(caseload.measures), key=lambda s: s.start):
        days = stay.days_within(first, last)
        if not days:
            continue
        row = row_of(stay.home)
        present[stay.home].update(days)
        ref = refs.get(stay.measure.household, NO_REFERENCE)
        if ref not in row.households:
            row.households.append(ref)
        if first <= stay.start <= last:
            row.entries.append(f"{format_date(stay.start)} ({ref})")
        if stay.end is not None and first <= stay.end <= last:
            row.exits.append(f"{format_date(stay.end)} ({ref})")
    for home_id, row in rows.items():
        row.occupied_days = len(present[home_id])
        row.unpaid_days = row.occupied_days - paid_days.get(home_id, 0)
        row.empty_days = month.days - row.occupied_days
        row.justification = _justification(caseload, home_id, month, row)
    return sorted(rows.values(), key=lambda r: r.address)


def _justification(caseload: Caseload, home_id: str, month: Month, row: HomeMonth) -> list[str]:
    """The recorded vacancies of the month, and the paid gap between two households."""
    home = next((h for h in caseload.homes if h.id == home_id), None)
    texts = []
    for vacancy in home.vacancies if home is not None else []:
        days = overlap(vacancy.start, vacancy.end, month.first_day, month.last_day)
        if days is None:
            continue
        kind = "Vacance technique justifiée" if vacancy.justified else "Vacance non justifiée"
        texts.append(f"{kind} du {format_date(vacancy.start)} au {format_date(vacancy.end)}")
    justified = len(justified_vacancy_days(home, month.first_day, month.last_day))
    gap = row.paid_vacancy_days - min(justified, row.paid_vacancy_days)
    if gap:
        texts.append(f"Vacance entre deux ménages : {gap} jour{'s' if gap > 1 else ''} "
                     f"rémunéré{'s' if gap > 1 else ''} (31 jours au plus)")
    if row.empty_days and not texts:
        texts.append("Vacance non rémunérée")
    if row.unpaid_days:
        texts.append(f"{row.unpaid_days} jour{'s' if row.unpaid_days > 1 else ''} "
                     f"d'occupation hors période de la mesure FAL, non "
                     f"payé{'s' if row.unpaid_days > 1 else ''} : renouveler ou clore la mesure")
    return texts


def write_occupancy_table(caseload: Caseload, month: Month, out: Path,
                          result: MonthPoints | None = None) -> None:
    """Write the ALT occupancy table of `month` to `out` (.xlsx)."""
    output_kind(Path(out), (".xlsx",))
    from desktop_app.reports import xlsx
    from desktop_app.reports.document_status import DocumentStatus

    rows = occupancy_rows(caseload, month, result)
    period = format_month(month)
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Occupation", caseload.association.name, DOCUMENT, period,
                        status=DocumentStatus.of_period(month.first_day, month.last_day))
    ws["A3"] = (f"Logements ALT pour lesquels le FAL est versé — {period} (du "
                f"{format_date(month.first_day)} au {format_date(month.last_day)})")
    xlsx.put_row(ws, 5, HEAD, header=True)
    line = 6
    for row in rows:
        xlsx.put_row(ws, line, [
            row.address, row.occupied_days, row.unpaid_days, "\n".join(row.households),
            "\n".join(row.entries), "\n".join(row.exits), row.empty_days, row.paid_vacancy_days,
            "\n".join(row.justification), row.amount])
        line += 1
    if not rows:
        xlsx.put(ws, line, 1, "Aucun logement ALT n'a donné lieu au versement du FAL ce mois-ci.")
        line += 1
    total: list[Cell] = [
        "Total", sum(r.occupied_days for r in rows), sum(r.unpaid_days for r in rows),
        "", "", "",
        sum(r.empty_days for r in rows), sum(r.paid_vacancy_days for r in rows), "",
        sum((r.amount for r in rows), Decimal("0.00"))]
    xlsx.put_row(ws, line, total, bold=True)
    xlsx.widths(ws, [36, 13, 16, 22, 26, 26, 13, 16, 44, 15])
    xlsx.save(workbook, out)
