"""What a right-of-access answer must tell the household besides its data (GDPR art. 15.1
and 15.2): why its data are processed, who receives them, how long they are kept, its rights
and how to complain to the CNIL. The one place of these texts: the PDF (`access_pdf`) and the
JSON (`access_export`) both print `access_notice`.

The processing is done for the Département du Pas-de-Calais, controller, by the association
(convention FSL, annex 1: requests about rights go to the Département's data protection
officer). The keeping periods are read from `domain.retention`, never written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.fr import format_date
from desktop_app.domain.model import Measure, MeasureType
from desktop_app.domain.retention import (
    RetentionSettings,
    last_end,
    leaves_active_base_on,
    measure_end,
)
from desktop_app.reports.labels import TYPE_NAMES

#: The heading of the notice in the PDF.
TITLE = "Vos données : pourquoi, pour qui, combien de temps, vos droits"
#: Where the household's requests about its rights go (convention FSL, annex 1, h).
DATA_PROTECTION_OFFICER = "Delegue.Protection.Donnees@pasdecalais.fr"
CNIL_ADDRESS = "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"
CNIL_WEBSITE = "www.cnil.fr/plaintes"


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the notice: a title and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


def _years(count: int) -> str:
    return f"{count} an" if count == 1 else f"{count} ans"


def purposes(association: str) -> Section:
    types = ", ".join(TYPE_NAMES[t] for t in (MeasureType.ASLL, MeasureType.AML,
                                             MeasureType.FAL, MeasureType.DSF))
    return Section("Pourquoi vos données sont traitées", (
        f"Pour mettre en œuvre les mesures d'accompagnement du Fonds de Solidarité Logement "
        f"(FSL) du Pas-de-Calais que le Département a confiées à l'association : {types}.",
        "Pour que le Département du Pas-de-Calais paie ces mesures à l'association (grille "
        "annuelle d'activité, tableaux d'occupation des logements).",
        "Pour respecter les obligations de la convention FSL et de la loi : comptes rendus au "
        "Département, contrôles, conservation des dossiers.",
        "Le responsable de ce traitement est le Département du Pas-de-Calais ; l'association "
        f"({association}) traite vos données pour son compte (convention FSL, annexe 1). "
        "Elles ne sont ni "
        "vendues ni utilisées à d'autres fins.",
    ))


def recipients(association: str) -> Section:
    return Section("Qui reçoit vos données", (
        f"{association} : les intervenants sociaux qui suivent votre dossier.",
        "Le Département du Pas-de-Calais : le SLISL (Service Local Inclusion Sociale et "
        "Logement) de votre territoire, qui reçoit contrats, bilans et signalements, et le "
        "SPSLH (Service des Politiques Sociales du Logement et de l'Habitat), qui reçoit la "
        "grille annuelle d'activité, les tableaux d'occupation et les demandes de prise en "
        "charge.",
        "Lorsqu'un diagnostic social et financier (DSF) est transmis : le juge saisi de la "
        "procédure d'expulsion et la CCAPEX (Commission de Coordination des Actions de "
        "Prévention des Expulsions locatives).",
    ))


def retention(settings: RetentionSettings, measures: Sequence[Measure], day: date) -> Section:
    """The keeping periods of `settings`, and what they mean on `day` for this household's
    file (its last contact: `domain.retention.measure_end` of each measure)."""
    years = _years(settings.active_years)
    keep = format_date(settings.keep_until)
    after = date.fromordinal(settings.keep_until.toordinal() + 1)
    paragraphs = [
        f"Votre dossier reste dans la base active {years} après le dernier contact (la fin de "
        "votre dernière mesure), puis il passe, après revue, dans une archive en lecture seule "
        "(CNIL, délibération n° 2023-095 du 6 juillet 2023).",
        f"Les dossiers sont conservés jusqu'au {keep} (convention FSL) ; à partir du "
        f"{format_date(after)}, un dossier archivé est anonymisé ou supprimé.",
    ]
    end = last_end(measure_end(m) for m in measures)
    if end is not None:
        leaves = format_date(leaves_active_base_on(end, settings))
        paragraphs.append(
            f"Votre dernière mesure a pris fin le {format_date(end)} : votre dossier peut "
            f"quitter la base active à partir du {leaves}." if end < day else
            f"Votre dernière mesure prend fin le {format_date(end)} : votre dossier pourra "
            f"quitter la base active à partir du {leaves}.")
    elif measures:
        paragraphs.append("Une de vos mesures n'a pas encore de date de fin : votre dossier "
                          "reste dans la base active.")
    return Section("Combien de temps vos données sont conservées", tuple(paragraphs))


def rights() -> Section:
    return Section("Vos droits et comment les exercer", (
        "Vous pouvez demander à accéder à vos données (c'est l'objet de ce document), à les "
        "faire rectifier si elles sont inexactes ou incomplètes, à les faire effacer, à en "
        "faire limiter le traitement et vous opposer à leur traitement (RGPD, articles 15 à "
        "18 et 21).",
        "Pour exercer ces droits, adressez-vous à votre intervenant(e) ou à l'association, "
        "ou écrivez au délégué à la protection des données du Département : "
        f"{DATA_PROTECTION_OFFICER}. L'association transmet votre demande au Département dès "
        "qu'elle la reçoit ; une réponse vous est due dans un délai d'un mois (RGPD, "
        "article 12).",
    ))


def complaint() -> Section:
    return Section("Réclamation auprès de la CNIL", (
        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
        f"réclamation à la CNIL : en ligne sur {CNIL_WEBSITE}, ou par courrier : "
        f"{CNIL_ADDRESS}.",
    ))


def access_notice(association: str, settings: RetentionSettings,
                  measures: Sequence[Measure], day: date) -> list[Section]:
    """The notice of a right-of-access answer made on `day`, in the order it is printed."""
    return [purposes(association), recipients(association),
            retention(settings, measures, day),
            rights(), complaint()]
