"""Right of access (GDPR art. 15): the answer says why the data are processed, who receives
them, how long they are kept, the household's rights and the CNIL; it holds nobody else's
data; its files are named without internal ids and never overwrite one another."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.model import (
    Absence,
    Association,
    Caseload,
    Diploma,
    Home,
    Household,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Period,
    ReportKind,
    Stay,
    Visit,
    VisitOutcome,
    Worker,
)
from desktop_app.domain.retention import RetentionSettings
from desktop_app.reports.access_export import write_access_export
from desktop_app.store.repository import SqlStore, open_store
from tests.reports.helpers import pdf_pages

D = date
PRODUCED = datetime(2026, 3, 10, 14, 5)


def hostile_caseload() -> Caseload:
    """DURAND Marie (h1, reference FSL-2025-0042): an ASLL followed by Claire Martin (CESF,
    0,8 ETP, an absence replaced by Karim Benali), then a FAL in the ALT home u1, which
    BERNARD Paul (h2, another household, followed by Karim Benali, ES, 0,6 ETP) shares with
    her (colocation). Sophie Noël (w3) follows nobody of h1."""
    workers = [
        Worker("w1", "Claire Martin", Diploma.CESF, 0.8,
               [Absence(D(2025, 3, 3), D(2025, 4, 30), "congé maladie", D(2025, 3, 5), "w2")]),
        Worker("w2", "Karim Benali", Diploma.ES, 0.6),
        Worker("w3", "Sophie Noël", Diploma.ASS, 0.5),
    ]
    households = [
        Household("h1", "DURAND Marie", "FSL-2025-0042", "12 rue des Lilas", "62000", "Arras",
                  phone="0601020304", monthly_resources=Decimal("1234.50"),
                  members=[Member("DURAND Marie", MemberRole.DEMANDEUR, D(1987, 3, 2))]),
        Household("h2", "BERNARD Paul", "FSL-2025-0077", "3 place d'Armes", "62400",
                  "Béthune", phone="0699887766",
                  members=[Member("BERNARD Paul", MemberRole.DEMANDEUR, D(1970, 1, 5)),
                           Member("BERNARD Zoé", MemberRole.ENFANT, D(2012, 4, 9))]),
    ]
    homes = [Home("u1", "3 place d'Armes, Béthune")]
    measures = [
        # ASLL of h1: 01/01/2025 – 30/06/2025, ended.
        Measure("m1", "h1", MeasureType.ASLL, "w1", D(2024, 12, 12),
                [Period(D(2025, 1, 1), D(2025, 6, 30))],
                visits=[Visit(D(2025, 1, 8), VisitOutcome.REALISEE),
                        Visit(D(2025, 3, 20), VisitOutcome.REALISEE, worker="w2")]),
        # FAL of h1: 01/07/2025 – 31/12/2025 in u1, ended: the last contact is 31/12/2025.
        Measure("m2", "h1", MeasureType.FAL, "w1", periods=[Period(D(2025, 7, 1),
                                                                   D(2025, 12, 31))],
                stays=[Stay("u1", D(2025, 7, 1), D(2025, 12, 31))]),
        # FAL of h2 in the same home at the same time.
        Measure("m3", "h2", MeasureType.FAL, "w2", periods=[Period(D(2025, 7, 1),
                                                                   D(2026, 6, 30))],
                stays=[Stay("u1", D(2025, 7, 1))]),
    ]
    return Caseload(Association("Association Exemple"), [], workers, households, homes,
                    measures)


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    opened: SqlStore = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    opened.import_caseload(hostile_caseload(), source="dossiers.json")
    # Keeping settings other than the defaults: the notice reads them, it does not copy them.
    opened.save_retention_settings(RetentionSettings(3, D(2036, 12, 31)))
    return opened


@pytest.fixture
def written(store: SqlStore, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "out"
    folder.mkdir()
    paths = write_access_export(store, "h1", folder, PRODUCED)
    store.close()
    return paths


def pdf_words(path: Path) -> str:
    return " ".join(" ".join(pdf_pages(path)).split())


def json_strings(value: Any) -> list[str]:
    """Every key and text of a JSON value."""
    if isinstance(value, dict):
        return [*value, *(s for v in value.values() for s in json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return [value] if isinstance(value, str) else []


#: What the notice must say (GDPR art. 15.1 a, c, d, e, f), as printed.
NOTICE = (
    # purposes
    "Pourquoi vos données sont traitées",
    "mesures d'accompagnement du Fonds de Solidarité Logement (FSL) du Pas-de-Calais",
    "Pour que le Département du Pas-de-Calais paie ces mesures à l'association",
    "Pour respecter les obligations de la convention FSL et de la loi",
    # recipients
    "Qui reçoit vos données",
    "le SLISL (Service Local Inclusion Sociale et Logement)",
    "le SPSLH (Service des Politiques Sociales du Logement et de l'Habitat)",
    "le juge saisi de la procédure d'expulsion et la CCAPEX",
    # retention: 3 years and 31/12/2036 are the store's settings; the last contact is the
    # end of the FAL, 31/12/2025; + 3 years = 31/12/2028; the next day 01/01/2029.
    "Votre dossier reste dans la base active 3 ans après le dernier contact",
    "Les dossiers sont conservés jusqu'au 31/12/2036 (convention FSL) ; à partir du "
    "01/01/2037, un dossier archivé est anonymisé ou supprimé.",
    "Votre dernière mesure a pris fin le 31/12/2025 : votre dossier peut quitter la base "
    "active à partir du 01/01/2029.",
    # rights and how to exercise them
    "Vos droits et comment les exercer",
    "à accéder à vos données", "à les faire rectifier", "à les faire effacer",
    "à en faire limiter le traitement", "vous opposer à leur traitement",
    "Delegue.Protection.Donnees@pasdecalais.fr",
    # complaint
    "Réclamation auprès de la CNIL",
    "www.cnil.fr/plaintes", "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",
)


def test_the_notice_is_in_the_pdf(written: tuple[Path, Path]) -> None:
    text = pdf_words(written[1])
    missing = [phrase for phrase in NOTICE if phrase not in text]
    assert missing == []


def test_every_page_says_when_it_was_made(written: tuple[Path, Path]) -> None:
    pages = pdf_pages(written[1])
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        words = " ".join(page.split())
        # The shared document status, in every page's footer.
        assert words.count("Établi le 10/03/2026") == 1, number
        assert f"Page {number} sur {len(pages)}" in words


def test_the_notice_is_in_the_json(written: tuple[Path, Path]) -> None:
    text = " ".join(json_strings(json.loads(written[0].read_text(encoding="utf-8"))))
    missing = [phrase for phrase in NOTICE if phrase not in text]
    assert missing == []


def test_a_measure_not_ended(store: SqlStore, tmp_path: Path) -> None:
    # BERNARD Paul's FAL ends on 30/06/2026, after 10/03/2026: + 3 years, the next day.
    _json, pdf_path = write_access_export(store, "h2", tmp_path, PRODUCED)
    text = pdf_words(pdf_path)
    assert ("Votre dernière mesure prend fin le 30/06/2026 : votre dossier pourra quitter la "
            "base active à partir du 01/07/2029.") in text
    # Without an end (a period removed): no date at all.
    m3 = store.measure("m3")
    assert m3 is not None
    m3.periods = []
    store.save_measure(m3)
    (tmp_path / "out2").mkdir()
    _json, pdf_path = write_access_export(store, "h2", tmp_path / "out2", PRODUCED)
    text = pdf_words(pdf_path)
    assert ("Une de vos mesures n'a pas encore de date de fin : votre dossier reste dans la "
            "base active.") in text
    assert "Votre dernière mesure" not in text


#: What is not the household's data: its workers' working time, diplomas and absences, the
#: household it shares its ALT home with, a colleague who follows nobody of the household.
THIRD_PARTIES = ("BERNARD", "FSL-2025-0077", "0699887766", "Zoé", "Sophie Noël",
                 "congé maladie", "CESF", "0,8", "0.8", "0,6", "0.6", "03/03/2025",
                 "2025-03-03", "30/04/2025", "2025-04-30", "ETP", "diplôme", "Éducateur")


@pytest.fixture
def hostile(store: SqlStore, tmp_path: Path) -> tuple[Path, Path]:
    """The hostile case, with a history: Sophie Noël (w3, who follows nobody of h1) changes
    DURAND Marie's phone; the referent of the ASLL goes from Claire Martin to Karim Benali."""
    store.profile = "w3"
    household = store.household("h1")
    assert household is not None
    from dataclasses import replace

    store.save_household(replace(household, phone="0701020304"))
    store.profile = "w1"
    m1 = store.measure("m1")
    assert m1 is not None
    m1.referent = "w2"
    store.save_measure(m1)
    paths = write_access_export(store, "h1", tmp_path, PRODUCED)
    store.close()
    return paths


