"""The caseload as plain dataclasses: what the interchange file holds, what the store loads.

Field names follow the keys of the interchange file (`docs/echange.md`, contract `suivi-fsl/1`),
so that a reader can go from one to the other without a table. The domain engines (funding,
alerts) take these objects and never see SQL or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.dates import Month
from desktop_app.domain.dsf_content import DsfContent


class MeasureType(StrEnum):
    ASLL = "ASLL"
    ASLL_DIAG = "ASLL_DIAG"
    AML = "AML"
    FAL = "FAL"
    DSF = "DSF"


#: Measures that are a "support" (one at a time per household, rule `cumul`).
SUPPORT_TYPES = frozenset({MeasureType.ASLL, MeasureType.AML, MeasureType.FAL})
#: Measures paid in points per month (rule P1).
POINT_TYPES = frozenset({MeasureType.ASLL, MeasureType.AML})


class Diploma(StrEnum):
    CESF = "CESF"
    ASS = "ASS"
    ES = "ES"
    AUTRE = "AUTRE"


class MemberRole(StrEnum):
    DEMANDEUR = "demandeur"
    CONJOINT = "conjoint"
    ENFANT = "enfant"
    AUTRE = "autre"


class Level(StrEnum):
    SIMPLE = "simple"
    RENFORCE = "renforce"


class PeriodKind(StrEnum):
    INITIALE = "initiale"
    RENOUVELLEMENT = "renouvellement"
    EXCEPTIONNELLE = "exceptionnelle"


class SuspensionReason(StrEnum):
    HOSPITALISATION = "hospitalisation"
    INCARCERATION = "incarceration"
    AUTRE = "autre"


class VisitOutcome(StrEnum):
    REALISEE = "realisee"
    PORTE_CLOSE = "porte_close"
    PORTE_CLOSE_JUSTIFIEE = "porte_close_justifiee"
    ANNULEE = "annulee"


class VisitPlace(StrEnum):
    DOMICILE = "domicile"
    BUREAU = "bureau"
    TELEPHONE = "telephone"
    AUTRE = "autre"


class ReportKind(StrEnum):
    INTERMEDIAIRE = "intermediaire"
    FINAL = "final"


class NoticeKind(StrEnum):
    PORTES_CLOSES = "portes_closes"
    INDISPONIBILITE = "indisponibilite"
    AUTRE = "autre"


class NotSignedReason(StrEnum):
    PORTE_CLOSE = "porte_close"
    REFUS = "refus"


class Retroactive(StrEnum):
    SORTIE_CHRS = "sortie_chrs"
    SORTIE_ALT = "sortie_alt"
    DSF = "dsf"


class LongStayReason(StrEnum):
    CADA = "CADA"
    DALO = "DALO"


class ExitReason(StrEnum):
    """Why a measure ended (French labels: `reference_lists.EXIT_LABELS`)."""

    BAIL_GLISSE = "bail_glisse"
    RELOGEMENT_SOCIAL = "relogement_social"
    RELOGEMENT_PRIVE = "relogement_prive"
    MAINTIEN = "maintien_logement"
    OBJECTIFS_ATTEINTS = "objectifs_atteints"
    ARRET_PORTES_CLOSES = "arret_portes_closes"
    ARRET_INDISPONIBILITE = "arret_indisponibilite"
    REFUS_ABANDON = "refus_abandon"
    DEPART_DEPARTEMENT = "depart_departement"
    DECES = "deces"
    ORIENTATION = "orientation"
    EXPULSION = "expulsion"
    AUTRE = "autre"


class AsllContent(StrEnum):
    """What an ASLL is about (the ASLL annex splits « le contenu de la mesure » this way)."""

    ACCES = "acces"
    MAINTIEN = "maintien"


class ClaimDecision(StrEnum):
    """The FSL technical committee's answer to an AML failure claim."""

    ACCORDEE = "accordee"
    PARTIELLE = "partielle"
    REFUSEE = "refusee"


class Territory(StrEnum):
    """The eight territories of the département's social action, and « autre »."""

    ARRAGEOIS = "arrageois"
    ARTOIS = "artois"
    AUDOMAROIS = "audomarois"
    BOULONNAIS = "boulonnais"
    CALAISIS = "calaisis"
    HENIN_CARVIN = "henin_carvin"
    LENS_LIEVIN = "lens_lievin"
    MONTREUILLOIS_TERNOIS = "montreuillois_ternois"
    AUTRE = "autre"


class DsfOutcome(StrEnum):
    REALISE = "realise"
    PORTE_CLOSE = "porte_close"
    SANS_RENCONTRE = "sans_rencontre"


@dataclass(slots=True)
class Tariff:
    """Figures the département revises, in force from `from_date` until the next tariff."""

    from_date: date
    point_value: Decimal
    fal_support_per_year: Decimal
    fal_management_per_year: Decimal
    dsf_done: Decimal
    dsf_closed_door: Decimal
    points_per_fte: int
    fal_per_fte: int


@dataclass(slots=True)
class Convention:
    """The yearly figures agreed with the département (rule Q3)."""

    year: int
    asll_points_per_month: int
    aml_points_per_month: int
    fal_count: int
    dsf_count: int
    dsf_closed_door_count: int
    max_subsidy: dict[MeasureType, Decimal] | None = None


@dataclass(slots=True)
class GridSent:
    year: int
    sent_on: date


@dataclass(slots=True)
class OccupancyTableSent:
    month: Month
    sent_on: date


@dataclass(slots=True)
class Association:
    name: str
    conventions: list[Convention] = field(default_factory=list)
    grids_sent: list[GridSent] = field(default_factory=list)
    occupancy_tables_sent: list[OccupancyTableSent] = field(default_factory=list)


