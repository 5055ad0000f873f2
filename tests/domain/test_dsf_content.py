"""The content of a DSF (décret n° 2021-8, article 2): its checks and what must be filled
in before it is sent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.domain.dsf_content import (
    LABELS,
    DsfContent,
    content_problems,
    is_blank,
    missing_for_sending,
)
from desktop_app.domain.limits import MAX_DSF_TEXT_LENGTH

DONE = date(2026, 3, 10)

FULL = DsfContent(
    writer="Claire Martin, conseillère ESF", tenant_present=True,
    sent_to_tenant_on=date(2026, 3, 12), sent_to_landlord_on=date(2026, 3, 12),
    family_situation="Mère seule, deux enfants de 4 et 9 ans.",
    social_support="Suivie par la MDS de Lens.", rental_situation="T3, bailleur social.",
    rent_debt=Decimal("1845.30"), debt_treatment="Plan d'apurement proposé.",
    rent_resumed=True, repayment_capacity="50 € par mois.",
    recommendations="Maintien dans les lieux avec un plan d'apurement.")


def test_a_complete_content_has_no_problem_and_nothing_missing() -> None:
    assert content_problems(FULL, DONE) == {}
    assert missing_for_sending(FULL) == []


def test_a_negative_debt_is_refused_in_french() -> None:
    problems = content_problems(replace(FULL, rent_debt=Decimal("-0.01")), DONE)
    assert problems == {"rent_debt": "La dette locative ne peut pas être négative "
                                     "(0 € au moins)."}


def test_a_zero_debt_is_accepted_and_cents_only() -> None:
    assert content_problems(replace(FULL, rent_debt=Decimal("0.00")), DONE) == {}
    assert "rent_debt" in content_problems(replace(FULL, rent_debt=Decimal("10.005")), DONE)


def test_transmissions_cannot_precede_the_diagnostic() -> None:
    early = replace(FULL, sent_to_tenant_on=date(2026, 3, 9),
                    sent_to_landlord_on=date(2026, 3, 10))
    assert content_problems(early, DONE) == {
        "sent_to_tenant_on": "La transmission au locataire (09/03/2026) ne peut pas précéder "
                             "le diagnostic (10/03/2026)."}


def test_a_transmission_without_the_diagnostic_date_is_refused() -> None:
    problems = content_problems(FULL, None)
    assert set(problems) == {"sent_to_tenant_on", "sent_to_landlord_on"}
    assert "date du diagnostic" in problems["sent_to_landlord_on"]


def test_texts_are_bounded() -> None:
    long = replace(FULL, recommendations="x" * (MAX_DSF_TEXT_LENGTH + 1))
    message = content_problems(long, DONE)["recommendations"]
    assert message.startswith("Préconisations et observations du travailleur social : texte "
                              "trop long")


def test_missing_parts_named_in_the_decrees_order() -> None:
    partial = replace(FULL, writer=" ", rent_debt=None, recommendations="")
    assert missing_for_sending(partial) == [
        "Rédacteur (nom et fonction)", "Dette locative",
        "Préconisations et observations du travailleur social"]


def test_rehousing_and_ccapex_need_their_text_once_ticked() -> None:
    ticked = replace(FULL, rehousing_needed=True, ccapex_referred=True)
    assert missing_for_sending(ticked) == ["Démarches engagées pour le relogement",
                                           "Préconisations de la CCAPEX"]
    done = replace(ticked, rehousing_steps="Demande de logement social déposée.",
                   ccapex_recommendations="Maintien avec accompagnement.")
    assert missing_for_sending(done) == []


def test_no_content_misses_the_eight_required_parts() -> None:
    assert len(missing_for_sending(None)) == 8
    assert is_blank(DsfContent()) and not is_blank(FULL)


@pytest.mark.parametrize("name", list(LABELS))
def test_every_label_is_french_without_codes(name: str) -> None:
    assert "_" not in LABELS[name]
