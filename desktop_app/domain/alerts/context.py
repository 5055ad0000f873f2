"""What every rule needs: the day, the settings, look-ups by id, and alert builders.

Facts about one measure that several alert rules share are viewed once per measure and day
in a `MeasureView` (its in-force span, its visits recorded on or before the day, its home
visits per month), built from the measure's `MeasureFacts`, which do not depend on the day
(`facts`: computed once when the alerts of several days are asked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from desktop_app.domain.alerts.alert import Alert, VisitCount
from desktop_app.domain.alerts.facts import CaseloadFacts, MeasureFacts
from desktop_app.domain.alerts.severity import Severity, severity_of
from desktop_app.domain.dates import Month
from desktop_app.domain.measure_facts import suspended_on
from desktop_app.domain.model import AlertSettings, Caseload, Measure, Visit


@lru_cache(maxsize=1024)
def month_bounds(month: Month) -> tuple[date, date]:
    """(first day, last day) of `month`, worked out once per month."""
    return month.first_day, month.last_day


@dataclass(slots=True)
class MeasureView:
    """One measure as of the day `on` of the alerts."""

    measure: Measure
    #: First and last day in force (`measure_facts.in_force_span`).
    span: tuple[date, date] | None
    #: In force on `on`.
    in_force: bool
    #: Visits dated on or before `on`, by date (recorded order for a same day); empty when
    #: the measure is not in force on `on` (every visit rule needs it in force).
    visits: tuple[Visit, ...]
    on: date
    facts: MeasureFacts

    @classmethod
    def of(cls, measure: Measure, on: date) -> MeasureView:
        return cls.at(MeasureFacts(measure), on)

    @classmethod
    def at(cls, facts: MeasureFacts, on: date) -> MeasureView:
        span = facts.span
        in_force = span is not None and span[0] <= on <= span[1]
        visits = facts.visits_until(on) if in_force and facts.measure.visits else ()
        return cls(facts.measure, span, in_force, visits, on, facts)

    def home_visits(self, month: Month) -> int:
        """Home visits held in `month` (on or before `on`; none when not in force)."""
        if not self.in_force:
            return 0
        return self.facts.home_visits(month, self.on)

    def active_whole_month(self, month: Month) -> bool:
        """In force and not suspended on every day of `month` (`frequence_visites`,
        `aml_indisponible`): the span covers the month and no suspension touches it."""
        first, last = month_bounds(month)
        if self.span is None or self.span[0] > first or self.span[1] < last:
            return False
        if not self.measure.suspensions:
            return True
        return not any(suspended_on(self.measure, d) for d in month.days_iter())


class AlertContext:
    """The day, the settings and the caseload of one `compute_alerts` call."""

    def __init__(self, caseload: Caseload, on: date, settings: AlertSettings,
                 facts: CaseloadFacts | None = None) -> None:
        self.caseload = caseload
        self.on = on
        #: The month of `on` and the one before (`frequence_visites`, `aml_indisponible`).
        self.month = Month.of(on)
        self.previous_month = self.month.previous()
        self.settings = settings
        #: What does not depend on the day (shared by the days of one `AlertRun`).
        self.facts = facts if facts is not None else CaseloadFacts(caseload)
        self.workers = self.facts.remember(
            "workers", lambda: {w.id: w for w in caseload.workers})
        self.households = self.facts.remember(
            "households", lambda: {h.id: h for h in caseload.households})

    def worker_name(self, worker_id: str) -> str:
        worker = self.workers.get(worker_id)
        return worker.name if worker is not None else worker_id

    def household_name(self, household_id: str) -> str:
        household = self.households.get(household_id)
        return household.name if household is not None else household_id

    def severity(self, due: date | None) -> Severity:
        return severity_of(due, self.on, self.settings.days_ahead)

    def measure_alert(
        self, code: str, measure: Measure, due: date | None, message: str,
        month: Month | None = None, visits: VisitCount | None = None,
    ) -> Alert:
        """An alert about a measure: its household and its referent are the subject too."""
        return Alert(code, self.severity(due), measure.id, measure.household, measure.referent,
                     month, due, message, visits)

    def other_alert(
        self, code: str, due: date | None, message: str, *, month: Month | None = None,
        worker: str | None = None, severity: Severity | None = None,
    ) -> Alert:
        """An alert about a worker or the association (no measure, no household)."""
        return Alert(code, severity or self.severity(due), None, None, worker, month, due,
                     message)
