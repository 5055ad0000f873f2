"""The fixed lists: exit reasons per measure type, territories, and the
recognition of texts typed before the lists existed (store migration 0003, old files)."""

from __future__ import annotations

from desktop_app.domain.model import ExitReason, MeasureType, Territory
from desktop_app.domain.reference_lists import (
    EXIT_LABELS,
    EXIT_REASONS,
    TERRITORIES,
    TERRITORY_LABELS,
    exit_text,
    recognise_exit,
    recognise_territory,
    territory_text,
)


def test_the_two_spellings_of_the_issue_are_one_code() -> None:
    # « Glissement du bail » typed in the form, « Bail glissé au ménage » in the grid
    assert recognise_exit("Glissement du bail") == (ExitReason.BAIL_GLISSE, None)
    assert recognise_exit("Bail glissé au ménage") == (ExitReason.BAIL_GLISSE, None)
    # case, accents, punctuation and spaces do not matter
    assert recognise_exit("  BAIL GLISSE au menage. ") == (ExitReason.BAIL_GLISSE, None)


def test_an_unknown_text_is_autre_with_the_text_kept() -> None:
    assert recognise_exit("Échec : bail non glissé") == (ExitReason.AUTRE,
                                                         "Échec : bail non glissé")
    # a word inside a sentence is not enough: « Relogement » says neither social nor private
    assert recognise_exit("Relogement") == (ExitReason.AUTRE, "Relogement")
    assert recognise_exit("Autre") == (ExitReason.AUTRE, "Autre")
    assert recognise_exit(None) == (None, None)
    assert recognise_exit("   ") == (None, None)


def test_the_old_demo_texts_are_recognised() -> None:
    assert recognise_exit("Portes closes répétées : arrêt de la mesure") == (
        ExitReason.ARRET_PORTES_CLOSES, None)
    assert recognise_exit("Déménagement hors du département") == (
        ExitReason.DEPART_DEPARTEMENT, None)
    assert recognise_exit("Sortie vers un logement social") == (
        ExitReason.RELOGEMENT_SOCIAL, None)
    assert recognise_exit("Maintien dans le logement assuré") == (ExitReason.MAINTIEN, None)


def test_territories() -> None:
    assert len(TERRITORIES) == 8 and Territory.AUTRE not in TERRITORIES
    assert recognise_territory("Lens-Liévin") == (Territory.LENS_LIEVIN, None)
    assert recognise_territory("lens lievin") == (Territory.LENS_LIEVIN, None)
    assert recognise_territory("Hénin Carvin") == (Territory.HENIN_CARVIN, None)
    assert recognise_territory("Lensois") == (Territory.AUTRE, "Lensois")
    assert recognise_territory("") == (None, None)
    assert territory_text(Territory.AUTRE, "Lensois") == "Autre territoire : Lensois"
    assert territory_text(Territory.CALAISIS, None) == "Calaisis"
    assert territory_text(None, None) == ""


def test_lists_per_type_and_french_labels() -> None:
    # the lease « glisse » only in AML; staying in one's home is an ASLL outcome
    assert ExitReason.BAIL_GLISSE in EXIT_REASONS[MeasureType.AML]
    assert ExitReason.BAIL_GLISSE not in EXIT_REASONS[MeasureType.ASLL]
    assert ExitReason.MAINTIEN in EXIT_REASONS[MeasureType.ASLL]
    assert ExitReason.ARRET_INDISPONIBILITE not in EXIT_REASONS[MeasureType.FAL]
    for reasons in EXIT_REASONS.values():
        assert reasons[-1] is ExitReason.AUTRE
    assert set(EXIT_LABELS) == set(ExitReason) and set(TERRITORY_LABELS) == set(Territory)
    assert all(label and label[0].isupper() and "_" not in label
               for label in [*EXIT_LABELS.values(), *TERRITORY_LABELS.values()])
    assert exit_text(ExitReason.AUTRE, "Départ sans solution") == \
        "Autre motif : Départ sans solution"
    assert exit_text(ExitReason.DECES, None) == "Décès"