def test_no_third_party_in_the_json(hostile: tuple[Path, Path]) -> None:
    document = json.loads(hostile[0].read_text(encoding="utf-8"))
    text = json.dumps(document, ensure_ascii=False)
    assert [word for word in THIRD_PARTIES if word in text] == []
    keys = set(json_keys(document))
    assert not keys & {"fte", "diploma", "absences", "workers", "homes", "id", "household",
                       "vacancies", "tariffs", "conventions"}
    # The workers are named only as those who follow her: referent, visit, history.
    first, second = document["mesures"]
    assert (first["numéro"], first["type"], first["référent"]) == (
        1, "Accompagnement Social Lié au Logement (ASLL)", "Karim Benali")
    assert [v["intervenant"] for v in first["visites"]] == [None, "Karim Benali"]
    assert (second["numéro"], second["type"], second["référent"]) == (
        2, "Forfait Annuel Logement (FAL)", "Claire Martin")
    assert second["séjours"] == [{"logement": "3 place d'Armes, Béthune", "début": "2025-07-01",
                                  "fin": "2025-12-31"}]
    phone, referent = document["historique"][-2:]
    assert (phone["par"], phone["objet"], phone["action"]) == (
        "un autre membre de l'équipe", "Dossier du ménage", "modification")
    assert phone["changements"] == [{"champ": "téléphone", "avant": "0601020304",
                                     "après": "0701020304"}]
    assert (referent["par"], referent["objet"]) == ("Claire Martin", "Mesure 1 (ASLL)")
    assert referent["changements"] == [{"champ": "référent", "avant": "Claire Martin",
                                        "après": "Karim Benali"}]


