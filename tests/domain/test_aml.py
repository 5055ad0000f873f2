"""AML annex (issue 11): the agreement in principle prolonged by e-mail (item 6)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Severity
from desktop_app.domain.aml import agreement_end, extension_problems
from desktop_app.domain.model import AgreementExtension, MeasureType
from tests.domain.alerts.builders import alerts, caseload, measure

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
