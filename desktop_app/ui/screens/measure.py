"""Mesure: type and level, periods (« Renouveler »), contract and follow-up, suspensions,
closing, visits with a quick-entry row, reports and notices, points earned month by month."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.fr import format_date
from desktop_app.domain.measure_facts import in_force_span, level_on, suspended_on
from desktop_app.domain.model import Home, Household, Measure, MeasureType, Visit
from desktop_app.domain.money import format_eur
from desktop_app.ui import measure_dialogs as dialogs
from desktop_app.ui import measure_tables as tables
from desktop_app.ui.context import AppContext
from desktop_app.ui.forms import Form, FormDialog
from desktop_app.ui.labels import LEVELS, MEASURE_TYPES
from desktop_app.ui.measure_general import apply_general, build_general_form, general_values
from desktop_app.ui.measure_points import MonthEarning, measure_earnings
from desktop_app.ui.measure_visits import VisitsPanel
from desktop_app.ui.models import RowTableModel
from desktop_app.ui.screens.base import Screen, button, leave_form, page_header, section
from desktop_app.ui.views import table_view

Loaded = tuple[Measure, Household | None, list[Home]]
TABS = ("Périodes", "Bilans", "Signalements au SLISL", "Suspensions", "Séjours ALT")


class MeasureScreen(Screen):
    key = "mesure"
    title = "Mesure"
    topics = frozenset({"measure", "workers", "homes"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.measure_id: str | None = None
        self.measure: Measure | None = None
        self.dialog: FormDialog | None = None
        self.home_names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        header, self.heading = page_header(self.title, self)
        header.insertWidget(0, button("← Ménage", self, self._back, tip="Retour au ménage"))
        self.renew_button = button("Renouveler…", self, self.renew, primary=True)
        header.addWidget(self.renew_button)
        header.addWidget(button("Suspendre…", self, lambda: self._open(
            dialogs.suspension_dialog(self, self.ctx.today(), self._save_change))))
        header.addWidget(button("Clôturer…", self, self.close_measure))
        layout.addLayout(header)
        self.state = QLabel(self)
        self.state.setObjectName("subtitle")
        layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        card, box, self.visits_title = section("Visites", left)
        self.visits = VisitsPanel(ctx.today, card)
        self.visits.add_visit.connect(self._add_visit)
        box.addWidget(self.visits)
        column.addWidget(card, 3)
        self.tabs = QTabWidget(left)
        self.tabs.setAccessibleName("Périodes, bilans, signalements, suspensions")
        self.periods = self._tab("Périodes", tables.PERIODS, "Renouveler…", self.renew)
        self.reports = self._tab("Bilans", tables.REPORTS, "Noter un bilan…", lambda: self._open(
            dialogs.report_dialog(self, self._m(), self.ctx.today(), self._save_change)))
        self.notices = self._tab("Signalements au SLISL", tables.NOTICES, "Informer le SLISL…",
                                 lambda: self._open(dialogs.notice_dialog(
                                     self, self.ctx.today(), self._save_change)))
        self.suspensions = self._tab("Suspensions", tables.SUSPENSIONS, "Suspendre…",
                                     lambda: self._open(dialogs.suspension_dialog(
                                         self, self.ctx.today(), self._save_change)))
        self.stays = self._tab("Séjours ALT", tables.stay_columns(self.home_names),
                               "Entrée dans un logement…", self._new_stay)
        column.addWidget(self.tabs, 2)

        right = QWidget(splitter)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.general_card, self.general_box, _t = section("Suivi de la mesure", right)
        self.general = Form(self.general_card)
        self.general_box.addWidget(self.general)
        self.save_button = button("Enregistrer", self.general_card, self.save_general)
        self.general_box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.general_card)
        card, box, self.points_title = section("Points gagnés, mois par mois", right)
        self.earnings: RowTableModel[MonthEarning] = RowTableModel(tables.EARNINGS, self)
        self.earnings_view = table_view(self.earnings, card, "Points gagnés, mois par mois",
                                         empty="Aucun point ni montant pour l'instant.")
        box.addWidget(self.earnings_view)
        column.addWidget(card, 1)
        splitter.setSizes([640, 430])

    def _tab(self, title: str, columns: list, action: str,  # type: ignore[type-arg]
             slot: Callable[[], None]) -> RowTableModel:  # type: ignore[type-arg]
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        model: RowTableModel = RowTableModel(columns, page)  # type: ignore[type-arg]
        box.addWidget(table_view(model, page, title))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(action, page, slot))
        box.addLayout(row)
        self.tabs.addTab(page, title)
        return model

    # --- loading -------------------------------------------------------------------------
    def show_measure(self, measure_id: str) -> None:
        """Show another record (reloaded now if the screen is visible, else when shown)."""
        if measure_id != self.measure_id:
            self.general.mark_clean()
        self.measure_id = measure_id
        self.stale = True
        if self.isVisible():
            self.refresh()

    def reload(self) -> None:
        if self.measure_id is None:
            return
        store, measure_id, today = self.ctx.store, self.measure_id, self.ctx.today()

        def work() -> Loaded | None:
            measure = store.measure(measure_id)
            if measure is None:
                return None
            homes = store.homes() if measure.type is MeasureType.FAL else []
            return measure, store.household(measure.household), homes

        self.ctx.run(work, self._loaded, text="Ouverture de la mesure…")
        self.ctx.run(lambda: measure_earnings(store, measure_id, today), self._earned,
                     text="Calcul des points de la mesure…")

    def _loaded(self, loaded: Loaded | None) -> None:
        if loaded is None:
            self.heading.setText("Mesure introuvable")
            return
        measure, household, homes = loaded
        self.measure = measure
        name = household.name if household else measure.household
        ref = f" ({household.reference})" if household and household.reference else ""
        self.heading.setText(f"{MEASURE_TYPES[measure.type]} — {name}{ref}")
        self.state.setText(self._state(measure))
        names = {w.id: w.name for w in self.ctx.workers}
        self.visits.show_measure(measure, names)
        self.visits_title.setText(f"Visites ({len(measure.visits)})")
        self.home_names.clear()
        self.home_names.update({h.id: h.address for h in homes})
        for tab, (model, rows) in enumerate((
                (self.periods, sorted(measure.periods, key=lambda p: p.start)),
                (self.reports, measure.reports), (self.notices, measure.notices),
                (self.suspensions, measure.suspensions), (self.stays, measure.stays))):
            model.set_rows(rows)
            self.tabs.setTabText(tab, f"{TABS[tab]} ({len(rows)})")
        self.tabs.setTabVisible(4, measure.type is MeasureType.FAL)
        self.renew_button.setEnabled(bool(measure.periods) and measure.closed_on is None)
        self._fill_general(measure)

    def _fill_general(self, measure: Measure) -> None:
        if self.general.dirty and self.general.property("type") == str(measure.type):
            return  # keep what the user is typing
        self.general.deleteLater()
        self.general = Form(self.general_card)
        self.general.setProperty("type", str(measure.type))
        build_general_form(self.general, measure.type,
                           [(w.name, w.id) for w in self.ctx.workers])
        self.general_box.insertWidget(1, self.general)
        self.general.set_values(general_values(measure))

    def _state(self, measure: Measure) -> str:
        today = self.ctx.today()
        span = in_force_span(measure)
        parts = [f"Référent(e) : {self.ctx.worker_name(measure.referent)}"]
        if span is not None:
            parts.insert(0, f"du {format_date(span[0])} au {format_date(span[1])}")
            if measure.type in (MeasureType.ASLL, MeasureType.AML):
                parts.insert(1, f"niveau {LEVELS[level_on(measure, today)].lower()}")
        if measure.closed_on is not None and measure.closed_on <= today:
            state = f"Clôturée le {format_date(measure.closed_on)} ({measure.close_reason or ''})"
        elif suspended_on(measure, today):
            since = max(s.start for s in measure.suspensions if s.start <= today)
            state = f"Suspendue depuis le {format_date(since)}"
        elif span is not None and span[0] > today:
            state = "À venir"
        elif span is not None and span[1] < today:
            state = "Période terminée, ni renouvelée ni clôturée"
        else:
            state = "En cours"
        return " · ".join([state, *parts])

    def _earned(self, earnings: list[MonthEarning]) -> None:
        self.earnings.set_rows(earnings)
        total = sum(e.points for e in earnings)
        amount = sum((e.amount for e in earnings), Decimal("0.00"))
        self.points_title.setText(f"Points gagnés, mois par mois : {total} points, "
                                  f"{format_eur(amount)}")

    # --- actions -------------------------------------------------------------------------
    def _m(self) -> Measure:
        assert self.measure is not None
        return self.measure

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _save_change(self, change: dialogs.Change, dialog: FormDialog | None = None) -> None:
        store, measure_id = self.ctx.store, self.measure_id

        def work() -> None:
            measure = store.measure(measure_id or "")
            if measure is None:
                raise LookupError(f"mesure {measure_id} introuvable")
            change(measure)
            store.save_measure(measure)

        self.ctx.save(work, "measure", lambda _r: dialog.accept() if dialog else None)

    def _add_visit(self, visit: Visit) -> None:
        self._save_change(lambda m: m.visits.append(visit))

    def start_visit(self) -> None:
        self.visits.start_entry()

    def renew(self) -> None:
        if self.measure is not None and self.measure.periods:
            self._open(dialogs.renew_dialog(self, self.measure, self._save_change))

    def close_measure(self) -> None:
        if self.measure is not None:
            self._open(dialogs.close_dialog(self, self.measure, self.ctx.today(),
                                            self._save_change))

    def _new_stay(self) -> None:
        store = self.ctx.store
        self.ctx.run(store.homes, lambda homes: self._open(dialogs.stay_dialog(
            self, homes, self.ctx.today(), self._save_change)))

    def save_general(self) -> bool:
        values = self.general.read()
        if values is None or self.measure is None:
            return False
        self.general.mark_clean()
        self._save_change(lambda m: _copy_into(m, apply_general(m, values)))
        return True

    def can_leave(self) -> bool:
        return leave_form(self, self.general.dirty, "la mesure", self.save_general)

    def _back(self) -> None:
        if self.measure is not None:
            self.ctx.open_household.emit(self.measure.household)


def _copy_into(target: Measure, source: Measure) -> None:
    for field in target.__slots__:  # type: ignore[attr-defined]
        setattr(target, field, getattr(source, field))
