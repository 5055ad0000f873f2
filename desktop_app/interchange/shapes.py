"""The objects of the interchange file, written as in docs/echange.md: keys in order, `?` optional.

Parsing uses `allowed` and `required`; the serializer writes `keys` in this order. Three keys
are required-but-nullable in the contract (`end` of an absence, a suspension, a stay); a
missing one is read as null, so they are marked optional here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Shape:
    #: The object in French, as messages name it (« une visite »).
    what: str
    #: Every key, in the order of docs/echange.md.
    keys: tuple[str, ...]
    allowed: frozenset[str]
    required: tuple[str, ...]


def shape(what: str, spec: str) -> Shape:
    """`shape("une visite", "date outcome place? worker?")`."""
    names = spec.split()
    keys = tuple(name.rstrip("?") for name in names)
    required = tuple(name for name in names if not name.endswith("?"))
    return Shape(what, keys, frozenset(keys), required)


DOCUMENT = shape("ce fichier", "format association tariffs? workers households homes? measures")
ASSOCIATION = shape("l'association", "name conventions? grids_sent? occupancy_tables_sent?")
CONVENTION = shape(
    "une convention",
    "year asll_points_per_month aml_points_per_month fal_count dsf_count "
    "dsf_closed_door_count max_subsidy?",
)
GRID_SENT = shape("un envoi de grille", "year sent_on")
OCCUPANCY_SENT = shape("un envoi de tableau d'occupation", "month sent_on")
TARIFF = shape(
    "un tarif",
    "from point_value fal_support_per_year fal_management_per_year dsf_done dsf_closed_door "
    "points_per_fte fal_per_fte",
)
WORKER = shape("un intervenant", "id name diploma fte absences?")
ABSENCE = shape("une absence", "start end? reason? slisl_notified_on? replacement?")
HOUSEHOLD = shape(
    "un ménage",
    "id reference? name address? postcode? city? territory? phone? monthly_resources? members? "
    "territory_other?",
)
MEMBER = shape("un membre du ménage", "name birth_date? role")
HOME = shape("un logement", "id address vacancies?")
VACANCY = shape("une vacance", "start end justified")
MEASURE = shape(
    "une mesure",
    "id household type referent decision_date? periods? closed_on? exit_reason? close_reason? "
    "suspensions? visits? reports? notices? contract? retroactive? asll_content? agreement_on? "
    "agreement_extensions? failure_claim? "
    "lease_transferred_on? relay_authorized? concertation_on? stays? long_stay_reason? "
    "extension? summoned_on? hearing_on? outcome? transmitted_on? done_on? dsf_content?",
)
PERIOD = shape("une période", "start end level? kind?")
SUSPENSION = shape("une suspension", "start end? reason")
VISIT = shape("une visite", "date outcome place? worker?")
REPORT = shape("un bilan", "kind period_end sent_on signed")
NOTICE = shape("un signalement", "kind sent_on")
CONTRACT = shape("un contrat", "signed_on? sent_on? not_signed_on? not_signed_reason?")
STAY = shape("un séjour", "home start end?")
FAILURE_CLAIM = shape(
    "une demande de prise en charge de l'échec AML",
    "departure_on unpaid_rent? damage? eviction? invoices? sent_on? decision? decided_on? "
    "granted?",
)
DSF_CONTENT = shape(
    "le contenu d'un DSF",
    "writer? tenant_present? sent_to_tenant_on? sent_to_landlord_on? family_situation? "
    "social_support? rental_situation? rent_debt? debt_treatment? rent_resumed? "
    "repayment_capacity? recommendations? observations? rehousing_needed? rehousing_steps? "
    "ccapex_referred? ccapex_recommendations? support_requested? housing_signal?",
)
AGREEMENT_EXTENSION = shape("une prolongation de l'accord de principe", "sent_on new_end")
