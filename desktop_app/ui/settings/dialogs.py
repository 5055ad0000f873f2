"""Forms of the Paramètres screen: a yearly convention, a tariff from an effective date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Convention, GridSent, MeasureType, Tariff
from desktop_app.ui.dashboard.actions import not_after
from desktop_app.ui.fields import DateField, NumberField
from desktop_app.ui.forms import FormDialog, Values

SUBSIDY_TYPES = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL, MeasureType.DSF)
CONVENTION_COUNTS = (
    ("asll_points_per_month", "Points ASLL par mois"),
    ("aml_points_per_month", "Points AML par mois"),
    ("fal_count", "Nombre de FAL"),
    ("dsf_count", "Nombre de DSF"),
    ("dsf_closed_door_count", "DSF portes closes"),
)
TARIFF_AMOUNTS = (
    ("point_value", "Valeur du point (€)"),
    ("fal_support_per_year", "FAL accompagnement par an (€)"),
    ("fal_management_per_year", "FAL gestion locative par an (€)"),
    ("dsf_done", "DSF réalisé (€)"),
    ("dsf_closed_door", "DSF portes closes (€)"),
)
TARIFF_COUNTS = (("points_per_fte", "Points par ETP et par mois"), ("fal_per_fte", "FAL par ETP"))


def convention_dialog(parent: QWidget, existing: list[Convention], convention: Convention | None,
                      submit: Callable[[Convention, FormDialog], None]) -> FormDialog:
    dialog = FormDialog(parent, "Convention annuelle",
                        "Ce que la convention signée avec le Département prévoit pour l'année.")
    form = dialog.form
    form.add("year", "Année", NumberField(integer=True, minimum=Decimal(2000),
                                          maximum=Decimal(2100)), required=True)
    for key, text in CONVENTION_COUNTS:
        form.add(key, text, NumberField(integer=True, minimum=Decimal(0)), required=True)
    for kind in SUBSIDY_TYPES:
        form.add(f"max_{kind}", f"Subvention maximale {kind} (€)",
                 NumberField(minimum=Decimal(0)))
    years = {c.year for c in existing if c is not convention}
    form.validators.append(lambda v: {"year": f"La convention {int(v['year'])} existe déjà : "
                                              "modifiez-la plutôt."}
                           if int(v["year"]) in years else {})
    if convention is not None:
        values: Values = {"year": convention.year}
        values.update({key: getattr(convention, key) for key, _t in CONVENTION_COUNTS})
        for kind in SUBSIDY_TYPES:
            values[f"max_{kind}"] = (convention.max_subsidy or {}).get(kind)
        form.set_values(values)

    def done(v: Values) -> None:
        subsidy = {k: v[f"max_{k}"].quantize(Decimal("0.01")) for k in SUBSIDY_TYPES
                   if v[f"max_{k}"] is not None}
        submit(Convention(int(v["year"]), **{key: int(v[key]) for key, _t in CONVENTION_COUNTS},
                          max_subsidy=subsidy or None), dialog)

    dialog.on_submit = done
    return dialog


def tariff_dialog(parent: QWidget, tariffs: list[Tariff],
                  submit: Callable[[Tariff, FormDialog], None]) -> FormDialog:
    dialog = FormDialog(parent, "Nouveau tarif",
                        "Un tarif s'applique à partir de sa date, jusqu'au tarif suivant. Les "
                        "valeurs du dernier tarif sont proposées.")
    form = dialog.form
    form.add("from_date", "À partir du", DateField(), required=True)
    for key, text in TARIFF_AMOUNTS:
        form.add(key, text, NumberField(minimum=Decimal(0)), required=True)
    for key, text in TARIFF_COUNTS:
        form.add(key, text, NumberField(integer=True, minimum=Decimal(1)), required=True)
    if tariffs:
        latest = max(tariffs, key=lambda t: t.from_date)
        form.set_values({key: getattr(latest, key) for key, _t in TARIFF_AMOUNTS + TARIFF_COUNTS})
    dates = {t.from_date for t in tariffs}
    form.validators.append(lambda v: {"from_date": f"Un tarif commence déjà le "
                                                   f"{format_date(v['from_date'])}."}
                           if v["from_date"] in dates else {})

    def done(v: Values) -> None:
        amounts = [v[key].quantize(Decimal("0.01")) for key, _t in TARIFF_AMOUNTS]
        counts = [int(v[key]) for key, _t in TARIFF_COUNTS]
        submit(Tariff(v["from_date"], *amounts, *counts), dialog)

    dialog.on_submit = done
    return dialog


def grid_dialog(parent: QWidget, today: date,
                submit: Callable[[GridSent, FormDialog], None]) -> FormDialog:
    """The annual activity grid of a year, sent to the SPSLH on a day (`grille_annuelle`)."""
    dialog = FormDialog(parent, "Grille annuelle d'activité envoyée au SPSLH")
    dialog.form.add("year", "Année de la grille", NumberField(
        integer=True, minimum=Decimal(2000), maximum=Decimal(today.year)),
        required=True).set_value(today.year - 1)
    dialog.form.add("sent_on", "Envoyée le", DateField(), required=True).set_value(today)
    dialog.form.validators.append(not_after(today))
    dialog.on_submit = lambda v: submit(GridSent(int(v["year"]), v["sent_on"]), dialog)
    return dialog
