"""Bilan to sign (PDF): facts of the measure, the worker's text, signature boxes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.model import ReportKind
from desktop_app.reports import BilanText, bilan_facts, write_bilan
from tests.domain.indicators.builders import example
from tests.reports.helpers import english_words, flat, pdf_pages

TEXT = BilanText(
    situation="Dette de loyer de 1 234,56 € après une rupture de droits CAF.",
    objectives="Résorber la dette ; stabiliser le budget.",
    actions="Plan d'apurement avec le bailleur ; mensualisation de l'énergie.",
    results="Plan respecté depuis novembre.",
    renewal_request="Un renouvellement de 6 mois consoliderait la gestion du budget.",
)


def test_final_bilan_of_an_asll(tmp_path: Path) -> None:
    out = tmp_path / "bilan.pdf"
    write_bilan(example("exemple-2.json"), "m1", TEXT, out)
    pages = pdf_pages(out)
    text = flat("\n".join(pages))
    assert "Bilan final — Accompagnement Social Lié au Logement (ASLL)" in text
    for fact in ("Ménage ROGER Amina", "Référence FSL FSL-2025-0201", "Territoire Lens-Liévin",
                 "Type de mesure Accompagnement Social Locatif (ASL, renforcé)",
                 "Décision de la commission locale FSL 18/09/2025",
                 "Période concernée du 01/10/2025 au 31/03/2026 (période initiale)",
                 "signé le 02/10/2025, transmis au SLISL le 20/11/2025",
                 # 5 visits held from 01/10/2025 (02/10, 16/10, 04/11, 18/11, 01/12)
                 "Visites réalisées pendant la période 5",
                 # bilan_final: 1 month before 31/03/2026 → 28/02/2026
                 "À transmettre au SLISL au plus tard le 28/02/2026",
                 "Claire Martin (Conseiller(ère) en économie sociale et familiale)"):
        assert fact in text, fact
    for heading, body in TEXT.sections():
        assert f"{heading} {body}" in text
    for box in ("Le ménage", "Le travailleur social", "Pour l'association"):
        assert box in text
    assert text.count("Signature :") == 3 and text.count("Le :") == 3
    assert text.count("Fait à :") == 3 and text.count("Nom et qualité du signataire") == 1
    for number, page in enumerate(pages, start=1):
        assert "Association Exemple" in page and "2026" in page
        assert f"Page {number} sur {len(pages)}" in page
    assert english_words(text) == []


def test_fal_bilan_without_text(tmp_path: Path) -> None:
    out = tmp_path / "bilan.pdf"
    write_bilan(example("exemple-2.json"), "m4", BilanText(), out,
                kind=ReportKind.INTERMEDIAIRE)
    text = flat("\n".join(pdf_pages(out)))
    assert "Bilan intermédiaire — Forfait Annuel Logement (FAL)" in text
    assert "Logement ALT 14 rue de la Gare, 62500 Saint-Omer, depuis le 01/02/2025" in text
    assert "Demande de renouvellement Pas de demande de renouvellement." in text
    assert "À transmettre" not in text  # no final-report deadline for a FAL
    assert not BilanText().renewal_requested and TEXT.renewal_requested


def test_period_is_chosen_by_its_end() -> None:
    facts = bilan_facts(example("exemple-2.json"), "m6", period_end=date(2025, 11, 30))
    assert ("Période concernée", "du 01/06/2025 au 30/11/2025 (période initiale)") in \
        facts.measure
    # 6 visits held from 10/06 to 04/11 (one a month)
    assert ("Visites réalisées pendant la période", "6") in facts.followup


def test_no_bilan_for_a_dsf(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ASLL, AML ou FAL"):
        write_bilan(example("exemple-2.json"), "m3", TEXT, tmp_path / "bilan.pdf")
    with pytest.raises(ValueError, match="Mesure introuvable"):
        write_bilan(example("exemple-2.json"), "m99", TEXT, tmp_path / "bilan.pdf")


def test_the_header_names_the_period_not_a_year(tmp_path: Path) -> None:
    # m1's initial period runs from 01/10/2025 to 31/03/2026: across two calendar years,
    # the header says both days, never « année 2026 ».
    out = tmp_path / "bilan.pdf"
    write_bilan(example("exemple-2.json"), "m1", TEXT, out)
    pages = pdf_pages(out)
    for page in pages:
        assert "période du 01/10/2025 au 31/03/2026" in flat(page)
        assert "année 2026" not in page and "année 2025" not in page
    facts = bilan_facts(example("exemple-2.json"), "m6", period_end=date(2025, 11, 30))
    assert facts.period_text == "période du 01/06/2025 au 30/11/2025"