@dataclass(slots=True)
class Absence:
    start: date
    end: date | None = None  # None: open-ended
    reason: str | None = None
    slisl_notified_on: date | None = None
    replacement: str | None = None  # worker id


@dataclass(slots=True)
class Worker:
    id: str
    name: str
    diploma: Diploma
    fte: float
    absences: list[Absence] = field(default_factory=list)


@dataclass(slots=True)
class Member:
    name: str
    role: MemberRole
    birth_date: date | None = None


@dataclass(slots=True)
class Household:
    id: str
    name: str
    reference: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    territory: Territory | None = None
    phone: str | None = None
    monthly_resources: Decimal | None = None
    members: list[Member] = field(default_factory=list)
    #: The territory's name when `territory` is « autre » (or a text typed before the list).
    territory_other: str | None = None


@dataclass(slots=True)
class Vacancy:
    start: date
    end: date
    justified: bool = False


@dataclass(slots=True)
class Home:
    id: str
    address: str
    vacancies: list[Vacancy] = field(default_factory=list)


@dataclass(slots=True)
class Period:
    start: date
    end: date
    level: Level | None = None
    kind: PeriodKind | None = None


@dataclass(slots=True)
class Suspension:
    start: date
    end: date | None  # None: until further notice
    reason: SuspensionReason


@dataclass(slots=True)
class Visit:
    date: date
    outcome: VisitOutcome
    place: VisitPlace | None = None
    worker: str | None = None  # worker id, when not the referent


@dataclass(slots=True)
class Report:
    kind: ReportKind
    period_end: date
    sent_on: date | None
    signed: bool = False


@dataclass(slots=True)
class Notice:
    kind: NoticeKind
    sent_on: date


@dataclass(slots=True)
class AgreementExtension:
    """AML: the agreement in principle prolonged by an e-mail to the SPSLH or the SLISL."""

    sent_on: date
    new_end: date


@dataclass(slots=True)
class FailureClaim:
    """AML « échec de la mesure »: the lease did not « glisser » and the association bears
    unpaid rent or damage (and perhaps an eviction); its claim to the SPSLH (`domain.aml`)."""

    departure_on: date  # the sub-tenant left the home
    unpaid_rent: Decimal = Decimal("0.00")
    damage: Decimal = Decimal("0.00")
    eviction: Decimal = Decimal("0.00")  # cost of the eviction procedure
    invoices: list[str] = field(default_factory=list)  # one line per invoice
    sent_on: date | None = None
    decision: ClaimDecision | None = None
    decided_on: date | None = None
    granted: Decimal | None = None


@dataclass(slots=True)
class Contract:
    signed_on: date | None = None
    sent_on: date | None = None
    not_signed_on: date | None = None
    not_signed_reason: NotSignedReason | None = None


@dataclass(slots=True)
class Stay:
    home: str  # home id
    start: date
    end: date | None = None  # None: still in the home


@dataclass(slots=True)
class Measure:
    id: str
    household: str  # household id
    type: MeasureType
    referent: str  # worker id
    decision_date: date | None = None
    periods: list[Period] = field(default_factory=list)
    closed_on: date | None = None
    #: The text of « autre » (`exit_reason`), or a detail of any other reason.
    close_reason: str | None = None
    suspensions: list[Suspension] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    contract: Contract | None = None
    retroactive: Retroactive | None = None
    agreement_on: date | None = None
    lease_transferred_on: date | None = None
    relay_authorized: bool = False
    concertation_on: date | None = None
    stays: list[Stay] = field(default_factory=list)
    long_stay_reason: LongStayReason | None = None
    extension: bool = False
    summoned_on: date | None = None
    hearing_on: date | None = None
    outcome: DsfOutcome | None = None
    transmitted_on: date | None = None
    done_on: date | None = None
    #: Why it ended: one of `reference_lists.EXIT_REASONS` of its type (last field, so that
    #: positional construction keeps its meaning).
    exit_reason: ExitReason | None = None
    #: ASLL: access to a home or keeping the one the household has (None: not recorded).
    asll_content: AsllContent | None = None
    #: AML: extensions of the agreement in principle by e-mail (`domain.aml`).
    agreement_extensions: list[AgreementExtension] = field(default_factory=list)
    #: AML: the claim after a failure (lease not transferred), None when there is none.
    failure_claim: FailureClaim | None = None
    #: DSF: what the diagnostic says (`domain.dsf_content`), None when nothing is filled in.
    dsf_content: DsfContent | None = None


@dataclass(slots=True)
class Caseload:
    """Everything the engines need, or the part of it the store loaded for one question.

    The store may hand the engines a subset of the measures (those that can matter for a month
    or a day); every engine computes over what it is given.
    """

    association: Association
    tariffs: list[Tariff] = field(default_factory=list)
    workers: list[Worker] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    homes: list[Home] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    #: (type, first day in force, last day in force) of *every* measure with periods, even
    #: those not loaded in `measures`: enough for yearly and monthly rules over all history
    #: (`grille_annuelle`, `tableau_occupation`). Empty means: use `measures`. A day's load
    #: gives only those its rules read (`store.loaders.day_spans`: some merged, measure "").
    spans: list[MeasureSpan] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MeasureSpan:
    measure: str
    type: MeasureType
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """Choices the convention leaves open, stored as settings (docs/regles.md section 2)."""

    #: `a_venir` while more than this many days remain before the due date.
    days_ahead: int = 7
    #: Day of the following month the ALT occupancy table is due on (`tableau_occupation`).
    occupancy_table_due_day: int = 10
