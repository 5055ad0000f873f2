"""The grid checks itself before it is sent: every problem said in French."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop_app.domain.fr import format_month
from desktop_app.domain.indicators.model import TypeIndicators, YearIndicators
from desktop_app.domain.model import MeasureType
from desktop_app.domain.money import format_eur

ZERO = Decimal("0.00")
#: How the checks name a measure type.
TYPE_LABELS = {
    MeasureType.ASLL: "ASLL",
    MeasureType.ASLL_DIAG: "Diagnostics ASLL",
    MeasureType.AML: "AML",
    MeasureType.FAL: "FAL",
    MeasureType.DSF: "DSF",
}


def _households(count: int) -> str:
    if count == 0:
        return "aucun ménage accompagné"
    if count == 1:
        return "le ménage accompagné"
    return f"les {count} ménages accompagnés"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One self-check of the grid: what was checked (French, with the figures) and the
    problems found (none: the check passed)."""

    label: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check_results(ind: YearIndicators) -> list[CheckResult]:
    """In force on 1/1 + new − exits = in force on 31/12 for every type with periods; the
    profile of each type covers all its households; the points and amounts of each month
    equal the monthly statement (its totals, the sum of its lines, the sum of its types)."""
    results = []
    for t in ind.types.values():
        name = TYPE_LABELS[t.type]
        if t.in_force_start is not None:
            results.append(CheckResult(
                f"{name} : en cours au 01/01/{ind.year} ({t.in_force_start}) + débutées "
                f"({t.new}) − sorties ({t.exits}) = en cours au 31/12/{ind.year} "
                f"({t.in_force_end})", tuple(_stock_problems(t, ind.year))))
        results.append(CheckResult(f"{name} : profil complet pour {_households(t.households)}",
                                   tuple(_profile_problems(t))))
    results.append(CheckResult(
        f"Points et montants de chaque mois de {ind.year} égaux aux relevés mensuels",
        tuple(_month_problems(ind))))
    fal = ind.fal
    parts = fal.support_amount + fal.management_amount + fal.vacancy_amount
    total = ind.types[MeasureType.FAL].amount if MeasureType.FAL in ind.types else parts
    results.append(CheckResult(
        "FAL : accompagnement + gestion locative + vacance = montant de la FAL",
        () if parts == total else (
            f"FAL : {format_eur(fal.support_amount)} + {format_eur(fal.management_amount)} "
            f"+ {format_eur(fal.vacancy_amount)} = {format_eur(parts)}, montant de la FAL "
            f"{format_eur(total)}.",)))
    return results


def check_indicators(ind: YearIndicators) -> list[str]:
    """Every problem found by `check_results`, in French (empty: the grid is consistent)."""
    return [p for result in check_results(ind) for p in result.problems]


def continuity_result(previous: YearIndicators, current: YearIndicators) -> CheckResult:
    return CheckResult(
        f"Mesures en cours au 31/12/{previous.year} = mesures en cours au 01/01/{current.year}",
        tuple(check_continuity(previous, current)))


def check_continuity(previous: YearIndicators, current: YearIndicators) -> list[str]:
    """The measures in force at the end of N−1 are those in force on 1/1 of N."""
    problems = []
    for mtype, now in current.types.items():
        before = previous.types.get(mtype)
        if before is None or before.in_force_end is None or now.in_force_start is None:
            continue
        if before.in_force_end != now.in_force_start:
            problems.append(
                f"{TYPE_LABELS[mtype]} : {before.in_force_end} "
                f"mesure{'s' * (before.in_force_end > 1)} en cours au "
                f"31/12/{previous.year} mais {now.in_force_start} en cours au "
                f"01/01/{current.year}.")
    return problems


def _stock_problems(t: TypeIndicators, year: int) -> list[str]:
    if t.in_force_start is None or t.in_force_end is None or t.exits is None:
        return []
    problems = []
    name = TYPE_LABELS[t.type]
    expected = t.in_force_start + t.new - t.exits
    if expected != t.in_force_end:
        problems.append(
            f"{name} : en cours au 01/01/{year} ({t.in_force_start}) + débutées ({t.new}) "
            f"− sorties ({t.exits}) = {expected}, mais {t.in_force_end} en cours au "
            f"31/12/{year}.")
    by_reason = sum(t.exits_by_reason.values())
    if by_reason != t.exits:
        problems.append(f"{name} : {t.exits} sorties, mais {by_reason} sorties par motif.")
    return problems


def _profile_problems(t: TypeIndicators) -> list[str]:
    problems = []
    for name, breakdown in (("composition", t.composition), ("tranche d'âge", t.age),
                            ("ressources", t.resources), ("territoire", t.territory)):
        total = sum(breakdown.values())
        if breakdown and total != t.households:
            problems.append(f"{TYPE_LABELS[t.type]} : {t.households} ménages accompagnés, "
                            f"mais {total} ménages répartis par {name}.")
    return problems


def _month_problems(ind: YearIndicators) -> list[str]:
    problems = []
    if [m.month.month for m in ind.months] != list(range(1, 13)):
        problems.append(f"Il manque des mois de {ind.year} : {len(ind.months)} relevés sur 12.")
    for m in ind.months:
        when = format_month(m.month)
        type_points = sum(points for points, _ in m.by_type.values())
        type_amount = sum((amount for _, amount in m.by_type.values()), ZERO)
        if not m.points == m.lines_points == type_points:
            problems.append(f"{when} : {m.points} points au relevé, {m.lines_points} sur ses "
                            f"lignes, {type_points} par type de mesure.")
        if not m.amount == m.lines_amount == type_amount:
            problems.append(f"{when} : {format_eur(m.amount)} au relevé, "
                            f"{format_eur(m.lines_amount)} sur ses lignes, "
                            f"{format_eur(type_amount)} par type de mesure.")
        for t in ind.types.values():
            points, amount = m.by_type.get(t.type, (0, ZERO))
            index = m.month.month - 1
            if t.points_by_month[index] != points or t.amounts_by_month[index] != amount:
                problems.append(
                    f"{TYPE_LABELS[t.type]}, {when} : la grille indique "
                    f"{t.points_by_month[index]} points et "
                    f"{format_eur(t.amounts_by_month[index])}, le relevé mensuel {points} "
                    f"points et {format_eur(amount)}.")
    return problems
