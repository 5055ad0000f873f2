"""Columns of the household file's lists (its measures and its timeline)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import MEASURE_TYPES
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Measure
from desktop_app.ui.measure.timeline import Event
from desktop_app.ui.models import Column, date_key

MeasureLine = tuple[Measure, str, str]  # measure, referent's name, state


def measure_state_short(measure: Measure, today: date) -> str:
    span = in_force_span(measure)
    if measure.closed_on is not None and measure.closed_on <= today:
        return f"Clôturée le {format_date(measure.closed_on)}"
    if span is None:
        return "Sans période"
    if span[0] > today:
        return "À venir"
    return "En cours" if span[1] >= today else f"Terminée le {format_date(span[1])}"


MEASURES: list[Column[MeasureLine]] = [
    Column("Mesure", lambda r: MEASURE_TYPES[r[0].type], fit=True),
    Column("Début", lambda r: format_date(s[0]) if (s := in_force_span(r[0])) else "—",
           lambda r: date_key(s[0]) if (s := in_force_span(r[0])) else -1),
    Column("Fin", lambda r: format_date(s[1]) if (s := in_force_span(r[0])) else "—",
           lambda r: date_key(s[1]) if (s := in_force_span(r[0])) else -1),
    Column("Référent(e)", lambda r: r[1]),
    Column("État", lambda r: r[2]),
]
EVENTS: list[Column[Event]] = [
    Column("Date", lambda e: format_date(e.day), lambda e: date_key(e.day)),
    Column("Mesure", lambda e: e.measure_label, fit=True),
    Column("Événement", lambda e: e.what, fit=True),
    Column("Détail", lambda e: e.detail, tooltip=lambda e: e.detail),
]
