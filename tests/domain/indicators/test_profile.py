"""Profile of the households supported: composition, age bracket, resources, territory."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.indicators import ProfileBrackets, TypeIndicators
from desktop_app.domain.indicators.profile import (
    age_labels,
    age_on,
    composition,
    fill_profile,
    resources_labels,
)
from desktop_app.domain.model import MeasureType, MemberRole, Territory
from tests.domain.indicators.builders import household

R = MemberRole


def test_composition_from_the_roles() -> None:
    assert composition(household("a", R.DEMANDEUR)) == "Personne seule"
    assert composition(household("a", R.DEMANDEUR, R.CONJOINT)) == "Couple sans enfant"
    assert composition(household("a", R.DEMANDEUR, R.ENFANT, R.ENFANT)) == "Famille monoparentale"
    assert composition(household("a", R.DEMANDEUR, R.CONJOINT, R.ENFANT)) == \
        "Couple avec enfant(s)"
    # an `autre` member (a parent hosted…) changes nothing beside a spouse or children
    assert composition(household("a", R.DEMANDEUR, R.ENFANT, R.AUTRE)) == "Famille monoparentale"
    assert composition(household("a", R.DEMANDEUR, R.AUTRE)) == "Autre composition"
    assert composition(household("a")) == "Composition non renseignée"


def test_age_on_the_birthday_and_the_day_before() -> None:
    born = date(2000, 3, 15)
    assert age_on(born, date(2025, 3, 14)) == 24
    assert age_on(born, date(2025, 3, 15)) == 25
    # born 29/02/2004: 21 on 01/03/2025, still 20 on 28/02/2025
    assert age_on(date(2004, 2, 29), date(2025, 2, 28)) == 20
    assert age_on(date(2004, 2, 29), date(2025, 3, 1)) == 21


def test_bracket_labels_follow_the_limits() -> None:
    assert age_labels((25, 35)) == ["Moins de 25 ans", "De 25 à 34 ans", "35 ans et plus",
                                    "Âge non renseigné"]
    nbsp = "\u00a0"
    assert resources_labels((500, 1000)) == [
        f"Moins de 500{nbsp}€", f"De 500{nbsp}€ à moins de 1{nbsp}000{nbsp}€",
        f"1{nbsp}000{nbsp}€ et plus", "Ressources non renseignées"]


def test_profile_counts_each_household_once_in_its_bracket() -> None:
    # Applicant born 15/03/2000: 24 on 01/02/2025 (support starts), 25 later → « Moins de 25 ».
    young = household("a", R.DEMANDEUR, birth=date(2000, 3, 15), resources="499.99",
                      territory=Territory.LENS_LIEVIN)
    # born 01/01/1960: 65 on 01/01/2025 → « 65 ans et plus »; 500,00 € → second bracket.
    old = household("b", R.DEMANDEUR, R.CONJOINT, birth=date(1960, 1, 1), resources="500.00",
                    territory=Territory.ARRAGEOIS)
    unknown = household("c", territory=None)
    ind = TypeIndicators(MeasureType.ASLL)
    fill_profile(ind, {"a": date(2025, 2, 1), "b": date(2025, 1, 1), "c": date(2025, 6, 1)},
                 {h.id: h for h in (young, old, unknown)}, ProfileBrackets())
    assert ind.age["Moins de 25 ans"] == 1 and ind.age["65 ans et plus"] == 1
    assert ind.age["Âge non renseigné"] == 1 and sum(ind.age.values()) == 3
    assert list(ind.resources.values()) == [1, 1, 0, 0, 1]
    assert ind.composition["Personne seule"] == 1 and ind.composition["Couple sans enfant"] == 1
    # all eight territories in the list's order, zeros included, then « autre » and
    # « non renseigné » (the DSF sheet no longer drops a territory without households)
    assert ind.territory == {
        "Arrageois": 1, "Artois": 0, "Audomarois": 0, "Boulonnais": 0, "Calaisis": 0,
        "Hénin-Carvin": 0, "Lens-Liévin": 1, "Montreuillois-Ternois": 0,
        "Autre territoire": 0, "Territoire non renseigné": 1}
