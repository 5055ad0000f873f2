"""Columns of the dashboard's small lists, and today's date written out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.app.dashboard import AlertRow, VisitNeed
from desktop_app.domain.fr import MONTH_NAMES, format_date
from desktop_app.ui.models import Column, date_key

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def long_date(day: date) -> str:
    """« mardi 16 septembre 2025 »."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


WEEK_COLUMNS: list[Column[AlertRow]] = [
    Column("Échéance", lambda r: format_date(r.alert.due), lambda r: date_key(r.alert.due)),
    Column("Alerte", lambda r: r.label),
    Column("Concerne", lambda r: r.subject),
    Column("Référent(e)", lambda r: r.worker_name, fit=True),
]
VISIT_COLUMNS: list[Column[VisitNeed]] = [
    Column("Ménage", lambda v: v.household_name,
           tooltip=lambda v: f"Référent(e) : {v.referent_name}"),
    Column("Mesure", lambda v: v.measure_label, fit=True),
    Column("Faites", lambda v: f"{v.held} sur {v.required}", lambda v: v.held - v.required,
           Qt.AlignmentFlag.AlignCenter),
]
