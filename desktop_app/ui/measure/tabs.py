"""The tabs under a measure's visits: periods, reports, notices, suspensions, ALT stays, and
for an AML the agreement in principle's extensions and the failure claim; for a DSF the
content of the diagnostic (`dsf_panel`).

Each tab lists its records and has one button; `requested(key)` asks the screen to open the
matching form ("renew", "report", "notice", "suspend", "stay", "extend", "claim").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QTableView, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.model import Home, Measure, MeasureType
from desktop_app.ui.measure import tables
from desktop_app.ui.measure.dsf_panel import TITLE as DSF_TITLE
from desktop_app.ui.measure.dsf_panel import DsfPanel
from desktop_app.ui.models import Column, RowTableModel
from desktop_app.ui.views import table_view
from desktop_app.ui.widgets import button

#: Short, for the tabs to fit a 1024-pixel window; said in full in their tooltips.
TABS = ("Périodes", "Bilans", "SLISL", "Suspensions", "Séjours ALT", "Accord", "Échec")
TIPS = ("Périodes de la mesure : initiale, renouvellements", "Bilans de la mesure",
        "Signalements au SLISL", "Suspensions de la mesure",
        "Séjours en logement ALT", "Prolongations de l'accord de principe",
        "Échec de la mesure : demande de prise en charge")
ACTIONS = (("renew", "Renouveler…"), ("report", "Noter un bilan…"),
           ("notice", "Informer le SLISL…"), ("suspend", "Suspendre…"),
           ("stay", "Entrée dans un logement…"), ("extend", "Prolonger l'accord…"),
           ("claim", "Demande de prise en charge…"))
EMPTY = ("Aucune période.", "Aucun bilan noté.", "Aucune information du SLISL notée.",
         "Aucune suspension.", "Aucun séjour en logement ALT.",
         "Accord de principe non prolongé (valable 9 mois).",
         "Aucune demande de prise en charge (bail non glissé : impayés, dégradations).")


class MeasureTabs(QTabWidget):
    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Périodes, bilans, signalements, suspensions")
        self.home_names: dict[str, str] = {}
        columns: tuple[list[Column[Any]], ...] = (  # each tab its own kind of row
            tables.PERIODS, tables.REPORTS, tables.NOTICES, tables.SUSPENSIONS,
            tables.stay_columns(self.home_names), tables.EXTENSIONS, tables.CLAIMS)
        self.models: list[RowTableModel[Any]] = []
        self.views: list[QTableView] = []
        for title, cols, (key, action), empty in zip(TABS, columns, ACTIONS, EMPTY, strict=True):
            page = QWidget(self)
            box = QVBoxLayout(page)
            model: RowTableModel[Any] = RowTableModel(cols, page)
            view = table_view(model, page, title, empty=empty)
            box.addWidget(view)
            row = QHBoxLayout()
            row.addStretch(1)
            if key == "report":  # the worker's text of the chosen report
                row.addWidget(button("Rédiger le bilan…", page,
                                     lambda: self.requested.emit("write_bilan"),
                                     tip="Texte du bilan sélectionné, envoi, signature, "
                                         "impression"))
                view.doubleClicked.connect(lambda _i: self.requested.emit("write_bilan"))
            row.addWidget(button(action, page, partial(self.requested.emit, key)))
            box.addLayout(row)
            self.setTabToolTip(self.addTab(page, title), TIPS[len(self.models)])
            self.models.append(model)
            self.views.append(view)
        (self.periods, self.reports, self.notices, self.suspensions, self.stays,
         self.extensions, self.claims) = self.models
        self.reports_view = self.views[1]
        self.dsf = DsfPanel(self)
        self.dsf_tab = self.addTab(self.dsf, DSF_TITLE)

    def show_measure(self, measure: Measure, homes: list[Home]) -> None:
        self.home_names.clear()
        self.home_names.update({h.id: h.address for h in homes})
        rows: tuple[Sequence[Any], ...] = (
                sorted(measure.periods, key=lambda p: p.start), measure.reports,
                measure.notices, measure.suspensions, measure.stays,
                sorted(measure.agreement_extensions, key=lambda e: e.sent_on),
                [measure.failure_claim] if measure.failure_claim else [])
        for tab, (model, items) in enumerate(zip(self.models, rows, strict=True)):
            model.set_rows(items)
            # The count when there is something: the tabs fit a narrow window.
            self.setTabText(tab, f"{TABS[tab]} ({len(items)})" if items else TABS[tab])
        self.setTabVisible(4, measure.type is MeasureType.FAL)
        self.setTabVisible(5, measure.type is MeasureType.AML)
        self.setTabVisible(6, measure.type is MeasureType.AML)
        is_dsf = measure.type is MeasureType.DSF
        self.setTabVisible(self.dsf_tab, is_dsf)
        if is_dsf:
            self.dsf.show_measure(measure)
