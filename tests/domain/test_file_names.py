"""Names of people in file names: lower case, no accents, hyphens, never an internal id."""

from __future__ import annotations

import pytest

from desktop_app.domain.file_names import file_name_part


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
