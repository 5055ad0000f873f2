"""When the annual grid was sent to the SPSLH: the sentence the « Rapports » screen shows,
and the small form that records the day (« Marquer comme envoyée le… »)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.domain.alerts.association import grid_due
from desktop_app.domain.fr import format_date
from desktop_app.ui.fields import DateField
from desktop_app.ui.forms import FormDialog


def sent_text(year: int, day: date | None, today: date) -> str:
    due = grid_due(year)
    if day is not None:
        return f"Grille {year} envoyée au SPSLH le {format_date(day)}."
    if today > due:
        return (f"Grille {year} pas encore envoyée : elle était à envoyer au SPSLH au plus "
                f"tard le {format_date(due)}.")
    return (f"Grille {year} pas encore envoyée (à envoyer au SPSLH au plus tard le "
            f"{format_date(due)}).")


def sent_day_dialog(parent: QWidget, year: int, today: date) -> FormDialog:
    """The form of the day sent (today by default); the caller sets `on_submit`."""
    dialog = FormDialog(parent, f"Grille d'activité {year} envoyée")
    dialog.form.add("day", "Envoyée au SPSLH le", DateField(), required=True).set_value(today)
    return dialog
