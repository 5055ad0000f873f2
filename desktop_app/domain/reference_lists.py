"""Fixed lists kept as data: the reasons a measure ends, per measure type,
and the eight territories of the département's social action, each with its French label.

A free text that was typed before these lists existed (a store of revision 0002, an
interchange file without `exit_reason` / `territory_other`) is recognised by
`recognise_exit` / `recognise_territory`: the text, lower case, accents, punctuation and
spaces ignored, equal to a label or to one of the synonyms below gives its code; any other
text gives « autre » with the text kept. Only whole texts are recognised, never words in a
sentence: « Relogement » alone says neither social nor private housing, so it stays « autre »
with its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TypeVar

from desktop_app.domain.model import AsllContent, ExitReason, MeasureType, Territory

EXIT_LABELS: dict[ExitReason, str] = {
    ExitReason.BAIL_GLISSE: "Bail glissé au ménage",
    ExitReason.RELOGEMENT_SOCIAL: "Relogement dans le parc social",
    ExitReason.RELOGEMENT_PRIVE: "Relogement dans le parc privé",
    ExitReason.MAINTIEN: "Maintien dans le logement",
    ExitReason.OBJECTIFS_ATTEINTS: "Objectifs atteints",
    ExitReason.ARRET_PORTES_CLOSES: "Arrêt après portes closes",
    ExitReason.ARRET_INDISPONIBILITE: "Arrêt après une indisponibilité de plus d'un trimestre",
    ExitReason.REFUS_ABANDON: "Refus ou abandon du ménage",
    ExitReason.DEPART_DEPARTEMENT: "Départ hors du département",
    ExitReason.DECES: "Décès",
    ExitReason.ORIENTATION: "Orientation vers un autre dispositif",
    ExitReason.EXPULSION: "Expulsion",
    ExitReason.AUTRE: "Autre motif",
}
#: The reasons each measure type can end for, in the order of the forms and of the grid.
#: ASLL: the household keeps its home or moves; AML: the sub-let lease « glisse » or not;
#: FAL: the household leaves the ALT home. The one-off types (diagnosis, DSF) do not end.
EXIT_REASONS: dict[MeasureType, tuple[ExitReason, ...]] = {
    MeasureType.ASLL: (
        ExitReason.MAINTIEN, ExitReason.RELOGEMENT_SOCIAL, ExitReason.RELOGEMENT_PRIVE,
        ExitReason.OBJECTIFS_ATTEINTS, ExitReason.ARRET_PORTES_CLOSES,
        ExitReason.ARRET_INDISPONIBILITE, ExitReason.REFUS_ABANDON,
        ExitReason.DEPART_DEPARTEMENT, ExitReason.DECES, ExitReason.ORIENTATION,
        ExitReason.EXPULSION, ExitReason.AUTRE,
    ),
    MeasureType.AML: (
        ExitReason.BAIL_GLISSE, ExitReason.RELOGEMENT_SOCIAL, ExitReason.RELOGEMENT_PRIVE,
        ExitReason.ARRET_PORTES_CLOSES, ExitReason.ARRET_INDISPONIBILITE,
        ExitReason.REFUS_ABANDON, ExitReason.DEPART_DEPARTEMENT, ExitReason.DECES,
        ExitReason.ORIENTATION, ExitReason.EXPULSION, ExitReason.AUTRE,
    ),
    MeasureType.FAL: (
        ExitReason.RELOGEMENT_SOCIAL, ExitReason.RELOGEMENT_PRIVE,
        ExitReason.OBJECTIFS_ATTEINTS, ExitReason.ARRET_PORTES_CLOSES,
        ExitReason.REFUS_ABANDON, ExitReason.DEPART_DEPARTEMENT, ExitReason.DECES,
        ExitReason.ORIENTATION, ExitReason.EXPULSION, ExitReason.AUTRE,
    ),
}
#: Exits to an ordinary home of its own (FAL « sorties vers un logement autonome »).
HOUSING_EXITS = frozenset({ExitReason.RELOGEMENT_SOCIAL, ExitReason.RELOGEMENT_PRIVE,
                           ExitReason.BAIL_GLISSE})
_EXIT_SYNONYMS: dict[ExitReason, tuple[str, ...]] = {
    ExitReason.BAIL_GLISSE: ("Glissement du bail", "Bail glissé", "Bail glissé au ménage",
                             "Glissement de bail"),
    ExitReason.RELOGEMENT_SOCIAL: ("Relogement dans le parc social", "Relogement parc social",
                                   "Sortie vers un logement social", "Relogement social"),
    ExitReason.RELOGEMENT_PRIVE: ("Relogement dans le parc privé", "Relogement parc privé",
                                  "Sortie vers un logement privé", "Relogement privé"),
    ExitReason.MAINTIEN: ("Maintien dans le logement", "Maintien dans le logement assuré",
                          "Maintien à domicile"),
    ExitReason.OBJECTIFS_ATTEINTS: ("Objectifs atteints", "Objectifs atteints avant terme",
                                    "Autonomie dans la gestion du logement"),
    ExitReason.ARRET_PORTES_CLOSES: ("Portes closes répétées : arrêt de la mesure",
                                     "Portes closes répétées", "Arrêt après portes closes",
                                     "CET non signé : portes closes", "Portes closes"),
    ExitReason.ARRET_INDISPONIBILITE: ("Indisponibilité du ménage",
                                       "Arrêt après indisponibilité"),
    ExitReason.REFUS_ABANDON: ("Refus de poursuivre l'accompagnement",
                               "CET non signé : refus du ménage", "Refus du ménage",
                               "Abandon", "Refus", "Refus ou abandon"),
    ExitReason.DEPART_DEPARTEMENT: ("Déménagement hors du département",
                                    "Départ hors département", "Départ hors du département"),
    ExitReason.DECES: ("Décès", "Décès du demandeur"),
    ExitReason.ORIENTATION: ("Orientation vers un autre dispositif",
                             "Orientation vers une structure adaptée",
                             "Entrée en structure d'hébergement"),
    ExitReason.EXPULSION: ("Expulsion", "Expulsion locative"),
    ExitReason.AUTRE: ("Autre", "Autre motif"),
}

#: ASLL, « le contenu de la mesure » (item 11): access to a home, or keeping one's home.
ASLL_CONTENT_LABELS: dict[AsllContent, str] = {
    AsllContent.ACCES: "Accompagnement à l'accès au logement",
    AsllContent.MAINTIEN: "Accompagnement au maintien dans le logement",
}

TERRITORY_LABELS: dict[Territory, str] = {
    Territory.ARRAGEOIS: "Arrageois",
    Territory.ARTOIS: "Artois",
    Territory.AUDOMAROIS: "Audomarois",
    Territory.BOULONNAIS: "Boulonnais",
    Territory.CALAISIS: "Calaisis",
    Territory.HENIN_CARVIN: "Hénin-Carvin",
    Territory.LENS_LIEVIN: "Lens-Liévin",
    Territory.MONTREUILLOIS_TERNOIS: "Montreuillois-Ternois",
    Territory.AUTRE: "Autre territoire",
}
#: The eight territories, without « autre », in the order of the forms and of the grid.
TERRITORIES: tuple[Territory, ...] = tuple(t for t in Territory if t is not Territory.AUTRE)
_TERRITORY_SYNONYMS: dict[Territory, tuple[str, ...]] = {
    Territory.HENIN_CARVIN: ("Hénin Carvin", "Hénin-Beaumont Carvin"),
    Territory.LENS_LIEVIN: ("Lens Liévin", "Lens-Liévin"),
    Territory.MONTREUILLOIS_TERNOIS: ("Montreuillois Ternois", "Montreuillois et Ternois"),
    Territory.AUTRE: ("Autre", "Autre territoire"),
}


def plain(text: str) -> str:
    """Lower case, no accents, letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[0-9a-z]+", letters.replace("œ", "oe")))


