"""Profile of the households supported in a year: composition, age bracket of the applicant,
resources bracket, territory. Bracket limits are data (the grid layout file gives them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from desktop_app.domain.indicators.model import TypeIndicators
from desktop_app.domain.model import Household, MemberRole, Territory
from desktop_app.domain.money import format_eur
from desktop_app.domain.reference_lists import TERRITORY_LABELS

SINGLE = "Personne seule"
COUPLE = "Couple sans enfant"
SINGLE_PARENT = "Famille monoparentale"
FAMILY = "Couple avec enfant(s)"
OTHER = "Autre composition"
UNKNOWN_COMPOSITION = "Composition non renseignée"
COMPOSITIONS = (SINGLE, COUPLE, SINGLE_PARENT, FAMILY, OTHER, UNKNOWN_COMPOSITION)
UNKNOWN_AGE = "Âge non renseigné"
UNKNOWN_RESOURCES = "Ressources non renseignées"
UNKNOWN_TERRITORY = "Territoire non renseigné"


@dataclass(frozen=True, slots=True)
class ProfileBrackets:
    """Lower limits of the age brackets (years) and of the monthly resources brackets (€)."""

    age_limits: tuple[int, ...] = (25, 35, 45, 55, 65)
    resources_limits: tuple[int, ...] = (500, 1000, 1500)


def composition(household: Household) -> str:
    """By the roles of the members besides the applicant: a spouse, children; members of
    role `autre` change nothing unless they are the only other members."""
    if not household.members:
        return UNKNOWN_COMPOSITION
    roles = Counter(m.role for m in household.members)
    spouse, children = roles[MemberRole.CONJOINT] > 0, roles[MemberRole.ENFANT] > 0
    if spouse:
        return FAMILY if children else COUPLE
    if children:
        return SINGLE_PARENT
    return OTHER if roles[MemberRole.AUTRE] else SINGLE


def age_labels(limits: tuple[int, ...]) -> list[str]:
    labels = [f"Moins de {limits[0]} ans"]
    labels += [f"De {lo} à {hi - 1} ans" for lo, hi in pairwise(limits)]
    return [*labels, f"{limits[-1]} ans et plus", UNKNOWN_AGE]


def resources_labels(limits: tuple[int, ...]) -> list[str]:
    def eur(n: int) -> str:
        return format_eur(Decimal(n)).replace(",00", "")

    labels = [f"Moins de {eur(limits[0])}"]
    labels += [f"De {eur(lo)} à moins de {eur(hi)}" for lo, hi in pairwise(limits)]
    return [*labels, f"{eur(limits[-1])} et plus", UNKNOWN_RESOURCES]


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _bracket(value: Decimal | int, limits: tuple[int, ...], labels: list[str]) -> str:
    index = sum(1 for limit in limits if value >= limit)
    return labels[index]


def applicant_birth(household: Household) -> date | None:
    for member in household.members:
        if member.role is MemberRole.DEMANDEUR:
            return member.birth_date
    return None


def fill_profile(ind: TypeIndicators, supported: dict[str, date],
                 households: dict[str, Household], brackets: ProfileBrackets) -> None:
    """`supported`: household id → first day supported in N (the day its age is taken on)."""
    ages, money = age_labels(brackets.age_limits), resources_labels(brackets.resources_limits)
    comp: Counter[str] = Counter()
    age: Counter[str] = Counter()
    res: Counter[str] = Counter()
    terr: Counter[Territory | None] = Counter()
    for household_id, day in supported.items():
        household = households.get(household_id)
        if household is None:
            comp[UNKNOWN_COMPOSITION] += 1
            age[UNKNOWN_AGE] += 1
            res[UNKNOWN_RESOURCES] += 1
            terr[None] += 1
            continue
        comp[composition(household)] += 1
        birth = applicant_birth(household)
        age[UNKNOWN_AGE if birth is None else _bracket(age_on(birth, day),
                                                     brackets.age_limits, ages)] += 1
        amount = household.monthly_resources
        res[UNKNOWN_RESOURCES if amount is None else _bracket(amount, brackets.resources_limits,
                                                             money)] += 1
        terr[household.territory] += 1
    ind.composition = {label: comp[label] for label in COMPOSITIONS}
    ind.age = {label: age[label] for label in ages}
    ind.resources = {label: res[label] for label in money}
    ind.territory = {TERRITORY_LABELS[t]: terr[t] for t in Territory}
    ind.territory[UNKNOWN_TERRITORY] = terr[None]
