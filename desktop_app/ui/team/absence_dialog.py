"""« Absence » of a worker: dates, reason, SLISL notice, replacement — with the working-day
count and the 21-day warning of `absence_travailleur` as the dates are typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.domain.alerts.workers import (
    MAX_ABSENCE_WORKING_DAYS,
    QUALIFIED_FR,
    absence_gaps,
    is_qualified,
)
from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import DIPLOMAS
from desktop_app.domain.model import Absence, Worker
from desktop_app.domain.workdays import count_working_days, nth_working_day_from
from desktop_app.ui.fields import ChoiceField, DateField, TextField
from desktop_app.ui.forms import FormDialog, Values
from desktop_app.ui.measure.dialogs import end_after_start


def working_days(absence: Absence, today: date) -> int:
    """Working days of the absence, bounds included (an open one: up to today)."""
    return count_working_days(absence.start, absence.end or today)


def absence_warning(absence: Absence, today: date, replacement: Worker | None) -> str:
    """What `absence_travailleur` asks for this absence as of `today`, in French ("" when
    nothing); `replacement`: the worker the absence's replacement id names (None: none or
    unknown). What clears the alert is the domain's rule (`absence_gaps`)."""
    if working_days(absence, today) <= MAX_ABSENCE_WORKING_DAYS:
        return ""
    due = nth_working_day_from(absence.start, MAX_ABSENCE_WORKING_DAYS + 1)
    gaps = absence_gaps(absence, replacement, today)
    todo = []
    if gaps.notice:
        todo.append("informer le responsable du SLISL")
    if gaps.replacement:
        todo.append("désigner un(e) remplaçant(e) de diplôme équivalent")
    if not todo:
        return (f"Plus de {MAX_ABSENCE_WORKING_DAYS} jours ouvrés : SLISL informé, "
                "remplaçant(e) désigné(e).")
    why = ""
    if gaps.replacement and replacement is not None:
        why = (f" {replacement.name}, désigné(e), n'a pas l'un des diplômes demandés "
               f"({QUALIFIED_FR}).")
    return (f"Plus de {MAX_ABSENCE_WORKING_DAYS} jours ouvrés : {' et '.join(todo)} au plus "
            f"tard le {format_date(due)}.{why}")


def absence_dialog(parent: QWidget, worker: Worker, others: list[Worker], today: date,
                   absence: Absence | None,
                   submit: Callable[[Absence, FormDialog], None]) -> FormDialog:
    dialog = FormDialog(parent, f"Absence de {worker.name}",
                        "Sans date de fin, l'absence court jusqu'à nouvel ordre.")
    form = dialog.form
    start = form.add("start", "Du", DateField(), required=True)
    end = form.add("end", "Au (inclus)", DateField())
    form.add("reason", "Motif", TextField(placeholder="congé, maladie…"))
    form.add("slisl_notified_on", "SLISL informé le", DateField())
    form.add("replacement", "Remplaçant(e)", ChoiceField(
        [(f"{w.name} ({DIPLOMAS[w.diploma]})", w.id) for w in others],
        empty="Personne pour l'instant"))
    count = QLabel(dialog)
    count.setObjectName("warning")
    count.setWordWrap(True)
    count.setAccessibleName("Jours ouvrés de l'absence")
    form.add_row("Jours ouvrés", count)
    form.validators.append(end_after_start())
    by_id = {w.id: w for w in others}

    def replacement_ok(values: Values) -> dict[str, str]:
        chosen = by_id.get(values["replacement"])
        if chosen is not None and not is_qualified(chosen):
            return {"replacement": (
                f"{chosen.name} ne peut pas remplacer {worker.name} : la convention demande un "
                f"remplaçant d'un diplôme équivalent ({QUALIFIED_FR}). Choisissez un(e) "
                f"collègue qui en a un, ou personne pour l'instant.")}
        return {}

    form.validators.append(replacement_ok)
    if absence is not None:
        form.set_values({"start": absence.start, "end": absence.end, "reason": absence.reason,
                         "slisl_notified_on": absence.slisl_notified_on,
                         "replacement": absence.replacement})

    def update() -> None:
        try:
            first, last = start.value(), end.value()
        except ValueError:
            count.setText("")
            return
        if first is None or (last is not None and last < first):
            count.setText("")
            return
        typed = Absence(first, last, None, None, None)
        days = working_days(typed, today)
        word = "jour ouvré" if days <= 1 else "jours ouvrés"
        text = f"{days} {word}" + ("" if last else " à ce jour")
        warning = absence_warning(typed, today, None)
        if warning:
            text += f" — {warning}"
        count.setText(text)
        count.setProperty("alert", bool(warning))
        count.style().polish(count)
        form.fit_window()

    start.textChanged.connect(lambda _t: update())
    end.textChanged.connect(lambda _t: update())
    update()
    dialog.count_label = count  # type: ignore[attr-defined]  # for the tests; a plain FormDialog
    dialog.on_submit = lambda v: submit(
        Absence(v["start"], v["end"], v["reason"], v["slisl_notified_on"], v["replacement"]),
        dialog)
    return dialog
