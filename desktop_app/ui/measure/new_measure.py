"""« Nouvelle mesure » for a household: type, referent, decision and its first period."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.domain.alerts.durations import duration_problems
from desktop_app.domain.alerts.renewal import (
    PERIOD_TYPES,
    default_level,
    first_period,
    first_start,
)
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import (
    ASLL_CONTENTS,
    LEVELS,
    MEASURE_TYPE_NAMES,
    MEASURE_TYPES,
    RETROACTIVE,
)
from desktop_app.domain.model import Measure, MeasureType, Period, PeriodKind
from desktop_app.ui.fields import ChoiceField, DateField
from desktop_app.ui.forms import FormDialog, Values
from desktop_app.ui.measure.dialogs import end_after_start


def new_measure_dialog(parent: QWidget, household: str, workers: list[tuple[str, str]],
                       current_worker: str | None,
                       submit: Callable[[Measure, FormDialog], None]) -> FormDialog:
    """`submit(measure_without_id, dialog)` saves it (the id is given by the store)."""
    dialog = FormDialog(parent, "Nouvelle mesure",
                        "Pour une ASLL, la première période commence le 1er du mois qui suit la "
                        "décision de la CL, sauf financement rétroactif : ménage sortant de CHRS "
                        "ou d'un logement temporaire (ALT…), ou rencontré lors d'un DSF (la "
                        "mesure débute alors le 1er du mois qui suit le diagnostic).")
    form = dialog.form
    kind = form.add("type", "Mesure", ChoiceField(
        [(MEASURE_TYPES[code], code) for code in MEASURE_TYPE_NAMES]), required=True,
        hint="ASLL : accompagnement social lié au logement ; AML : aide à la médiation "
             "locative ; FAL : forfait annuel logement (ALT) ; DSF : diagnostic social et "
             "financier")
    referent = form.add("referent", "Référent(e)", ChoiceField(workers), required=True)
    referent.set_value(current_worker)
    decision = form.add("decision_date", "Date de décision", DateField())
    start = form.add("start", "Début de la première période", DateField())
    end = form.add("end", "Fin de la première période", DateField())
    level = form.add("level", "Niveau", ChoiceField([(t, c) for c, t in LEVELS.items()]))
    content = form.add("asll_content", "Contenu (ASLL)", ChoiceField(
        [(t, c) for c, t in ASLL_CONTENTS.items()], empty="—"),
        hint="L'annexe ASLL distingue l'accès à un logement et le maintien dans le logement.")
    retroactive = form.add("retroactive", "Financement rétroactif", ChoiceField(
        [(text, code) for code, text in RETROACTIVE.items()], empty="Non"),
        hint="ASLL seulement : le motif qui permet un début avant le 1er du mois qui suit "
             "la décision")

    def propose() -> None:
        measure_type: MeasureType = kind.value()
        try:
            proposed = first_start(measure_type, decision.value())
            if proposed is not None and not start.text().strip():
                start.set_value(proposed)
            begin = start.value()
        except ValueError:
            return
        if begin is not None and not end.text().strip():
            end.set_value(first_period(measure_type, begin))
        level.setEnabled(default_level(measure_type) is not None)
        content.setEnabled(measure_type is MeasureType.ASLL)
        retroactive.setEnabled(measure_type is MeasureType.ASLL)

    decision.editingFinished.connect(propose)
    start.editingFinished.connect(propose)
    kind.edited.connect(propose)
    form.validators.append(end_after_start())

    def periods_needed(values: Values) -> dict[str, str]:
        problems = {}
        if values["type"] in PERIOD_TYPES:
            for key in ("start", "end"):
                if values[key] is None:
                    problems[key] = "Indiquez la période décidée (JJ/MM/AAAA)."
        if not problems and values["start"] is not None and values["end"] is None:
            problems["end"] = "Indiquez aussi la fin de la période."
        decided = values["decision_date"]
        if not problems and decided and values["start"] and values["start"] < decided:
            if values["type"] is not MeasureType.ASLL:
                problems["start"] = (f"La période commence avant la décision "
                                     f"({format_date(decided)}).")
            elif values["retroactive"] is None:
                problems["start"] = (
                    f"La période commence avant la décision de la CL "
                    f"({format_date(decided)}) : ce n'est possible qu'avec un financement "
                    f"rétroactif, pour un ménage sortant de CHRS ou d'un logement temporaire "
                    f"(ALT…), ou rencontré lors d'un DSF. Choisissez le motif dans "
                    f"« Financement rétroactif », ou corrigez la date de début.")
        return problems

    form.validators.append(periods_needed)

    def check_limits(values: Values) -> dict[str, str]:
        measure = _measure(household, values)
        if not measure.periods:
            return {}
        problems = duration_problems(measure)
        return {"end": "Durée non conforme : " + " ; ".join(problems) + "."} if problems else {}

    form.validators.append(check_limits)
    dialog.on_submit = lambda values: submit(_measure(household, values), dialog)
    propose()
    return dialog


def _measure(household: str, values: Values) -> Measure:
    measure_type: MeasureType = values["type"]
    level = values["level"] if default_level(measure_type) is not None else None
    periods = []
    if values["start"] is not None and values["end"] is not None:
        periods.append(Period(values["start"], values["end"], level, PeriodKind.INITIALE))
    asll = measure_type is MeasureType.ASLL
    return Measure(id="", household=household, type=measure_type, referent=values["referent"],
                   decision_date=values["decision_date"], periods=periods,
                   asll_content=values["asll_content"] if asll else None,
                   retroactive=values["retroactive"] if asll else None)
