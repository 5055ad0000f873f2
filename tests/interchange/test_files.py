"""Reading and writing files: UTF-8, readable JSON errors, atomic write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.domain.model import Association, Caseload, Diploma, Worker
from desktop_app.interchange import (
    InvalidFileError,
    Problem,
    caseload_to_json,
    parse_caseload,
    read_file,
    write_file,
)
from tests.conftest import EXAMPLES
from tests.interchange.docs import full_doc

TINY = Caseload(association=Association("Asso Béthune"),
                workers=[Worker("w1", "Zoé « Z »", Diploma.ES, 0.5)])
TINY_TEXT = """{
 "format": "suivi-fsl/1",
 "association": {
  "name": "Asso Béthune",
  "conventions": [],
  "grids_sent": [],
  "occupancy_tables_sent": []
 },
 "tariffs": [],
 "workers": [
  {
   "id": "w1",
   "name": "Zoé « Z »",
   "diploma": "ES",
   "fte": 0.5,
   "absences": []
  }
 ],
 "households": [],
 "homes": [],
 "measures": []
}
"""


def test_write_file_text(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_file(TINY, target)
    # UTF-8 without \\u escapes: « é » is the two bytes C3 A9
    assert target.read_bytes() == TINY_TEXT.encode("utf-8")
    assert b"\xc3\xa9" in target.read_bytes()


def test_write_then_read_gives_the_same_document(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    caseload = parse_caseload(full_doc())
    write_file(caseload, target)
    assert caseload_to_json(read_file(target)) == full_doc()
    first = target.read_bytes()
    write_file(read_file(target), target)  # export → import → export: byte for byte
    assert target.read_bytes() == first


def test_example_exported_twice_is_identical(tmp_path: Path) -> None:
    one, two = tmp_path / "1.json", tmp_path / "2.json"
    write_file(read_file(EXAMPLES / "exemple-2.json"), one)
    write_file(read_file(one), two)
    assert one.read_bytes() == two.read_bytes()


def test_write_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("ancien contenu", encoding="utf-8")
    write_file(TINY, target)
    assert target.read_text(encoding="utf-8") == TINY_TEXT
    assert os.listdir(tmp_path) == ["export.json"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "export.json"
    target.write_text("ancien contenu", encoding="utf-8")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_file(TINY, target)
    assert target.read_text(encoding="utf-8") == "ancien contenu"
    assert os.listdir(tmp_path) == ["export.json"]  # the temporary file was removed


def test_str_path_accepted(tmp_path: Path) -> None:
    write_file(TINY, str(tmp_path / "export.json"))
    assert read_file(str(tmp_path / "export.json")).workers[0].name == "Zoé « Z »"


def read_problems(path: Path) -> list[Problem]:
    with pytest.raises(InvalidFileError) as caught:
        read_file(path)
    return caught.value.problems


def test_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    target = tmp_path / "bad.json"
    # line 3 holds the trailing comma; the parser stops at the « } » of line 4, column 1
    target.write_text('{\n "format": "suivi-fsl/1",\n "workers": [],\n}\n', encoding="utf-8")
    assert read_problems(target) == [Problem(
        "(fichier)", "JSON mal formé ligne 4, colonne 1 : un nom de clé entre guillemets "
                     "doubles est attendu (une virgule en trop avant « } » ?)")]


def test_missing_comma(tmp_path: Path) -> None:
    target = tmp_path / "bad.json"
    target.write_text('{"format": "suivi-fsl/1" "workers": []}', encoding="utf-8")
    # `{"format": "suivi-fsl/1" ` is 25 characters: the second key starts at column 26
    assert read_problems(target) == [Problem(
        "(fichier)", "JSON mal formé ligne 1, colonne 26 : une virgule est attendue entre "
                     "deux éléments")]


def test_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "latin1.json"
    target.write_bytes('{\n "format": "suivi-fsl/1",\n "name": "Béthune"\n}'.encode("latin-1"))
    assert read_problems(target) == [Problem(
        "(fichier)", "le fichier n'est pas en UTF-8 (caractère illisible ligne 3) : "
                     "réenregistrez-le en UTF-8 depuis votre tableur ou éditeur")]


def test_byte_order_mark_accepted(tmp_path: Path) -> None:
    target = tmp_path / "bom.json"
    text = (EXAMPLES / "exemple-1.json").read_text(encoding="utf-8")
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(read_file(target).measures) == 4


def test_nan_is_not_a_number_of_the_format(tmp_path: Path) -> None:
    doc = full_doc()
    target = tmp_path / "nan.json"
    target.write_text(json.dumps(doc).replace('"fte": 0.8', '"fte": NaN'), encoding="utf-8")
    assert read_problems(target) == [Problem(
        "workers[1].fte", "une quotité de travail sans guillemets est attendue, par exemple "
                          "0.8, pas NaN (interdit en JSON)")]


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_file(tmp_path / "absent.json")
