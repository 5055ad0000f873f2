"""The AML failure claim (issue 11, item 5) in the store: saved and read back whole, the
closed AML it belongs to loaded for the day's alerts until it is sent, and for the grid of
the year it was sent in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.app.alerts import alerts_on
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.model import (
    ClaimDecision,
    Diploma,
    FailureClaim,
    Household,
    Measure,
    MeasureType,
    Period,
    Worker,
)
from desktop_app.store.repository import SqlStore

D = date


def _seed(store: SqlStore, claim: FailureClaim) -> None:
    store.save_worker(Worker("w1", "Claire Martin", Diploma.CESF, 1.0))
    store.save_household(Household("h1", "DURAND Marie"))
    store.save_measure(Measure("m1", "h1", MeasureType.AML, "w1",
                               periods=[Period(D(2025, 6, 1), D(2026, 2, 28))],
                               agreement_on=D(2025, 5, 1), closed_on=D(2026, 3, 1),
                               failure_claim=claim))


def test_a_claim_comes_back_as_it_went_in(store: SqlStore) -> None:
    claim = FailureClaim(D(2026, 3, 1), Decimal("1800.00"), Decimal("700.00"),
                         Decimal("2000.00"), ["Facture 12 serrurerie", "Décompte du bailleur"],
                         D(2026, 3, 25), ClaimDecision.PARTIELLE, D(2026, 5, 2),
                         Decimal("3000.00"))
    _seed(store, claim)
    measure = store.measure("m1")
    assert measure is not None and measure.failure_claim == claim


def test_a_closed_aml_with_a_claim_not_sent_is_read_for_the_alerts(store: SqlStore) -> None:
    _seed(store, FailureClaim(D(2026, 3, 1), damage=Decimal("900.00")))
    # closed on 01/03/2026, yet its claim is due on 01/04/2026: raised, then a breach
    assert [(a.code, a.due) for a in alerts_on(store, D(2026, 3, 15))
            if a.code == "echec_aml"] == [("echec_aml", D(2026, 4, 1))]
    assert [a.severity.value for a in alerts_on(store, D(2026, 4, 2))
            if a.code == "echec_aml"] == ["manquement"]


def test_the_grid_of_the_sending_year_counts_the_claim(store: SqlStore) -> None:
    # The measure ended in 2026; the claim was sent in 2026 but the grid of 2027 must not
    # count it, that of 2026 must, and see its month-end breach of April (sent 02/04 late).
    _seed(store, FailureClaim(D(2026, 3, 1), Decimal("1000.00"), sent_on=D(2026, 4, 2)))
    year = compute_year_indicators(store.load_for_year(2026), 2026, today=D(2027, 1, 15))
    assert (year.aml.claims_sent, year.aml.claims_on_time,
            year.aml.claimed_rent) == (1, 0, Decimal("1000.00"))
    # 31/03/2026 is a month end with the claim due the next day: « à faire », not a breach;
    # on 30/04 it was sent: no breach counted for it either
    assert year.breaches["echec_aml"] == 0


def test_a_claim_never_sent_is_a_breach_of_the_grid(store: SqlStore) -> None:
    # left on 01/02/2026 → due 01/03/2026; at the month end 31/03/2026 not sent: one breach
    # (each subject counted once, however many month ends see it)
    _seed(store, FailureClaim(D(2026, 2, 1), Decimal("1000.00")))
    year = compute_year_indicators(store.load_for_year(2026), 2026, today=D(2027, 1, 15))
    assert year.breaches["echec_aml"] == 1
    assert year.aml.claims_sent == 0
