"""French title of each alert code (docs/regles.md section 2), for lists and the window."""

from __future__ import annotations

from desktop_app.domain.alerts.severity import Severity

ALERT_LABELS: dict[str, str] = {
    "portes_closes": "Portes closes à signaler",
    "frequence_visites": "Fréquence des visites à domicile",
    "absence_travailleur": "Absence du référent",
    "bilan_final": "Bilan final",
    "bilan_non_signe": "Bilan final non signé",
    "cet": "Contrat d'engagement (CET)",
    "duree": "Durée de la mesure",
    "fin_de_periode": "Fin de période",
    "suspension_longue": "Suspension de plus de 3 mois",
    "aml_indisponible": "Ménage indisponible (AML)",
    "cumul": "Cumul de mesures",
    "quota_points": "Quota de points par ETP",
    "quota_fal": "Quota de FAL par ETP",
    "convention": "Objectifs de la convention dépassés",
    "dsf_transmission": "Transmission du DSF",
    "accord_principe": "Accord de principe AML",
    "echec_aml": "Demande de prise en charge de l'échec AML",
    "diplome": "Diplôme du référent",
    "grille_annuelle": "Grille annuelle d'activité",
    "tableau_occupation": "Tableau d'occupation ALT",
    "indisponibilite": "Indisponibilité du ménage à signaler",
    "date_effet": "Date d'effet de l'ASLL",
    "vacance_longue": "Logement ALT vide au-delà des 31 jours payés",
}

#: Codes always raised as `information`: never a breach, so never counted nor listed among
#: the breaches (the grid's « Manquements » sheet).
INFORMATION_CODES = frozenset({"convention", "vacance_longue"})

#: French heading of each severity, in the order lists show them (most urgent first).
SEVERITY_LABELS: dict[Severity, str] = {
    Severity.MANQUEMENT: "Manquements",
    Severity.A_FAIRE: "À faire",
    Severity.A_VENIR: "À venir",
    Severity.INFORMATION: "Pour information",
}
