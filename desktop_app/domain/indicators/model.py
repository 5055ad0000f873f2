"""The named indicators of a year, as plain dataclasses (the SPSLH activity grid).

Counts are of measures unless the name says households; households are never named, the
grid shows at most their FSL reference. Breakdowns are ordered `dict[str, int]` whose keys
are the French labels the grid prints (« Personne seule », « Moins de 25 ans »…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType

if TYPE_CHECKING:
    from desktop_app.domain.indicators.convention import CountLine

#: One figure of the grid: a count, an amount, a mean (None: « sans objet »).
Value = int | Decimal | float | None


@dataclass(slots=True)
class TypeIndicators:
    """What the SPSLH asks about one measure type over year N."""

    type: MeasureType
    #: Distinct households with a measure of this type in force on a day of N (one-off
    #: types: carried out in N; ASLL also counts a CET not signed in N, rule P2).
    households: int = 0
    #: Measures whose first day in force is in N (one-off types: carried out in N).
    new: int = 0
    #: Stocks and exits (None for the one-off types ASLL_DIAG, DSF): in force on 1/1 and
    #: already the day before (a measure starting on 1/1 is new).
    in_force_start: int | None = None
    #: In force on 31/12 and still after it (a measure ending on 31/12 is an exit of N).
    in_force_end: int | None = None
    exits: int | None = None
    exits_by_reason: dict[str, int] = field(default_factory=dict)
    #: Mean length in months (days / 30.4375, 1 decimal) of the measures that ended in N.
    mean_duration_months: float | None = None
    #: Measures in force in N by level on their first day in force in N (ASLL, AML).
    by_level: dict[str, int] = field(default_factory=dict)
    #: ASLL: measures in force in N by content, « accès » or « maintien ».
    by_content: dict[str, int] = field(default_factory=dict)
    points_by_month: list[int] = field(default_factory=lambda: [0] * 12)
    amounts_by_month: list[Decimal] = field(default_factory=lambda: [Decimal("0.00")] * 12)
    visits_held: int = 0
    home_visits: int = 0
    closed_doors: int = 0
    closed_doors_justified: int = 0
    cancelled_visits: int = 0
    #: Final reports of the periods ending in N (ASLL, AML; rule `bilan_final`).
    final_reports_due: int = 0
    final_reports_on_time: int = 0
    final_reports_late: int = 0
    final_reports_missing: int = 0
    final_reports_unsigned: int = 0
    #: Suspensions starting in N.
    suspensions: int = 0
    #: Periods of kind `renouvellement` / `exceptionnelle` starting in N.
    renewals: int = 0
    exceptional_periods: int = 0
    #: ASLL: CET recorded as not signed in N (rule P2).
    cet_not_signed: int = 0
    composition: dict[str, int] = field(default_factory=dict)
    age: dict[str, int] = field(default_factory=dict)
    resources: dict[str, int] = field(default_factory=dict)
    territory: dict[str, int] = field(default_factory=dict)

    @property
    def points(self) -> int:
        return sum(self.points_by_month)

    @property
    def amount(self) -> Decimal:
        return sum(self.amounts_by_month, Decimal("0.00"))


@dataclass(slots=True)
class MonthFigures:
    """One monthly statement as the grid saw it (from `compute_month_points`)."""

    month: Month
    #: The statement's totals.
    points: int
    amount: Decimal
    #: Sums of the statement's lines, to check the totals against (P7).
    lines_points: int
    lines_amount: Decimal
    by_type: dict[MeasureType, tuple[int, Decimal]]


@dataclass(slots=True)
class HomeYear:
    """FAL: one ALT home over year N (days from the funding lines, P5)."""

    home: str
    address: str
    occupied_days: int = 0
    vacancy_days: int = 0
    amount: Decimal = Decimal("0.00")


@dataclass(slots=True)
class AmlIndicators:
    agreements: int = 0
    leases_transferred: int = 0
    exits_without_transfer: int = 0
    #: Failure claims sent to the SPSLH in N (item 5), those sent within the month after the
    #: departure, and the amounts they asked per kind and were granted.
    claims_sent: int = 0
    claims_on_time: int = 0
    claimed_rent: Decimal = Decimal("0.00")
    claimed_damage: Decimal = Decimal("0.00")
    claimed_eviction: Decimal = Decimal("0.00")
    granted: Decimal = Decimal("0.00")


@dataclass(slots=True)
class FalIndicators:
    homes: list[HomeYear] = field(default_factory=list)
    #: The year's FAL amounts by part (P5): support of the households (`fal_accompagnement`),
    #: management of the homes (`fal_gestion`, once per home), paid vacancy at one
    #: household's rate (`fal_vacance`); together the FAL amount of the statements.
    support_amount: Decimal = Decimal("0.00")
    management_amount: Decimal = Decimal("0.00")
    vacancy_amount: Decimal = Decimal("0.00")
    #: Households that shared an ALT home with another FAL household on a day of N, the
    #: homes so shared, and the changes of home of N (`indicators/homes.py`).
    shared_households: int = 0
    shared_homes: int = 0
    home_changes: int = 0
    exits_to_housing: int = 0
    long_stays: int = 0
    extensions: int = 0

    @property
    def occupied_days(self) -> int:
        return sum(h.occupied_days for h in self.homes)

    @property
    def vacancy_days(self) -> int:
        return sum(h.vacancy_days for h in self.homes)


@dataclass(slots=True)
class DsfIndicators:
    """DSF paid (or found unpaid) in N: the day `dsf_payment` gives falls in N (P6)."""

    done: int = 0
    closed_doors: int = 0
    not_paid: int = 0
    not_paid_by_reason: dict[str, int] = field(default_factory=dict)
    sent_on_time: int = 0
    sent_late: int = 0
    not_sent: int = 0
    #: Recorded on the DSF's content (`dsf_content`): the household accepted a support
    #: measure (request filled in); the home was reported on « Signal logement ».
    support_requested: int = 0
    housing_signal: int = 0


#: The objectives of a convention the grid follows, by name (the follow-up's order).
AGREED_OBJECTIVES = ("ASLL", "AML", "FAL", "DSF", "DSF_CLOSED")


@dataclass(slots=True)
class YearIndicators:
    association: str
    year: int
    types: dict[MeasureType, TypeIndicators]
    months: list[MonthFigures]
    aml: AmlIndicators
    fal: FalIndicators
    dsf: DsfIndicators
    #: Breaches (`manquement`) of the year per alert code, each subject counted once.
    breaches: dict[str, int]
    #: Distinct households supported in N, all types together.
    households: int = 0
    #: The convention of N, agreed against carried out over its period in N (Q3), by
    #: objective: `AGREED_OBJECTIVES`.
    agreed: dict[str, CountLine] = field(default_factory=dict)

    @property
    def points(self) -> int:
        return sum(m.points for m in self.months)

    @property
    def amount(self) -> Decimal:
        return sum((m.amount for m in self.months), Decimal("0.00"))
