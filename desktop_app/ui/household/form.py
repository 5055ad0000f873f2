"""The fields of a household's identity, shared by « Nouveau ménage » and the household file."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.domain.model import Household, Territory
from desktop_app.domain.reference_lists import TERRITORY_LABELS
from desktop_app.ui.coded_fields import add_choice_with_other
from desktop_app.ui.fields import NumberField, TextField
from desktop_app.ui.forms import Form, Values


def add_household_fields(form: Form) -> None:
    form.add("name", "Nom du ménage", TextField(placeholder="NOM Prénom"), required=True)
    form.add("reference", "Référence FSL", TextField(placeholder="FSL-2025-0042"))
    form.add("address", "Adresse", TextField())
    form.add("postcode", "Code postal", TextField(placeholder="62000"))
    form.add("city", "Commune", TextField())
    add_choice_with_other(form, "territory", "Territoire",
                          [(TERRITORY_LABELS[t], t) for t in Territory], Territory.AUTRE,
                          "territory_other", "Autre territoire", empty="— non renseigné —")
    form.add("phone", "Téléphone", TextField(placeholder="06 01 02 03 04"))
    form.add("monthly_resources", "Ressources mensuelles (€)",
             NumberField(minimum=Decimal(0), placeholder="1 234,56"))
    form.validators.append(_check_household)


def _check_household(values: Values) -> dict[str, str]:
    problems = {}
    postcode = values.get("postcode")
    if postcode and not re.fullmatch(r"\d{5}", postcode):
        problems["postcode"] = "Le code postal a 5 chiffres, par exemple 62000."
    phone = values.get("phone")
    if phone and len(re.sub(r"[ .\-]", "", phone).lstrip("+")) not in (10, 11):
        problems["phone"] = "Numéro non reconnu : 10 chiffres, par exemple 06 01 02 03 04."
    return problems


def household_values(household: Household) -> Values:
    return {
        "name": household.name, "reference": household.reference,
        "address": household.address, "postcode": household.postcode, "city": household.city,
        "territory": household.territory, "territory_other": household.territory_other,
        "phone": household.phone,
        "monthly_resources": household.monthly_resources,
    }


def apply_household_values(household: Household, values: Values) -> Household:
    """`household` with the form's values (a new object; members are kept)."""
    resources = values["monthly_resources"]
    return Household(
        id=household.id, name=values["name"], reference=values["reference"],
        address=values["address"], postcode=values["postcode"], city=values["city"],
        territory=values["territory"], territory_other=values["territory_other"],
        phone=values["phone"],
        monthly_resources=None if resources is None else resources.quantize(Decimal("0.01")),
        members=list(household.members),
    )
