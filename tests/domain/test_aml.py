"""AML annex: the agreement in principle prolonged by e-mail (item 6), the claim
after a failure (item 5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop_app.domain.alerts import Severity
from desktop_app.domain.aml import (
    agreement_end,
    claim_due,
    claim_problems,
    claim_sent_in_time,
    claimed_total,
    extension_problems,
)
from desktop_app.domain.indicators.specific import aml_indicators
from desktop_app.domain.model import AgreementExtension, FailureClaim, Measure, MeasureType
from tests.domain.alerts.builders import alerts, caseload, measure, period

D = date


def test_an_extension_sent_while_valid_moves_the_end_and_clears_the_breach() -> None:
    # Agreement 20/04/2025 → valid to 20/01/2026 (9 months). On 21/01/2026 the alert is a
    # breach; a mail sent on 20/01/2026 (its last valid day) prolongs it to 20/04/2026.
    aml = measure("m1", MeasureType.AML, agreement_on=D(2025, 4, 20))
    load = caseload(aml)
    assert alerts(load, D(2026, 1, 21), "accord_principe")[0].severity is Severity.MANQUEMENT
    aml.agreement_extensions = [AgreementExtension(D(2026, 1, 20), D(2026, 4, 20))]
    assert agreement_end(aml) == D(2026, 4, 20)
    # the day before the mail, the end is still 20/01/2026 (the extension is not known yet)
    assert agreement_end(aml, D(2026, 1, 19)) == D(2026, 1, 20)
    # (due the next day, within the 7 days ahead: « à faire »)
    assert [(a.due, a.severity) for a in alerts(load, D(2026, 1, 19), "accord_principe")] == [
        (D(2026, 1, 20), Severity.A_FAIRE)]
    # from the mail: due 20/04/2026, raised again only from its last month (20/03/2026)
    assert alerts(load, D(2026, 1, 21), "accord_principe") == []
    assert alerts(load, D(2026, 3, 19), "accord_principe") == []
    alert, = alerts(load, D(2026, 3, 20), "accord_principe")
    assert alert.due == D(2026, 4, 20) and "prolongé par mail" in alert.message


def test_a_mail_sent_after_the_agreement_lapsed_does_not_revive_it() -> None:
    # valid to 20/01/2026; a mail of 21/01/2026 comes a day too late
    aml = measure("m1", MeasureType.AML, agreement_on=D(2025, 4, 20),
                  agreement_extensions=[AgreementExtension(D(2026, 1, 21), D(2026, 4, 20))])
    assert agreement_end(aml) == D(2026, 1, 20)
    assert alerts(caseload(aml), D(2026, 2, 1), "accord_principe")[0].due == D(2026, 1, 20)
    assert extension_problems(aml, AgreementExtension(D(2026, 1, 21), D(2026, 4, 20))) == {
        "sent_on": "L'accord de principe a expiré le 20/01/2026 : un mail ne le prolonge que "
                   "tant qu'il est valable ; demandez un nouvel accord."}
    assert extension_problems(aml, AgreementExtension(D(2026, 1, 20), D(2026, 4, 20))) == {}


def test_extensions_chain_in_the_order_sent() -> None:
    # 20/01/2026 → (mail 10/01/2026) 20/04/2026 → (mail 15/04/2026) 20/07/2026
    aml = measure("m1", MeasureType.AML, agreement_on=D(2025, 4, 20), agreement_extensions=[
        AgreementExtension(D(2026, 4, 15), D(2026, 7, 20)),
        AgreementExtension(D(2026, 1, 10), D(2026, 4, 20))])
    assert agreement_end(aml) == D(2026, 7, 20)
    assert agreement_end(aml, D(2026, 4, 14)) == D(2026, 4, 20)
    # an earlier new end changes nothing, and is refused when recorded
    assert extension_problems(aml, AgreementExtension(D(2026, 5, 1), D(2026, 6, 1))) == {
        "new_end": "La nouvelle fin doit être après la fin actuelle de l'accord (20/07/2026)."}


def test_an_extension_needs_an_agreement_and_follows_it() -> None:
    no_agreement = measure("m1", MeasureType.AML)
    assert agreement_end(no_agreement) is None
    assert "sent_on" in extension_problems(no_agreement,
                                           AgreementExtension(D(2026, 1, 1), D(2026, 4, 1)))
    aml = measure("m1", MeasureType.AML, agreement_on=D(2025, 4, 20))
    assert extension_problems(aml, AgreementExtension(D(2025, 4, 19), D(2026, 4, 1))) == {
        "sent_on": "Le mail est daté d'avant l'accord de principe (20/04/2025)."}


# --- « L'échec de la mesure » (item 5) ---------------------------------------------------

def _failed(**claim: object) -> Measure:
    """An AML ended on 01/03/2026 without the lease transferred, the sub-tenant gone."""
    values: dict[str, object] = {"departure_on": D(2026, 3, 1), **claim}
    return measure("m1", MeasureType.AML, period(D(2025, 6, 1), D(2026, 2, 28)),
                   agreement_on=D(2025, 5, 1), closed_on=D(2026, 3, 1),
                   failure_claim=FailureClaim(**values))  # type: ignore[arg-type]


def test_claim_caps_at_the_cent() -> None:
    # 2 500 € for unpaid rent and damage together; 2 000 € more for an eviction
    at_caps = _failed(unpaid_rent=Decimal("1800.00"), damage=Decimal("700.00"),
                      eviction=Decimal("2000.00"))
    assert at_caps.failure_claim is not None
    assert claim_problems(at_caps, at_caps.failure_claim) == {}
    assert claimed_total(at_caps.failure_claim) == Decimal("4500.00")
    over = FailureClaim(D(2026, 3, 1), Decimal("1800.00"), Decimal("700.01"),
                        Decimal("2000.01"))
    assert claim_problems(at_caps, over) == {
        "damage": "Impayés de loyer et dégradations : 2\u00a0500,01\u00a0€ demandés, la prise "
                  "en charge est limitée à 2\u00a0500,00\u00a0€ au total.",
        "eviction": "La procédure d'expulsion est prise en charge dans la limite de "
                    "2\u00a0000,00\u00a0€."}


def test_no_claim_once_the_lease_is_transferred() -> None:
    aml = _failed()
    aml.lease_transferred_on = D(2026, 2, 1)
    assert aml.failure_claim is not None
    assert claim_problems(aml, aml.failure_claim) == {"departure_on": (
        "Le bail a glissé au ménage le 01/02/2026 : la mesure n'est pas en échec, il n'y a "
        "pas de prise en charge à demander.")}


def test_within_the_month_after_the_departure_day_31_vs_day_32() -> None:
    # Left on 01/03/2026 → due 01/04/2026, 31 days after; 02/04/2026 is day 32: late.
    on_time = _failed(sent_on=D(2026, 4, 1))
    late = _failed(sent_on=D(2026, 4, 2))
    assert on_time.failure_claim is not None and late.failure_claim is not None
    assert claim_due(on_time.failure_claim) == D(2026, 4, 1)
    assert (D(2026, 4, 1) - D(2026, 3, 1)).days == 31
    assert claim_sent_in_time(on_time.failure_claim) is True
    assert claim_sent_in_time(late.failure_claim) is False
    # a month after 31/01 is 28/02 (clamped to the month's end)
    assert claim_due(FailureClaim(D(2026, 1, 31))) == D(2026, 2, 28)


def test_echec_aml_raised_from_the_departure_until_sent_even_once_closed() -> None:
    aml = _failed()
    load = caseload(aml)
    assert alerts(load, D(2026, 2, 28), "echec_aml") == []  # before the departure
    alert, = alerts(load, D(2026, 3, 1), "echec_aml")  # closed that day: still raised
    assert (alert.due, alert.severity, alert.measure) == (D(2026, 4, 1), Severity.A_VENIR, "m1")
    assert "au plus tard le 01/04/2026" in alert.message
    assert alerts(load, D(2026, 4, 1), "echec_aml")[0].severity is Severity.A_FAIRE  # day 31
    assert alerts(load, D(2026, 4, 2), "echec_aml")[0].severity is Severity.MANQUEMENT  # 32
    assert aml.failure_claim is not None
    aml.failure_claim.sent_on = D(2026, 4, 2)  # sent late: the alert goes from that day
    assert len(alerts(load, D(2026, 4, 1), "echec_aml")) == 1
    assert alerts(load, D(2026, 4, 2), "echec_aml") == []


def test_claims_counted_in_the_grid_by_sending_year() -> None:
    on_time = _failed(unpaid_rent=Decimal("1200.00"), damage=Decimal("300.00"),
                      sent_on=D(2026, 3, 20), granted=Decimal("1500.00"))
    late = _failed(eviction=Decimal("2000.00"), sent_on=D(2026, 4, 2))
    late.id = "m2"
    unsent = _failed(damage=Decimal("900.00"))
    unsent.id = "m3"
    result = aml_indicators([on_time, late, unsent], 2026)
    assert (result.claims_sent, result.claims_on_time) == (2, 1)
    assert (result.claimed_rent, result.claimed_damage, result.claimed_eviction,
            result.granted) == (Decimal("1200.00"), Decimal("300.00"), Decimal("2000.00"),
                                Decimal("1500.00"))
    assert aml_indicators([on_time, late], 2025).claims_sent == 0
