"""Files that must be rejected: every problem listed, with its JSON path, in French."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop_app.interchange import InvalidFileError, Problem, parse_caseload
from tests.interchange.docs import Doc, small_doc


def problems_of(doc: object) -> list[Problem]:
    with pytest.raises(InvalidFileError) as caught:
        parse_caseload(doc)
    return caught.value.problems


def paths_of(doc: object) -> list[str]:
    return [problem.path for problem in problems_of(doc)]


def test_small_doc_is_valid() -> None:
    caseload = parse_caseload(small_doc())
    assert len(caseload.measures) == 2


# --- end before its start ------------------------------------------------------------------

END_BEFORE_START: dict[str, Callable[[Doc], dict[str, object]]] = {
    "measures[0].periods[0].end": lambda d: d["measures"][0]["periods"][0],
    "measures[0].suspensions[0].end": lambda d: d["measures"][0]["suspensions"][0],
    "workers[0].absences[0].end": lambda d: d["workers"][0]["absences"][0],
    "homes[0].vacancies[0].end": lambda d: d["homes"][0]["vacancies"][0],
    "measures[1].stays[0].end": lambda d: d["measures"][1]["stays"][0],
}


@pytest.mark.parametrize("path", END_BEFORE_START)
def test_end_before_start(path: str) -> None:
    doc = small_doc()
    record = END_BEFORE_START[path](doc)
    record["start"], record["end"] = "2025-02-02", "2025-01-01"
    assert problems_of(doc) == [Problem(path, "la fin (01/01/2025) précède le début "
                                              "(02/02/2025) : corrigez l'une des deux dates")]


@pytest.mark.parametrize("path", END_BEFORE_START)
def test_end_on_its_start_is_one_day(path: str) -> None:
    doc = small_doc()
    record = END_BEFORE_START[path](doc)
    record["start"], record["end"] = "2024-02-29", "2024-02-29"  # a leap day, one day long
    parse_caseload(doc)


def test_end_before_start_not_repeated_when_a_date_is_wrong() -> None:
    doc = small_doc()
    doc["measures"][0]["periods"][0].update(start="2025-13-01", end="2025-01-01")
    assert paths_of(doc) == ["measures[0].periods[0].start"]


# --- a reference to an id the file does not define ----------------------------------------

REFERENCES = [
    ("measures[0].household", lambda d: d["measures"][0].update(household="h9"),
     "le ménage « h9 » n'existe pas dans le fichier : ajoutez-le à « households » ou corrigez "
     "l'identifiant"),
    ("measures[0].referent", lambda d: d["measures"][0].update(referent="w9"),
     "l'intervenant « w9 » n'existe pas dans le fichier : ajoutez-le à « workers » ou corrigez "
     "l'identifiant"),
    ("measures[0].visits[0].worker", lambda d: d["measures"][0]["visits"][0].update(worker="w9"),
     "l'intervenant « w9 » n'existe pas dans le fichier : ajoutez-le à « workers » ou corrigez "
     "l'identifiant"),
    ("workers[0].absences[0].replacement",
     lambda d: d["workers"][0]["absences"][0].update(replacement="w9"),
     "l'intervenant « w9 » n'existe pas dans le fichier : ajoutez-le à « workers » ou corrigez "
     "l'identifiant"),
    ("measures[1].stays[0].home", lambda d: d["measures"][1]["stays"][0].update(home="u9"),
     "le logement « u9 » n'existe pas dans le fichier : ajoutez-le à « homes » ou corrigez "
     "l'identifiant"),
]


@pytest.mark.parametrize(("path", "change", "message"), REFERENCES)
def test_unknown_reference(path: str, change: Callable[[Doc], None], message: str) -> None:
    doc = small_doc()
    change(doc)
    assert problems_of(doc) == [Problem(path, message)]


def test_reference_to_a_worker_defined_later_in_the_file() -> None:
    doc = small_doc()  # w1's replacement w2 comes after w1: references do not depend on order
    doc["workers"].reverse()
    assert parse_caseload(doc).workers[1].absences[0].replacement == "w2"


def test_reference_is_per_kind() -> None:
    doc = small_doc()
    doc["measures"][0]["referent"] = "h1"  # a household id is not a worker id
    assert paths_of(doc) == ["measures[0].referent"]


# --- an unknown code ----------------------------------------------------------------------

CODES = [
    ("workers[1].diploma", lambda d: d["workers"][1], "diploma",
     "« CESF », « ASS », « ES », « AUTRE »"),
    ("households[0].members[0].role", lambda d: d["households"][0]["members"][0], "role",
     "« demandeur », « conjoint », « enfant », « autre »"),
    ("measures[0].type", lambda d: d["measures"][0], "type",
     "« ASLL », « ASLL_DIAG », « AML », « FAL », « DSF »"),
    ("measures[0].periods[0].level", lambda d: d["measures"][0]["periods"][0], "level",
     "« simple », « renforce »"),
    ("measures[0].periods[0].kind", lambda d: d["measures"][0]["periods"][0], "kind",
     "« initiale », « renouvellement », « exceptionnelle »"),
    ("measures[0].suspensions[0].reason", lambda d: d["measures"][0]["suspensions"][0],
     "reason", "« hospitalisation », « incarceration », « autre »"),
    ("measures[0].visits[0].outcome", lambda d: d["measures"][0]["visits"][0], "outcome",
     "« realisee », « porte_close », « porte_close_justifiee », « annulee »"),
    ("measures[0].visits[0].place", lambda d: d["measures"][0]["visits"][0], "place",
     "« domicile », « bureau », « telephone », « autre »"),
    ("measures[0].reports[0].kind", lambda d: d["measures"][0]["reports"][0], "kind",
     "« intermediaire », « final »"),
    ("measures[0].notices[0].kind", lambda d: d["measures"][0]["notices"][0], "kind",
     "« portes_closes », « indisponibilite », « autre »"),
    ("measures[0].contract.not_signed_reason", lambda d: d["measures"][0]["contract"],
     "not_signed_reason", "« porte_close », « refus »"),
    ("measures[0].retroactive", lambda d: d["measures"][0], "retroactive",
     "« sortie_chrs », « sortie_alt », « dsf »"),
    ("measures[1].long_stay_reason", lambda d: d["measures"][1], "long_stay_reason",
     "« CADA », « DALO »"),
    ("measures[1].outcome", lambda d: d["measures"][1], "outcome",
     "« realise », « porte_close », « sans_rencontre »"),
]


@pytest.mark.parametrize(("path", "record", "key", "codes"), CODES)
def test_unknown_code(path: str, record: Callable[[Doc], dict[str, object]], key: str,
                      codes: str) -> None:
    doc = small_doc()
    record(doc)[key] = "Realisee"  # codes are case-sensitive: no code is spelt like this
    assert problems_of(doc) == [Problem(path, f"code inconnu « Realisee » : écrivez l'un des "
                                              f"codes {codes}")]


def test_unknown_max_subsidy_key() -> None:
    doc = small_doc()
    doc["association"]["conventions"] = [{
        "year": 2025, "asll_points_per_month": 40, "aml_points_per_month": 6, "fal_count": 10,
        "dsf_count": 20, "dsf_closed_door_count": 5,
        "max_subsidy": {"ASLL": "20628.00", "ALT": "100.00"}}]
    assert problems_of(doc) == [Problem(
        "association.conventions[0].max_subsidy.ALT",
        "type de mesure inconnu « ALT » : écrivez l'un des types « ASLL », « ASLL_DIAG », "
        "« AML », « FAL », « DSF »")]


def test_code_that_is_not_a_string() -> None:
    doc = small_doc()
    doc["measures"][0]["visits"][0]["outcome"] = 1
    assert problems_of(doc) == [Problem(
        "measures[0].visits[0].outcome",
        "code inconnu 1 : écrivez l'un des codes « realisee », « porte_close », "
        "« porte_close_justifiee », « annulee »")]


# --- a duplicate id -----------------------------------------------------------------------

@pytest.mark.parametrize(("section", "noun"), [
    ("workers", "intervenant"), ("households", "ménage"), ("homes", "logement"),
    ("measures", "mesure")])
def test_duplicate_id(section: str, noun: str) -> None:
    doc = small_doc()
    first = doc[section][0]
    copy = dict(first, **({"address": "ailleurs"} if section == "homes" else {}))
    doc[section].append(copy)  # appended last: index = length before − 1 + 1
    index = len(doc[section]) - 1
    assert problems_of(doc) == [Problem(
        f"{section}[{index}].id",
        f"l'identifiant « {first['id']} » est déjà celui de {section}[0] : donnez un "
        f"identifiant différent à chaque {noun}")]


def test_same_id_in_two_kinds_is_allowed() -> None:
    doc = small_doc()
    doc["homes"][0]["id"] = "h1"  # a home and a household may share an id
    doc["measures"][1]["stays"][0]["home"] = "h1"
    assert parse_caseload(doc).homes[0].id == "h1"


def test_duplicate_tariff_date_and_convention_year() -> None:
    doc = small_doc()
    tariff = {"from": "2025-07-01", "point_value": "85.95", "fal_support_per_year": "1562.80",
              "fal_management_per_year": "500.00", "dsf_done": "162.38",
              "dsf_closed_door": "39.12", "points_per_fte": 50, "fal_per_fte": 30}
    doc["tariffs"] = [tariff, dict(tariff)]
    doc["association"]["occupancy_tables_sent"] = [
        {"month": "2025-09", "sent_on": "2025-10-06"},
        {"month": "2025-09", "sent_on": "2025-10-07"}]
    assert problems_of(doc) == [
        Problem("association.occupancy_tables_sent[1].month",
                "« 2025-09 » figure déjà dans association.occupancy_tables_sent[0] : un seul "
                "envoi par mois, supprimez ou corrigez l'un des deux"),
        Problem("tariffs[1].from", "« 2025-07-01 » figure déjà dans tariffs[0] : un seul tarif "
                "par date d'effet, supprimez ou corrigez l'un des deux")]
