"""The DSF sent to the SLISL: the décret's parts in its order, filled in from the content
and the household, « Établi le », the writer's signature; written atomically, 0600, under
« diagnostic-<référence FSL>-<date>.pdf »; an incomplete diagnostic not printed."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    DsfOutcome,
    Household,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Worker,
)
from desktop_app.reports.dsf_document import (
    DsfNotReadyError,
    dsf_document,
    file_name,
    write_dsf,
)
from tests.reports.helpers import english_words, flat, pdf_pages

D = date
MADE_ON = D(2025, 3, 14)
CONTENT = DsfContent(
    writer="Claire Martin, conseillère ESF", tenant_present=True,
    sent_to_tenant_on=D(2025, 3, 12), family_situation="Mère seule, deux enfants de 4 et 9 ans.",
    social_support="Suivie par la MDS d'Arras.", rental_situation="T3 du parc social.",
    rent_debt=Decimal("1845.30"), debt_treatment="Plan d'apurement proposé au bailleur.",
    repayment_capacity="50 € par mois.", recommendations="Maintien dans les lieux.",
    rehousing_needed=True, rehousing_steps="Demande de logement social déposée.",
    support_requested=True)


def caseload(content: DsfContent | None = CONTENT) -> Caseload:
    household = Household("h1", "DURAND Marie", "FSL-2025/0042", "12 rue des Lilas", "62000",
                          "Arras", members=[Member("Marie Durand", MemberRole.DEMANDEUR),
                                            Member("Léa Durand", MemberRole.ENFANT),
                                            Member("Tom Durand", MemberRole.ENFANT)])
    dsf = Measure("m1", "h1", MeasureType.DSF, "w1", summoned_on=D(2025, 2, 20),
                  hearing_on=D(2025, 4, 15), outcome=DsfOutcome.REALISE, done_on=D(2025, 3, 10),
                  dsf_content=content)
    return Caseload(Association("Association Exemple"),
                    workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
                    households=[household], measures=[dsf])


def test_the_parts_in_the_order_of_the_decree(tmp_path: Path) -> None:
    out = write_dsf(caseload(), "m1", tmp_path / "dossier", MADE_ON)
    assert out == tmp_path / "dossier" / "diagnostic-FSL-2025-0042-2025-03-14.pdf"
    pages = pdf_pages(out)
    assert len(pages) == 2
    text = flat("\n".join(pages))
    headings = ["La procédure", "1. Rédacteur du diagnostic", "2. Présence du locataire",
                "3. Transmission obligatoire au locataire et au bailleur",
                "4. Identité et situation familiale du locataire",
                "5. Accompagnement social, juridique et judiciaire", "6. Situation locative",
                "7. Dette locative", "8. Dispositifs de traitement de la dette",
                "9. Reprise du paiement du loyer", "10. Capacité de remboursement",
                "11. Préconisations et observations du travailleur social",
                "12. Le cas échéant", "Suites données au diagnostic",
                "Le rédacteur du diagnostic"]
    at = [text.index(h) for h in headings]
    assert at == sorted(at)
    for expected in ("Diagnostic social et financier — DURAND Marie",
                     "Établi le 14/03/2025 par Association Exemple, pour le SLISL",
                     "Assignation en résiliation du bail 20/02/2025", "Audience 15/04/2025",
                     "Diagnostic réalisé le 10/03/2025", "Résultat Réalisé, ménage rencontré",
                     "Nom et fonction Claire Martin, conseillère ESF",
                     "Diplôme Conseiller(ère) en économie sociale et familiale",
                     "Le locataire était présent lors du diagnostic Oui",
                     "Transmis au locataire le 12/03/2025",
                     "Transmis au bailleur le pas encore transmis",
                     "Adresse 12 rue des Lilas, 62000 Arras",
                     "Composition Famille monoparentale (3 personnes)",
                     "Montant de la dette locative 1 845,30 €",
                     "Le paiement du loyer a repris Non",
                     "Besoin de relogement Oui Démarches engagées Demande de logement social",
                     "Saisine de la CCAPEX Non",
                     "Demande d'accompagnement complétée (accord du ménage) Oui",
                     "« Signal logement » Non",
                     "Diagnostic social et financier — FSL-2025/0042 — audience du 15/04/2025",
                     "Page 1 sur 2"):
        assert expected in text, expected
    # the signature of the writer closes the document, dated
    assert "Établi le 14/03/2025 Signature :" in flat(pages[-1])
    assert english_words(text) == []
    assert "m1" not in text.split() and "h1" not in text.split()


def test_written_privately_and_nothing_under_7_pt(tmp_path: Path) -> None:
    out = write_dsf(caseload(), "m1", tmp_path, MADE_ON)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left
    sizes: list[float] = []

    def visit(_text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if _text.strip():
            sizes.append(size * abs(tm[0] or 1))

    for page in PdfReader(str(out)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 7


def test_an_incomplete_diagnostic_is_not_printed(tmp_path: Path) -> None:
    with pytest.raises(DsfNotReadyError) as refused:
        write_dsf(caseload(replace(CONTENT, rent_debt=None, writer="")), "m1", tmp_path, MADE_ON)
    assert str(refused.value) == (
        "Le diagnostic ne peut pas encore être imprimé : à compléter dans l'onglet « Contenu "
        "du diagnostic » : Rédacteur (nom et fonction) ; Dette locative.")
    with pytest.raises(DsfNotReadyError, match="à compléter"):
        dsf_document(caseload(None), "m1", MADE_ON)
    assert list(tmp_path.iterdir()) == []


def test_file_name_keeps_the_reference_readable() -> None:
    assert file_name("FSL-2025-00042", MADE_ON) == "diagnostic-FSL-2025-00042-2025-03-14.pdf"
    assert file_name("FSL/2025 x y", MADE_ON) == "diagnostic-FSL-2025-x-y-2025-03-14.pdf"
    assert file_name("(sans référence)", MADE_ON) == "diagnostic-sans-reference-2025-03-14.pdf"


def test_texts_at_their_bound_run_over_several_pages(tmp_path: Path) -> None:
    long = replace(CONTENT, recommendations=("Une phrase pour remplir la ligne. " * 300)[:10_000],
                   family_situation="Une ligne.\n" * 300)
    out = write_dsf(caseload(long), "m1", tmp_path, MADE_ON)
    pages = pdf_pages(out)
    assert len(pages) > 3  # about 300 lines of text cannot fit in 2 pages
    assert "Signature :" in pages[-1]
    assert f"Page {len(pages)} sur {len(pages)}" in flat(pages[-1])


def test_the_right_of_access_export_lists_the_content(tmp_path: Path) -> None:
    from datetime import datetime

    from desktop_app.reports.access_export import write_access_export
    from desktop_app.store.repository import open_store
    from tests.store.builders import full_caseload

    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    store.import_caseload(full_caseload())  # m5, DSF of h2: writer, debt 0,00 €, one report
    json_path, pdf_path = write_access_export(store, "h2", tmp_path, datetime(2025, 10, 15))
    store.close()
    text = flat("\n".join(pdf_pages(pdf_path)))
    assert ("Contenu du diagnostic Rédacteur (nom et fonction) Paul Leroy, assistant social "
            "Locataire présent lors du diagnostic Non") in text
    assert "Dette locative 0,00 €" in text
    assert "Signalement sur la plateforme « Signal logement » Oui" in text
    assert '"writer": "Paul Leroy, assistant social"' in json_path.read_text(encoding="utf-8")
