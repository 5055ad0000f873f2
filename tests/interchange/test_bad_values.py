"""Wrongly written values, unknown and missing keys, and many problems in one file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_app.interchange import InvalidFileError, Problem, parse_caseload
from tests.interchange.docs import small_doc
from tests.interchange.test_bad_files import paths_of, problems_of

# --- dates and months ---------------------------------------------------------------------

DATE_FORMAT = ("date mal écrite ({}) : écrivez-la AAAA-MM-JJ, par exemple « 2025-07-01 »")


@pytest.mark.parametrize(("value", "shown"), [
    ("03/07/2025", "« 03/07/2025 »"), ("2025-7-3", "« 2025-7-3 »"),
    ("2025-07-03T10:00", "« 2025-07-03T10:00 »"), ("20250703", "« 20250703 »"),
    ("", "«  »"), (20250703, "20250703"), (True, "true")])
def test_wrong_date_format(value: object, shown: str) -> None:
    doc = small_doc()
    doc["measures"][0]["visits"][0]["date"] = value
    assert problems_of(doc) == [Problem("measures[0].visits[0].date", DATE_FORMAT.format(shown))]


@pytest.mark.parametrize("value", ["2025-02-29", "2025-02-30", "2025-04-31", "2025-13-01",
                                   "2025-00-10", "0000-01-01"])
def test_date_not_in_the_calendar(value: str) -> None:
    doc = small_doc()
    doc["measures"][0]["decision_date"] = value
    assert problems_of(doc) == [Problem(
        "measures[0].decision_date",
        f"la date « {value} » n'existe pas dans le calendrier : vérifiez le jour et le mois")]


def test_leap_day_of_a_leap_year_is_a_date() -> None:
    doc = small_doc()
    doc["measures"][0]["decision_date"] = "2024-02-29"  # 2024 = 4 × 506: a leap year
    assert parse_caseload(doc).measures[0].decision_date == date(2024, 2, 29)


@pytest.mark.parametrize(("value", "message"), [
    ("2025-9", "mois mal écrit (« 2025-9 ») : écrivez-le AAAA-MM, par exemple « 2025-09 »"),
    ("2025-09-01", "mois mal écrit (« 2025-09-01 ») : écrivez-le AAAA-MM, par exemple "
                   "« 2025-09 »"),
    ("2025-13", "le mois « 2025-13 » n'existe pas : le mois s'écrit de 01 à 12"),
])
def test_wrong_month(value: str, message: str) -> None:
    doc = small_doc()
    doc["association"]["occupancy_tables_sent"] = [{"month": value, "sent_on": "2025-10-06"}]
    assert problems_of(doc) == [Problem("association.occupancy_tables_sent[0].month", message)]


# --- money --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    ("85.9", "montant mal écrit (« 85.9 ») : écrivez-le entre guillemets, avec un point et "
             "exactement 2 décimales, par exemple « 85.95 »"),
    ("85,95", "montant mal écrit (« 85,95 ») : écrivez-le entre guillemets, avec un point et "
              "exactement 2 décimales, par exemple « 85.95 »"),
    ("abc", "montant mal écrit (« abc ») : écrivez-le entre guillemets, avec un point et "
            "exactement 2 décimales, par exemple « 85.95 »"),
    ("85.950", "montant mal écrit (« 85.950 ») : écrivez-le entre guillemets, avec un point et "
               "exactement 2 décimales, par exemple « 85.95 »"),
    (85.95, "montant écrit comme un nombre (85.95) : écrivez-le entre guillemets avec 2 "
            "décimales, par exemple « 85.95 »"),
    ("-5.00", "montant négatif (« -5.00 ») : un montant est positif ou nul"),
])
def test_wrong_money(value: object, message: str) -> None:
    doc = small_doc()
    doc["households"][1]["monthly_resources"] = value
    assert problems_of(doc) == [Problem("households[1].monthly_resources", message)]


@pytest.mark.parametrize(("text", "amount"), [("85.95", Decimal("85.95")),
                                              ("0.00", Decimal("0")),
                                              ("20628.00", Decimal("20628"))])
def test_right_money(text: str, amount: Decimal) -> None:
    doc = small_doc()
    doc["households"][1]["monthly_resources"] = text
    assert parse_caseload(doc).households[1].monthly_resources == amount


# --- numbers and flags --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    (0, "quotité de travail hors limites (0) : elle doit être plus grande que 0 et au plus 1 "
        "(1.0 = temps plein, 0.5 = mi-temps)"),
    (1.5, "quotité de travail hors limites (1.5) : elle doit être plus grande que 0 et au plus "
          "1 (1.0 = temps plein, 0.5 = mi-temps)"),
    (-0.5, "quotité de travail hors limites (-0.5) : elle doit être plus grande que 0 et au "
           "plus 1 (1.0 = temps plein, 0.5 = mi-temps)"),
    ("0.8", "une quotité de travail sans guillemets est attendue, par exemple 0.8, pas "
            "« 0.8 »"),
])
def test_wrong_fte(value: object, message: str) -> None:
    doc = small_doc()
    doc["workers"][1]["fte"] = value
    assert problems_of(doc) == [Problem("workers[1].fte", message)]


def test_whole_fte_reads_as_float() -> None:
    doc = small_doc()
    doc["workers"][1]["fte"] = 1
    fte = parse_caseload(doc).workers[1].fte
    assert fte == 1.0 and type(fte) is float


def test_negative_and_wrong_counts() -> None:
    doc = small_doc()
    doc["association"]["conventions"] = [{
        "year": 2025, "asll_points_per_month": -1, "aml_points_per_month": 6.0,
        "fal_count": "10", "dsf_count": 20, "dsf_closed_door_count": 5}]
    at = "association.conventions[0]"
    assert problems_of(doc) == [
        Problem(f"{at}.asll_points_per_month",
                "nombre négatif (-1) : il doit être positif ou nul"),
        Problem(f"{at}.aml_points_per_month",
                "un nombre entier sans guillemets est attendu, par exemple 10, pas 6.0"),
        Problem(f"{at}.fal_count",
                "un nombre entier sans guillemets est attendu, par exemple 10, pas « 10 »")]


def test_wrong_flag() -> None:
    doc = small_doc()
    doc["homes"][0]["vacancies"][0]["justified"] = "oui"
    assert problems_of(doc) == [Problem("homes[0].vacancies[0].justified",
                                        "true ou false (sans guillemets) est attendu, pas « oui »")]


# --- keys ---------------------------------------------------------------------------------

def test_unknown_key_with_a_close_name() -> None:
    doc = small_doc()
    doc["measures"][0]["visits"][0]["outcom"] = "realisee"
    assert problems_of(doc) == [
        Problem("measures[0].visits[0].outcom", "clé inconnue « outcom » : retirez-la ou "
                "corrigez son nom (vouliez-vous dire « outcome » ?)")]


def test_unknown_key_without_a_close_name() -> None:
    doc = small_doc()
    doc["colour"] = "bleu"
    doc["workers"][0]["absences"][0]["zzz"] = 1
    assert problems_of(doc) == [
        Problem("colour", "clé inconnue « colour » : retirez-la ou corrigez son nom (clés "
                "possibles : format, association, tariffs, workers, households, homes, "
                "measures)"),
        Problem("workers[0].absences[0].zzz", "clé inconnue « zzz » : retirez-la ou corrigez "
                "son nom (clés possibles : start, end, reason, slisl_notified_on, "
                "replacement)")]


def test_missing_required_keys_and_nulls() -> None:
    doc = small_doc()
    del doc["measures"][0]["visits"][0]["outcome"]
    del doc["measures"][0]["reports"][0]["sent_on"]  # may be null, may not be left out
    doc["workers"][1]["name"] = None
    assert problems_of(doc) == [
        Problem("workers[1].name", "valeur obligatoire : remplacez null par un texte entre "
                "guillemets"),
        Problem("measures[0].visits[0].outcome", "clé obligatoire absente : ajoutez "
                "« outcome » à une visite"),
        Problem("measures[0].reports[0].sent_on", "clé obligatoire absente : ajoutez "
                "« sent_on » à un bilan")]


def test_missing_open_end_is_null() -> None:
    doc = small_doc()  # docs/echange.md writes `"end": null`; leaving it out means the same
    del doc["measures"][1]["stays"][0]["end"]
    del doc["workers"][0]["absences"][0]["end"]
    del doc["measures"][0]["suspensions"][0]["end"]
    caseload = parse_caseload(doc)
    assert caseload.measures[1].stays[0].end is None
    assert caseload.workers[0].absences[0].end is None
    assert caseload.measures[0].suspensions[0].end is None


def test_report_not_sent_yet() -> None:
    report = parse_caseload(small_doc()).measures[0].reports[0]
    assert report.sent_on is None and report.signed is False


def test_wrong_types() -> None:
    doc = small_doc()
    doc["measures"][0]["visits"] = {"date": "2025-07-03"}
    doc["measures"][0]["periods"][0] = ["2025-07-01", "2025-12-31"]
    doc["households"][0]["name"] = 42
    doc["households"][1]["city"] = ["Lens"]
    assert problems_of(doc) == [
        Problem("households[0].name", "un texte entre guillemets est attendu, pas 42"),
        Problem("households[1].city", "un texte entre guillemets (ou null) est attendu, pas "
                "une liste [...]"),
        Problem("measures[0].periods[0]", "une période doit être un objet {…}, pas une liste "
                "[...]"),
        Problem("measures[0].visits", "une liste [...] est attendue, pas un objet {...}")]


def test_blank_id() -> None:
    doc = small_doc()
    doc["households"][2]["id"] = "  "
    doc["measures"][0]["household"] = ""
    assert problems_of(doc) == [
        Problem("households[2].id", "identifiant vide : écrivez-en un entre les guillemets"),
        Problem("measures[0].household", "identifiant vide : écrivez-en un entre les guillemets")]


def test_empty_name_is_kept() -> None:
    doc = small_doc()  # a name is free text: empty is allowed, so that every export re-imports
    doc["households"][0]["members"][0]["name"] = ""
    assert parse_caseload(doc).households[0].members[0].name == ""


# --- the document as a whole --------------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    ("suivi-fsl/2", "format « suivi-fsl/2 » inconnu : ce logiciel lit les fichiers "
                    "« suivi-fsl/1 » ; écrivez \"format\": \"suivi-fsl/1\" en tête du fichier"),
    (None, "format null inconnu : ce logiciel lit les fichiers « suivi-fsl/1 » ; écrivez "
           "\"format\": \"suivi-fsl/1\" en tête du fichier"),
])
def test_wrong_format(value: object, message: str) -> None:
    doc = small_doc()
    doc["format"] = value
    assert problems_of(doc) == [Problem("format", message)]


def test_missing_format_and_sections() -> None:
    assert problems_of({}) == [
        Problem(key, f"clé obligatoire absente : ajoutez « {key} » à ce fichier")
        for key in ("format", "association", "workers", "households", "measures")]


def test_not_an_object() -> None:
    assert problems_of([1, 2]) == [Problem("(racine)", "ce fichier doit être un objet {…}, "
                                                       "pas une liste [...]")]


def test_several_problems_all_listed_in_file_order() -> None:
    doc = small_doc()
    doc["workers"][1]["diploma"] = "DEASS"                            # 1
    doc["households"].append({"id": "h1", "name": "DOUBLON"})         # 2: households[3]
    doc["measures"][0]["periods"][0]["end"] = "2025-06-30"            # 3: before 2025-07-01
    doc["measures"][0]["visits"][0]["date"] = "2025/07/03"            # 4
    doc["measures"][1]["referent"] = "w3"                             # 5
    doc["measures"][1]["stays"][0]["start"] = "2025-08-32"            # 6
    with pytest.raises(InvalidFileError) as caught:
        parse_caseload(doc)
    assert [p.path for p in caught.value.problems] == [
        "workers[1].diploma", "households[3].id", "measures[0].periods[0].end",
        "measures[0].visits[0].date", "measures[1].referent", "measures[1].stays[0].start"]
    # str() lists them one per line, « path : message »
    lines = str(caught.value).splitlines()
    assert len(lines) == 6
    assert lines[2] == ("measures[0].periods[0].end : la fin (30/06/2025) précède le début "
                        "(01/07/2025) : corrigez l'une des deux dates")


def test_problems_in_many_visits_are_all_listed() -> None:
    doc = small_doc()
    visit = {"date": "2025-07-03", "outcome": "realisee"}
    doc["measures"][0]["visits"] = [dict(visit) for _ in range(1000)]
    for index in (0, 499, 999):
        doc["measures"][0]["visits"][index]["outcome"] = "inconnu"
    assert paths_of(doc) == [f"measures[0].visits[{i}].outcome" for i in (0, 499, 999)]
