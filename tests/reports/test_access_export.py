"""Right of access (GDPR art. 15): the JSON holds the household's interchange file,
its audit trail and its bilans; the PDF says all of it in French, page by page."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.model import ReportKind, Visit, VisitOutcome
from desktop_app.reports.access_export import write_access_export
from desktop_app.store.repository import SqlStore, open_store
from tests.reports.helpers import english_words, pdf_pages
from tests.store.builders import full_caseload

PRODUCED = datetime(2025, 10, 15, 9, 30)


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, Path]:
    store: SqlStore = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    store.import_caseload(full_caseload(), source="dossiers.json")
    household = store.household("h1")
    assert household is not None
    store.save_household(replace(household, phone="0701020304"))
    m1 = store.measure("m1")
    assert m1 is not None
    m1.visits.append(Visit(date(2025, 10, 15), VisitOutcome.REALISEE))
    store.save_measure(m1)
    store.save_bilan_text("m1", ReportKind.INTERMEDIAIRE, date(2025, 9, 30),
                          BilanText("Dette de loyer en baisse.", "Apurer la dette.",
                                    "Plan d'apurement signé.", "Dette réduite de moitié."),
                          date(2025, 10, 2), date(2025, 10, 3))
    paths = write_access_export(store, "h1", tmp_path, PRODUCED)
    store.close()
    return paths


def test_json(written: tuple[Path, Path]) -> None:
    json_path, _pdf = written
    assert json_path.name == "droit-acces-FSL-2025-0042-2025-10-15.json"
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert list(document) == ["document", "association", "établi_le", "informations",
                              "ménage", "mesures", "historique", "textes_des_bilans"]
    assert document["établi_le"] == "2025-10-15T09:30:00"
    household = document["ménage"]
    assert (household["nom"], household["téléphone"]) == ("DURAND Marie", "0701020304")
    assert household["membres"][1] == {"nom": "DURAND Léo", "date_de_naissance": "2015-06-01",
                                       "rôle": "enfant"}
    # h1 (DURAND Marie) has m6 (diagnostic done 03/02/2025), m1 (decided 12/06/2025) and m4
    # (from 11/09/2025), all followed by Claire Martin: numbered by their first date.
    assert [(m["numéro"], m["type"], m["référent"]) for m in document["mesures"]] == [
        (1, "Diagnostic ASLL", "Claire Martin"),
        (2, "Accompagnement Social Lié au Logement (ASLL)", "Claire Martin"),
        (3, "Forfait Annuel Logement (FAL)", "Claire Martin")]
    asll = document["mesures"][1]
    assert len(asll["visites"]) == 5  # 4 imported + 15/10/2025
    assert asll["visites"][-1] == {"date": "2025-10-15", "issue": "réalisée", "lieu": None,
                                   "intervenant": None}
    history = document["historique"]
    # import of h1, its phone, the visit added to m1, the bilan: in this order.
    assert [(e["objet"], e["action"]) for e in history][-3:] == [
        ("Dossier du ménage", "modification"), ("Mesure 2 (ASLL)", "modification"),
        ("Bilan intermédiaire de la mesure 2 (ASLL) du 30/09/2025", "création")]
    assert history[-3]["changements"] == [{"champ": "téléphone", "avant": "0601020304",
                                           "après": "0701020304"}]
    assert [(b["mesure"], b["nature"], b["fin_de_période"], b["objectifs"])
            for b in document["textes_des_bilans"]] == [
        ("mesure 2 (ASLL)", "bilan intermédiaire", "2025-09-30", "Apurer la dette.")]


def test_pdf(written: tuple[Path, Path]) -> None:
    _json, pdf_path = written
    pages = pdf_pages(pdf_path)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.count("Association Exemple") >= 2  # header and footer
        assert f"Page {number} sur {len(pages)}" in page
        assert "Droit d'accès — DURAND Marie — dossier FSL-2025-0042" in page
        assert "Établi le 15/10/2025 — Page" in page
        assert english_words(page) == []
    text = " ".join(" ".join(pages).split())
    for expected in (
        "Vos données dans Suivi FSL — DURAND Marie",
        "Téléphone 0701020304", "Ressources mensuelles 1 234,50 €",
        "DURAND Léo Enfant 01/06/2015", "ALBERT Jean Conjoint(e) (non renseignée)",
        "Mesure 2 — Accompagnement Social Lié au Logement (ASLL)",
        "01/07/2025 31/12/2025 Renforcé Initiale",
        "15/10/2025 Réalisée Claire Martin",  # the visit added, by the referent
        "Bilan intermédiaire 30/09/2025 03/10/2025 oui",
        "Objectifs Apurer la dette.",
        "Mesure 3 — Forfait Annuel Logement (FAL)", "3 place d'Armes, Béthune 11/09/2025",
        "téléphone : « 0601020304 » → « 0701020304 »",
        "visites n° 5 : « (vide) » → « 15/10/2025 réalisée »",
    ):
        assert expected in text, expected
    assert "realisee" not in text and "intermediaire" not in text  # codes said in French


def test_long_texts_and_many_visits_split_across_pages(tmp_path: Path) -> None:
    from datetime import timedelta

    from desktop_app.domain.model import (
        Association,
        Caseload,
        Diploma,
        Household,
        Measure,
        MeasureType,
        Worker,
    )

    store: SqlStore = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    # 400 visits, one a day from 01/01/2024: the 400th is 01/01/2024 + 399 days; 2024 has
    # 366 days, so 01/01/2025 + 33 days = 03/02/2025. The first 100 end on 09/04/2024.
    visits = [Visit(date(2024, 1, 1) + timedelta(days=i), VisitOutcome.REALISEE)
              for i in range(400)]
    store.import_caseload(Caseload(Association("Association Exemple"), [],
                                   [Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
                                   [Household("h1", "DURAND Marie")], [],
                                   [Measure("m1", "h1", MeasureType.ASLL, "w1", visits=visits)]))
    long = "Une phrase de la situation du ménage, assez longue pour remplir. " * 120
    store.save_bilan_text("m1", ReportKind.FINAL, date(2025, 6, 30),
                          BilanText(long + "FIN-SITUATION", long, long, long), None, None)
    m1 = store.measure("m1")
    assert m1 is not None
    m1.visits = visits[:100]  # 300 visits removed in one save: 300 changes in one entry
    store.save_measure(m1)
    _json, pdf_path = write_access_export(store, "h1", tmp_path, PRODUCED)
    pages = pdf_pages(pdf_path)
    text = " ".join(" ".join(pages).split())
    assert len(pages) > 3 and all(f"sur {len(pages)}" in page for page in pages)
    assert "FIN-SITUATION" in text  # the whole text, split across pages
    assert "03/02/2025" not in text.split("Historique des modifications")[0]  # removed
    # 300 visits removed: 10 listed, the others counted.
    assert "… et 290 autre(s) changement(s) (voir le fichier JSON)" in text
