"""The earnings queries (`app.earnings`) on `small_caseload` for October 2025, on a SQLite
file and on PostgreSQL; every figure worked out by hand (tests/app/small_caseload.py; tariff
of 01/07/2025: point 85,95 €, FAL 1 562,80 €/an, management 500 €/an, 2025 has 365 days)."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.app.earnings import Quota, earnings, month_points
from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType
from desktop_app.store.repository import SqlStore

OCTOBER = Month(2025, 10)


def test_lines_with_the_names_of_households_homes_and_referents(small: SqlStore) -> None:
    found = earnings(small, OCTOBER)
    assert found.month == OCTOBER and found.points == month_points(small, OCTOBER)
    # m1 ASLL renforce: 2 points = 171,90 €; m2 ASLL simple: 1 point = 85,95 €;
    # m3 FAL in u2 the 31 days: 1 562,80 × 31 / 365 = 132,7309… → 132,73 € and u2's
    # management 500 × 31 / 365 = 42,4657… → 42,47 €; u1's justified vacancy 05/10–20/10,
    # 16 days at one household's rate: 2 062,80 × 16 / 365 = 90,4241… → 90,42 € (the
    # interval after the 30/09 departure is closed by no entry: not paid).
    assert sorted((line.subject, str(line.line.amount)) for line in found.lines) == [
        ("3 place d'Armes, Béthune", "90.42"),
        ("8 rue Haute, Lens", "42.47"),
        ("DURAND Marie", "171.90"),
        ("LEFÈVRE Hélène", "85.95"),
        ("MOREAU Paul", "132.73"),
    ]
    referents = {line.line.measure: line.referent for line in found.lines
                 if line.line.household is not None}
    assert referents == {"m1": "Claire Martin", "m2": "Karim Benali", "m3": "Claire Martin"}
    assert found.points.by_type[MeasureType.ASLL].amount == Decimal("257.85")
    # 132,73 + 42,47 + 90,42 = 265,62; in all 257,85 + 265,62 = 523,47 € for 3 points.
    assert found.points.by_type[MeasureType.FAL].amount == Decimal("265.62")
    assert (found.points.points, found.points.amount) == (3, Decimal("523.47"))


def test_quotas_of_the_association_then_each_worker(small: SqlStore) -> None:
    # Q1: 50 points per FTE (1,0 + 0,8 = 1,8 → 90); Q2: 30 FAL per FTE (→ 54). m1 and m3
    # are Claire Martin's (2 points, 1 FAL), m2 Karim Benali's (1 point).
    assert earnings(small, OCTOBER).quotas == [
        Quota("Association", 1.8, 3, 90.0, 1, 54.0),
        Quota("Claire Martin", 1.0, 2, 50.0, 1, 30.0),
        Quota("Karim Benali", 0.8, 1, 40.0, 0, 24.0),
    ]


def test_the_convention_of_the_months_year(small: SqlStore) -> None:
    convention = earnings(small, OCTOBER).convention
    assert convention is not None and (convention.year, convention.asll_points_per_month,
                                       convention.aml_points_per_month) == (2025, 40, 6)
    assert earnings(small, Month(2026, 1)).convention is None  # none recorded for 2026
