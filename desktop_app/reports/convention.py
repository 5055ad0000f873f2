"""Convention follow-up of a year (rule Q3), as PDF or XLSX: per measure type, agreed
against carried out, the 70 % advance and the expected balance or repayment. The figures
are `convention_followup`'s (domain), unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop_app.domain.fr import format_date, format_decimal
from desktop_app.domain.indicators import ConventionFollowup, convention_followup
from desktop_app.domain.model import Caseload
from desktop_app.domain.money import format_eur
from desktop_app.reports.common import Cell, output_kind
from desktop_app.reports.labels import TYPE_SHORT

DOCUMENT = "Suivi de la convention"
HEAD = ["Mesure", "Objectif", "Convenu", "Réalisé", "Taux de réalisation", "Montant réalisé",
        "Subvention maximale", "Avance versée (70 %)", "Montant dû", "Solde"]
ESTIMATED = "*"


def table_rows(f: ConventionFollowup) -> list[list[Cell]]:
    """One row per count line; the money of a type on its first line."""
    rows: list[list[Cell]] = []
    for row in f.rows:
        for index, count in enumerate(row.counts):
            money: list[Cell] = [""] * 5
            if index == 0:
                subsidy = row.max_subsidy
                money = [row.amount_done, subsidy, row.advance if subsidy is not None else None,
                         row.due, row.balance]
            rows.append([TYPE_SHORT[row.type] if index == 0 else "", count.label, count.agreed,
                         count.done, count.rate, *money])
    return rows


def totals(f: ConventionFollowup) -> list[Cell]:
    def total(values: list[Decimal | None]) -> Decimal | None:
        return None if any(v is None for v in values) else sum(
            (v for v in values if v is not None), Decimal("0.00"))

    settled = f.convention is not None
    return ["Total", "", "", "", "", total([r.amount_done for r in f.rows]),
            total([r.max_subsidy for r in f.rows]) if settled else None,
            total([r.advance for r in f.rows]) if settled else None,
            total([r.due for r in f.rows]), f.balance]


def verdict(f: ConventionFollowup) -> str:
    """The sentence that sums the follow-up up (French)."""
    if f.convention is None:
        return (f"Aucune convention n'est enregistrée pour {f.year} : saisissez ses objectifs "
                f"(points mensuels, FAL, DSF) et ses subventions pour calculer le solde.")
    balance = f.balance or Decimal("0.00")
    if balance >= 0:
        return f"Solde attendu au premier trimestre {f.year + 1} : {format_eur(balance)}."
    return (f"Remboursement attendu : {format_eur(-balance)} (la subvention versée dépasse "
            f"l'activité réalisée).")


def notes(f: ConventionFollowup) -> list[str]:
    texts = [f"Période : du {format_date(f.first_day)} au {format_date(f.last_day)}. Objectifs "
             f"de points : points mensuels de la convention × nombre de mois de la période.",
             "Montant dû : montant réalisé dans la limite de la subvention maximale ; solde = "
             "montant dû − avance de 70 % (négatif : à rembourser). Les diagnostics ASLL sont "
             "rémunérés sur la subvention ASLL."]
    if any(r.estimated for r in f.rows):
        texts.append("Subvention maximale non saisie : estimée à partir des objectifs de la "
                     "convention et du tarif en vigueur.")
    return texts


def format_rate(value: float | None) -> str:
    return "—" if value is None else f"{format_decimal(value)} %"


def write_convention_followup(caseload: Caseload, year: int, out: Path) -> None:
    """Write the convention follow-up of `year` to `out` (.pdf or .xlsx)."""
    kind = output_kind(Path(out))
    followup = convention_followup(caseload, year)
    from desktop_app.reports.convention_files import convention_pdf, convention_xlsx

    (convention_xlsx if kind == ".xlsx" else convention_pdf)(followup, Path(out))
