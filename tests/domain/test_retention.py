"""GDPR keeping rules, worked out by hand: CNIL délibération 2023-095 (2 years in
the active base after the last measure), the convention's annex (kept until 31/12/2034)."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.demo import generate_caseload
from desktop_app.domain.anonymisation import (
    coarse_birth,
    grid_days,
    latest_birth,
    resources_floor,
    scrubbed_reason,
)
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.indicators.profile import ProfileBrackets, age_on
from desktop_app.domain.model import (
    FailureClaim,
    Household,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Period,
    Territory,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.domain.retention import (
    RetentionSettings,
    anonymised,
    due_for_archive,
    leaves_active_base_on,
    measure_end,
    past_keeping_date,
)

RULES = RetentionSettings()


def asll(start: date, end: date, closed_on: date | None = None, **kw: object) -> Measure:
    return Measure("m1", "h1", MeasureType.ASLL, "w1", periods=[Period(start, end)],
                   closed_on=closed_on, **kw)  # type: ignore[arg-type]


def due(measures: list[Measure], day: date) -> bool:
    return due_for_archive([measure_end(m) for m in measures], day, RULES)


def test_ended_30_11_2024_is_due_from_01_12_2026_only() -> None:
    # 30/11/2024 + 2 years = 30/11/2026: « more than 2 years » starts the day after.
    ended = asll(date(2024, 6, 1), date(2024, 11, 30))
    assert leaves_active_base_on(date(2024, 11, 30), RULES) == date(2026, 12, 1)
    assert not due([ended], date(2026, 11, 30))
    assert due([ended], date(2026, 12, 1))


def test_closed_before_the_period_end_counts_from_the_closing_day() -> None:
    # Period to 31/12/2024 but closed on 15/03/2024: last day in force 15/03/2024,
    # + 2 years = 15/03/2026, due from 16/03/2026.
    stopped = asll(date(2024, 1, 1), date(2024, 12, 31), closed_on=date(2024, 3, 15))
    assert not due([stopped], date(2026, 3, 15))
    assert due([stopped], date(2026, 3, 16))


def test_closed_after_the_last_period_counts_from_the_closing_day() -> None:
    # Period to 30/06/2024, closing recorded on 15/09/2024 (a later contact): 15/09/2024
    # + 2 years = 15/09/2026, due from 16/09/2026.
    late = asll(date(2024, 1, 1), date(2024, 6, 30), closed_on=date(2024, 9, 15))
    assert measure_end(late) == date(2024, 9, 15)
    assert not due([late], date(2026, 9, 15))
    assert due([late], date(2026, 9, 16))


def test_leap_day_end_anniversary_is_28_02() -> None:
    # Ended 29/02/2024; 2026 has no 29/02: the anniversary is 28/02/2026 (clamped), so the
    # file leaves the active base on 01/03/2026 and not on 28/02/2026.
    ended = asll(date(2023, 3, 1), date(2024, 2, 29))
    assert leaves_active_base_on(date(2024, 2, 29), RULES) == date(2026, 3, 1)
    assert not due([ended], date(2026, 2, 28))
    assert due([ended], date(2026, 3, 1))
    # Four years (2028 is leap): 29/02/2028 is the anniversary, due from 01/03/2028.
    four = RetentionSettings(active_years=4)
    assert leaves_active_base_on(date(2024, 2, 29), four) == date(2028, 3, 1)


def test_a_measure_in_force_or_planned_is_never_due() -> None:
    old = asll(date(2015, 1, 1), date(2015, 12, 31))
    in_force = Measure("m2", "h1", MeasureType.AML, "w1",
                       periods=[Period(date(2015, 1, 1), date(2040, 12, 31))])
    planned = Measure("m3", "h1", MeasureType.FAL, "w1",
                      periods=[Period(date(2031, 1, 1), date(2031, 6, 30))])
    assert due([old], date(2030, 1, 1))
    assert not due([old, in_force], date(2030, 1, 1))
    assert not due([old, planned], date(2030, 1, 1))
    # A measure without periods nor closing (nothing ended yet), and no measure at all.
    assert not due([old, Measure("m4", "h1", MeasureType.DSF, "w1")], date(2030, 1, 1))
    assert not due([], date(2030, 1, 1))


def test_a_later_visit_is_a_later_contact() -> None:
    # Ended 30/06/2024, visited on 10/09/2024: due from 11/09/2026.
    ended = asll(date(2024, 1, 1), date(2024, 6, 30),
                 visits=[Visit(date(2024, 9, 10), VisitOutcome.REALISEE, VisitPlace.BUREAU)])
    assert not due([ended], date(2026, 9, 10))
    assert due([ended], date(2026, 9, 11))


def test_keeping_date_31_12_2034() -> None:
    assert not past_keeping_date(date(2034, 12, 31), RULES)
    assert past_keeping_date(date(2035, 1, 1), RULES)


def test_latest_birth_and_leap_day() -> None:
    # 25 years old on 29/02/2024 when born on or before 28/02/1999 (1999 has no 29/02).
    assert latest_birth(date(2024, 2, 29), 25) == date(1999, 2, 28)
    assert age_on(date(1999, 2, 28), date(2024, 2, 29)) == 25
    assert age_on(date(1999, 3, 1), date(2024, 2, 29)) == 24


def test_coarse_birth_keeps_every_bracket() -> None:
    # Born 15/03/1990; grid days 10/03/2015 (age 24) and 01/01/2016 (age 25).
    # Thresholds with limit 25: 10/03/1990 and 01/01/1991; limit 35: 10/03/1980, 01/01/1981…
    # 15/03/1990 lies in ]10/03/1990, 01/01/1991]: the roundest date there is 01/01/1991
    # (a 1 January; 1990 is out: 01/01/1990 ≤ 10/03/1990 would be 25 on 10/03/2015).
    days = {date(2015, 3, 10), date(2016, 1, 1)}
    limits = ProfileBrackets().age_limits
    birth = coarse_birth(date(1990, 3, 15), days, limits)
    assert birth == date(1991, 1, 1)
    assert [age_on(birth, d) for d in sorted(days)] == [24, 25]
    # No grid day: no age is ever read, the birth date goes.
    assert coarse_birth(date(1990, 3, 15), set(), limits) is None


def test_grid_days_first_day_supported_per_type_and_year() -> None:
    # ASLL 01/07/2024–30/06/2025: first day in 2024 is 01/07/2024, in 2025 is 01/01/2025.
    measure = asll(date(2024, 7, 1), date(2025, 6, 30))
    assert grid_days([measure]) == {date(2024, 7, 1), date(2025, 1, 1)}


def test_resources_floor_keeps_the_bracket() -> None:
    limits = (500, 1000, 1500)
    assert resources_floor(Decimal("812.40"), limits) == Decimal(500)
    assert resources_floor(Decimal("1000"), limits) == Decimal(1000)
    assert resources_floor(Decimal("320"), limits) == Decimal(0)
    assert resources_floor(Decimal("2400"), limits) == Decimal(1500)


def test_scrubbed_reason_keeps_the_category() -> None:
    phrases = ["DURAND Marie", "12 rue des Lilas", "Arras", "03 21 45 67 89"]
    names = ["DURAND Marie", "Paul Durand"]
    assert scrubbed_reason("Objectifs atteints", phrases, names) == "Objectifs atteints"
    assert (scrubbed_reason("Relogement de Mme Durand à Arras (tél. 0321456789)", phrases,
                            names)
            == "Relogement de Mme [anonymisé] à [anonymisé] (tél. [anonymisé])")
    assert scrubbed_reason("durand marie : départ", phrases, names) == "[anonymisé] : départ"


def test_anonymised_household() -> None:
    household = Household(
        "h7", "DURAND Marie", "FSL-2024-0042", "12 rue des Lilas", "62000", "Arras",
        Territory.ARRAGEOIS, "03 21 45 67 89", Decimal("812.40"),
        [Member("Marie Durand", MemberRole.DEMANDEUR, date(1990, 3, 15)),
         Member("Paul Durand", MemberRole.ENFANT, date(2012, 5, 2))])
    measure = asll(date(2015, 3, 10), date(2016, 6, 30), close_reason="Relogé, Mme Durand")
    new, (new_measure,) = anonymised(household, [measure])
    assert new.name == "Ménage anonymisé h7"
    assert (new.reference, new.address, new.postcode, new.city, new.phone) == (None,) * 5
    assert new.territory is Territory.ARRAGEOIS
    assert new.monthly_resources == Decimal(500)
    # The child's birth date is read by no grid; the applicant's: 01/01/1991 (see above,
    # grid days 10/03/2015 and 01/01/2016).
    assert [(m.name, m.role, m.birth_date) for m in new.members] == [
        ("Membre 1", MemberRole.DEMANDEUR, date(1991, 1, 1)),
        ("Membre 2", MemberRole.ENFANT, None)]
    assert new_measure.close_reason == "Relogé, Mme [anonymisé]"
    assert new_measure.periods == measure.periods and new_measure is not measure
    assert measure.close_reason == "Relogé, Mme Durand"  # the input is untouched


@settings(max_examples=300, deadline=None)
@given(birth=st.dates(date(1930, 1, 1), date(2012, 12, 31)),
       days=st.sets(st.dates(date(2000, 1, 1), date(2040, 12, 31)), min_size=1, max_size=12))
def test_coarse_birth_same_bracket_on_every_grid_day(birth: date, days: set[date]) -> None:
    # The property the grid needs: on every day it takes an age on, the coarse birth date
    # gives the same bracket (number of limits reached) as the real one.
    limits = ProfileBrackets().age_limits
    coarse = coarse_birth(birth, days, limits)
    assert coarse is not None
    for day in days:
        assert (sum(age_on(coarse, day) >= x for x in limits)
                == sum(age_on(birth, day) >= x for x in limits))


@pytest.mark.parametrize("seed", [2, 9])
def test_every_grid_identical_after_anonymising_a_demo_caseload(seed: int) -> None:
    # No store: every household of a generated caseload anonymised, then each year's
    # indicators (composition, ages, resources, territories, exits by reason, exits to
    # housing, visits, points…) compared field by field.
    caseload = generate_caseload(households=120, years=3, seed=seed, today=date(2025, 6, 30))
    by_household: dict[str, list[Measure]] = {}
    for measure in caseload.measures:
        by_household.setdefault(measure.household, []).append(measure)
    households, measures = [], []
    for household in caseload.households:
        new, new_measures = anonymised(household, by_household.get(household.id, []))
        households.append(new)
        measures += new_measures
    hidden = copy.copy(caseload)
    hidden.households, hidden.measures = households, measures
    assert {h.name for h in caseload.households}.isdisjoint(h.name for h in households)
    for year in (2022, 2023, 2024):
        assert (compute_year_indicators(hidden, year, today=date(2025, 6, 30))
                == compute_year_indicators(caseload, year, today=date(2025, 6, 30)))


def test_anonymised_aml_claim_keeps_its_amounts_not_its_invoices() -> None:
    # A failure claim's invoices are free text (« Facture Durand… »); the grid
    # reads only the amounts, the territory code is kept, its « autre » text is not.
    household = Household("h7", "DURAND Marie", territory=Territory.AUTRE,
                          territory_other="Lensois")
    claim = FailureClaim(date(2016, 6, 30), Decimal("1200.00"), invoices=["Facture Durand"],
                         sent_on=date(2016, 7, 15))
    measure = Measure("m1", "h7", MeasureType.AML, "w1", closed_on=date(2016, 6, 30),
                      failure_claim=claim)
    new, (new_measure,) = anonymised(household, [measure])
    assert (new.territory, new.territory_other) == (Territory.AUTRE, None)
    assert new_measure.failure_claim == FailureClaim(date(2016, 6, 30), Decimal("1200.00"),
                                                     sent_on=date(2016, 7, 15))
    assert claim.invoices == ["Facture Durand"]  # the input is untouched
