"""Names of people in file names: lower case, no accents, hyphens, never an internal id."""

from __future__ import annotations

import pytest

from desktop_app.domain.file_names import file_name_part, household_part


@pytest.mark.parametrize(("text", "part"), [
    ("Karim Benali", "karim-benali"),
    ("Élise Dupont-Lefèvre", "elise-dupont-lefevre"),
    ("Anne-Sophie  D'Hondt", "anne-sophie-d-hondt"),
    ("Cœur Lætitia", "coeur-laetitia"),
    ("  Çà et là ! ", "ca-et-la"),
    ("—", ""),
])
def test_file_name_part(text: str, part: str) -> None:
    assert file_name_part(text) == part


@pytest.mark.parametrize(("reference", "name", "part"), [
    ("FSL-2025-0042", "DURAND Marie", "FSL-2025-0042"),
    ("FSL 2025/42", "DURAND Marie", "FSL-2025-42"),        # no folder separator gets in
    ("//etc/passwd", "DURAND Marie", "etc-passwd"),
    ("Réf. É-12", "DURAND Marie", "Ref-E-12"),
    (None, "DURAND Marie", "sans-reference-DM"),
    ("", "Élise Dupont-Lefèvre", "sans-reference-EDL"),
    ("///", "—", "sans-reference"),
])
def test_household_part_names_the_household_without_its_id(
        reference: str | None, name: str, part: str) -> None:
    assert household_part(reference, name) == part