def test_no_third_party_in_the_pdf(hostile: tuple[Path, Path]) -> None:
    text = pdf_words(hostile[1])
    assert [word for word in THIRD_PARTIES if word in text] == []
    for expected in ("Mesure 1 — Accompagnement Social Lié au Logement (ASLL)",
                     "Référent(e) Karim Benali", "20/03/2025 Réalisée Karim Benali",
                     "Mesure 2 — Forfait Annuel Logement (FAL)",
                     "3 place d'Armes, Béthune 01/07/2025 31/12/2025",
                     "un autre membre de l'équipe Dossier du ménage modification téléphone : "
                     "« 0601020304 » → « 0701020304 »",
                     "Claire Martin Mesure 1 (ASLL) modification référent : « Claire Martin » → "
                     "« Karim Benali »"):
        assert expected in text, expected
    assert " m1" not in text and " h1" not in text and " w1" not in text and "u1" not in text


def json_keys(value: Any) -> list[str]:
    """Every key of a JSON value, at every depth."""
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in json_keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in json_keys(v)]
    return []


def documented_keys() -> set[str]:
    """The keys written in docs/echange.md, section « Droit d'accès »."""
    import re

    docs = (Path(__file__).parents[2] / "docs" / "echange.md").read_text(encoding="utf-8")
    section = docs.split("\n## Droit d'accès\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r'"([^"\s]+)":', section))


def test_every_key_is_french_and_documented(tmp_path: Path) -> None:
    from desktop_app.domain.bilan_text import BilanText
    from desktop_app.domain.model import AgreementExtension, ClaimDecision, FailureClaim
    from desktop_app.reports.access_json import DOCUMENT_KEYS, KEYS
    from tests.store.builders import full_caseload

    # The documentation and the code list the same keys.
    assert documented_keys() == set(KEYS.values()) | set(DOCUMENT_KEYS)
    # Every key of the format filled: DURAND Marie's ASLL given an AML's extension and claim.
    caseload = full_caseload()
    m1 = next(m for m in caseload.measures if m.id == "m1")
    m1.agreement_extensions = [AgreementExtension(D(2026, 3, 20), D(2026, 6, 10))]
    m1.failure_claim = FailureClaim(D(2026, 3, 15), Decimal("1800.00"), Decimal("700.00"),
                                    Decimal("2000.00"), ["Facture 2026-031 serrurerie"],
                                    D(2026, 4, 10), ClaimDecision.PARTIELLE, D(2026, 5, 20),
                                    Decimal("3500.00"))
    store: SqlStore = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    store.import_caseload(caseload, source="dossiers.json")
    store.save_bilan_text("m1", ReportKind.FINAL, D(2025, 12, 31),
                          BilanText("Situation.", "Objectifs.", "Actions.", "Résultats."),
                          D(2025, 12, 20), D(2025, 12, 22))
    json_path, _pdf = write_access_export(store, "h1", tmp_path, PRODUCED)
    store.close()
    document = json.loads(json_path.read_text(encoding="utf-8"))
    keys = json_keys(document)
    assert set(keys) - documented_keys() == set()
    # All of them there: each measure carries every key of the format.
    assert {"demande_de_prise_en_charge", "montant_accordé", "prolongations_de_l_accord",
            "nouvelle_fin", "factures", "séjours", "logement", "contrat", "signé_le",
            "textes_des_bilans", "demande_de_renouvellement", "changements", "avant",
            "après"} <= set(keys)
    assert document["mesures"][1]["demande_de_prise_en_charge"]["décision"] == "partielle"


def test_files_named_by_reference_never_overwritten_and_private(
        store: SqlStore, tmp_path: Path) -> None:
    folder = tmp_path / "acces"
    folder.mkdir()
    old = os.umask(0)
    try:
        first = write_access_export(store, "h1", folder, PRODUCED)
        second = write_access_export(store, "h1", folder, PRODUCED)
        (folder / "droit-acces-FSL-2025-0042-2026-03-10-3.pdf").write_text("autre chose")
        fourth = write_access_export(store, "h1", folder, PRODUCED)
    finally:
        os.umask(old)
    stem = "droit-acces-FSL-2025-0042-2026-03-10"
    assert [p.name for p in first] == [f"{stem}.json", f"{stem}.pdf"]
    assert [p.name for p in second] == [f"{stem}-2.json", f"{stem}-2.pdf"]
    # -3 is taken (its PDF only): the next answer is -4, the file in the way left as it was.
    assert [p.name for p in fourth] == [f"{stem}-4.json", f"{stem}-4.pdf"]
    assert (folder / f"{stem}-3.pdf").read_text() == "autre chose"
    written = [*first, *second, *fourth]
    assert {stat.S_IMODE(os.stat(p).st_mode) for p in written} == {0o600}
    assert sorted(os.listdir(folder)) == sorted([*(p.name for p in written), f"{stem}-3.pdf"])


@pytest.mark.parametrize(("reference", "name", "expected"), [
    ("FSL-2025-0042", "DURAND Marie", "droit-acces-FSL-2025-0042-2026-03-10"),
    (" FSL 2025/42 ", "DURAND Marie", "droit-acces-FSL-2025-42-2026-03-10"),
    (None, "DURAND Marie", "droit-acces-sans-reference-DM-2026-03-10"),
    ("  ", "Élodie d'Estrées-Noël", "droit-acces-sans-reference-EDEN-2026-03-10"),
    (None, "", "droit-acces-sans-reference-2026-03-10"),
])
def test_file_stem(reference: str | None, name: str, expected: str) -> None:
    from desktop_app.reports.access_export import file_stem

    assert file_stem(Household("h299", name, reference), PRODUCED) == expected
