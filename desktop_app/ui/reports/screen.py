"""Rapports: the documents the association sends — the annual activity grid for the SPSLH
(preview, XLSX, PDF, day sent), the monthly statement of points, the ALT occupancy table and
the convention follow-up, the staff table. Every document is computed and written in the
background; the window stays responsive."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.reports.grid import GridPanel
from desktop_app.ui.reports.panels import ConventionPanel, OccupancyPanel, StatementPanel
from desktop_app.ui.reports.staff import StaffPanel
from desktop_app.ui.screen import Screen
from desktop_app.ui.topics import Topic
from desktop_app.ui.widgets import page_header

TABS = ("Grille d'activité annuelle", "Relevé mensuel", "Occupation des logements ALT",
        "Suivi de la convention", "Salariés")


class ReportsScreen(Screen):
    key = "rapports"
    title = "Rapports"
    topics = frozenset({Topic.ASSOCIATION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        layout.addLayout(header)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Documents")
        self.grid = GridPanel(ctx, self.tabs)
        self.statement = StatementPanel(ctx, self.tabs)
        self.occupancy = OccupancyPanel(ctx, self.tabs)
        self.convention = ConventionPanel(ctx, self.tabs)
        self.staff = StaffPanel(ctx, self.tabs)
        for title, panel in zip(TABS, (self.grid, self.statement, self.occupancy,
                                       self.convention, self.staff), strict=True):
            self.tabs.addTab(panel, title)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        """Nothing is computed until asked: only the day the grid was sent is read."""
        self.grid.show_sent()
        self.statement.fill_workers()
