"""What the « Nouvelle mesure » and « Renouveler » forms propose, within the `duree` limits
(worked out by hand: month ends, leap years, the 24-month and exceptional caps)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts.renewal import (
    default_level,
    first_period,
    first_start,
    length_in_months,
    months_end,
    period_problems,
    propose_renewal,
)
from desktop_app.domain.model import Level, LongStayReason, MeasureType, Period, PeriodKind
from tests.domain.alerts.builders import measure, period

D = date
INIT, RENEW, EXC = PeriodKind.INITIALE, PeriodKind.RENOUVELLEMENT, PeriodKind.EXCEPTIONNELLE


def test_months_end_and_length_in_months() -> None:
    assert months_end(D(2025, 7, 1), 6) == D(2025, 12, 31)
    # 31/08/2025 + 6 months = 28/02/2026 (clamped), − 1 day = 27/02/2026.
    assert months_end(D(2025, 8, 31), 6) == D(2026, 2, 27)
    # 31/08/2027 + 6 months = 29/02/2028 (leap year), − 1 day = 28/02/2028.
    assert months_end(D(2027, 8, 31), 6) == D(2028, 2, 28)
    assert length_in_months(period(D(2025, 7, 1), D(2025, 12, 31))) == 6
    assert length_in_months(period(D(2025, 7, 15), D(2026, 4, 14))) == 9
    # One day past 9 months rounds up to 10.
    assert length_in_months(period(D(2025, 7, 15), D(2026, 4, 15))) == 10


def test_first_start_and_first_period() -> None:
    # ASLL: the first day of the month after the CL decision; December → next January.
    assert first_start(MeasureType.ASLL, D(2025, 12, 15)) == D(2026, 1, 1)
    assert first_start(MeasureType.ASLL, None) is None
    assert first_start(MeasureType.AML, D(2025, 12, 15)) is None
    assert first_period(MeasureType.ASLL, D(2026, 1, 1)) == D(2026, 6, 30)  # 6 months
    assert first_period(MeasureType.AML, D(2025, 7, 15)) == D(2026, 4, 14)  # 9 months
    assert first_period(MeasureType.FAL, D(2025, 3, 1)) == D(2026, 2, 28)  # 12 months
    assert first_period(MeasureType.DSF, D(2025, 3, 1)) is None
    assert default_level(MeasureType.AML) is Level.SIMPLE
    assert default_level(MeasureType.FAL) is None


def test_asll_renewal_as_long_as_the_last_between_3_and_12_within_24() -> None:
    six = measure("m1", MeasureType.ASLL, period(D(2025, 1, 1), D(2025, 6, 30), Level.RENFORCE))
    assert propose_renewal(six) == Period(D(2025, 7, 1), D(2025, 12, 31), Level.RENFORCE, RENEW)
    # A last period of 2 months (01/01–28/02) is renewed for 3: 01/03 → 31/05.
    two = measure("m1", MeasureType.ASLL, period(D(2025, 1, 1), D(2025, 2, 28)))
    assert propose_renewal(two) == Period(D(2025, 3, 1), D(2025, 5, 31), Level.SIMPLE, RENEW)
    # 12 + 9 months from 01/01/2024: 9 more would reach 30/06/2026, the 24 months stop at
    # 31/12/2025.
    long = measure("m1", MeasureType.ASLL, period(D(2024, 1, 1), D(2024, 12, 31)),
                   period(D(2025, 1, 1), D(2025, 9, 30), kind=RENEW))
    assert propose_renewal(long) == Period(D(2025, 10, 1), D(2025, 12, 31), Level.SIMPLE, RENEW)
    assert propose_renewal(measure("m1", MeasureType.ASLL)) is None
    assert propose_renewal(measure("m1", MeasureType.DSF, period(D(2025, 1, 1),
                                                                 D(2025, 2, 1)))) is None


def test_aml_renewed_once_for_9_then_6_exceptionally() -> None:
    first = period(D(2025, 7, 15), D(2026, 4, 14), kind=INIT)
    once = measure("m1", MeasureType.AML, first)
    assert propose_renewal(once) == Period(D(2026, 4, 15), D(2027, 1, 14), Level.SIMPLE, RENEW)
    twice = measure("m1", MeasureType.AML, first,
                    period(D(2026, 4, 15), D(2027, 1, 14), kind=RENEW))
    assert propose_renewal(twice) == Period(D(2027, 1, 15), D(2027, 7, 14), Level.SIMPLE, EXC)


def test_fal_up_to_12_or_18_months_then_4_exceptionally() -> None:
    six = measure("m1", MeasureType.FAL, period(D(2025, 3, 1), D(2025, 8, 31), None))
    assert propose_renewal(six) == Period(D(2025, 9, 1), D(2026, 2, 28), None, RENEW)
    full = measure("m1", MeasureType.FAL, period(D(2025, 3, 1), D(2026, 2, 28), None))
    assert propose_renewal(full) == Period(D(2026, 3, 1), D(2026, 6, 30), None, EXC)
    dalo = measure("m1", MeasureType.FAL, period(D(2025, 3, 1), D(2025, 8, 31), None),
                   long_stay_reason=LongStayReason.DALO)
    assert propose_renewal(dalo) == Period(D(2025, 9, 1), D(2026, 8, 31), None, RENEW)
    # Past the 16 months already: the proposal is one day (the worker changes it).
    over = measure("m1", MeasureType.FAL, period(D(2025, 3, 1), D(2026, 6, 30), None))
    assert propose_renewal(over) == Period(D(2026, 7, 1), D(2026, 7, 1), None, EXC)


def test_period_problems_are_those_of_the_duree_rule() -> None:
    base = measure("m1", MeasureType.AML, period(D(2025, 1, 1), D(2025, 9, 30), kind=INIT),
                   period(D(2025, 10, 1), D(2026, 6, 30), kind=RENEW))
    exceptional = period(D(2026, 7, 1), D(2026, 12, 31), kind=EXC)
    # Without a concertation: no exceptional period, and 18 months in all at most (01/01/2025
    # + 18 months = 01/07/2026 ≤ 31/12/2026).
    assert period_problems(base, exceptional) == [
        "période exceptionnelle du 01/07/2026 au 31/12/2026 sans concertation",
        "plus de 18 mois au total"]
    assert period_problems(base, exceptional, concertation=D(2026, 6, 1)) == []
    assert base.periods[-1].kind is RENEW and len(base.periods) == 2  # left as it was
