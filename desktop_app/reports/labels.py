"""French words of the printed documents, and French rendering of a figure."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.fr import format_count, format_decimal
from desktop_app.domain.indicators import Value
from desktop_app.domain.indicators.change import Change
from desktop_app.domain.model import Level, MeasureType
from desktop_app.domain.money import NBSP, format_eur

TYPE_NAMES: dict[MeasureType, str] = {
    MeasureType.ASLL: "Accompagnement Social Lié au Logement (ASLL)",
    MeasureType.ASLL_DIAG: "Diagnostic ASLL",
    MeasureType.AML: "Aide à la Médiation Locative (AML)",
    MeasureType.FAL: "Forfait Annuel Logement (FAL)",
    MeasureType.DSF: "Diagnostic Social et Financier (DSF)",
}
TYPE_SHORT: dict[MeasureType, str] = {
    MeasureType.ASLL: "ASLL",
    MeasureType.ASLL_DIAG: "Diag. ASLL",
    MeasureType.AML: "AML",
    MeasureType.FAL: "FAL",
    MeasureType.DSF: "DSF",
}
LEVELS: dict[Level, str] = {Level.SIMPLE: "simple", Level.RENFORCE: "renforcé"}
ASLL_LEVELS: dict[Level, str] = {
    Level.SIMPLE: "Gestion Sociale Locative (GSL, simple)",
    Level.RENFORCE: "Accompagnement Social Locatif (ASL, renforcé)",
}
#: Items of the funding lines (docs/echange.md, `points`).
ITEMS: dict[str, str] = {
    "mensuel": "Mesure du mois",
    "cet_non_signe": "CET non signé",
    "diagnostic": "Diagnostic",
    "fal_accompagnement": "Accompagnement",
    "fal_gestion": "Gestion locative",
    "fal_vacance": "Vacance",
    "dsf": "DSF",
}
NONE = "—"
#: The minus sign of printed figures (U+2212), and what an evolution from 0 shows.
MINUS = "\u2212"
NOT_SIGNIFICANT = "n.s."


def format_int(value: int) -> str:
    """« 1 234 » with a no-break space between thousands, « −3 »."""
    return format_count(value)


def format_value(value: Value) -> str:
    """A figure as a French reader expects it: « 1 234 », « 1 234,56 € », « 6,0 », « — »."""
    if value is None:
        return NONE
    if isinstance(value, Decimal):
        return format_eur(value)
    if isinstance(value, float):
        return format_decimal(value)
    return format_int(value)


def format_gap(change: Change | None) -> str:
    """The « Écart » N − (N−1), signed: « +5 », « −1 234,56 € », « −2,1 », « 0 »."""
    if change is None:
        return NONE
    gap = change.gap
    text = format_value(-gap if gap < 0 else gap)
    if gap > 0:
        return f"+{text}"
    return f"{MINUS}{text}" if gap < 0 else text


def format_percent(change: Change | None) -> str:
    """The « Évolution » in per cent: « +33,3 % », « −100,0 % », « n.s. » from 0."""
    if change is None:
        return NONE
    if change.percent is None:
        return NOT_SIGNIFICANT
    whole, tenth = f"{abs(change.percent):.1f}".split(".")
    text = f"{format_int(int(whole))},{tenth}{NBSP}%"
    if change.percent > 0:
        return f"+{text}"
    return f"{MINUS}{text}" if change.percent < 0 else text


def yes_no(value: bool) -> str:
    return "oui" if value else "non"
