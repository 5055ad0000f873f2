"""Documents the interchange tests start from (fresh copies: tests mutate them)."""

from __future__ import annotations

import copy
from typing import Any

Doc = dict[str, Any]

_SMALL: Doc = {
    "format": "suivi-fsl/1",
    "association": {"name": "Association Exemple"},
    "workers": [
        {"id": "w1", "name": "Claire Martin", "diploma": "CESF", "fte": 1.0,
         "absences": [{"start": "2025-09-01", "end": "2025-10-10", "replacement": "w2"}]},
        {"id": "w2", "name": "Karim Benali", "diploma": "ES", "fte": 0.5},
    ],
    "households": [
        {"id": "h1", "name": "DURAND Marie",
         "members": [{"name": "DURAND Marie", "role": "demandeur"}]},
        {"id": "h2", "name": "LEFEBVRE Paul"},
        {"id": "h3", "name": "MOREAU Nadia"},
    ],
    "homes": [{"id": "u1", "address": "3 place d'Armes, Béthune",
               "vacancies": [{"start": "2025-11-01", "end": "2025-11-20", "justified": True}]}],
    "measures": [
        {"id": "m1", "household": "h1", "type": "ASLL", "referent": "w1",
         "periods": [{"start": "2025-07-01", "end": "2025-12-31", "level": "simple"}],
         "suspensions": [{"start": "2025-10-01", "end": "2025-10-31", "reason": "autre"}],
         "visits": [{"date": "2025-07-03", "outcome": "realisee", "worker": "w2"}],
         "reports": [{"kind": "final", "period_end": "2025-12-31", "sent_on": None,
                      "signed": False}],
         "notices": [{"kind": "portes_closes", "sent_on": "2025-10-10"}],
         "contract": {"signed_on": "2025-07-04"}},
        {"id": "m2", "household": "h2", "type": "FAL", "referent": "w2",
         "periods": [{"start": "2025-08-01", "end": "2026-07-31"}],
         "stays": [{"home": "u1", "start": "2025-08-01", "end": None}]},
    ],
}


def small_doc() -> Doc:
    """A valid, non-canonical file (optional keys mostly left out)."""
    return copy.deepcopy(_SMALL)


