"""P4–P6 at the tariff in force: a second tariff from 1 January 2026, another mid-month."""

from __future__ import annotations

from desktop_app.domain.model import DsfOutcome, MeasureType, Stay
from tests.domain.funding.builders import (
    RENFORCE,
    TARIFF_2025,
    D,
    caseload,
    fal,
    measure,
    month,
    period,
    summary,
    tariff,
)

TARIFF_2026 = tariff(D(2026, 1, 1), point_value="87.00", support="1600.00",
                     management="520.00", dsf_done="165.00", points_per_fte=48,
                     fal_per_fte=28)


def test_tariff_change_on_1_january() -> None:
    load = caseload(
        measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2026, 6, 30), RENFORCE)),
        fal("m2", Stay("u1", D(2025, 6, 1))),
        measure("m3", MeasureType.DSF, outcome=DsfOutcome.REALISE, done_on=D(2025, 12, 31)),
        measure("m4", MeasureType.DSF, outcome=DsfOutcome.REALISE, done_on=D(2026, 1, 2)),
        tariffs=[TARIFF_2026, TARIFF_2025])  # order of the list does not matter
    # December 2025: 2 × 85,95 = 171,90; FAL 31 days 1 562,80 × 31 / 365 = 132,730… → 132,73
    # and 500 × 31 / 365 = 42,465… → 42,47; DSF of 31/12 at 162,38.
    assert summary(load, "2025-12") == [
        ("m1", None, "mensuel", 2, None, "171.90"),
        ("m3", None, "dsf", 0, None, "162.38"),
        (None, "u1", "fal_gestion", 0, 31, "42.47"),
        ("m2", "u1", "fal_accompagnement", 0, 31, "132.73")]
    # January 2026: 2 × 87,00 = 174,00; 1 600 × 31 / 365 = 135,890… → 135,89; 520 × 31 /
    # 365 = 44,164… → 44,16; DSF of 02/01 at 165,00.
    january = month(load, "2026-01")
    assert [(x.measure, x.item, str(x.amount)) for x in january.lines] == [
        ("m1", "mensuel", "174.00"),
        ("m4", "dsf", "165.00"),
        (None, "fal_gestion", "44.16"),
        ("m2", "fal_accompagnement", "135.89")]
    # Limits follow the month's tariff: 48 points and 28 FAL per ETP, 2 ETP → 96 and 56.
    assert (january.association.limit, january.association.fal_limit) == (96.0, 56.0)
    # December at the 2025 tariff: 50 × 2 = 100, 30 × 2 = 60.
    december = month(load, "2025-12")
    assert (december.association.limit, december.association.fal_limit) == (100.0, 60.0)


def test_tariff_starting_mid_month_pays_each_fal_day_at_its_own_rate() -> None:
    mid = tariff(D(2025, 11, 16), point_value="90.00", support="1600.00")
    load = caseload(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2026, 6, 30))),
                    fal("m2", Stay("u1", D(2025, 6, 1))), tariffs=[TARIFF_2025, mid])
    # Points at the tariff of the month's first day: 1 × 85,95. FAL: 15 days at 1 562,80
    # and 15 days at 1 600: (23 442 + 24 000) / 365 = 129,978… → 129,98 (one rounding);
    # management unchanged 500 × 30 / 365 → 41,10.
    assert summary(load, "2025-11") == [
        ("m1", None, "mensuel", 1, None, "85.95"),
        (None, "u1", "fal_gestion", 0, 30, "41.10"),
        ("m2", "u1", "fal_accompagnement", 0, 30, "129.98")]


def test_without_tariffs_the_built_in_ones_apply() -> None:
    load = caseload(measure("m1", MeasureType.AML, period(D(2025, 7, 1), D(2026, 3, 31))),
                    tariffs=[])
    # Built-in 85,95 the point (docs/regles.md P4), 50 points per ETP × 2 workers.
    result = month(load, "2025-09")
    assert (str(result.amount), result.association.limit) == ("85.95", 100.0)
