"""Small forms of the Mesure screen: renew, suspend, close, report, notice, ALT stay.

Each builds a `FormDialog` whose submission hands `save` a change to apply to the stored
measure (`save(change, dialog)` loads it, applies, saves, then closes the dialog).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.domain.alerts.renewal import period_problems, propose_renewal
from desktop_app.domain.aml import (
    EVICTION_CAP,
    RENT_AND_DAMAGE_CAP,
    agreement_end,
    claim_problems,
    extension_problems,
)
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import (
    CLAIM_DECISIONS,
    LEVELS,
    NOTICE_KINDS,
    PERIOD_KINDS,
    REPORT_KINDS,
    SUSPENSION_REASONS,
)
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import (
    AgreementExtension,
    ExitReason,
    FailureClaim,
    Home,
    Measure,
    MeasureType,
    Notice,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Stay,
    Suspension,
)
from desktop_app.domain.money import format_eur
from desktop_app.domain.reference_lists import EXIT_LABELS, EXIT_REASONS
from desktop_app.ui.coded_fields import add_choice_with_other
from desktop_app.ui.fields import CheckField, ChoiceField, DateField, LinesField, NumberField
from desktop_app.ui.forms import FormDialog, Validator, Values

Change = Callable[[Measure], None]
Save = Callable[[Change, FormDialog], None]


def end_after_start(start: str = "start", end: str = "end") -> Validator:
    """Validator: the end is not before the start (message under the end)."""

    def check(values: Values) -> dict[str, str]:
        a, b = values.get(start), values.get(end)
        if isinstance(a, date) and isinstance(b, date) and b < a:
            return {end: f"La date de fin ({format_date(b)}) est avant la date de début "
                         f"({format_date(a)}) : corrigez l'une ou l'autre."}
        return {}

    return check


def _choices(table: Mapping[Any, str]) -> list[tuple[str, object]]:
    return [(text, code) for code, text in table.items()]


def renew_dialog(parent: QWidget, measure: Measure, save: Save) -> FormDialog:
    proposal = propose_renewal(measure)
    last_end = max(p.end for p in measure.periods) if measure.periods else None
    dialog = FormDialog(parent, "Renouveler la mesure",
                        "La période proposée suit les règles de durée de la mesure ; vous "
                        "pouvez l'ajuster.")
    form = dialog.form
    form.add("start", "Début", DateField(), required=True)
    form.add("end", "Fin", DateField(), required=True)
    if measure.type in (MeasureType.ASLL, MeasureType.AML):
        form.add("level", "Niveau", ChoiceField(_choices(LEVELS)))
    form.add("kind", "Nature", ChoiceField(_choices(PERIOD_KINDS)))
    if measure.type is MeasureType.AML:
        form.add("concertation", "Concertation le", DateField())
    if measure.type is MeasureType.FAL:
        form.add("extension", "Prolongation", CheckField("Prolongation exceptionnelle de 4 mois"))
    if proposal is not None:
        form.set_values({"start": proposal.start, "end": proposal.end, "level": proposal.level,
                         "kind": proposal.kind,
                         "extension": proposal.kind is PeriodKind.EXCEPTIONNELLE,
                         "concertation": measure.concertation_on})
    form.validators.append(end_after_start())

    def limits(values: Values) -> dict[str, str]:
        if last_end is not None and values["start"] <= last_end:
            return {"start": f"La nouvelle période doit commencer après la fin de la "
                             f"précédente ({format_date(last_end)})."}
        period = Period(values["start"], values["end"], values.get("level"), values["kind"])
        problems = period_problems(measure, period, extension=bool(values.get("extension")),
                                   concertation=values.get("concertation"))
        if problems:
            return {"end": "Durée non conforme : " + " ; ".join(problems) + "."}
        return {}

    form.validators.append(limits)

    def submit(values: Values) -> None:
        def change(m: Measure) -> None:
            m.periods.append(Period(values["start"], values["end"], values.get("level"),
                                    values["kind"]))
            if values.get("extension"):
                m.extension = True
            if values.get("concertation"):
                m.concertation_on = values["concertation"]

        save(change, dialog)

    dialog.on_submit = submit
    return dialog


def close_dialog(parent: QWidget, measure: Measure, today: date, save: Save) -> FormDialog:
    dialog = FormDialog(parent, "Clôturer la mesure",
                        "Après la clôture, la mesure ne rapporte plus de points et ses alertes "
                        "s'arrêtent.")
    form = dialog.form
    form.add("closed_on", "Clôturée le", DateField(), required=True).set_value(today)
    reasons = EXIT_REASONS.get(measure.type, (ExitReason.AUTRE,))
    add_choice_with_other(form, "reason", "Motif de sortie",
                          [(EXIT_LABELS[r], r) for r in reasons], ExitReason.AUTRE, "detail",
                          "Précision", required=True)
    span = in_force_span(measure)

    def check(values: Values) -> dict[str, str]:
        if span is not None and values["closed_on"] < span[0]:
            return {"closed_on": f"La clôture est avant le début de la mesure "
                                 f"({format_date(span[0])})."}
        return {}

    form.validators.append(check)

    def submit(values: Values) -> None:
        def change(m: Measure) -> None:
            m.closed_on, m.exit_reason = values["closed_on"], values["reason"]
            m.close_reason = values["detail"]

        save(change, dialog)

    dialog.on_submit = submit
    return dialog


def suspension_dialog(parent: QWidget, today: date, save: Save) -> FormDialog:
    dialog = FormDialog(parent, "Suspendre la mesure",
                        "Sans date de fin, la suspension court jusqu'à nouvel ordre.")
    form = dialog.form
    form.add("start", "Du", DateField(), required=True).set_value(today)
    form.add("end", "Au", DateField())
    form.add("reason", "Motif", ChoiceField(_choices(SUSPENSION_REASONS)))
    form.validators.append(end_after_start())
    dialog.on_submit = lambda v: save(
        lambda m: m.suspensions.append(Suspension(v["start"], v["end"], v["reason"])), dialog)
    return dialog


def report_dialog(parent: QWidget, measure: Measure, today: date, save: Save) -> FormDialog:
    dialog = FormDialog(parent, "Noter un bilan")
    form = dialog.form
    form.add("kind", "Bilan", ChoiceField(_choices(REPORT_KINDS))).set_value(ReportKind.FINAL)
    ends = sorted({p.end for p in measure.periods}, reverse=True)
    form.add("period_end", "Période finissant le",
             ChoiceField([(format_date(d), d) for d in ends]) if ends else DateField(),
             required=True)
    form.add("sent_on", "Envoyé le", DateField()).set_value(today)
    form.add("signed", "Signature", CheckField("Signé par le ménage"))
    dialog.on_submit = lambda v: save(lambda m: m.reports.append(
        Report(v["kind"], v["period_end"], v["sent_on"], v["signed"])), dialog)
    return dialog


def notice_dialog(parent: QWidget, today: date, save: Save) -> FormDialog:
    dialog = FormDialog(parent, "Informer le SLISL")
    form = dialog.form
    form.add("kind", "Objet", ChoiceField(_choices(NOTICE_KINDS)))
    form.add("sent_on", "Envoyé le", DateField(), required=True).set_value(today)
    dialog.on_submit = lambda v: save(
        lambda m: m.notices.append(Notice(v["kind"], v["sent_on"])), dialog)
    return dialog


def stay_dialog(parent: QWidget, homes: list[Home], today: date, save: Save) -> FormDialog:
    dialog = FormDialog(parent, "Entrée dans un logement ALT",
                        "Un changement de logement garde la date de début de la mesure.")
    form = dialog.form
    form.add("home", "Logement", ChoiceField([(h.address, h.id) for h in homes]), required=True)
    form.add("start", "Entrée le", DateField(), required=True).set_value(today)
    form.add("end", "Sortie le", DateField())
    form.validators.append(end_after_start())
    dialog.on_submit = lambda v: save(
        lambda m: m.stays.append(Stay(v["home"], v["start"], v["end"])), dialog)
    return dialog


def extension_dialog(parent: QWidget, measure: Measure, today: date, save: Save) -> FormDialog:
    """AML: the agreement in principle prolonged by an e-mail to the SPSLH or the SLISL."""
    end = agreement_end(measure, today)
    intro = ("L'accord de principe est valable 9 mois ; un simple mail au SPSLH ou au SLISL, "
             "envoyé tant qu'il est valable, le prolonge.")
    if end is not None:
        intro += f" Fin actuelle : {format_date(end)}."
    dialog = FormDialog(parent, "Prolonger l'accord de principe", intro)
    form = dialog.form
    form.add("sent_on", "Mail envoyé le", DateField(), required=True).set_value(today)
    form.add("new_end", "Nouvelle fin de l'accord", DateField(), required=True)
    form.validators.append(lambda v: extension_problems(
        measure, AgreementExtension(v["sent_on"], v["new_end"])))
    dialog.on_submit = lambda v: save(lambda m: m.agreement_extensions.append(
        AgreementExtension(v["sent_on"], v["new_end"])), dialog)
    return dialog


def claim_dialog(parent: QWidget, measure: Measure, today: date, save: Save) -> FormDialog:
    """AML « échec de la mesure »: the claim to the SPSLH for unpaid rent, damage and an
    eviction procedure, within the annex's caps; a new one or the one recorded."""
    dialog = FormDialog(
        parent, "Échec de la mesure : demande de prise en charge",
        f"Bail non glissé : impayés de loyer et dégradations dans la limite de "
        f"{format_eur(RENT_AND_DAMAGE_CAP)}, procédure d'expulsion dans la limite de "
        f"{format_eur(EVICTION_CAP)} ; formulaire et factures au SPSLH dans le mois qui suit "
        f"le départ du sous-locataire.")
    form = dialog.form
    form.add("departure_on", "Départ du sous-locataire le", DateField(), required=True)
    form.add("unpaid_rent", "Impayés de loyer (€)", NumberField(minimum=Decimal(0)))
    form.add("damage", "Dégradations (€)", NumberField(minimum=Decimal(0)))
    form.add("eviction", "Procédure d'expulsion (€)", NumberField(minimum=Decimal(0)))
    form.add("invoices", "Factures jointes", LinesField(placeholder="une facture par ligne"))
    form.add("sent_on", "Demande envoyée le", DateField())
    form.add("decision", "Décision", ChoiceField(_choices(CLAIM_DECISIONS), empty="En attente"))
    form.add("decided_on", "Décidée le", DateField())
    form.add("granted", "Montant accordé (€)", NumberField(minimum=Decimal(0)))
    claim = measure.failure_claim
    if claim is None:
        form.set_values({"departure_on": measure.closed_on or today})
    else:
        form.set_values({
            "departure_on": claim.departure_on, "unpaid_rent": claim.unpaid_rent,
            "damage": claim.damage, "eviction": claim.eviction, "invoices": claim.invoices,
            "sent_on": claim.sent_on, "decision": claim.decision,
            "decided_on": claim.decided_on, "granted": claim.granted})

    def read(values: Values) -> FailureClaim:
        def cents(key: str) -> Decimal:
            amount = values[key]
            return Decimal("0.00") if amount is None else amount.quantize(Decimal("0.01"))

        granted = values["granted"]
        return FailureClaim(
            values["departure_on"], cents("unpaid_rent"), cents("damage"), cents("eviction"),
            values["invoices"], values["sent_on"], values["decision"], values["decided_on"],
            None if granted is None else granted.quantize(Decimal("0.01")))

    form.validators.append(lambda v: claim_problems(measure, read(v)))

    def submit(values: Values) -> None:
        new = read(values)

        def change(m: Measure) -> None:
            m.failure_claim = new

        save(change, dialog)

    dialog.on_submit = submit
    return dialog
