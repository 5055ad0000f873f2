"""Convention follow-up (rule Q3): agreed against carried out, 70 % advance, balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.indicators import compute_year_indicators, convention_followup
from desktop_app.domain.model import Convention, Home, Level, MeasureType, Stay
from tests.domain.indicators.builders import caseload, example, measure

T = MeasureType
D = date


def test_example_1_with_estimated_subsidies() -> None:
    f = convention_followup(example("exemple-1.json"), 2025)
    # The convention applies from 01/07/2025: 6 months in 2025.
    assert (f.first_day, f.last_day) == (D(2025, 7, 1), D(2025, 12, 31))
    asll, aml, fal, dsf = f.rows
    # ASLL: 10 points a month agreed × 6 = 60; m1 simple July–December: 6 points, 515,70 €
    assert (asll.counts[0].agreed, asll.counts[0].done, asll.amount_done) == \
        (60, 6, Decimal("515.70"))
    # no max subsidy in the file: estimated 60 × 85,95 = 5 157,00; advance 70 % = 3 609,90;
    # due = 515,70 (carried out, below the maximum); balance 515,70 − 3 609,90 = −3 094,20
    assert asll.estimated
    assert (asll.max_subsidy, asll.advance, asll.due, asll.balance) == (
        Decimal("5157.00"), Decimal("3609.90"), Decimal("515.70"), Decimal("-3094.20"))
    # AML: 4 × 6 = 24 agreed; m2 renforcé July–December = 12 points, 1 031,40 €;
    # 24 × 85,95 = 2 062,80; advance 1 443,96; balance −412,56
    assert (aml.counts[0].agreed, aml.counts[0].done, aml.balance) == (24, 12, Decimal("-412.56"))
    # FAL: 2 agreed, 1 in force (m3 from 01/08); support + management of August–December:
    # 3 × (132,73 + 42,47) + 2 × (128,45 + 41,10) = 864,70; subsidy 2 × 2 062,80 × 6/12
    # = 2 062,80; advance 1 443,96; balance −579,26
    assert (fal.counts[0].done, fal.amount_done, fal.balance) == (1, Decimal("864.70"),
                                                                  Decimal("-579.26"))
    # DSF: 6 + 2 closed doors agreed; m4 carried out 04/09: 162,38 €; subsidy 6 × 162,38 +
    # 2 × 39,12 = 1 052,52; advance 736,764 → 736,76; balance −574,38
    assert [(c.agreed, c.done) for c in dsf.counts] == [(6, 1), (2, 0)]
    assert (dsf.advance, dsf.balance) == (Decimal("736.76"), Decimal("-574.38"))
    # total: −3 094,20 − 412,56 − 579,26 − 574,38 = −4 660,40 (a repayment)
    assert f.balance == Decimal("-4660.40")


def test_given_subsidy_caps_what_is_due() -> None:
    # 2026, whole year: ASLL renforcé all year = 24 points = 2 062,80 € carried out, above a
    # maximum of 2 000,00: due 2 000,00, advance 1 400,00, balance 600,00 (to receive).
    m = measure("a", T.ASLL, "h1", (D(2026, 1, 1), D(2026, 12, 31)), level=Level.RENFORCE)
    convention = Convention(2026, 1, 0, 0, 0, 0, max_subsidy={
        T.ASLL: Decimal("2000.00"), T.AML: Decimal("0.00"), T.FAL: Decimal("0.00"),
        T.DSF: Decimal("0.00")})
    f = convention_followup(caseload(m, conventions=[convention]), 2026)
    asll = f.rows[0]
    assert (f.first_day, asll.counts[0].agreed, asll.counts[0].done) == (D(2026, 1, 1), 12, 24)
    assert (asll.amount_done, asll.due, asll.advance, asll.balance) == (
        Decimal("2062.80"), Decimal("2000.00"), Decimal("1400.00"), Decimal("600.00"))
    assert not asll.estimated and f.balance == Decimal("600.00")


def test_without_convention_nothing_is_settled() -> None:
    f = convention_followup(caseload(), 2026)
    assert f.convention is None and f.balance is None
    assert all(r.max_subsidy is None and r.counts[0].agreed is None for r in f.rows)


def test_fal_days_after_the_last_period_are_not_carried_out() -> None:
    # A FAL whose only period is 01/08/2024–31/07/2025, household still in the home on
    # 31/12/2025, neither renewed nor closed: 2025 pays January–July only, 212 days:
    # 1 562,80 × 31 / 365 = 132,73 (Jan, Mar, May, Jul), × 28 / 365 = 119,89 (Feb),
    # × 30 / 365 = 128,45 (Apr, Jun); 500 × 31 / 365 = 42,47, × 28 / 365 = 38,36,
    # × 30 / 365 = 41,10. 4 × 175,20 + 158,25 + 2 × 169,55 = 1 198,15 (not 2 062,85 for the
    # whole year).
    fal = measure("a", T.FAL, "h1", (D(2024, 8, 1), D(2025, 7, 31)),
                  stays=[Stay("u1", D(2024, 8, 1))])
    load = caseload(fal, homes=[Home("u1", "1 rue A, Arras")],
                    conventions=[Convention(2025, 0, 0, 1, 0, 0)])
    year = compute_year_indicators(load, 2025, today=D(2026, 1, 20))
    [home] = year.fal.homes
    assert (home.occupied_days, home.amount) == (212, Decimal("1198.15"))
    # The convention applies from 01/07/2025 (as in example 1): July only, 175,20 (not the
    # 6 months July–December, 4 × 175,20 + 2 × 169,55 = 1 039,90).
    assert convention_followup(load, 2025).rows[2].amount_done == Decimal("175.20")


def test_the_grid_reads_agreed_against_carried_out_with_the_rate() -> None:
    """Example 1, 2025 (July–December): ASLL 60 points agreed, 6 carried out: 10,0 %; AML
    24 and 12: 50,0 %; FAL 2 agreed, 1 in force: 50,0 %; DSF 6 agreed, 1 carried out:
    1 / 6 = 16,66… → 16,7 % (half-up); closed doors 2 agreed, none: 0,0 %."""
    from desktop_app.domain.indicators import scalars

    year = compute_year_indicators(example("exemple-1.json"), 2025, today=D(2026, 1, 20))
    figures = scalars(year)
    assert [(figures[f"agreed.{n}"], figures[f"done.{n}"], figures[f"rate.{n}"])
            for n in ("ASLL", "AML", "FAL", "DSF", "DSF_CLOSED")] == [
        (60, 6, 10.0), (24, 12, 50.0), (2, 1, 50.0), (6, 1, 16.7), (2, 0, 0.0)]
    # No convention in 2024: nothing agreed, no rate; what was carried out still shows.
    before = scalars(compute_year_indicators(example("exemple-1.json"), 2024,
                                             today=D(2026, 1, 20)))
    assert (before["agreed.ASLL"], before["rate.ASLL"], before["done.ASLL"]) == (None, None, 0)


def test_rate_is_rounded_half_up_and_none_without_an_objective() -> None:
    from desktop_app.domain.indicators import CountLine

    # 1 / 8 = 12,5 %; 1 / 16 = 6,25 → 6,3 % (half-up, not to even); 5 / 3 = 166,66… → 166,7
    assert CountLine("x", 8, 1).rate == 12.5
    assert CountLine("x", 16, 1).rate == 6.3
    assert CountLine("x", 3, 5).rate == 166.7
    assert CountLine("x", 0, 4).rate is None and CountLine("x", None, 4).rate is None
