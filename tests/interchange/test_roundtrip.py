"""The canonical document: every key, docs/echange.md order, deterministic lists, round trip."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from desktop_app.domain.model import (
    Association,
    Caseload,
    Convention,
    Diploma,
    Household,
    MeasureType,
    Worker,
)
from desktop_app.interchange import caseload_to_json, parse_caseload
from tests.interchange.docs import full_doc, small_doc


def test_canonical_file_gives_back_the_same_document_in_the_same_key_order() -> None:
    doc = full_doc()
    again = caseload_to_json(parse_caseload(doc))
    assert again == doc
    # key order too: the same text once dumped without sorting keys
    assert json.dumps(again, ensure_ascii=False) == json.dumps(doc, ensure_ascii=False)


def test_keys_in_the_order_of_echange_md() -> None:
    doc: Any = caseload_to_json(parse_caseload(small_doc()))
    assert list(doc) == ["format", "association", "tariffs", "workers", "households", "homes",
                         "measures"]
    measure = doc["measures"][0]
    assert list(measure) == [
        "id", "household", "type", "referent", "decision_date", "periods", "closed_on",
        "exit_reason", "close_reason", "suspensions", "visits", "reports", "notices", "contract",
        "retroactive", "asll_content", "agreement_on", "agreement_extensions",
        "lease_transferred_on", "failure_claim", "relay_authorized", "concertation_on", "stays",
        "long_stay_reason", "extension", "summoned_on", "hearing_on", "outcome",
        "transmitted_on", "done_on"]
    assert list(measure["contract"]) == ["signed_on", "sent_on", "not_signed_on",
                                         "not_signed_reason"]
    assert list(doc["households"][0]) == [
        "id", "reference", "name", "address", "postcode", "city", "territory",
        "territory_other", "phone", "monthly_resources", "members"]
    assert list(doc["households"][0]["members"][0]) == ["name", "birth_date", "role"]
    assert list(doc["workers"][0]["absences"][0]) == [
        "start", "end", "reason", "slisl_notified_on", "replacement"]


def test_defaults_of_optional_keys() -> None:
    doc: Any = caseload_to_json(parse_caseload(small_doc()))
    m2 = doc["measures"][1]
    # FAL measure written with 6 keys: the other 20 at null, false or []
    assert (m2["decision_date"], m2["contract"], m2["visits"], m2["relay_authorized"],
            m2["extension"], m2["periods"][0]["level"]) == (None, None, [], False, False, None)
    assert doc["association"] == {"name": "Association Exemple", "conventions": [],
                                  "grids_sent": [], "occupancy_tables_sent": []}
    assert doc["households"][1]["members"] == []


def test_order_does_not_depend_on_the_store() -> None:
    caseload = parse_caseload(full_doc())
    records: list[list[Any]] = [
        caseload.workers, caseload.households, caseload.homes, caseload.measures,
        caseload.tariffs, caseload.association.conventions,
        caseload.association.occupancy_tables_sent, caseload.workers[1].absences,
        caseload.homes[0].vacancies]
    for measure in caseload.measures:
        records += [measure.periods, measure.visits, measure.reports, measure.stays,
                    measure.agreement_extensions]
    for items in records:
        items.reverse()
    assert caseload_to_json(caseload) == full_doc()


def test_visits_of_one_day_sorted_by_every_field() -> None:
    doc = full_doc()
    visits = doc["measures"][0]["visits"]
    visits[1], visits[2] = visits[2], visits[1]  # 09/09 realisee before 09/09 porte_close
    # "porte_close" < "realisee" in plain string order: the canonical file swaps them back
    again: Any = caseload_to_json(parse_caseload(doc))
    assert again["measures"][0]["visits"] == full_doc()["measures"][0]["visits"]


def test_members_keep_their_order() -> None:
    doc = full_doc()
    doc["households"][0]["members"].reverse()  # no date to sort them by: kept as given
    again: Any = caseload_to_json(parse_caseload(doc))
    assert [m["name"] for m in again["households"][0]["members"]] == [
        "DURAND Léo", "DURAND Marie"]


def test_values_written_canonically() -> None:
    caseload = Caseload(
        association=Association("A", conventions=[Convention(
            2025, 1, 2, 3, 4, 5, {MeasureType.DSF: Decimal("3443.2"),
                                  MeasureType.ASLL: Decimal("0")})]),
        workers=[Worker("w1", "B", Diploma.AUTRE, 1)],  # an int fte, as a caller may pass
        households=[Household("h1", "C", monthly_resources=Decimal("85.9"))])
    doc: Any = caseload_to_json(caseload)
    # Decimal 85.9 → "85.90"; 0 → "0.00"; max_subsidy in the order of the measure types
    assert doc["households"][0]["monthly_resources"] == "85.90"
    assert list(doc["association"]["conventions"][0]["max_subsidy"].items()) == [
        ("ASLL", "0.00"), ("DSF", "3443.20")]
    fte = doc["workers"][0]["fte"]
    assert fte == 1.0 and type(fte) is float
    assert parse_caseload(doc).households[0].monthly_resources == Decimal("85.90")


def test_spans_are_not_written() -> None:
    caseload = parse_caseload(small_doc())
    assert caseload.spans == []
    assert "spans" not in caseload_to_json(caseload)


def test_tariff_from_key() -> None:
    caseload = parse_caseload(full_doc())
    assert caseload.tariffs[0].from_date == date(2025, 7, 1)
    assert caseload.tariffs[0].point_value == Decimal("85.95")
    doc: Any = caseload_to_json(caseload)
    assert doc["tariffs"][0]["from"] == "2025-07-01"
