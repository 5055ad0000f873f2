"""The annual grid of the worked example 2 (2025 beside 2024), as XLSX and PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.model import Caseload, MeasureType
from desktop_app.reports import (
    LayoutError,
    ReportFormatError,
    grid_document,
    load_layout,
    write_grid,
)
from tests.domain.indicators.builders import caseload, example, measure
from tests.reports.helpers import (
    cell_of,
    english_words,
    flat,
    pdf_pages,
    row_of,
    texts,
    workbook,
)

TODAY = date(2026, 1, 20)
SHEETS = ["Synthèse", "Points et montants", "ASLL", "Diagnostics ASLL", "AML", "FAL", "DSF",
          "Manquements", "Contrôles"]


@pytest.fixture(scope="module")
def example_2() -> Caseload:
    return example("exemple-2.json")


@pytest.fixture(scope="module")
def grid_xlsx(example_2: Caseload, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grid") / "grille-2025.xlsx"
    assert write_grid(example_2, example_2, 2025, out, today=TODAY) == []
    return out


@pytest.fixture(scope="module")
def grid_pdf(example_2: Caseload, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grid") / "grille-2025.pdf"
    assert write_grid(example_2, example_2, 2025, out, today=TODAY) == []
    return out


def test_every_sheet_names_the_association_and_the_year(grid_xlsx: Path) -> None:
    sheets = workbook(grid_xlsx)
    assert list(sheets) == SHEETS
    for ws in sheets.values():
        assert ws["A1"].value == "Association Exemple"
        assert ws["A2"].value.startswith("Grille d'activité annuelle — année 2025 — Établi le ")
        assert ws.oddHeader.left.text == "Association Exemple"
        assert ws.oddFooter.right.text.endswith(" — Page &P sur &N")


def test_xlsx_figures_of_2025_beside_2024(grid_xlsx: Path) -> None:
    sheets = workbook(grid_xlsx)
    # FAL: u1 occupied from 01/02/2025 = 334 days in 2025, none in 2024
    assert row_of(sheets["FAL"], "Jours d'occupation des logements")[:3] == \
        ["Jours d'occupation des logements", 334, 0]
    assert row_of(sheets["FAL"], "14 rue de la Gare, 62500 Saint-Omer")[1] == 334
    # December points: ASLL 2 + 1 = 3 (2024: 0), diagnostic 2, total 5 (B, C, D, E … M)
    december = row_of(sheets["Points et montants"], "Décembre")
    assert december[1:5] == [3, 0, 2, 0] and december[11:13] == [5, 0]
    total = row_of(sheets["Synthèse"], "Montant total de l'activité")
    assert (Decimal(str(total[1])), total[2]) == (Decimal("3339.28"), 0)
    assert "€" in cell_of(sheets["Synthèse"], "Montant total de l'activité", 2).number_format
    asll = sheets["ASLL"]
    assert row_of(asll, "Mesures débutées dans l'année")[1:3] == [3, 0]
    assert row_of(asll, "Mesures terminées dans l'année (sorties)")[1:3] == [1, 0]
    assert row_of(asll, "Durée moyenne des mesures terminées (en mois)")[1:3] == [6.0, "—"]
    assert row_of(sheets["Manquements"], "Fréquence des visites à domicile")[1:3] == [10, 0]
    assert row_of(sheets["Manquements"], "Total des manquements")[1:3] == [14, 0]
    # Over-activity is not a failure: « Objectifs de la convention dépassés » is no row of
    # the breaches sent to the funder.
    with pytest.raises(AssertionError):
        row_of(sheets["Manquements"], "Objectifs de la convention dépassés")


def test_xlsx_lists_print_every_row_zeros_included(grid_xlsx: Path) -> None:
    # Every territory, every exit reason of the type, and the ASLL content
    # (accès / maintien, not in the example file: « non renseigné » for its 3 ASLL).
    sheets = workbook(grid_xlsx)
    dsf = sheets["DSF"]
    for territory in ("Arrageois", "Artois", "Audomarois", "Boulonnais", "Calaisis",
                      "Hénin-Carvin", "Lens-Liévin", "Montreuillois-Ternois",
                      "Autre territoire", "Territoire non renseigné"):
        assert len(row_of(dsf, territory)) >= 3
    asll = sheets["ASLL"]
    assert row_of(asll, "Décès")[1:3] == [0, 0]
    assert row_of(asll, "Accompagnement à l'accès au logement")[1:3] == [0, 0]
    assert row_of(asll, "Contenu non renseigné")[1:3] == [3, 0]


def test_xlsx_shows_the_self_checks(grid_xlsx: Path) -> None:
    checks = workbook(grid_xlsx)["Contrôles"]
    assert checks["A4"].value == "Aucune anomalie : la grille est cohérente."
    assert row_of(checks, "ASLL : en cours au 01/01/2025 (0) + débutées (3) − sorties (1) = "
                          "en cours au 31/12/2025 (2)")[1] == "Conforme"
    assert row_of(checks, "Points et montants de chaque mois de 2025 égaux aux relevés "
                          "mensuels")[1] == "Conforme"


def test_households_appear_by_reference_never_by_name(grid_xlsx: Path, grid_pdf: Path,
                                                     example_2: Caseload) -> None:
    everything = " ".join(t for ws in workbook(grid_xlsx).values() for t in texts(ws))
    everything += " ".join(pdf_pages(grid_pdf))
    for household in example_2.households:
        assert household.name.split()[0] not in everything


def test_pdf_pages_carry_association_year_and_number(grid_pdf: Path) -> None:
    pages = pdf_pages(grid_pdf)
    for number, page in enumerate(pages, start=1):
        assert "Association Exemple" in page and "année 2025" in page
        assert f"Page {number} sur {len(pages)}" in page
    text = flat("\n".join(pages))
    assert "Jours d'occupation des logements 334 0" in text
    assert "Montant total de l'activité 3 339,28 € 0,00 €" in text
    assert "Décembre 3 0 2 0 0 0 0 0 0 0 5 0" in text
    assert "Aucune anomalie : la grille est cohérente." in text
    assert english_words(text) == []


def test_problems_are_returned_and_printed(tmp_path: Path) -> None:
    # 2024 sees an ASLL in force until 31/03/2025; the 2025 caseload lacks it.
    d = date
    before = caseload(measure("a", MeasureType.ASLL, "h1", (d(2024, 10, 1), d(2025, 3, 31))))
    out = tmp_path / "grille.xlsx"
    problems = write_grid(caseload(), before, 2025, out, today=TODAY)
    assert problems == ["ASLL : 1 mesure en cours au 31/12/2024 mais 0 en cours au 01/01/2025."]
    checks = workbook(out)["Contrôles"]
    assert checks["A4"].value == "1 anomalie(s) à corriger avant l'envoi."
    assert row_of(checks, "Mesures en cours au 31/12/2024 = mesures en cours au "
                          "01/01/2025")[1] == "Écart"
    assert problems[0] in texts(checks)


def test_progress_goes_up_to_the_end(example_2: Caseload, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_grid(example_2, None, 2025, tmp_path / "g.xlsx", lambda d, t: calls.append((d, t)),
               today=TODAY)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1][0] == calls[-1][1] == 26  # 25 steps for 2025, then the file


def test_unknown_format_is_refused_in_french(example_2: Caseload, tmp_path: Path) -> None:
    with pytest.raises(ReportFormatError, match=r"« grille\.ods ».*\.xlsx ou \.pdf"):
        write_grid(example_2, None, 2025, tmp_path / "grille.ods", today=TODAY)


def test_layout_is_data(example_2: Caseload, tmp_path: Path) -> None:
    layout = {"title": "Grille SPSLH 2026", "sheets": [{"name": "FAL", "blocks": [
        {"kind": "list", "title": "Logements", "rows": [
            {"label": "Jours d'occupation", "indicator": "FAL.occupied_days"}]}]}]}
    path = tmp_path / "modele.json"
    path.write_text(json.dumps(layout), encoding="utf-8")
    out = tmp_path / "g.xlsx"
    write_grid(example_2, None, 2025, out, layout_path=path, today=TODAY)
    sheets = workbook(out)
    assert list(sheets) == ["FAL", "Contrôles"]
    assert row_of(sheets["FAL"], "Jours d'occupation")[1:3] == [334, "—"]
    layout["sheets"][0]["blocks"][0]["rows"][0]["indicator"] = "FAL.jours"  # type: ignore[index]
    path.write_text(json.dumps(layout), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"indicateur inconnu « FAL\.jours »"):
        load_layout(path)


def test_builtin_layout_loads() -> None:
    layout = load_layout()
    assert [s.name for s in layout.sheets] == SHEETS[:-1]
    assert layout.brackets.age_limits == (25, 35, 45, 55, 65)


def test_reports_load_no_report_library_until_a_file_is_written() -> None:
    code = ("import sys, desktop_app.reports, desktop_app.domain.indicators\n"
            "print([n for n in ('openpyxl', 'reportlab') if n in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("parallel", [True, False])
def test_n_minus_1_alongside_or_after_gives_the_same_grid(example_2: Caseload,
                                                          parallel: bool) -> None:
    # 2024 of example 2 is empty, so compare 2025 beside 2025 seen as "N−1" of 2026.
    calls: list[int] = []
    doc = grid_document(example_2, example_2, 2026, lambda d, _t: calls.append(d),
                        today=TODAY, parallel=parallel)
    assert calls == sorted(calls) and calls[-1] == 50  # 2 × 25 steps
    synthese = doc.sheets[0].blocks[0].rows[0]
    # 2026: h1, h2 (ASLL into 2026), h4 (FAL until 31/01/2026); 2025: 6 households
    assert (synthese.label, synthese.values) == ("Ménages accompagnés (toutes mesures)", [3, 6])
    breaches = doc.sheets[-1].blocks[0].rows[-1]
    assert breaches.values[1] == 14  # 2025's breaches, as computed above


def test_document_properties_are_french(grid_pdf: Path, grid_xlsx: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    meta = PdfReader(str(grid_pdf)).metadata
    assert meta is not None
    assert (meta.title, meta.author) == ("Grille d'activité annuelle — année 2025",
                                         "Association Exemple")
    properties = load_workbook(str(grid_xlsx)).properties
    assert (properties.title, properties.creator) == ("Grille d'activité annuelle — année 2025",
                                                      "Association Exemple")


def test_gap_and_evolution_beside_the_two_years(example_2: Caseload, tmp_path: Path) -> None:
    """2026 of example 2 beside 2025: 3 households against 6 (see above), a gap of −3 and
    an evolution of −3 / 6 = −50,0 %; 2025's breaches, 14, fall to none (−100,0 %)."""
    from desktop_app.reports.grid import write_document

    doc = grid_document(example_2, example_2, 2026, today=TODAY, parallel=False)
    out = tmp_path / "grille-2026.xlsx"
    write_document(doc, out)
    synthese = workbook(out)["Synthèse"]
    assert row_of(synthese, "Indicateur")[:5] == ["Indicateur", "2026", "2025", "Écart",
                                                  "Évolution"]
    households = row_of(synthese, "Ménages accompagnés (toutes mesures)")
    assert households[1:4] == [3, 6, -3] and Decimal(str(households[4])) == Decimal("-0.5")
    assert cell_of(synthese, "Ménages accompagnés (toutes mesures)", 4).number_format == \
        '+#,##0;"\u2212"#,##0;0'
    assert "%" in cell_of(synthese, "Ménages accompagnés (toutes mesures)", 5).number_format
    assert row_of(synthese, "Manquements constatés dans l'année")[1:4] == [0, 14, -14]
    pdf_out = tmp_path / "grille-2026.pdf"
    write_document(doc, pdf_out)
    text = flat(" ".join(pdf_pages(pdf_out)))
    assert "Écart Évolution" in text
    assert "Ménages accompagnés (toutes mesures) 3 6 \u22123 \u221250,0 %" in text
    # The months' tables keep their two years: no gap there.
    assert all(row.change is None for block in doc.sheets[1].blocks for row in block.rows)


