"""Bad input gets a French refusal at a bounded cost: files that are
not regular or too big, keys written twice, texts too long or with a NUL character, and a
file read piece by piece (never the whole tree of a big file in memory)."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from desktop_app.domain.limits import MAX_FILE_BYTES, MAX_NAME_LENGTH, text_limit
from desktop_app.interchange import InvalidFileError, Problem, parse_caseload, read_file
from desktop_app.interchange.files import read_parts
from tests.interchange.docs import Doc, full_doc, small_doc

NOT_A_FILE = Problem("(fichier)", "ce n'est pas un fichier ordinaire (un périphérique, un "
                     "tube, une socket…) : choisissez le fichier .json exporté")
TWICE = "gardez-en une seule (sinon seule la dernière compterait)"


def file_problems(path: Path | str) -> list[Problem]:
    with pytest.raises(InvalidFileError) as caught:
        read_file(path)
    return caught.value.problems


def written(tmp_path: Path, text: str, name: str = "f.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- what is read at all --------------------------------------------------------------------

def test_a_device_is_refused_before_reading() -> None:
    # /dev/zero never ends: reading it grew the memory by ~380 MB/s until killed.
    assert file_problems("/dev/zero") == [NOT_A_FILE]


@pytest.mark.timeout(60)  # the bug was a hang: fail instead of blocking the suite
def test_a_pipe_without_writer_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "tube.json"
    os.mkfifo(fifo)
    assert file_problems(fifo) == [NOT_A_FILE]
    # The merge of a household's file and the window's import read the same way.
    with pytest.raises(InvalidFileError) as caught:
        read_parts(fifo)
    assert caught.value.problems == [NOT_A_FILE]


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    # A sparse file of 4 GiB: no disk used; reading it would take 4 GiB of memory.
    sparse = tmp_path / "creux.json"
    with sparse.open("wb") as file:
        file.truncate(4 * 2**30)
    assert file_problems(sparse) == [Problem(
        "(fichier)", "fichier trop gros : 4\u00a0294\u00a0967\u00a0296 octets, pour au plus "
        "500\u00a0000\u00a0000 octets (500 Mo ; l'export d'un département entier sur 10 ans "
        "en fait environ 200) : vérifiez que c'est bien un fichier d'échange de Suivi FSL, ou "
        "découpez-le")]
    # One byte over the limit is over it; the department-scale export (201 228 143 bytes
    # measured, `demo --households 50000 --years 10`) is well under it.
    with sparse.open("r+b") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    assert "fichier trop gros : 500\u00a0000\u00a0001 octets" in file_problems(sparse)[0].message
    assert MAX_FILE_BYTES == 500_000_000 > 2 * 201_228_143


def test_a_folder_is_said_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_file(tmp_path)


# --- keys written twice ---------------------------------------------------------------------

def test_a_list_written_twice_is_refused_at_its_path(tmp_path: Path) -> None:
    # The second "households" used to win silently: « Import terminé : 0 ménages », exit 0.
    text = json.dumps(small_doc())[:-1] + ', "households": []}'
    missing = ("n'existe pas dans le fichier : ajoutez-le à « households » ou corrigez "
               "l'identifiant")
    assert file_problems(written(tmp_path, text)) == [
        Problem("households", f"clé « households » écrite plusieurs fois dans ce fichier : "
                f"{TWICE}"),
        # The last list is the one read (as JSON reads it): the measures' households are
        # not in it.
        Problem("measures[0].household", f"le ménage « h1 » {missing}"),
        Problem("measures[1].household", f"le ménage « h2 » {missing}"),
    ]


def test_a_key_written_twice_inside_a_record_is_refused_at_its_path(tmp_path: Path) -> None:
    text = json.dumps(small_doc()).replace(
        '"name": "LEFEBVRE Paul"', '"name": "LEFEBVRE Paul", "name": "MOREAU Nadia"')
    assert file_problems(written(tmp_path, text)) == [Problem(
        "households[1].name", f"clé « name » écrite plusieurs fois dans un ménage : {TWICE}")]


def test_a_subsidy_written_twice_is_refused_at_its_path(tmp_path: Path) -> None:
    doc = small_doc()
    doc["association"]["conventions"] = [{
        "year": 2025, "asll_points_per_month": 40, "aml_points_per_month": 6, "fal_count": 10,
        "dsf_count": 20, "dsf_closed_door_count": 5, "max_subsidy": {"ASLL": "20628.00"}}]
    text = json.dumps(doc).replace('"ASLL": "20628.00"', '"ASLL": "20628.00", "ASLL": "1.00"')
    assert file_problems(written(tmp_path, text)) == [Problem(
        "association.conventions[0].max_subsidy.ASLL",
        f"clé « ASLL » écrite plusieurs fois dans les plafonds de subvention : {TWICE}")]


def test_a_long_unknown_key_is_shown_cut(tmp_path: Path) -> None:
    doc = small_doc()
    doc["households"][2]["x" * 5_000_000] = 1  # no suggestion sought (difflib's cost)
    [problem] = file_problems(written(tmp_path, json.dumps(doc)))
    assert problem.path == "households[2]." + "x" * 39 + "…"
    assert problem.message.startswith(f"clé inconnue « {'x' * 39}… » : retirez-la ou corrigez "
                                      "son nom (clés possibles : id, reference, name,")


# --- texts ----------------------------------------------------------------------------------

def test_a_name_longer_than_its_bound_is_refused_with_the_bound() -> None:
    doc = small_doc()
    doc["households"][1]["name"] = "A" * MAX_NAME_LENGTH  # 200 characters: accepted
    assert parse_caseload(doc).households[1].name == "A" * 200
    doc["households"][1]["name"] = "A" * 201
    doc["workers"][0]["id"] = "w" * 101  # an id: 100 at most
    with pytest.raises(InvalidFileError) as caught:
        parse_caseload(doc)
    assert caught.value.problems == [
        Problem("workers[0].id", "texte trop long : 101 caractères pour au plus 100 : "
                "raccourcissez-le"),
        Problem("households[1].name", "texte trop long : 201 caractères pour au plus 200 : "
                "raccourcissez-le"),
        # m1's referent: the file no longer has a worker « w1 ».
        Problem("measures[0].referent", "l'intervenant « w1 » n'existe pas dans le fichier : "
                "ajoutez-le à « workers » ou corrigez l'identifiant"),
    ]


def test_a_text_with_a_nul_character_is_refused() -> None:
    doc = small_doc()
    doc["households"][0]["address"] = "12 rue des Lilas\x00"
    doc["measures"][0]["close_reason"] = "fin\x00"
    with pytest.raises(InvalidFileError) as caught:
        parse_caseload(doc)
    nul = ("le texte contient un caractère nul (\\u0000), interdit : retirez-le (il vient "
           "d'une copie depuis un fichier qui n'est pas du texte)")
    assert caught.value.problems == [Problem("households[0].address", nul),
                                     Problem("measures[0].close_reason", nul)]


def test_the_texts_of_issue_11_are_bounded_too() -> None:
    # « Autre territoire » is a place (100 characters, as the free territory it replaces);
    # each invoice of an AML failure claim is a reason-sized text (1 000), a NUL refused.
    doc = full_doc()
    doc["households"][0]["territory"] = "autre"
    doc["households"][0]["territory_other"] = "T" * 100  # accepted
    assert parse_caseload(doc).households[0].territory_other == "T" * 100
    doc["households"][0]["territory_other"] = "T" * 101
    claim = doc["measures"][1]["failure_claim"]
    claim["invoices"] = ["F" * 1_000, "F" * 1_001, "Facture\x00"]
    doc["measures"][1]["close_reason"] = "c" * 1_001
    with pytest.raises(InvalidFileError) as caught:
        parse_caseload(doc)
    nul = ("le texte contient un caractère nul (\\u0000), interdit : retirez-le (il vient "
           "d'une copie depuis un fichier qui n'est pas du texte)")
    assert caught.value.problems == [
        Problem("households[0].territory_other", "texte trop long : 101 caractères pour au "
                "plus 100 : raccourcissez-le"),
        Problem("measures[1].close_reason", "texte trop long : 1\u00a0001 caractères pour au "
                "plus 1\u00a0000 : raccourcissez-le"),
        Problem("measures[1].failure_claim.invoices[1]", "texte trop long : 1\u00a0001 "
                "caractères pour au plus 1\u00a0000 : raccourcissez-le"),
        Problem("measures[1].failure_claim.invoices[2]", nul),
    ]
    assert (text_limit("territory_other"), text_limit("invoices"), text_limit("reason")) == (
        100, 1_000, 1_000)


# --- read piece by piece --------------------------------------------------------------------

def _households(count: int) -> Doc:
    doc = small_doc()
    doc["measures"] = []
    doc["households"] = [{"id": f"h{i}", "name": "Nom"} for i in range(count)]
    return doc


def test_read_parts_gives_pieces_of_bounded_size(tmp_path: Path) -> None:
    path = written(tmp_path, json.dumps(_households(5)))
    parts = list(read_parts(path, size=2))
    # The association and tariffs, the 2 workers, then the households 2 + 2 + 1, the home.
    assert [(p.association.name, len(p.workers), [h.id for h in p.households], len(p.homes))
            for p in parts] == [("Association Exemple", 0, [], 0), ("", 2, [], 0),
                                ("", 0, ["h0", "h1"], 0), ("", 0, ["h2", "h3"], 0),
                                ("", 0, ["h4"], 0), ("", 0, [], 1)]


def test_read_parts_stops_giving_pieces_at_the_first_problem(tmp_path: Path) -> None:
    doc = _households(5)
    doc["households"][3]["name"] = 7
    taken = []
    with pytest.raises(InvalidFileError) as caught:
        for part in read_parts(written(tmp_path, json.dumps(doc)), size=2):
            taken.append([h.id for h in part.households])
    # h2 and h3 are in the piece with the problem: neither it nor any later one is given.
    assert taken == [[], [], ["h0", "h1"]]
    assert caught.value.problems == [Problem(
        "households[3].name", "un texte entre guillemets est attendu, pas 7")]


def test_sections_in_any_order_are_read_in_the_order_of_the_contract(tmp_path: Path) -> None:
    doc = small_doc()
    reordered = {key: doc[key] for key in reversed(list(doc))}  # measures first
    assert next(iter(reordered)) == "measures"
    assert read_file(written(tmp_path, json.dumps(reordered))) == parse_caseload(doc)


def test_reading_a_file_never_holds_its_whole_tree(tmp_path: Path) -> None:
    """40 000 tiny households, about 33 bytes each in the file (`{"id": "h123", "name":
    "Nom"}, `). Decoded whole (`json.loads`), each is a dict of ~184 bytes and two strings of
    ~53: 10 times the file. Read piece by piece, what stays is the text (1×), each id with
    its index (~110 bytes: 3,4×) and one piece of 1 000 households: under 6 times."""
    path = written(tmp_path, json.dumps(_households(40_000)))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        json.loads(path.read_text(encoding="utf-8"))
        whole = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        for _part in read_parts(path, size=1_000):
            pass
        pieces = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert whole > 9 * size
    assert pieces < 6 * size
