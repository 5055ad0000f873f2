"""An in-memory `Store` for the window's tests: whole caseload in memory, copies in and out."""

from __future__ import annotations

import copy
import itertools
from datetime import date

from desktop_app.domain.dates import Month
from desktop_app.domain.measure_facts import in_force_on, in_force_span, span_of
from desktop_app.domain.model import (
    SUPPORT_TYPES,
    AlertSettings,
    Association,
    Caseload,
    Home,
    Household,
    Measure,
    Tariff,
    Worker,
)
from desktop_app.domain.tariffs import default_tariffs
from desktop_app.store.api import HouseholdRow, MeasureRow
from desktop_app.ui.models import fold


def _replace(items: list, new: object) -> None:  # type: ignore[type-arg]
    for i, item in enumerate(items):
        if item.id == new.id:  # type: ignore[attr-defined]
            items[i] = new
            return
    items.append(new)


class FakeStore:
    def __init__(self, caseload: Caseload | None = None) -> None:
        self.data = caseload or Caseload(Association("Association de test"),
                                         tariffs=default_tariffs())
        self.settings = AlertSettings()
        self._ids = itertools.count(1000)
        self.writes = 0

    def is_empty(self) -> bool:
        return not (self.data.households or self.data.measures or self.data.workers)

    def import_caseload(self, caseload: Caseload) -> None:
        self.data = copy.deepcopy(caseload)

    def export_caseload(self) -> Caseload:
        return copy.deepcopy(self.data)

    def _all(self) -> Caseload:
        caseload = copy.deepcopy(self.data)
        caseload.spans = [s for m in caseload.measures if (s := span_of(m)) is not None]
        return caseload

    def load_for_month(self, month: Month) -> Caseload:
        return self._all()

    def load_for_day(self, day: date) -> Caseload:
        return self._all()

    def alert_settings(self) -> AlertSettings:
        return self.settings

    def save_alert_settings(self, settings: AlertSettings) -> None:
        self.settings = settings

    def association(self) -> Association:
        return copy.deepcopy(self.data.association)

    def save_association(self, association: Association) -> None:
        self.data.association = copy.deepcopy(association)

    def tariffs(self) -> list[Tariff]:
        return copy.deepcopy(self.data.tariffs)

    def save_tariffs(self, tariffs: list[Tariff]) -> None:
        self.data.tariffs = copy.deepcopy(tariffs)

    def workers(self) -> list[Worker]:
        return copy.deepcopy(self.data.workers)

    def save_worker(self, worker: Worker) -> None:
        self.writes += 1
        _replace(self.data.workers, copy.deepcopy(worker))

    def homes(self) -> list[Home]:
        return copy.deepcopy(self.data.homes)

    def save_home(self, home: Home) -> None:
        _replace(self.data.homes, copy.deepcopy(home))

    def household_rows(self, on: date, text: str = "", limit: int | None = None
                       ) -> list[HouseholdRow]:
        names = {w.id: w.name for w in self.data.workers}
        rows = []
        for h in sorted(self.data.households, key=lambda h: h.name.casefold()):
            key = fold(" ".join(filter(None, (h.name, h.reference, h.city, h.territory))))
            if text and fold(text) not in key:
                continue
            measure = next((m for m in self.data.measures if m.household == h.id
                            and m.type in SUPPORT_TYPES and in_force_on(m, on)), None)
            rows.append(HouseholdRow(
                h.id, h.name, h.reference, h.city, h.territory,
                measure.type if measure else None, measure.id if measure else None,
                measure.referent if measure else None,
                names.get(measure.referent) if measure else None))
        return rows[:limit] if limit else rows

    def household(self, household_id: str) -> Household | None:
        found = next((h for h in self.data.households if h.id == household_id), None)
        return copy.deepcopy(found)

    def save_household(self, household: Household) -> None:
        self.writes += 1
        _replace(self.data.households, copy.deepcopy(household))

    def measures_of_household(self, household_id: str) -> list[Measure]:
        return copy.deepcopy([m for m in self.data.measures if m.household == household_id])

    def measure_rows(self, on: date | None = None, referent: str | None = None
                     ) -> list[MeasureRow]:
        households = {h.id: h for h in self.data.households}
        rows = []
        for m in self.data.measures:
            if referent is not None and m.referent != referent:
                continue
            if on is not None and not in_force_on(m, on):
                continue
            span = in_force_span(m)
            h = households.get(m.household)
            rows.append(MeasureRow(m.id, m.household, h.name if h else "", h.reference if h
                                   else None, m.type, m.referent, span[0] if span else None,
                                   span[1] if span else None, m.closed_on))
        return rows

    def measure(self, measure_id: str) -> Measure | None:
        found = next((m for m in self.data.measures if m.id == measure_id), None)
        return copy.deepcopy(found)

    def save_measure(self, measure: Measure) -> None:
        self.writes += 1
        _replace(self.data.measures, copy.deepcopy(measure))

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids)}"