C = TypeVar("C", ExitReason, Territory)


def _index(labels: Mapping[C, str], synonyms: Mapping[C, tuple[str, ...]]) -> dict[str, C]:
    index: dict[str, C] = {}
    for code, label in labels.items():
        index[plain(label)] = code
        index[plain(str(code))] = code
    for code, words in synonyms.items():
        for word in words:
            index[plain(word)] = code
    return index


_EXITS = _index(EXIT_LABELS, _EXIT_SYNONYMS)
_TERRITORIES = _index(TERRITORY_LABELS, _TERRITORY_SYNONYMS)


def recognise_exit(text: str | None) -> tuple[ExitReason | None, str | None]:
    """(reason, text kept) of a free-text closing reason: a recognised text gives its code
    and no text; an unrecognised one « autre » and the text; no text, (None, None)."""
    if text is None or not text.strip():
        return None, None
    found = _EXITS.get(plain(text))
    if found is None or found is ExitReason.AUTRE:
        return ExitReason.AUTRE, text.strip()
    return found, None


def recognise_territory(text: str | None) -> tuple[Territory | None, str | None]:
    """(territory, text kept) of a free-text territory, as `recognise_exit`."""
    if text is None or not text.strip():
        return None, None
    found = _TERRITORIES.get(plain(text))
    if found is None or found is Territory.AUTRE:
        return Territory.AUTRE, text.strip()
    return found, None


def exit_text(reason: ExitReason | None, text: str | None) -> str:
    """What the window and the documents show: « Objectifs atteints », « Autre motif : … »,
    a recognised label followed by its detail, or the detail alone."""
    if reason is None:
        return text or ""
    label = EXIT_LABELS[reason]
    return f"{label} : {text}" if text else label


def territory_text(territory: Territory | None, text: str | None) -> str:
    """« Lens-Liévin », « Autre territoire : Ternois », or '' when unknown."""
    if territory is None:
        return text or ""
    label = TERRITORY_LABELS[territory]
    return f"{label} : {text}" if text else label
