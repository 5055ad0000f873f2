"""`duree`, `fin_de_periode`, `suspension_longue`."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.alerts import Severity
from desktop_app.domain.alerts.durations import duration_problems as problems
from desktop_app.domain.model import (
    LongStayReason,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Suspension,
    SuspensionReason,
)
from tests.domain.alerts.builders import alerts, caseload, dues, measure, period

D = date
INIT, RENEW, EXC = PeriodKind.INITIALE, PeriodKind.RENOUVELLEMENT, PeriodKind.EXCEPTIONNELLE


def asll(*periods: Period) -> Measure:
    return measure("m1", MeasureType.ASLL, *periods)


def test_asll_period_of_3_to_12_months() -> None:
    # 01/10 → 31/12: 31/12 < 01/01 − 1 day = 31/12? no → 3 months, fine; 30/12 is short.
    assert problems(asll(period(D(2025, 10, 1), D(2025, 12, 31)))) == []
    assert problems(asll(period(D(2025, 10, 1), D(2025, 12, 30)))) == [
        "période du 01/10/2025 au 30/12/2025 de moins de 3 mois"]
    # 30/11/2025 + 3 months = 28/02/2026 (clamped), − 1 day = 27/02: ending 27/02 is fine.
    assert problems(asll(period(D(2025, 11, 30), D(2026, 2, 27)))) == []
    assert len(problems(asll(period(D(2025, 11, 30), D(2026, 2, 26))))) == 1
    # 01/07/2025 → 30/06/2026 is 12 months; to 01/07/2026 (≥ 01/07/2025 + 12 months) longer.
    assert problems(asll(period(D(2025, 7, 1), D(2026, 6, 30)))) == []
    assert problems(asll(period(D(2025, 7, 1), D(2026, 7, 1)))) == [
        "période du 01/07/2025 au 01/07/2026 de plus de 12 mois"]


def test_asll_at_most_24_months_in_all() -> None:
    two_years = [period(D(2024, 1, 1), D(2024, 12, 31)), period(D(2025, 1, 1), D(2025, 12, 31))]
    assert problems(asll(*two_years)) == []  # 31/12/2025 < 01/01/2026
    assert problems(asll(*two_years, period(D(2026, 1, 1), D(2026, 3, 31)))) == [
        "plus de 24 mois au total"]


def test_aml_9_months_one_renewal_6_exceptional_after_concertation() -> None:
    # 15/07/2025 + 9 months = 15/04/2026: ending 14/04 fine, 15/04 longer.
    assert problems(measure("m1", MeasureType.AML,
                                     period(D(2025, 7, 15), D(2026, 4, 14), kind=INIT))) == []
    assert problems(measure("m1", MeasureType.AML,
                                     period(D(2025, 7, 15), D(2026, 4, 15), kind=INIT))) == [
        "période du 15/07/2025 au 15/04/2026 de plus de 9 mois"]
    base = [period(D(2025, 1, 1), D(2025, 9, 30), kind=INIT),
            period(D(2025, 10, 1), D(2026, 6, 30), kind=RENEW)]  # 18 months: < 01/07/2026
    assert problems(measure("m1", MeasureType.AML, *base)) == []
    exceptional = period(D(2026, 7, 1), D(2026, 12, 31), kind=EXC)  # 6 months: < 01/01/2027
    with_concertation = measure("m1", MeasureType.AML, *base, exceptional,
                                concertation_on=D(2026, 6, 1))
    assert problems(with_concertation) == []  # 24 months allowed: < 01/01/2027
    assert problems(measure("m1", MeasureType.AML, *base, exceptional)) == [
        "période exceptionnelle du 01/07/2026 au 31/12/2026 sans concertation",
        "plus de 18 mois au total",
    ]
    too_long = period(D(2026, 7, 1), D(2027, 1, 1), kind=EXC)
    assert problems(measure("m1", MeasureType.AML, *base, too_long,
                                     concertation_on=D(2026, 6, 1))) == [
        "période exceptionnelle du 01/07/2026 au 01/01/2027 de plus de 6 mois",
        "plus de 24 mois au total",
    ]
    two_renewals = [period(D(2025, 1, 1), D(2025, 3, 31), kind=INIT),
                    period(D(2025, 4, 1), D(2025, 6, 30), kind=RENEW),
                    period(D(2025, 7, 1), D(2025, 9, 30), kind=RENEW)]
    assert problems(measure("m1", MeasureType.AML, *two_renewals)) == [
        "plus d'un renouvellement"]


def test_fal_12_months_18_after_cada_or_dalo_plus_4_exceptionally() -> None:
    def fal(end: date, **fields: Any) -> list[str]:
        return problems(measure("m1", MeasureType.FAL,
                                         period(D(2025, 2, 1), end, None), **fields))

    assert fal(D(2026, 1, 31)) == []                      # example 2: 12 months
    assert fal(D(2026, 2, 1)) == ["plus de 12 mois au total"]
    assert fal(D(2026, 7, 31), long_stay_reason=LongStayReason.CADA) == []
    assert fal(D(2026, 8, 1), long_stay_reason=LongStayReason.DALO) == [
        "plus de 18 mois au total"]
    assert fal(D(2026, 5, 31), extension=True) == []      # 16 months
    assert fal(D(2026, 6, 1), extension=True) == ["plus de 16 mois au total"]
    assert fal(D(2026, 11, 30), long_stay_reason=LongStayReason.CADA, extension=True) == []


def test_duree_is_one_breach_per_measure_listing_every_problem() -> None:
    load = caseload(asll(period(D(2024, 1, 1), D(2024, 3, 1)),
                         period(D(2024, 3, 2), D(2026, 3, 1))))
    found = alerts(load, D(2025, 6, 1), "duree")
    assert [(a.measure, a.due, a.severity) for a in found] == [("m1", None, Severity.MANQUEMENT)]
    assert "moins de 3 mois" in found[0].message and "plus de 12 mois" in found[0].message
    assert "plus de 24 mois au total" in found[0].message
    load.measures[0].closed_on = D(2025, 6, 1)
    assert alerts(load, D(2025, 6, 1), "duree") == []


def test_fin_de_periode_after_the_last_period_until_renewed_or_closed() -> None:
    load = caseload(asll(period(D(2025, 6, 1), D(2025, 11, 30))))
    assert alerts(load, D(2025, 11, 30), "fin_de_periode") == []
    found = alerts(load, D(2025, 12, 1), "fin_de_periode")
    assert [(a.measure, a.due, a.severity) for a in found] == [("m1", None, Severity.MANQUEMENT)]
    assert "30/11/2025" in found[0].message
    load.measures[0].closed_on = D(2026, 1, 10)
    assert len(alerts(load, D(2026, 1, 9), "fin_de_periode")) == 1  # closing not reached yet
    assert alerts(load, D(2026, 1, 10), "fin_de_periode") == []
    load.measures[0].closed_on = None
    load.measures[0].periods.append(period(D(2025, 12, 1), D(2026, 5, 31), kind=RENEW))
    assert alerts(load, D(2025, 12, 1), "fin_de_periode") == []
    assert alerts(caseload(measure("m1", MeasureType.DSF)), D(2025, 12, 1),
                  "fin_de_periode") == []


def test_suspension_of_3_months_or_open_means_stopping_the_asll() -> None:
    suspension = Suspension(D(2025, 10, 1), None, SuspensionReason.INCARCERATION)
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2026, 6, 30)),
                            suspensions=[suspension]))
    code = "suspension_longue"
    assert alerts(load, D(2025, 9, 30), code) == []
    # Open from 01/10/2025: due 01/01/2026, raised from its start.
    found = alerts(load, D(2025, 10, 1), code)
    assert [(a.due, a.severity) for a in found] == [(D(2026, 1, 1), Severity.A_VENIR)]
    assert alerts(load, D(2026, 1, 2), code)[0].severity is Severity.MANQUEMENT
    suspension.end = D(2025, 12, 31)  # ends before 01/01/2026: less than 3 months
    assert alerts(load, D(2025, 10, 1), code) == []
    suspension.end = D(2026, 1, 1)  # reaches 3 months
    assert dues(alerts(load, D(2025, 10, 1), code)) == [D(2026, 1, 1)]
    # 30/11/2025 + 3 months → 28/02/2026 (clamped).
    load.measures[0].suspensions = [Suspension(D(2025, 11, 30), None, SuspensionReason.AUTRE)]
    assert dues(alerts(load, D(2025, 12, 1), code)) == [D(2026, 2, 28)]
    load.measures[0].type = MeasureType.AML
    assert alerts(load, D(2025, 12, 1), code) == []