def test_synthesis_shows_the_convention_agreed_against_carried_out(tmp_path: Path) -> None:
    """Example 1's convention for 2025 (July–December), none in 2024: points ASLL 10 × 6 =
    60 agreed, 6 carried out, 10,0 %; DSF 6 agreed, 1 carried out, 16,7 %."""
    from desktop_app.reports.grid import write_document

    doc = grid_document(example("exemple-1.json"), example("exemple-1.json"), 2025,
                        today=TODAY, parallel=False)
    out = tmp_path / "grille.xlsx"
    write_document(doc, out)
    synthese = workbook(out)["Synthèse"]
    assert row_of(synthese, "Objectif")[:7] == ["Objectif", "2025", "2024", "2025", "2024",
                                                "2025", "2024"]
    assert row_of(synthese, "Points ASLL")[1:7] == [60, "—", 6, 0, 10.0, "—"]
    assert row_of(synthese, "DSF réalisés")[1:7] == [6, "—", 1, 0, 16.7, "—"]
    pdf_out = tmp_path / "grille.pdf"
    write_document(doc, pdf_out)
    first = flat(pdf_pages(pdf_out)[0])
    assert "Conventionné Réalisé Taux de réalisation (%)" in first
    assert "Points ASLL 60 — 6 0 10,0 —" in first


