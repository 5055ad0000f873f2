"""One table from an alert code to what the dashboard's button says and does.

The alert model reads the button's label from it (`button_label`) and `AlertActions` what to
do (`action_for`): record what clears the alert (a notice to the SLISL, the annual grid or an
ALT occupancy table sent), open a screen, or open the alert's subject (its measure, household
or worker). Qt-free: a code the table does not know opens its subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from desktop_app.domain.alerts import Alert
from desktop_app.domain.model import NoticeKind


class ActionKind(Enum):
    #: A notice to the SLISL on the alert's measure (`AlertAction.notice`).
    RECORD_NOTICE = auto()
    #: The annual grid of the year before the alert's due date, sent to the SPSLH.
    RECORD_GRID = auto()
    #: The ALT occupancy table of the alert's month, sent to the SPSLH.
    RECORD_OCCUPANCY = auto()
    #: The screen `AlertAction.screen`.
    OPEN_SCREEN = auto()
    #: The alert's measure, else its household, else the team screen (its worker).
    OPEN_SUBJECT = auto()


@dataclass(frozen=True, slots=True)
class AlertAction:
    kind: ActionKind
    #: The button's French label; "" names it after the subject (`button_label`).
    label: str = ""
    #: `OPEN_SCREEN`: the screen's key. A recording action: the screen opened when the alert
    #: lacks what the form needs (its measure, due date or month); "" opens the subject.
    screen: str = ""
    #: `RECORD_NOTICE`: the kind of notice recorded.
    notice: NoticeKind | None = None
    #: The recording form's French title ("" for the forms that name their year or month).
    title: str = ""


OPEN_SUBJECT = AlertAction(ActionKind.OPEN_SUBJECT)
_TEAM = AlertAction(ActionKind.OPEN_SCREEN, "Ouvrir l'équipe", screen="equipe")
_POINTS = AlertAction(ActionKind.OPEN_SCREEN, "Voir les points", screen="points")

#: Every alert code of docs/regles.md section 2 (`ALERT_LABELS`) and its action.
ALERT_ACTIONS: dict[str, AlertAction] = {
    "portes_closes": AlertAction(ActionKind.RECORD_NOTICE, "Signaler au SLISL",
                                 notice=NoticeKind.PORTES_CLOSES,
                                 title="Signaler les portes closes au SLISL"),
    "indisponibilite": AlertAction(ActionKind.RECORD_NOTICE, "Signaler au SLISL",
                                   notice=NoticeKind.INDISPONIBILITE,
                                   title="Signaler au SLISL l'indisponibilité du ménage"),
    "grille_annuelle": AlertAction(ActionKind.RECORD_GRID, "Noter l'envoi",
                                   screen="parametres"),
    "tableau_occupation": AlertAction(ActionKind.RECORD_OCCUPANCY, "Noter l'envoi",
                                      screen="logements"),
    "absence_travailleur": _TEAM,
    "quota_points": _POINTS,
    "quota_fal": _POINTS,
    "convention": _POINTS,
    "frequence_visites": OPEN_SUBJECT,
    "bilan_final": OPEN_SUBJECT,
    "bilan_non_signe": OPEN_SUBJECT,
    "cet": OPEN_SUBJECT,
    "duree": OPEN_SUBJECT,
    "fin_de_periode": OPEN_SUBJECT,
    "suspension_longue": OPEN_SUBJECT,
    "aml_indisponible": OPEN_SUBJECT,
    "cumul": OPEN_SUBJECT,
    "dsf_transmission": OPEN_SUBJECT,
    "accord_principe": OPEN_SUBJECT,
    "echec_aml": OPEN_SUBJECT,
    "diplome": OPEN_SUBJECT,
    "date_effet": OPEN_SUBJECT,
    "vacance_longue": AlertAction(ActionKind.OPEN_SCREEN, "Voir les logements",
                                  screen="logements"),
}

#: The label of a button named after the alert's subject.
OPEN_MEASURE_LABEL = "Ouvrir la mesure"
OPEN_HOUSEHOLD_LABEL = "Ouvrir le ménage"


def action_for(code: str) -> AlertAction:
    """The action of an alert code (a code the table does not know opens its subject)."""
    return ALERT_ACTIONS.get(code, OPEN_SUBJECT)


def button_label(alert: Alert) -> str:
    """The one action the dashboard offers for an alert, in French ("" when none)."""
    label = action_for(alert.code).label
    if label:
        return label
    if alert.measure:
        return OPEN_MEASURE_LABEL
    if alert.household:
        return OPEN_HOUSEHOLD_LABEL
    return ""
