"""The right-hand column of the Mesure screen: the « Suivi » form (fields of the measure's
type) and the points it earned month by month."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from desktop_app.app.measure_page import MonthEarning
from desktop_app.domain.labels import plural
from desktop_app.domain.model import Measure, Worker
from desktop_app.domain.money import format_eur
from desktop_app.ui.forms import Form, chain_tab_order, save_shortcut
from desktop_app.ui.measure import tables
from desktop_app.ui.measure.general import build_general_form, general_values
from desktop_app.ui.models import RowTableModel
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button, section


class MeasureSide(QWidget):
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.card, self.box, _t = section("Suivi de la mesure", self)
        self.form = Form(self.card)
        self.box.addWidget(self.form)
        self.save_button = button("Enregistrer", self.card, self.save_requested.emit)
        self.box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        save_shortcut(self.card, self.save_requested.emit)  # the form changes, the card stays
        column.addWidget(self.card)
        card, box, self.points_title = section("Points gagnés", self)
        self.points_title.setToolTip("Les points et montants de la mesure, mois par mois")
        self.earnings: RowTableModel[MonthEarning] = RowTableModel(tables.EARNINGS, self)
        self.earnings_view = table_view(self.earnings, card, "Points gagnés, mois par mois",
                                        empty="Aucun point ni montant pour l'instant.")
        box.addWidget(self.earnings_view)
        column.addWidget(card, 1)

    def show_measure(self, measure: Measure, workers: list[Worker]) -> None:
        """The form for this measure's type, filled — unless the user is typing in it."""
        if self.form.dirty and self.form.property("type") == str(measure.type):
            return
        self.form.setParent(None)  # out of the window's Tab chain at once
        self.form.deleteLater()
        self.form = Form(self.card)
        self.form.setProperty("type", str(measure.type))
        build_general_form(self.form, measure.type, [(w.name, w.id) for w in workers])
        # In a narrow window a field wider than what is left beside its label goes under it:
        # a list's longest choice and a check box's text are shown whole.
        self.form.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for choice in self.form.findChildren(QComboBox):
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.box.insertWidget(1, self.form)
        # The fields come after the widgets made before them: Tab goes from the last one
        # to « Enregistrer », as read.
        before = self.save_button.previousInFocusChain()
        chain_tab_order([*([before] if before is not None else []), *self.form.tab_stops(),
                         self.save_button])
        self.form.set_values(general_values(measure))

    def show_earnings(self, earnings: list[MonthEarning]) -> None:
        self.earnings.set_rows(earnings)
        total = sum(e.points for e in earnings)
        amount = sum((e.amount for e in earnings), Decimal("0.00"))
        self.points_title.setText(f"Points gagnés : {plural(total, 'point')}, "
                                  f"{format_eur(amount)}")
