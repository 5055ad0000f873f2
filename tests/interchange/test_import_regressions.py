"""The smallest files that broke `suivi-fsl import` before a mutation test found them:
a traceback instead of exit 3, or an exit 0 that left the store holding what its own export
could not give back. Each is imported into a store that already holds exemple-1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.interchange import parse_caseload
from tests.conftest import EXAMPLES
from tests.interchange.test_import_mutations import cli

KEEP = "Rien n'a été enregistré : corrigez le fichier puis relancez l'import."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite3"
    assert cli("--db", str(path), "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
    return path


def export(db: Path) -> bytes:
    out = db.with_name("export.json")
    assert cli("--db", str(db), "export", str(out))[0] == 0
    return out.read_bytes()


def document(**changes: Any) -> dict[str, Any]:
    """A valid file of one worker, one household and one ASLL measure (ids not in exemple-1)."""
    base: dict[str, Any] = {
        "format": "suivi-fsl/1", "association": {"name": "A"},
        "workers": [{"id": "w9", "name": "Léa Roux", "diploma": "CESF", "fte": 1.0}],
        "households": [{"id": "h9", "name": "ROUX Paul"}],
        "measures": [{"id": "m9", "household": "h9", "type": "ASLL", "referent": "w9",
                      "periods": [{"start": "2025-07-01", "end": "2025-12-31"}]}]}
    return base | changes


def rejected(db: Path, content: bytes) -> list[str]:
    """Imports `content`: exit 3, nothing changed; the problem lines."""
    before = export(db)
    file = db.with_name("fichier.json")
    file.write_bytes(content)
    code, out, err = cli("--db", str(db), "import", str(file))
    assert (code, out) == (3, "")
    assert export(db) == before
    lines = err.splitlines()
    assert lines[0] == f"Le fichier {file} n'est pas valide :"
    assert lines[-1] == KEEP
    return lines[1:-1]


def test_a_valid_file_of_the_helper_imports(db: Path) -> None:
    file = db.with_name("fichier.json")
    file.write_text(json.dumps(document()), encoding="utf-8")
    assert cli("--db", str(db), "import", str(file))[:2] == (
        0, "Import terminé : 1 ménages, 1 mesures, 0 visites.\n")


def test_thousands_of_nested_lists_are_a_file_problem_not_a_recursion_error(db: Path) -> None:
    # Was: RecursionError from json.loads (100 000 « [ »).
    assert rejected(db, b"[" * 100_000) == [
        "  - (fichier) : listes [ ] ou objets { } imbriqués sur des milliers de niveaux : ce "
        "n'est pas un fichier d'échange de Suivi FSL (il en a au plus quatre), vérifiez le "
        "fichier choisi"]


def test_a_number_of_5000_digits_is_a_wrong_value_not_a_value_error(db: Path) -> None:
    # Was: ValueError « Exceeds the limit (4300 digits) for integer string conversion ».
    text = json.dumps(document(association={"name": "A", "conventions": [{
        "year": 2025, "asll_points_per_month": 10, "aml_points_per_month": 4,
        "fal_count": 0, "dsf_count": 6, "dsf_closed_door_count": 2}]}))
    content = text.replace('"fal_count": 0', '"fal_count": ' + "9" * 5000).encode()
    assert rejected(db, content) == [
        "  - association.conventions[0].fal_count : un nombre entier sans guillemets est "
        "attendu, par exemple 10, pas un nombre de 5000 chiffres"]


def test_a_count_beyond_a_database_integer_is_out_of_range(db: Path) -> None:
    # Was: OverflowError « Python int too large to convert to SQLite INTEGER » (10**20 is
    # above 2**63 - 1 ≈ 9.2 × 10**18). Shown: its first 20 digits, then its 21 digits.
    tariff = {"from": "2026-01-01", "point_value": "85.95", "fal_support_per_year": "1562.80",
              "fal_management_per_year": "500.00", "dsf_done": "162.38",
              "dsf_closed_door": "39.12", "points_per_fte": 10**20, "fal_per_fte": 30}
    assert rejected(db, json.dumps(document(tariffs=[tariff])).encode()) == [
        "  - tariffs[0].points_per_fte : nombre hors limites (1" + "0" * 19 + "… (21 "
        "chiffres)) : il doit être au moins 0 et au plus 1000000"]


def test_an_amount_of_30_digits_is_out_of_range(db: Path) -> None:
    # Was: decimal.InvalidOperation when the amount was rounded to the cent (Decimal
    # arithmetic keeps 28 digits; 30 + 2 decimals do not fit).
    tariff = {"from": "2026-01-01", "point_value": "9" * 30 + ".99",
              "fal_support_per_year": "1562.80", "fal_management_per_year": "500.00",
              "dsf_done": "162.38", "dsf_closed_door": "39.12", "points_per_fte": 50,
              "fal_per_fte": 30}
    assert rejected(db, json.dumps(document(tariffs=[tariff])).encode()) == [
        f"  - tariffs[0].point_value : montant hors limites (« {'9' * 30}.99 ») : il doit être "
        "au plus « 999999999.99 »"]


def test_half_of_a_utf16_pair_in_a_name_is_an_unreadable_text(db: Path) -> None:
    # Was: UnicodeEncodeError « surrogates not allowed » while writing the household.
    content = json.dumps(document(households=[{"id": "h9", "name": "\ud800"}])).encode()
    assert b"\\ud800" in content  # json.dumps escapes it: the file itself is valid UTF-8
    assert rejected(db, content) == [
        "  - households[0].name : texte illisible : il contient une moitié de caractère "
        "(« \\ud800 » à « \\udfff » sans son autre moitié) : retapez ce texte"]


def test_a_period_in_year_9999_is_out_of_range(db: Path) -> None:
    # Was: ValueError « year 10000 is out of range » in the duration rules, computed when the
    # measure is written (9999-12-01 + 3 months).
    measure = document()["measures"][0] | {
        "periods": [{"start": "9999-12-01", "end": "9999-12-31"}]}
    assert rejected(db, json.dumps(document(measures=[measure])).encode()) == [
        f"  - measures[0].periods[0].{key} : la date « 9999-12-{day} » est hors limites (les "
        "années vont de 1900 à 2100) : vérifiez l'année" for key, day in (("start", "01"),
                                                                            ("end", "31"))]


def test_a_line_break_in_a_quoted_value_stays_on_the_problem_line(db: Path) -> None:
    # Was: the problem printed on two lines (« format « » then « suivi-fsl/1 » inconnu… »).
    content = json.dumps(document(format="\nsuivi-fsl/1")).encode()
    assert rejected(db, content) == [
        "  - format : format « \\nsuivi-fsl/1 » inconnu : ce logiciel lit les fichiers "
        "« suivi-fsl/1 » ; écrivez \"format\": \"suivi-fsl/1\" en tête du fichier"]


def test_a_table_sent_again_replaces_the_stored_one(db: Path) -> None:
    # Was: exit 0 with both sendings of 2025-09 kept, an export the reader then rejects
    # (« un seul envoi par mois »). The file wins, as for conventions and tariffs.
    file = db.with_name("fichier.json")
    for sent_on in ("2025-10-06", "2025-10-09"):
        association = {"name": "A", "grids_sent": [{"year": 2024, "sent_on": sent_on}],
                       "occupancy_tables_sent": [{"month": "2025-09", "sent_on": sent_on}]}
        file.write_text(json.dumps(document(association=association, workers=[],
                                            households=[], measures=[])), encoding="utf-8")
        assert cli("--db", str(db), "import", str(file))[0] == 0
    exported = json.loads(export(db))
    parse_caseload(exported)  # the export is a valid file again
    assert exported["association"]["grids_sent"] == [{"year": 2024, "sent_on": "2025-10-09"}]
    assert exported["association"]["occupancy_tables_sent"] == [
        {"month": "2025-09", "sent_on": "2025-10-09"}]
