"""Convention follow-up of a year (rule Q3): per measure type, agreed against carried out,
the 70 % advance and the expected balance (positive) or repayment (negative).

The balance is paid « au prorata de la réalisation des objectifs », within the maximum
subsidy: due = min(amount carried out, maximum subsidy); balance = due − advance. Amounts
carried out are the monthly statements' (`compute_month_points`); counts follow the
`convention` alert (FAL in force on a day of the period, DSF by outcome on the day P6 pays
them). A convention without maximum subsidies gets one estimated from its counts and the
tariff (flagged `estimated`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.domain.dates import Month, months_between
from desktop_app.domain.funding import MonthPoints, compute_month_points
from desktop_app.domain.measure_facts import in_force_span, one_off_date
from desktop_app.domain.model import Caseload, Convention, DsfOutcome, MeasureType
from desktop_app.domain.money import round_cents
from desktop_app.domain.tariffs import tariff_on

#: Convention article 2: it applies from 1 July 2025 (the 2025 figures cover July–December).
CONVENTION_FIRST_DAY = date(2025, 7, 1)
#: Q3: 70 % is paid in the month after signature.
ADVANCE_RATE = Decimal("0.70")
ZERO = Decimal("0.00")
FOLLOWED = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL, MeasureType.DSF)


@dataclass(slots=True)
class CountLine:
    label: str
    agreed: int | None
    done: int

    @property
    def rate(self) -> float | None:
        """Carried out / agreed in %, one decimal rounded half-up; None without a
        (non-zero) agreed figure."""
        if not self.agreed:
            return None
        percent = Decimal(100 * self.done) / Decimal(self.agreed)
        return float(percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(slots=True)
class ConventionRow:
    type: MeasureType
    counts: list[CountLine]
    amount_done: Decimal
    max_subsidy: Decimal | None = None
    estimated: bool = False
    advance: Decimal = ZERO
    due: Decimal | None = None
    balance: Decimal | None = None


@dataclass(slots=True)
class ConventionFollowup:
    association: str
    year: int
    first_day: date
    last_day: date
    convention: Convention | None
    rows: list[ConventionRow] = field(default_factory=list)

    @property
    def balance(self) -> Decimal | None:
        values = [r.balance for r in self.rows]
        return None if any(v is None for v in values) else sum(
            (v for v in values if v is not None), ZERO)


def convention_period(year: int) -> tuple[date, date]:
    return max(date(year, 1, 1), CONVENTION_FIRST_DAY), date(year, 12, 31)


def convention_followup(caseload: Caseload, year: int,
                        statements: dict[Month, MonthPoints] | None = None
                        ) -> ConventionFollowup:
    first, last = convention_period(year)
    if first > last:
        first = date(year, 1, 1)
    months = list(months_between(first, last))
    known = statements or {}
    amounts = dict.fromkeys(FOLLOWED, ZERO)
    points = dict.fromkeys(MeasureType, 0)
    for month in months:
        statement = known.get(month) or compute_month_points(caseload, month)
        for mtype, total in statement.by_type.items():
            points[mtype] += total.points
            target = MeasureType.ASLL if mtype is MeasureType.ASLL_DIAG else mtype
            amounts[target] += total.amount
    convention = next((c for c in caseload.association.conventions if c.year == year), None)
    fal, dsf_done, dsf_closed = _counts(caseload, first, last)
    n = len(months)
    c = convention

    def agreed(value: Callable[[Convention], int]) -> int | None:
        return None if c is None else value(c)

    rows = [
        ConventionRow(MeasureType.ASLL, [
            CountLine("Points ASLL", agreed(lambda k: k.asll_points_per_month * n),
                      points[MeasureType.ASLL]),
            CountLine("Points de diagnostics ASLL", None, points[MeasureType.ASLL_DIAG]),
        ], amounts[MeasureType.ASLL]),
        ConventionRow(MeasureType.AML, [
            CountLine("Points AML", agreed(lambda k: k.aml_points_per_month * n),
                      points[MeasureType.AML])], amounts[MeasureType.AML]),
        ConventionRow(MeasureType.FAL, [
            CountLine("FAL en cours", agreed(lambda k: k.fal_count), fal)],
            amounts[MeasureType.FAL]),
        ConventionRow(MeasureType.DSF, [
            CountLine("DSF réalisés", agreed(lambda k: k.dsf_count), dsf_done),
            CountLine("DSF portes closes", agreed(lambda k: k.dsf_closed_door_count),
                      dsf_closed)], amounts[MeasureType.DSF]),
    ]
    result = ConventionFollowup(caseload.association.name, year, first, last, convention, rows)
    if convention is not None:
        for row in rows:
            _settle(row, convention, caseload, first, n)
    return result


def _counts(caseload: Caseload, first: date, last: date) -> tuple[int, int, int]:
    fal = done = closed = 0
    for measure in caseload.measures:
        if measure.type is MeasureType.FAL:
            span = in_force_span(measure)
            fal += span is not None and span[0] <= last and span[1] >= first
        elif measure.type is MeasureType.DSF:
            day = one_off_date(measure)
            if day is not None and first <= day <= last:
                done += measure.outcome is DsfOutcome.REALISE
                closed += measure.outcome is DsfOutcome.PORTE_CLOSE
    return fal, done, closed


def _settle(row: ConventionRow, convention: Convention, caseload: Caseload, first: date,
            months: int) -> None:
    given = (convention.max_subsidy or {}).get(row.type)
    if given is None:
        given, row.estimated = _estimate(row.type, convention, caseload, first, months), True
    row.max_subsidy = given
    row.advance = round_cents(given * ADVANCE_RATE)
    row.due = min(row.amount_done, given)
    row.balance = row.due - row.advance


def _estimate(mtype: MeasureType, convention: Convention, caseload: Caseload, first: date,
              months: int) -> Decimal:
    """The subsidy the agreed counts would earn at the tariff of the period's first day."""
    tariff = tariff_on(caseload.tariffs, first)
    if mtype is MeasureType.ASLL:
        return round_cents(tariff.point_value * convention.asll_points_per_month * months)
    if mtype is MeasureType.AML:
        return round_cents(tariff.point_value * convention.aml_points_per_month * months)
    if mtype is MeasureType.FAL:
        yearly = tariff.fal_support_per_year + tariff.fal_management_per_year
        return round_cents(yearly * convention.fal_count * months / 12)
    return round_cents(tariff.dsf_done * convention.dsf_count
                       + tariff.dsf_closed_door * convention.dsf_closed_door_count)
