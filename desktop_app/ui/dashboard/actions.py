"""What the dashboard's button does for each alert: open its subject or record what clears it.

Recording goes through a small form (the date, today by default, may be corrected) and
`app.measures.record_notice` (checked against the measure it read) /
`store.save_association`; the dashboard then reloads and the alert leaves once the engine no
longer raises it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.app import measures
from desktop_app.app.association import change_association
from desktop_app.app.dashboard import AlertRow
from desktop_app.app.treated_alerts import treat_alert
from desktop_app.domain.alerts.association import grid_year
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.model import Association, GridSent, OccupancyTableSent
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.alert_actions import ActionKind, action_for
from desktop_app.ui.fields import DateField, TextField
from desktop_app.ui.forms import FormDialog, Validator, Values
from desktop_app.ui.topics import Topic


def not_after(day: date, key: str = "sent_on") -> Validator:
    """A validator: the date `key` is not after `day` (one does not record the future)."""

    def check(values: Values) -> dict[str, str]:
        value = values.get(key)
        if value is not None and value > day:
            return {key: f"Cette date est après aujourd'hui ({format_date(day)}) : indiquez "
                         "la date à laquelle l'envoi a été fait."}
        return {}

    return check


class AlertActions:
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx = ctx
        self.parent = parent
        self.dialog: FormDialog | None = None

    def act(self, row: AlertRow) -> None:
        """The button of an alert: what `alert_actions.ALERT_ACTIONS` says for its code."""
        alert = row.alert
        kind = action_for(alert.code).kind
        if kind is ActionKind.RECORD_NOTICE and alert.measure:
            self.record_notice(row)
        elif kind is ActionKind.RECORD_GRID and alert.due is not None:
            self.record_grid(grid_year(alert.due), row)
        elif kind is ActionKind.RECORD_OCCUPANCY and alert.month is not None:
            self.record_occupancy(row)
        else:
            self.open_subject(row)

    def open_subject(self, row: AlertRow) -> None:
        """The alert's screen if the table names one, else its measure, household or
        worker."""
        alert = row.alert
        screen = action_for(alert.code).screen
        if screen:
            self.ctx.open_screen.emit(screen)
        elif alert.measure:
            self.ctx.open_measure.emit(alert.measure)
        elif alert.household:
            self.ctx.open_household.emit(alert.household)
        elif alert.worker:
            self.ctx.open_screen.emit("equipe")

    def _dialog(self, title: str, intro: str, label: str) -> FormDialog:
        dialog = FormDialog(self.parent, title, intro)
        field = dialog.form.add("sent_on", label, DateField(), required=True)
        field.set_value(self.ctx.today())
        dialog.form.validators.append(not_after(self.ctx.today()))
        self.dialog = dialog
        return dialog

    def record_notice(self, row: AlertRow) -> None:
        measure_id = row.alert.measure
        assert measure_id is not None
        action = action_for(row.alert.code)
        kind = action.notice
        assert kind is not None
        dialog = self._dialog(action.title,
                              f"{row.alert.message}\n\nNotez la date à laquelle le SLISL a été "
                              "informé :", "Date d'envoi au SLISL")
        store = self.ctx.store

        def save(values: Values) -> None:
            def work() -> None:
                # Saved against what was read: a change made elsewhere in between is
                # refused in French (ConflictError), never overwritten.
                measures.record_notice(store, measure_id, kind, values["sent_on"])

            self.ctx.save(work, Topic.MEASURE, lambda _r: dialog.accept(),
                          text="Enregistrement du signalement…")

        dialog.on_submit = save
        dialog.open()

    def record_grid(self, year: int, row: AlertRow) -> None:
        dialog = self._dialog(f"Grille annuelle {year}", row.alert.message,
                              "Envoyée au SPSLH le")
        self._save_association(dialog, lambda a, d: a.grids_sent.append(GridSent(year, d)))

    def record_occupancy(self, row: AlertRow) -> None:
        month = row.alert.month
        assert month is not None
        dialog = self._dialog(f"Tableau d'occupation ALT de {format_month(month)}",
                              row.alert.message, "Envoyé au SPSLH le")
        self._save_association(
            dialog, lambda a, d: a.occupancy_tables_sent.append(OccupancyTableSent(month, d)))

    def mark_treated(self, row: AlertRow) -> None:
        """« Traitée »: nothing more to do today; the reason, who and when are recorded (audit
        trail) and the alert leaves the day's list until its facts change."""
        dialog = FormDialog(
            self.parent, "Marquer l'alerte traitée",
            f"{row.label} — {row.alert.message}\n\nElle quitte la liste du jour jusqu'à ce que "
            "ses faits changent (nouvelle porte close, nouveau mois, nouvelle échéance) et "
            "reste comptée dans la grille annuelle.")
        dialog.form.add("reason", "Motif", TextField(
            placeholder="manquement pris en compte par le SLISL le 12/09/2025"), required=True)
        self.dialog = dialog
        store, alert = self.ctx.store, row.alert

        def save(values: Values) -> None:
            self.ctx.save(lambda: treat_alert(store, alert, values["reason"]), Topic.ALERTS,
                          lambda _r: dialog.accept(), text="Enregistrement…")

        dialog.on_submit = save
        dialog.open()

    def _save_association(self, dialog: FormDialog,
                          change: Callable[[Association, date], None]) -> None:
        store = self.ctx.store

        def save(values: Values) -> None:
            self.ctx.save(lambda: change_association(store, lambda a: change(a, values["sent_on"])),
                          Topic.ASSOCIATION, lambda _r: dialog.accept())

        dialog.on_submit = save
        dialog.open()
