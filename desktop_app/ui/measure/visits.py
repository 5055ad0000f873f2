"""The visits of a measure: a quick-entry row (date, outcome, place — Enter adds) and the list.

Keyboard only: Ctrl+N puts the cursor in the date; Tab moves to the outcome and the place
(type the first letter to choose), Enter records the visit and comes back to the date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.fr import format_date
from desktop_app.domain.labels import OUTCOMES, PLACES, label
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Measure, Visit, VisitOutcome, VisitPlace
from desktop_app.ui.fields import ChoiceField, DateField, FieldError
from desktop_app.ui.models import Column, RowTableModel, date_key
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button

VisitRow = tuple[Visit, str]  # the visit and the name of who made it

COLUMNS: list[Column[VisitRow]] = [
    Column("Date", lambda r: format_date(r[0].date), lambda r: date_key(r[0].date)),
    Column("Résultat", lambda r: OUTCOMES[r[0].outcome]),
    Column("Lieu", lambda r: label(PLACES, r[0].place)),
    Column("Intervenant(e)", lambda r: r[1]),
]


class VisitsPanel(QWidget):
    #: A visit to record (already checked): the screen saves it.
    add_visit = Signal(object)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.measure: Measure | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.date = DateField(self)
        self.date.setAccessibleName("Date de la visite")
        self.outcome = ChoiceField([(t, c) for c, t in OUTCOMES.items()], self)
        self.outcome.setAccessibleName("Résultat de la visite")
        self.place = ChoiceField([(t, c) for c, t in PLACES.items()], self, empty="—")
        self.place.setAccessibleName("Lieu de la visite")
        self.place.set_value(VisitPlace.DOMICILE)
        # « Ajouter », beside the visit's fields: the row fits a 1024-pixel window.
        self.add_button = button("Ajouter", self, self.submit,
                                 tip="Ajouter la visite (Entrée dans un champ de la ligne fait "
                                     "de même)")
        self.add_button.setAccessibleName("Ajouter la visite")
        hint = QLabel("Nouvelle visite (Ctrl+N) : date, résultat, lieu, puis Entrée", self)
        hint.setObjectName("muted")
        hint.setBuddy(self.date)
        layout.addWidget(hint)
        for widget in (self.date, self.outcome, self.place):
            row.addWidget(widget)
        self.add_button.setMinimumWidth(self.add_button.sizeHint().width())
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.model: RowTableModel[VisitRow] = RowTableModel(COLUMNS, self)
        self.view = table_view(self.model, self, "Visites de la mesure",
                               empty="Aucune visite notée pour cette mesure.")
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        layout.addWidget(self.view, 1)
        self.date.returnPressed.connect(self.submit)
        QWidget.setTabOrder(self.date, self.outcome)
        QWidget.setTabOrder(self.outcome, self.place)
        QWidget.setTabOrder(self.place, self.add_button)
        QWidget.setTabOrder(self.add_button, self.view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on the outcome or place choice adds the visit too."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                self.outcome.hasFocus() or self.place.hasFocus()):
            self.submit()
            return
        super().keyPressEvent(event)

    def show_measure(self, measure: Measure, names: dict[str, str]) -> None:
        self.measure = measure
        referent = names.get(measure.referent, measure.referent)
        self.model.set_rows([(v, names.get(v.worker, v.worker) if v.worker else referent)
                             for v in measure.visits])

    def start_entry(self) -> None:
        """Ctrl+N: cursor in the date, today proposed and selected."""
        if not self.date.text().strip():
            self.date.set_value(self.today())
        self.date.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.date.selectAll()

    def check(self) -> Visit:
        """The visit typed in the row, or FieldError with what is wrong."""
        day = self.date.value()
        if day is None:
            raise FieldError("Indiquez la date de la visite (JJ/MM/AAAA).")
        if day > self.today():
            raise FieldError(f"La visite est datée après aujourd'hui ({format_date(self.today())})"
                             " : on ne note que les visites faites.")
        span = in_force_span(self.measure) if self.measure is not None else None
        if span is not None and day < span[0]:
            raise FieldError(f"La visite est avant le début de la mesure ({format_date(span[0])}).")
        if self.measure is not None and self.measure.closed_on is not None \
                and day > self.measure.closed_on:
            raise FieldError("La visite est après la clôture de la mesure "
                             f"({format_date(self.measure.closed_on)}).")
        outcome: VisitOutcome = self.outcome.value()
        return Visit(day, outcome, self.place.value())

    def submit(self) -> None:
        try:
            visit = self.check()
        except FieldError as error:
            self.error.setText(str(error))
            self.error.setVisible(True)
            self.date.setFocus()
            return
        self.error.setVisible(False)
        self.add_visit.emit(visit)
        self.date.clear()
        self.date.setFocus()
