"""The whole year of the worked example `exemple-2.json` (2025), and the self-checks."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.domain.dates import Month
from desktop_app.domain.indicators import (
    YearIndicators,
    breakdowns,
    check_continuity,
    check_indicators,
    compute_year_indicators,
    indicator_names,
    scalars,
)
from desktop_app.domain.model import MeasureType
from tests.conftest import EXAMPLES
from tests.domain.indicators.builders import caseload, example, measure

T = MeasureType


@pytest.fixture(scope="module")
def year_2025() -> YearIndicators:
    return compute_year_indicators(example("exemple-2.json"), 2025, today=date(2026, 1, 20))


def test_fal_days_of_home_u1(year_2025: YearIndicators) -> None:
    # m4 stays in u1 from 01/02/2025: 28+31+30+31+30+31+31+30+31+30+31 = 334 days
    [home] = year_2025.fal.homes
    assert (home.home, home.occupied_days, home.vacancy_days) == ("u1", 334, 0)
    assert breakdowns(year_2025)["FAL.home_days"] == {"14 rue de la Gare, 62500 Saint-Omer": 334}


def test_points_month_by_month(year_2025: YearIndicators) -> None:
    asll = year_2025.types[T.ASLL]
    # m6 simple June–November (1 a month), m1 renforcé October–December (2), m2 simple
    # December (1): June–Sept 1, Oct–Nov 3, December 2 + 1 = 3; year 4 + 6 + 3 = 13
    assert asll.points_by_month == [0, 0, 0, 0, 0, 1, 1, 1, 1, 3, 3, 3]
    assert asll.amount == Decimal("1117.35")  # 13 × 85,95
    assert scalars(year_2025)["ASLL.points.12"] == 3


def test_december_equals_the_worked_statement(year_2025: YearIndicators) -> None:
    expected = json.loads((EXAMPLES / "exemple-2.points-2025-12.json").read_text("utf-8"))
    december = year_2025.months[11]
    assert december.month == Month(2025, 12)
    assert (december.points, str(december.amount)) == (5, "767.33")
    for code, total in expected["totals"]["by_type"].items():
        points, amount = december.by_type[T(code)]
        assert (points, str(amount)) == (total["points"], total["amount"])


def test_activity_of_each_type(year_2025: YearIndicators) -> None:
    asll = year_2025.types[T.ASLL]
    # m1 (from 01/10), m2 (from 01/12), m6 (01/06–30/11): 3 new, m6 is the exit
    assert (asll.in_force_start, asll.new, asll.exits, asll.in_force_end) == (0, 3, 1, 2)
    assert asll.mean_duration_months == 6.0  # 183 days / 30,4375 = 6,01
    assert asll.visits_held == 12  # m1: 5, m2: 1, m6: 6
    assert (asll.final_reports_due, asll.final_reports_missing) == (1, 1)  # m6, due 30/10
    assert year_2025.types[T.FAL].in_force_end == 1
    assert year_2025.types[T.AML].households == 0  # m5: an agreement, no period yet
    assert year_2025.aml.agreements == 1
    assert (year_2025.dsf.done, year_2025.dsf.not_sent) == (1, 1)
    assert year_2025.types[T.ASLL_DIAG].new == 1
    # h1, h2, h6 (ASLL), h4 (FAL), h3 (DSF), h7 (diagnostic); h5 (AML) not yet supported
    assert year_2025.households == 6


def test_breaches_of_the_year(year_2025: YearIndicators) -> None:
    # Seen at the month ends of 2025: FAL m4 without home visit from February to November
    # (10 months, each a breach at the next month end; December is only due on 31/01/2026);
    # CET of m1 due 18/10, sent 20/11 (breach at 31/10) and of m2 due 14/12, never sent;
    # m6's final report due 30/10; m6's period ended 30/11, neither renewed nor closed.
    b = year_2025.breaches
    assert (b["frequence_visites"], b["cet"], b["bilan_final"], b["fin_de_periode"]) == \
        (10, 2, 1, 1)
    assert sum(b.values()) == 14 and scalars(year_2025)["breaches.total"] == 14
    assert breakdowns(year_2025)["breaches"]["Fréquence des visites à domicile"] == 10


def test_breaches_stop_at_today() -> None:
    # As of 30/06/2025 only the month ends January–June are seen: m4 missed February to May.
    ind = compute_year_indicators(example("exemple-2.json"), 2025, today=date(2025, 6, 30))
    assert sum(ind.breaches.values()) == 4


def test_the_example_passes_its_self_checks(year_2025: YearIndicators) -> None:
    assert check_indicators(year_2025) == []


def test_a_broken_stock_is_reported_in_french(year_2025: YearIndicators) -> None:
    year_2025.types[T.ASLL].new += 1
    try:
        problems = check_indicators(year_2025)
    finally:
        year_2025.types[T.ASLL].new -= 1
    assert problems == ["ASLL : en cours au 01/01/2025 (0) + débutées (4) − sorties (1) = 3, "
                        "mais 2 en cours au 31/12/2025."]


def test_a_month_that_differs_from_its_statement_is_reported(year_2025: YearIndicators) -> None:
    year_2025.types[T.FAL].amounts_by_month[1] += Decimal("1.00")
    try:
        problems = check_indicators(year_2025)
    finally:
        year_2025.types[T.FAL].amounts_by_month[1] -= Decimal("1.00")
    nbsp = "\u00a0"
    assert problems == [f"FAL, février 2025 : la grille indique 0 points et 159,25{nbsp}€, "
                        f"le relevé mensuel 0 points et 158,25{nbsp}€.",
                        # and the FAL parts (1 430,07 + 457,58 + 0) no longer make its amount
                        f"FAL : 1{nbsp}430,07{nbsp}€ + 457,58{nbsp}€ + 0,00{nbsp}€ = "
                        f"1{nbsp}887,65{nbsp}€, montant de la FAL 1{nbsp}888,65{nbsp}€."]


def test_continuity_from_one_year_to_the_next() -> None:
    # An ASLL 01/10/2024–31/03/2025: in force at the end of 2024 and on 1/1/2025.
    D = date
    whole = caseload(measure("a", T.ASLL, "h1", (D(2024, 10, 1), D(2025, 3, 31))))
    before = compute_year_indicators(whole, 2024, today=D(2026, 1, 1))
    after = compute_year_indicators(whole, 2025, today=D(2026, 1, 1))
    assert before.types[T.ASLL].in_force_end == after.types[T.ASLL].in_force_start == 1
    assert check_continuity(before, after) == []
    empty = compute_year_indicators(caseload(), 2025, today=D(2026, 1, 1))
    assert check_continuity(before, empty) == [
        "ASLL : 1 mesure en cours au 31/12/2024 mais 0 en cours au 01/01/2025."]


def test_progress_is_reported_to_the_end() -> None:
    calls: list[tuple[int, int]] = []
    compute_year_indicators(caseload(), 2025, today=date(2026, 1, 1),
                            progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (1, 25) and calls[-1] == (25, 25) and len(calls) == 25


def test_every_name_is_known() -> None:
    names, parts = indicator_names()
    assert {"ASLL.new", "FAL.occupied_days", "total.amount.12", "DSF.sent_on_time"} <= names
    assert {"ASLL.territory", "FAL.home_days", "breaches"} <= parts
