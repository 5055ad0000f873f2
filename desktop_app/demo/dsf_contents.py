"""What the demo's DSF say (décret n° 2021-8, article 2): the diagnostics carried out with the
household met are written up, most of them completely, with their writer the DSF's referent.

Drawn from a random source of its own (seeded by the demo's seed and the measure), so that
the rest of the demo stays what the same seed always gave.
"""

from __future__ import annotations

import random
from decimal import Decimal

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import Caseload, Diploma, DsfOutcome, MeasureType

FUNCTIONS = {Diploma.CESF: "conseiller(ère) en économie sociale et familiale",
             Diploma.ASS: "assistant(e) de service social",
             Diploma.ES: "éducateur(trice) spécialisé(e)"}
FAMILIES = ("Personne seule, sans enfant à charge.", "Couple avec deux enfants scolarisés.",
            "Parent seul avec un enfant de moins de 3 ans.", "Couple sans enfant, l'un des deux "
            "en arrêt maladie depuis six mois.")
SUPPORTS = ("Aucun accompagnement en cours.", "Suivi par la maison du Département solidarité.",
            "Mesure d'accompagnement social personnalisé en cours.",
            "Avocat désigné au titre de l'aide juridictionnelle.")
RENTALS = ("Logement du parc social, type 3, loyer résiduel {rent} € après aide au logement.",
           "Logement du parc privé, type 2, loyer {rent} € charges comprises.")
TREATMENTS = ("Plan d'apurement proposé au bailleur.", "Demande d'aide FSL maintien déposée.",
              "Dossier de surendettement en cours d'instruction.")
RECOMMENDATIONS = ("Maintien dans les lieux avec un plan d'apurement et un accompagnement "
                   "social.", "Délais de paiement à accorder ; reprise du loyer constatée.",
                   "Relogement dans un logement adapté aux ressources du ménage.")


def write_dsf_contents(caseload: Caseload, seed: int) -> None:
    """Fill in the content of the DSF carried out with the household met (three in four
    complete, the others a draft without the recommendations)."""
    workers = {w.id: w for w in caseload.workers}
    for measure in caseload.measures:
        if (measure.type is not MeasureType.DSF or measure.outcome is not DsfOutcome.REALISE
                or measure.done_on is None):
            continue
        rng = random.Random(f"{seed}-{measure.id}")
        worker = workers.get(measure.referent)
        writer = "" if worker is None else (
            f"{worker.name}, {FUNCTIONS.get(worker.diploma, 'travailleur(se) social(e)')}")
        rent = rng.randrange(280, 620)
        rehousing = rng.random() < 0.15
        done = measure.done_on
        measure.dsf_content = DsfContent(
            writer=writer, tenant_present=rng.random() < 0.9,
            sent_to_tenant_on=done, sent_to_landlord_on=done,
            family_situation=rng.choice(FAMILIES), social_support=rng.choice(SUPPORTS),
            rental_situation=rng.choice(RENTALS).format(rent=rent),
            rent_debt=Decimal(rent * rng.randint(2, 9)).quantize(Decimal("0.01")),
            debt_treatment=rng.choice(TREATMENTS), rent_resumed=rng.random() < 0.6,
            repayment_capacity=f"{rng.choice((30, 50, 80, 100))} € par mois.",
            recommendations=rng.choice(RECOMMENDATIONS) if rng.random() < 0.75 else "",
            rehousing_needed=rehousing,
            rehousing_steps="Demande de logement social déposée." if rehousing else "",
            support_requested=rng.random() < 0.35, housing_signal=rng.random() < 0.1)
