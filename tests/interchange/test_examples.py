"""The worked examples of `tests/data/examples/` read with the exact values they hold."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Contract,
    Convention,
    DsfOutcome,
    Level,
    MeasureType,
    Period,
    PeriodKind,
    Stay,
    Territory,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.domain.reference_lists import recognise_territory
from desktop_app.interchange import caseload_to_json, parse_caseload, read_file
from tests.conftest import EXAMPLES

DEFAULTS: tuple[object, ...] = (None, False, [])


def assert_filled_in(original: Any, canonical: Any, path: str = "") -> None:
    """`canonical` is `original` with the missing optional keys added at their default."""
    if isinstance(original, dict):
        assert isinstance(canonical, dict), path
        for key, value in original.items():
            assert key in canonical, f"{path}.{key}"
            assert_filled_in(value, canonical[key], f"{path}.{key}")
        for key in canonical.keys() - original.keys():
            assert canonical[key] in DEFAULTS, f"{path}.{key} = {canonical[key]!r}"
    elif isinstance(original, list):
        assert isinstance(canonical, list) and len(canonical) == len(original), path
        for index, (a, b) in enumerate(zip(original, canonical, strict=True)):
            assert_filled_in(a, b, f"{path}[{index}]")
    elif path.endswith(".territory"):
        # a territory typed before the list is written back as the code it was recognised as
        territory = recognise_territory(original)[0]
        assert territory is not None and canonical == territory.value, path
    else:
        assert canonical == original and type(canonical) is type(original), path


def test_example_1_values() -> None:
    caseload = read_file(EXAMPLES / "exemple-1.json")
    assert caseload.association.name == "Association Exemple"
    assert caseload.association.conventions == [Convention(2025, 10, 4, 2, 6, 2, None)]
    assert caseload.tariffs == []  # the file has none: the store adds the built-in ones
    assert [(w.id, w.diploma.value, w.fte) for w in caseload.workers] == [
        ("w1", "CESF", 1.0), ("w2", "ES", 0.5)]
    assert [h.id for h in caseload.households] == ["h1", "h2", "h3", "h4"]
    # the file predates the list of territories: its text is recognised
    assert caseload.households[1].territory is Territory.LENS_LIEVIN
    assert caseload.households[1].territory_other is None
    assert caseload.households[1].address is None  # optional, left out
    assert [(h.id, h.address) for h in caseload.homes] == [("u1", "3 place d'Armes, 62400 Béthune")]
    m1, m2, m3, m4 = caseload.measures
    assert [m.type for m in caseload.measures] == [
        MeasureType.ASLL, MeasureType.AML, MeasureType.FAL, MeasureType.DSF]
    # visits: m1 4 + m2 5 + m3 4 + m4 0 = 13
    assert [len(m.visits) for m in caseload.measures] == [4, 5, 4, 0]
    assert m1.decision_date == date(2025, 6, 12)
    assert m1.periods == [Period(date(2025, 7, 1), date(2025, 12, 31), Level.SIMPLE,
                                 PeriodKind.INITIALE)]
    assert m1.contract == Contract(signed_on=date(2025, 7, 4), sent_on=date(2025, 7, 8))
    assert m1.visits[2] == Visit(date(2025, 9, 9), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE)
    assert m2.agreement_on == date(2025, 5, 15) and m2.periods[0].level is Level.RENFORCE
    assert m3.stays == [Stay("u1", date(2025, 8, 1), None)] and m3.periods[0].level is None
    assert (m4.summoned_on, m4.hearing_on, m4.done_on, m4.transmitted_on) == (
        date(2025, 8, 25), date(2025, 10, 6), date(2025, 9, 4), date(2025, 9, 12))
    assert m4.outcome is DsfOutcome.REALISE and m4.periods == [] and m4.contract is None
    assert (m4.relay_authorized, m4.extension, m4.retroactive) == (False, False, None)


def test_example_2_values() -> None:
    caseload = read_file(EXAMPLES / "exemple-2.json")
    tables = caseload.association.occupancy_tables_sent
    # February to November 2025: 11 − 2 + 1 = 10 tables, each sent on the 8th of the next month
    assert len(tables) == 10
    assert (tables[0].month, tables[0].sent_on) == (Month(2025, 2), date(2025, 3, 8))
    assert (tables[-1].month, tables[-1].sent_on) == (Month(2025, 11), date(2025, 12, 8))
    w1, w2 = caseload.workers
    assert [(a.start, a.end, a.reason) for a in w1.absences] == [
        (date(2025, 12, 15), date(2026, 1, 16), "congé maladie")]
    assert w2.fte == 0.8 and w2.absences == []
    assert len(caseload.households) == 7 and caseload.households[6].name == "BRUNET Éric"
    # visits: m1 5 + m2 1 + m3 0 + m4 2 + m5 0 + m6 6 + m7 0 = 14
    assert [len(m.visits) for m in caseload.measures] == [5, 1, 0, 2, 0, 6, 0]
    m5, m7 = caseload.measures[4], caseload.measures[6]
    assert (m5.type, m5.agreement_on, m5.periods) == (MeasureType.AML, date(2025, 4, 20), [])
    assert (m7.type, m7.done_on) == (MeasureType.ASLL_DIAG, date(2025, 12, 10))
    assert caseload.measures[3].periods[0].end == date(2026, 1, 31)


def test_examples_canonical_form_is_the_file_with_defaults_filled_in() -> None:
    for name in ("exemple-1.json", "exemple-2.json"):
        original = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        canonical = caseload_to_json(parse_caseload(original))
        assert_filled_in(original, canonical)
        assert caseload_to_json(parse_caseload(canonical)) == canonical


def test_example_1_defaults() -> None:
    canonical: Any = caseload_to_json(read_file(EXAMPLES / "exemple-1.json"))
    m4 = canonical["measures"][3]
    assert m4["periods"] == [] and m4["contract"] is None and m4["extension"] is False
    assert canonical["tariffs"] == [] and canonical["homes"] == [
        {"id": "u1", "address": "3 place d'Armes, 62400 Béthune", "vacancies": []}]
    # money left out is null, never "0.00"
    assert canonical["households"][0]["monthly_resources"] is None
