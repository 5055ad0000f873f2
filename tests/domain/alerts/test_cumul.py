"""`cumul`: one support measure (ASLL, AML, FAL) per household at a time."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import Caseload, Measure, MeasureType
from tests.domain.alerts.builders import alerts, caseload, measure, period

D = date


def subjects(load: Caseload, on: date) -> list[tuple[str | None, str | None, str | None]]:
    return [(a.measure, a.household, a.worker) for a in alerts(load, on, "cumul")]


def two(first: Measure, second: Measure) -> Caseload:
    return caseload(first, second)


def test_overlap_names_the_later_measure_from_the_first_common_day() -> None:
    load = two(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
               measure("m2", MeasureType.FAL, period(D(2025, 10, 1), D(2026, 9, 30), None),
                       referent="w2"))
    assert subjects(load, D(2025, 9, 30)) == []
    found = alerts(load, D(2025, 10, 1), "cumul")
    assert [(a.measure, a.household, a.worker, a.due, a.severity) for a in found] == [
        ("m2", "h1", "w2", None, Severity.MANQUEMENT)]
    assert found[0].message == (
        "MÉNAGE h1 cumule la mesure FAL débutée le 01/10/2025 avec la mesure ASLL débutée le "
        "01/07/2025 (en même temps depuis le 01/10/2025) : une seule mesure d'accompagnement "
        "à la fois, n'en garder qu'une.")
    # Raised on every day both are in force, the last one m1's last day (31/12/2025).
    assert subjects(load, D(2025, 12, 31)) == [("m2", "h1", "w2")]
    # From 01/01/2026 the household has one measure again: nothing (a past overlap that has
    # ended raises nothing), though m2 is not closed.
    assert subjects(load, D(2026, 1, 1)) == []
    assert subjects(load, D(2026, 2, 1)) == []


def test_closing_the_earlier_measure_clears_the_later_one() -> None:
    # The seed: « un seul accompagnement FSL à la fois »; the worker does the right thing by
    # closing m1 on 15/11/2025: raised up to that day (m1 in force on its closing day),
    # cleared from 16/11/2025 while m2 goes on.
    load = two(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                       closed_on=D(2025, 11, 15)),
               measure("m2", MeasureType.FAL, period(D(2025, 10, 1), D(2026, 9, 30), None)))
    assert subjects(load, D(2025, 11, 15)) == [("m2", "h1", "w1")]
    assert subjects(load, D(2025, 11, 16)) == []
    # Closing the later measure instead clears it from its closing day.
    load.measures[0].closed_on = None
    load.measures[1].closed_on = D(2025, 11, 15)
    assert subjects(load, D(2025, 11, 14)) == [("m2", "h1", "w1")]
    assert subjects(load, D(2025, 11, 15)) == []


def test_no_overlap_other_household_or_non_support_measures() -> None:
    closed_before = two(
        measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31)),
                closed_on=D(2025, 9, 30)),
        measure("m2", MeasureType.FAL, period(D(2025, 10, 1), D(2026, 9, 30), None)))
    assert subjects(closed_before, D(2025, 10, 15)) == []
    other_household = two(
        measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
        measure("m2", MeasureType.FAL, period(D(2025, 10, 1), D(2026, 9, 30), None),
                household="h2"))
    assert subjects(other_household, D(2025, 10, 15)) == []
    dsf = two(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
              measure("m2", MeasureType.DSF, done_on=D(2025, 10, 1)))
    assert subjects(dsf, D(2025, 10, 15)) == []


def test_same_start_names_the_larger_id() -> None:
    load = two(measure("m9", MeasureType.ASLL, period(D(2025, 7, 1), D(2025, 12, 31))),
               measure("m10", MeasureType.AML, period(D(2025, 7, 1), D(2026, 3, 31))))
    assert subjects(load, D(2025, 7, 1)) == [("m9", "h1", "w1")]  # "m9" > "m10" as strings


def relay(asll_end: date, authorised: bool = True) -> Caseload:
    return two(measure("m1", MeasureType.ASLL, period(D(2025, 7, 1), asll_end)),
               measure("m2", MeasureType.AML, period(D(2026, 1, 1), D(2026, 9, 30)),
                       relay_authorized=authorised))


def test_authorised_aml_relay_of_exactly_3_months_is_allowed() -> None:
    # AML from 01/01/2026, ASLL until 31/03/2026: overlap 01/01 → 31/03 (3 months);
    # 31/03 < 01/01 + 3 months = 01/04 → never a breach.
    load = relay(D(2026, 3, 31))
    assert subjects(load, D(2026, 3, 31)) == []
    assert subjects(load, D(2026, 6, 1)) == []


def test_authorised_aml_relay_one_day_more_is_a_breach_from_that_day() -> None:
    # ASLL until 01/04/2026: the overlap reaches 01/04 = later start + 3 months.
    load = relay(D(2026, 4, 1))
    assert subjects(load, D(2026, 3, 31)) == []
    assert subjects(load, D(2026, 4, 1)) == [("m2", "h1", "w1")]


def test_authorised_aml_relay_breach_ends_with_the_earlier_measure() -> None:
    # ASLL until 30/04/2026: a breach from 01/04/2026 (AML start + 3 months) to 30/04/2026,
    # the last day both are in force; nothing from 01/05/2026.
    load = relay(D(2026, 4, 30))
    assert subjects(load, D(2026, 4, 30)) == [("m2", "h1", "w1")]
    assert subjects(load, D(2026, 5, 1)) == []


def test_relay_not_authorised_is_a_breach_from_the_first_common_day() -> None:
    assert subjects(relay(D(2026, 3, 31), authorised=False), D(2026, 1, 1)) == [
        ("m2", "h1", "w1")]


def test_relay_when_the_aml_came_first_counts_from_the_later_start() -> None:
    # AML (relay authorised) from 01/10/2025, FAL from 15/11/2025 until 15/02/2026 and
    # beyond: breach from 15/11/2025 + 3 months = 15/02/2026, named: the FAL.
    load = two(measure("m1", MeasureType.AML, period(D(2025, 10, 1), D(2026, 6, 30)),
                       relay_authorized=True),
               measure("m2", MeasureType.FAL, period(D(2025, 11, 15), D(2026, 11, 14), None)))
    assert subjects(load, D(2026, 2, 14)) == []
    assert subjects(load, D(2026, 2, 15)) == [("m2", "h1", "w1")]


def test_three_overlapping_measures_name_each_later_one_once() -> None:
    load = caseload(
        measure("m1", MeasureType.ASLL, period(D(2025, 1, 1), D(2025, 12, 31))),
        measure("m2", MeasureType.FAL, period(D(2025, 3, 1), D(2026, 2, 28), None)),
        measure("m3", MeasureType.AML, period(D(2025, 5, 1), D(2026, 1, 31))),
    )
    found = alerts(load, D(2025, 6, 1), "cumul")
    assert [a.measure for a in found] == ["m2", "m3"]
    assert ("la mesure AML débutée le 01/05/2025 avec la mesure ASLL débutée le 01/01/2025 "
            "(en même temps depuis le 01/05/2025), la mesure FAL débutée le 01/03/2025 (en "
            "même temps depuis le 01/05/2025)") in found[1].message
