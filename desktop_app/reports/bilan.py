"""The bilan (final or intermediate report) of a measure, printed to be signed by the
household, the worker and the association (PDF): the measure's facts filled in from the
caseload, the worker's text (`BilanText`), three signature boxes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.domain.alerts.reports import final_report_due
from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.fr import format_date
from desktop_app.domain.indicators.profile import composition
from desktop_app.domain.measure_facts import in_force_span, level_on
from desktop_app.domain.model import (
    Caseload,
    Household,
    Measure,
    MeasureType,
    Period,
    ReportKind,
    VisitOutcome,
)
from desktop_app.domain.reference_lists import exit_text, territory_text
from desktop_app.reports.common import output_kind
from desktop_app.reports.labels import ASLL_LEVELS, LEVELS, TYPE_NAMES

KINDS = {ReportKind.FINAL: "Bilan final", ReportKind.INTERMEDIAIRE: "Bilan intermédiaire"}
PERIOD_KINDS = {"initiale": "période initiale", "renouvellement": "renouvellement",
                "exceptionnelle": "période exceptionnelle"}
DIPLOMAS = {"CESF": "Conseiller(ère) en économie sociale et familiale",
            "ASS": "Assistant(e) de service social", "ES": "Éducateur(trice) spécialisé(e)",
            "AUTRE": "Autre diplôme"}
TYPES = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL)


@dataclass(slots=True)
class BilanFacts:
    """What the bilan states about the measure, in (French label, value) pairs."""

    association: str
    kind: str
    measure_name: str
    reference: str
    year: int
    household: list[tuple[str, str]]
    measure: list[tuple[str, str]]
    followup: list[tuple[str, str]]
    household_name: str
    worker_name: str
    #: The period the bilan is about (first and last day).
    first: date
    last: date

    @property
    def period_text(self) -> str:
        """« période du 01/08/2026 au 31/07/2027 » (a measure's period is seldom a calendar
        year)."""
        return f"période du {format_date(self.first)} au {format_date(self.last)}"


def bilan_facts(caseload: Caseload, measure_id: str, kind: ReportKind = ReportKind.FINAL,
                period_end: date | None = None) -> BilanFacts:
    """Facts of the bilan of the period ending on `period_end` (default: the last one)."""
    measure = next((m for m in caseload.measures if m.id == measure_id), None)
    if measure is None:
        raise ValueError(f"Mesure introuvable : « {measure_id} ».")
    if measure.type not in TYPES or not measure.periods:
        raise ValueError("Un bilan se rédige pour une mesure ASLL, AML ou FAL qui a au moins "
                         "une période : ajoutez d'abord la période de la mesure.")
    periods = sorted(measure.periods, key=lambda p: p.end)
    period = next((p for p in periods if p.end == period_end), periods[-1])
    household = next((h for h in caseload.households if h.id == measure.household),
                     Household(measure.household, measure.household))
    worker = next((w for w in caseload.workers if w.id == measure.referent), None)
    reference = household.reference or "(sans référence)"
    return BilanFacts(
        association=caseload.association.name, kind=KINDS[kind],
        measure_name=TYPE_NAMES[measure.type], reference=reference,
        year=period.end.year,
        household=_household(household, reference),
        measure=_measure(caseload, measure, period),
        followup=_followup(measure, period, kind,
                           f"{worker.name} ({DIPLOMAS[worker.diploma]})" if worker else ""),
        household_name=household.name, worker_name=worker.name if worker else "",
        first=period.start, last=period.end,
    )


def _household(household: Household, reference: str) -> list[tuple[str, str]]:
    place = " ".join(x for x in (household.postcode, household.city) if x)
    address = ", ".join(x for x in (household.address, place) if x)
    people = len(household.members)
    return [
        ("Ménage", household.name), ("Référence FSL", reference),
        ("Adresse", address or "non renseignée"),
        ("Territoire", territory_text(household.territory, household.territory_other)
         or "non renseigné"),
        ("Composition", composition(household) + (f" ({people} personne{'s' * (people > 1)})"
                                                  if people else "")),
    ]


def _measure(caseload: Caseload, measure: Measure, period: Period) -> list[tuple[str, str]]:
    span = in_force_span(measure)
    rows: list[tuple[str, str]] = []
    if measure.type is not MeasureType.FAL:
        level = level_on(measure, period.start)
        rows.append(("Type de mesure", ASLL_LEVELS[level] if measure.type is MeasureType.ASLL
                     else f"AML {LEVELS[level]}{'e' * (LEVELS[level] == 'renforcé')}"))
    if measure.decision_date is not None:
        rows.append(("Décision de la commission locale FSL", format_date(measure.decision_date)))
    if measure.agreement_on is not None:
        rows.append(("Accord de principe", format_date(measure.agreement_on)))
    if span is not None:
        rows.append(("Début de l'accompagnement", format_date(span[0])))
    kind = PERIOD_KINDS.get(period.kind.value, "") if period.kind else ""
    rows.append(("Période concernée", f"du {format_date(period.start)} au "
                 f"{format_date(period.end)}" + (f" ({kind})" if kind else "")))
    contract = measure.contract
    if measure.type is MeasureType.ASLL and contract is not None and contract.signed_on:
        rows.append(("Contrat d'engagement (CET)", f"signé le {format_date(contract.signed_on)}"
                     + (f", transmis au SLISL le {format_date(contract.sent_on)}"
                        if contract.sent_on else "")))
    if measure.lease_transferred_on is not None:
        rows.append(("Glissement du bail", format_date(measure.lease_transferred_on)))
    homes = {h.id: h.address for h in caseload.homes}
    for stay in measure.stays:
        if stay.start <= period.end and (stay.end is None or stay.end >= period.start):
            rows.append(("Logement ALT", f"{homes.get(stay.home, stay.home)}, depuis le "
                         f"{format_date(stay.start)}"))
    if measure.closed_on is not None:
        reason = exit_text(measure.exit_reason, measure.close_reason)
        rows.append(("Fin de la mesure", f"{format_date(measure.closed_on)}"
                     + (f" ({reason})" if reason else "")))
    return rows


def _followup(measure: Measure, period: Period, kind: ReportKind,
              worker: str) -> list[tuple[str, str]]:
    last = min(period.end, measure.closed_on or period.end)
    visits = [v for v in measure.visits if period.start <= v.date <= last]
    held = sum(1 for v in visits if v.outcome is VisitOutcome.REALISEE)
    doors = sum(1 for v in visits if v.outcome is VisitOutcome.PORTE_CLOSE)
    justified = sum(1 for v in visits if v.outcome is VisitOutcome.PORTE_CLOSE_JUSTIFIEE)
    rows = [("Travailleur social référent", worker),
            ("Visites réalisées pendant la période", str(held)),
            ("Portes closes", f"{doors} non justifiée{'s' * (doors > 1)}, {justified} "
                              f"justifiée{'s' * (justified > 1)}")]
    for s in measure.suspensions:
        if s.start <= last and (s.end is None or s.end >= period.start):
            rows.append(("Suspension", f"du {format_date(s.start)}"
                         + (f" au {format_date(s.end)}" if s.end else " (en cours)")))
    if kind is ReportKind.FINAL and measure.type is not MeasureType.FAL:
        rows.append(("À transmettre au SLISL au plus tard le",
                     format_date(final_report_due(period.end))))
    return rows


def write_bilan(caseload: Caseload, measure_id: str, text: BilanText, out: Path, *,
                kind: ReportKind = ReportKind.FINAL, period_end: date | None = None) -> None:
    """Write the bilan of the measure's period ending on `period_end` (default: its last
    period) to `out` (.pdf)."""
    output_kind(Path(out), (".pdf",))
    facts = bilan_facts(caseload, measure_id, kind, period_end)
    from desktop_app.reports.bilan_pdf import bilan_pdf

    bilan_pdf(facts, text, Path(out))
