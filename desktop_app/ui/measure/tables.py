"""Columns of the Mesure screen's lists (periods, reports, notices, suspensions, stays, points)."""

from __future__ import annotations

from datetime import date

from desktop_app.app.measure_page import MonthEarning
from desktop_app.domain.alerts.renewal import length_in_months
from desktop_app.domain.aml import claim_due, claimed_total
from desktop_app.domain.fr import format_date, format_month
from desktop_app.domain.labels import (
    CLAIM_DECISIONS,
    ITEMS,
    LEVELS,
    NOTICE_KINDS,
    PERIOD_KINDS,
    REPORT_KINDS,
    SUSPENSION_REASONS,
    label,
)
from desktop_app.domain.measure_facts import in_force_span, level_on, suspended_on
from desktop_app.domain.model import (
    AgreementExtension,
    FailureClaim,
    Measure,
    MeasureType,
    Notice,
    Period,
    Report,
    Stay,
    Suspension,
)
from desktop_app.domain.money import format_eur
from desktop_app.domain.reference_lists import exit_text
from desktop_app.ui.models import RIGHT, Column, date_key

PERIODS: list[Column[Period]] = [
    Column("Début", lambda p: format_date(p.start), lambda p: date_key(p.start)),
    Column("Fin", lambda p: format_date(p.end), lambda p: date_key(p.end)),
    Column("Durée", lambda p: f"{length_in_months(p)} mois", lambda p: length_in_months(p), RIGHT),
    Column("Niveau", lambda p: label(LEVELS, p.level, "—")),
    Column("Nature", lambda p: label(PERIOD_KINDS, p.kind, "—")),
]
REPORTS: list[Column[Report]] = [
    Column("Bilan", lambda r: REPORT_KINDS[r.kind]),
    Column("Période finissant le", lambda r: format_date(r.period_end),
           lambda r: date_key(r.period_end)),
    Column("Envoyé le", lambda r: format_date(r.sent_on) or "pas encore",
           lambda r: date_key(r.sent_on)),
    Column("Signé", lambda r: "oui" if r.signed else "non", fit=True,
           tooltip=lambda r: "Signé par le ménage" if r.signed else "Pas encore signé par le "
                             "ménage"),
]
NOTICES: list[Column[Notice]] = [
    Column("Envoyé le", lambda n: format_date(n.sent_on), lambda n: date_key(n.sent_on)),
    Column("Objet", lambda n: NOTICE_KINDS[n.kind]),
]
EXTENSIONS: list[Column[AgreementExtension]] = [
    Column("Mail envoyé le", lambda e: format_date(e.sent_on), lambda e: date_key(e.sent_on)),
    Column("Nouvelle fin de l'accord", lambda e: format_date(e.new_end),
           lambda e: date_key(e.new_end)),
]
CLAIMS: list[Column[FailureClaim]] = [
    Column("Départ du sous-locataire", lambda c: format_date(c.departure_on),
           lambda c: date_key(c.departure_on)),
    Column("Montant demandé", lambda c: format_eur(claimed_total(c))),
    Column("À envoyer au plus tard le", lambda c: format_date(claim_due(c))),
    Column("Envoyée le", lambda c: format_date(c.sent_on) or "—", lambda c: date_key(c.sent_on)),
    Column("Décision", lambda c: CLAIM_DECISIONS[c.decision] if c.decision else "En attente"),
    Column("Accordé", lambda c: format_eur(c.granted) if c.granted is not None else "—"),
]
SUSPENSIONS: list[Column[Suspension]] = [
    Column("Du", lambda s: format_date(s.start), lambda s: date_key(s.start)),
    Column("Au", lambda s: format_date(s.end) or "nouvel ordre", lambda s: date_key(s.end)),
    Column("Motif", lambda s: SUSPENSION_REASONS[s.reason]),
]
EARNINGS: list[Column[MonthEarning]] = [
    Column("Mois", lambda e: format_month(e.month), lambda e: e.month.year * 12 + e.month.month),
    Column("Points", lambda e: str(e.points), lambda e: e.points, RIGHT),
    Column("Montant", lambda e: format_eur(e.amount), lambda e: float(e.amount), RIGHT),
    Column("Au titre de", lambda e: ", ".join(ITEMS.get(i, i) for i in e.items.split(", "))),
]


def stay_columns(homes: dict[str, str]) -> list[Column[Stay]]:
    return [
        Column("Logement", lambda s: homes.get(s.home, s.home)),
        Column("Entrée", lambda s: format_date(s.start), lambda s: date_key(s.start)),
        Column("Sortie", lambda s: format_date(s.end) or "—", lambda s: date_key(s.end)),
    ]


def measure_state(measure: Measure, today: date, referent_name: str) -> str:
    """« En cours · du 01/07/2025 au 31/12/2025 · niveau simple · Référent(e) : … »."""
    span = in_force_span(measure)
    parts = [f"Référent(e) : {referent_name}"]
    if span is not None:
        parts.insert(0, f"du {format_date(span[0])} au {format_date(span[1])}")
        if measure.type in (MeasureType.ASLL, MeasureType.AML):
            parts.insert(1, f"niveau {LEVELS[level_on(measure, today)].lower()}")
    if measure.closed_on is not None and measure.closed_on <= today:
        state = f"Clôturée le {format_date(measure.closed_on)} "
        state += f" ({exit_text(measure.exit_reason, measure.close_reason)})"
    elif suspended_on(measure, today):
        since = max(s.start for s in measure.suspensions if s.start <= today)
        state = f"Suspendue depuis le {format_date(since)}"
    elif span is not None and span[0] > today:
        state = "À venir"
    elif span is not None and span[1] < today:
        state = "Période terminée, ni renouvelée ni clôturée"
    else:
        state = "En cours"
    return " · ".join([state, *parts])