_FULL: Doc = {
    "format": "suivi-fsl/1",
    "association": {
        "name": "Association Exemple",
        "conventions": [
            {"year": 2024, "asll_points_per_month": 38, "aml_points_per_month": 5,
             "fal_count": 9, "dsf_count": 18, "dsf_closed_door_count": 4, "max_subsidy": None},
            {"year": 2025, "asll_points_per_month": 40, "aml_points_per_month": 6,
             "fal_count": 10, "dsf_count": 20, "dsf_closed_door_count": 5,
             "max_subsidy": {"ASLL": "20628.00", "AML": "3094.20", "FAL": "10310.00",
                             "DSF": "3443.20"}},
        ],
        "grids_sent": [{"year": 2024, "sent_on": "2025-01-28"}],
        "occupancy_tables_sent": [{"month": "2025-09", "sent_on": "2025-10-06"},
                                  {"month": "2025-10", "sent_on": "2025-11-07"}],
    },
    "tariffs": [{"from": "2025-07-01", "point_value": "85.95", "fal_support_per_year": "1562.80",
                 "fal_management_per_year": "500.00", "dsf_done": "162.38",
                 "dsf_closed_door": "39.12", "points_per_fte": 50, "fal_per_fte": 30}],
    "workers": [
        {"id": "w1", "name": "Claire Martin", "diploma": "CESF", "fte": 1.0, "absences": [
            {"start": "2025-09-01", "end": "2025-10-10", "reason": "congé",
             "slisl_notified_on": "2025-09-02", "replacement": "w2"},
            {"start": "2026-01-05", "end": None, "reason": None, "slisl_notified_on": None,
             "replacement": None}]},
        {"id": "w2", "name": "Karim Benali", "diploma": "ES", "fte": 0.8, "absences": []},
    ],
    "households": [
        {"id": "h1", "reference": "FSL-2025-0042", "name": "DURAND Marie",
         "address": "12 rue des Lilas", "postcode": "62000", "city": "Arras",
         "territory": "arrageois", "territory_other": None, "phone": "0601020304",
         "monthly_resources": "1234.50",
         "members": [{"name": "DURAND Marie", "birth_date": "1987-03-02", "role": "demandeur"},
                     {"name": "DURAND Léo", "birth_date": None, "role": "enfant"}]},
        {"id": "h2", "reference": None, "name": "LEFEBVRE Paul", "address": None,
         "postcode": None, "city": None, "territory": "autre",
         "territory_other": "Ternois (hors liste)", "phone": None,
         "monthly_resources": None, "members": []},
    ],
    "homes": [{"id": "u1", "address": "3 place d'Armes, Béthune", "vacancies": [
        {"start": "2025-11-01", "end": "2025-11-20", "justified": True},
        {"start": "2025-12-01", "end": "2025-12-31", "justified": False}]}],
    "measures": [
        {"id": "m1", "household": "h1", "type": "ASLL", "referent": "w1",
         "decision_date": "2025-06-12",
         "periods": [{"start": "2025-07-01", "end": "2025-12-31", "level": "renforce",
                      "kind": "initiale"},
                     {"start": "2026-01-01", "end": "2026-06-30", "level": "simple",
                      "kind": "renouvellement"}],
         "closed_on": None, "exit_reason": None, "close_reason": None,
         "suspensions": [{"start": "2025-10-01", "end": "2025-10-31",
                          "reason": "hospitalisation"}],
         "visits": [{"date": "2025-07-03", "outcome": "realisee", "place": "domicile",
                     "worker": "w1"},
                    {"date": "2025-09-09", "outcome": "porte_close", "place": None,
                     "worker": None},
                    {"date": "2025-09-09", "outcome": "realisee", "place": "bureau",
                     "worker": "w2"}],
         "reports": [{"kind": "intermediaire", "period_end": "2025-09-30",
                      "sent_on": "2025-10-05", "signed": True},
                     {"kind": "final", "period_end": "2025-12-31", "sent_on": None,
                      "signed": False}],
         "notices": [{"kind": "portes_closes", "sent_on": "2025-10-10"}],
         "contract": {"signed_on": "2025-07-04", "sent_on": "2025-07-08",
                      "not_signed_on": None, "not_signed_reason": None},
         "retroactive": None, "asll_content": "maintien", "agreement_on": None,
         "agreement_extensions": [], "lease_transferred_on": None, "failure_claim": None,
         "relay_authorized": False, "concertation_on": None, "stays": [],
         "long_stay_reason": None, "extension": False, "summoned_on": None,
         "hearing_on": None, "outcome": None, "transmitted_on": None, "done_on": None},
        {"id": "m2", "household": "h2", "type": "FAL", "referent": "w2",
         "decision_date": None,
         "periods": [{"start": "2025-08-01", "end": "2026-07-31", "level": None,
                      "kind": "exceptionnelle"}],
         "closed_on": "2026-03-15", "exit_reason": "relogement_prive",
         "close_reason": "studio à Béthune",
         "suspensions": [], "visits": [], "reports": [], "notices": [],
         "contract": {"signed_on": None, "sent_on": None, "not_signed_on": "2025-08-20",
                      "not_signed_reason": "refus"},
         "retroactive": "sortie_alt", "asll_content": None, "agreement_on": "2025-07-10",
         "agreement_extensions": [{"sent_on": "2026-03-20", "new_end": "2026-06-10"},
                                  {"sent_on": "2026-04-01", "new_end": "2026-07-10"}],
         "lease_transferred_on": "2026-03-01",
         "failure_claim": {"departure_on": "2026-03-15", "unpaid_rent": "1800.00",
                           "damage": "700.00", "eviction": "2000.00",
                           "invoices": ["Facture 2026-031 serrurerie", "Décompte du bailleur"],
                           "sent_on": "2026-04-10", "decision": "partielle",
                           "decided_on": "2026-05-20", "granted": "3500.00"},
         "relay_authorized": True,
         "concertation_on": "2026-02-02",
         "stays": [{"home": "u1", "start": "2025-08-01", "end": "2025-10-31"},
                   {"home": "u1", "start": "2025-12-01", "end": None}],
         "long_stay_reason": "DALO", "extension": True, "summoned_on": "2025-08-25",
         "hearing_on": "2025-10-06", "outcome": "sans_rencontre",
         "transmitted_on": "2025-09-12", "done_on": "2025-09-04",
         "dsf_content": {
             "writer": "Claire Martin, CESF", "tenant_present": True,
             "sent_to_tenant_on": "2025-09-08", "sent_to_landlord_on": None,
             "family_situation": "Couple, un enfant de 3 ans.", "social_support": "",
             "rental_situation": "T2 du parc privé, loyer 520 €.", "rent_debt": "1845.30",
             "debt_treatment": "Plan d'apurement proposé.", "rent_resumed": True,
             "repayment_capacity": "60 € par mois.", "recommendations": "Maintien.",
             "observations": "", "rehousing_needed": False, "rehousing_steps": "",
             "ccapex_referred": True, "ccapex_recommendations": "Saisie le 10/09/2025.",
             "support_requested": True, "housing_signal": False}},
    ],
}


def full_doc() -> Doc:
    """A canonical file: every key, every list sorted, a value for nearly every field."""
    return copy.deepcopy(_FULL)
