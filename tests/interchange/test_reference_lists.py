"""Exit reasons and territories in the interchange file: an old file
(free texts, no `exit_reason` / `territory_other`) still imports, its texts recognised as the
store's migration does; a new file is strict on the codes."""

from __future__ import annotations

import pytest

from desktop_app.domain.model import AsllContent, ExitReason, Territory
from desktop_app.interchange import caseload_to_json, parse_caseload
from desktop_app.interchange.errors import InvalidFileError
from tests.interchange.docs import full_doc, small_doc


def test_an_old_file_imports_with_its_texts_recognised() -> None:
    doc = small_doc()
    doc["households"][0]["territory"] = "Lens-Liévin"
    doc["households"][1]["territory"] = "Lensois"  # not in the list
    doc["measures"][0]["closed_on"] = "2025-11-30"
    doc["measures"][0]["close_reason"] = "Glissement du bail"
    doc["measures"][1]["close_reason"] = "Départ sans solution de logement"
    caseload = parse_caseload(doc)
    h1, h2, h3 = caseload.households
    assert (h1.territory, h1.territory_other) == (Territory.LENS_LIEVIN, None)
    assert (h2.territory, h2.territory_other) == (Territory.AUTRE, "Lensois")
    assert (h3.territory, h3.territory_other) == (None, None)  # missing: unknown
    m1, m2 = caseload.measures
    assert m1.asll_content is None  # item 11: missing is « non renseigné »
    assert (m1.exit_reason, m1.close_reason) == (ExitReason.BAIL_GLISSE, None)
    assert (m2.exit_reason, m2.close_reason) == (ExitReason.AUTRE,
                                                 "Départ sans solution de logement")


def test_a_new_file_round_trips_its_codes_and_texts() -> None:
    doc = full_doc()
    caseload = parse_caseload(doc)
    assert caseload.households[1].territory is Territory.AUTRE
    assert caseload.households[1].territory_other == "Ternois (hors liste)"
    assert caseload.measures[1].exit_reason is ExitReason.RELOGEMENT_PRIVE
    assert caseload.measures[1].close_reason == "studio à Béthune"
    assert caseload.measures[0].asll_content is AsllContent.MAINTIEN  # item 11
    assert caseload.measures[1].asll_content is None
    assert caseload_to_json(caseload) == doc


@pytest.mark.parametrize(("where", "key", "value"), [
    ("measures", "exit_reason", "relogement"),
    ("households", "territory", "Lens-Liévin"),  # a new file writes codes
    ("measures", "asll_content", "acces_logement"),
])
def test_an_unknown_code_of_a_new_file_is_refused(where: str, key: str, value: str) -> None:
    doc = full_doc()
    doc[where][0][key] = value
    with pytest.raises(InvalidFileError) as error:
        parse_caseload(doc)
    text = str(error.value)
    assert f"{where}[0].{key}" in text and "code inconnu" in text