def test_fal_sheet_shows_its_parts_shared_homes_and_changes(tmp_path: Path) -> None:
    """u1 shared by h1 and h2 in March 2025, empty 1–10 April, h3 in it 11–30 April (the
    amounts worked out in tests/domain/indicators/test_homes.py)."""
    from desktop_app.reports.grid import write_document
    from tests.domain.indicators.test_homes import _shared_then_vacant

    load = _shared_then_vacant()
    out = tmp_path / "grille.xlsx"
    write_document(grid_document(load, load, 2025, today=TODAY, parallel=False), out)
    fal = workbook(out)["FAL"]
    assert row_of(fal, "Logements partagés par plusieurs ménages (colocation)")[1:4] == [1, 0, 1]
    assert row_of(fal, "Ménages logés en colocation")[1:4] == [2, 0, 2]
    assert row_of(fal, "Changements de logement en cours de mesure")[1:4] == [0, 0, 0]
    parts = [row_of(fal, label)[1] for label in (
        "Accompagnement social des ménages", "Gestion locative (une par logement, colocation "
        "comprise)", "Vacance rémunérée (au taux d'un ménage)", "Montant correspondant")]
    assert [Decimal(str(p)) for p in parts] == [Decimal("351.09"), Decimal("69.87"),
                                               Decimal("56.52"), Decimal("477.48")]
