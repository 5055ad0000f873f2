"""The optional `dsf_content` of a measure in the interchange file (docs/echange.md)."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.interchange import Problem, caseload_to_json, parse_caseload
from tests.interchange.docs import small_doc
from tests.interchange.test_bad_files import problems_of


def test_a_file_without_it_loads_and_is_written_without_it() -> None:
    doc = small_doc()
    caseload = parse_caseload(doc)
    assert all(m.dsf_content is None for m in caseload.measures)
    assert all("dsf_content" not in m for m in caseload_to_json(caseload)["measures"])


def test_missing_keys_are_empty_texts_and_false() -> None:
    doc = small_doc()
    doc["measures"][0]["dsf_content"] = {"writer": "Claire Martin", "rent_debt": "0.00",
                                         "housing_signal": True, "observations": None}
    content = parse_caseload(doc).measures[0].dsf_content
    assert content == DsfContent(writer="Claire Martin", rent_debt=Decimal("0.00"),
                                 housing_signal=True)


def test_a_negative_debt_and_an_unknown_key_are_refused_in_french() -> None:
    doc = small_doc()
    doc["measures"][0]["dsf_content"] = {"rent_debt": "-12.00", "dette": "12.00"}
    problems = problems_of(doc)
    assert Problem("measures[0].dsf_content.rent_debt",
                   "montant négatif (« -12.00 ») : un montant est positif ou nul") in problems
    assert [p.path for p in problems] == ["measures[0].dsf_content.dette",
                                          "measures[0].dsf_content.rent_debt"]


def test_a_transmission_before_the_diagnostic_is_refused() -> None:
    doc = small_doc()
    doc["measures"][0]["done_on"] = "2025-03-10"
    doc["measures"][0]["dsf_content"] = {"sent_to_tenant_on": "2025-03-10",
                                         "sent_to_landlord_on": "2025-03-09"}
    assert problems_of(doc) == [Problem(
        "measures[0].dsf_content.sent_to_landlord_on",
        "la transmission au bailleur (09/03/2025) ne peut pas précéder le diagnostic "
        "(10/03/2025)")]
