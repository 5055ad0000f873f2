"""The « Suivi » form of a measure: referent, decision, contract and the fields of its type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import (
    ASLL_CONTENTS,
    DSF_OUTCOMES,
    LONG_STAY,
    NOT_SIGNED,
    RETROACTIVE,
)
from desktop_app.domain.model import Contract, Measure, MeasureType
from desktop_app.ui.fields import CheckField, ChoiceField, DateField
from desktop_app.ui.forms import Form, Values

Pair = tuple[str, str, str]  # (key, later, earlier): `later` may not be before `earlier`
ORDER: dict[MeasureType, tuple[Pair, ...]] = {
    MeasureType.ASLL: (("sent_on", "signed_on", "CET signé"),),
    MeasureType.AML: (("lease_transferred_on", "agreement_on", "accord de principe"),),
    MeasureType.DSF: (("hearing_on", "summoned_on", "assignation"),),
}


def _choices(table: dict[Any, str]) -> list[tuple[str, Any]]:
    return [(text, code) for code, text in table.items()]


def build_general_form(form: Form, measure_type: MeasureType,
                       workers: list[tuple[str, str]]) -> None:
    """The fields for a measure of `measure_type`; `workers` are (name, id) pairs."""
    add = form.add
    add("referent", "Référent(e)", ChoiceField(workers), required=True)
    add("decision_date", "Date de décision", DateField())
    if measure_type is MeasureType.ASLL:
        add("asll_content", "Contenu", ChoiceField(_choices(ASLL_CONTENTS), empty="—"))
        add("retroactive", "Financement rétroactif", ChoiceField(_choices(RETROACTIVE),
                                                                  empty="Non"))
        add("signed_on", "CET signé le", DateField())
        add("sent_on", "CET envoyé au SLISL le", DateField())
        add("not_signed_on", "CET impossible à signer, constaté le", DateField())
        add("not_signed_reason", "Motif", ChoiceField(_choices(NOT_SIGNED), empty="—"))
    elif measure_type is MeasureType.AML:
        add("agreement_on", "Accord de principe le", DateField())
        add("signed_on", "Contrat CTOP signé le", DateField())
        add("lease_transferred_on", "Bail glissé le", DateField())
        add("concertation_on", "Concertation le", DateField())
        add("relay_authorized", "Relais", CheckField("Relais avec une autre mesure autorisé"))
    elif measure_type is MeasureType.FAL:
        add("long_stay_reason", "Séjour long", ChoiceField(_choices(LONG_STAY), empty="Non"))
        add("extension", "Prolongation", CheckField("Prolongation exceptionnelle de 4 mois"))
    elif measure_type is MeasureType.DSF:
        add("summoned_on", "Assignation le", DateField())
        add("hearing_on", "Audience le", DateField())
        add("outcome", "Résultat", ChoiceField(_choices(DSF_OUTCOMES), empty="Pas encore fait"))
        add("done_on", "Réalisé le", DateField())
        add("transmitted_on", "Transmis au SLISL le", DateField())
    else:
        add("done_on", "Réalisé le", DateField())
    form.validators.append(_validator(measure_type))


def _validator(measure_type: MeasureType) -> Callable[[Values], dict[str, str]]:
    def check(values: Values) -> dict[str, str]:
        problems = {}
        for later, earlier, name in ORDER.get(measure_type, ()):
            a, b = values.get(later), values.get(earlier)
            if isinstance(a, date) and isinstance(b, date) and a < b:
                problems[later] = (f"Cette date ({format_date(a)}) est avant la date de "
                                   f"l'{name} ({format_date(b)}).")
        if measure_type is MeasureType.ASLL and bool(values.get("not_signed_on")) != bool(
                values.get("not_signed_reason")):
            key = "not_signed_reason" if values.get("not_signed_on") else "not_signed_on"
            problems[key] = "Indiquez à la fois la date du constat et son motif."
        return problems

    return check


def general_values(measure: Measure) -> Values:
    contract = measure.contract or Contract()
    return {
        "referent": measure.referent, "decision_date": measure.decision_date,
        "retroactive": measure.retroactive, "asll_content": measure.asll_content,
        "signed_on": contract.signed_on,
        "sent_on": contract.sent_on, "not_signed_on": contract.not_signed_on,
        "not_signed_reason": contract.not_signed_reason, "agreement_on": measure.agreement_on,
        "lease_transferred_on": measure.lease_transferred_on,
        "concertation_on": measure.concertation_on, "relay_authorized": measure.relay_authorized,
        "long_stay_reason": measure.long_stay_reason, "extension": measure.extension,
        "summoned_on": measure.summoned_on, "hearing_on": measure.hearing_on,
        "outcome": measure.outcome, "done_on": measure.done_on,
        "transmitted_on": measure.transmitted_on,
    }


def apply_general(measure: Measure, values: Values) -> Measure:
    """`measure` with the form's values (only the keys the form has)."""
    changes = {k: v for k, v in values.items()
               if k not in ("signed_on", "sent_on", "not_signed_on", "not_signed_reason")}
    contract_keys = {k: values[k] for k in ("signed_on", "sent_on", "not_signed_on",
                                            "not_signed_reason") if k in values}
    if contract_keys:
        contract = measure.contract or Contract()
        contract = replace(contract, **contract_keys)
        changes["contract"] = None if contract == Contract() else contract
    return replace(measure, **changes)
