"""`date_effet`: the seed (ASLL annex, « La date d'effet de la mesure »): « La mesure débute le
premier jour du mois qui suit la décision de la CL. Son financement peut être à effet
rétroactif uniquement pour les ménages : sortant de CHRS ; sortant de logements temporaires
(ALT par exemple) ; rencontrés dans le cadre d'un DSF : dans ce cas la mesure débute le mois
qui suit la réalisation du diagnostic. »"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import Caseload, DsfOutcome, Measure, MeasureType, Retroactive
from tests.domain.alerts.builders import alerts, caseload, measure, period

D = date
CODE = "date_effet"
DECISION = D(2025, 6, 12)  # the CL decides on 12/06/2025: the ASLL starts on 01/07/2025


def asll(start: date, retroactive: Retroactive | None = None, *others: Measure,
         decision: date | None = DECISION) -> Caseload:
    return caseload(measure("m1", MeasureType.ASLL, period(start, D(2025, 12, 31)),
                            decision_date=decision, retroactive=retroactive), *others)


def dsf(done_on: date, outcome: DsfOutcome = DsfOutcome.REALISE,
        household: str = "h1") -> Measure:
    return measure("d1", MeasureType.DSF, household=household, done_on=done_on,
                   outcome=outcome)


ON = D(2025, 7, 15)


def messages(load: Caseload, on: date = ON) -> list[str]:
    return [a.message for a in alerts(load, on, CODE)]


def test_the_first_day_of_the_month_after_the_decision_is_no_alert() -> None:
    assert messages(asll(D(2025, 7, 1))) == []


@pytest.mark.parametrize("start", [D(2025, 6, 1), D(2025, 6, 12), D(2025, 7, 2),
                                   D(2025, 8, 1)])
def test_another_start_without_a_reason_is_a_breach(start: date) -> None:
    found = alerts(asll(start), D(2025, 8, 15), CODE)
    assert [(a.measure, a.household, a.worker, a.due, a.severity) for a in found] == [
        ("m1", "h1", "w1", None, Severity.MANQUEMENT)]
    assert found[0].message.startswith(
        f"La première période de l'ASLL commence le {start:%d/%m/%Y} au lieu du 01/07/2025 "
        f"(1er jour du mois qui suit la décision de la CL du 12/06/2025), sans financement "
        f"rétroactif enregistré")


@pytest.mark.parametrize("reason", [Retroactive.SORTIE_CHRS, Retroactive.SORTIE_ALT])
def test_leaving_a_chrs_or_temporary_housing_accepts_an_earlier_start(
        reason: Retroactive) -> None:
    assert messages(asll(D(2025, 5, 1), reason)) == []
    assert messages(asll(D(2025, 5, 20), reason)) == []
    # Retroactive funding brings the start forward, never later.
    [late] = messages(asll(D(2025, 8, 1), reason), D(2025, 8, 15))
    assert "jamais le retarder" in late


def test_after_a_dsf_the_month_after_the_diagnosis_and_no_other() -> None:
    # DSF carried out on 20/04/2025: the ASLL may start on 01/05/2025 (the month after).
    assert messages(asll(D(2025, 5, 1), Retroactive.DSF, dsf(D(2025, 4, 20)))) == []
    # Two months after (01/06/2025): a breach, naming the right start.
    [two_months] = messages(asll(D(2025, 6, 1), Retroactive.DSF, dsf(D(2025, 4, 20))))
    assert two_months == (
        "La première période de l'ASLL commence le 01/06/2025 au lieu du 01/07/2025 (1er jour "
        "du mois qui suit la décision de la CL du 12/06/2025), après le DSF réalisé le "
        "20/04/2025 : la mesure débute alors le 01/05/2025, le mois qui suit le diagnostic ; "
        "corriger la date de début.")
    # The same month as the diagnosis, or mid-month after it: a breach too.
    assert len(messages(asll(D(2025, 4, 1), Retroactive.DSF, dsf(D(2025, 4, 20))))) == 1
    assert len(messages(asll(D(2025, 5, 15), Retroactive.DSF, dsf(D(2025, 4, 20))))) == 1


def test_the_dsf_must_be_one_of_the_household_where_it_was_met() -> None:
    # No DSF at all, a DSF of another household, a DSF with closed doors: not a reason.
    for others in ([], [dsf(D(2025, 4, 20), household="h2")],
                   [dsf(D(2025, 4, 20), DsfOutcome.PORTE_CLOSE)]):
        [found] = messages(asll(D(2025, 5, 1), Retroactive.DSF, *others))
        assert "aucun DSF réalisé de ce ménage n'est enregistré" in found


def test_raised_from_the_decision_to_the_end_of_the_last_period() -> None:
    load = asll(D(2025, 6, 1))
    assert messages(load, D(2025, 6, 11)) == []  # not decided yet
    assert len(messages(load, D(2025, 6, 12))) == 1
    assert len(messages(load, D(2025, 12, 31))) == 1
    assert messages(load, D(2026, 1, 1)) == []  # over (fin_de_periode says what to do)
    load.measures[0].closed_on = D(2025, 9, 30)
    assert messages(load, D(2025, 9, 30)) == []


def test_no_decision_or_not_an_asll_is_not_checked() -> None:
    assert messages(asll(D(2025, 6, 1), decision=None)) == []
    aml = caseload(measure("m1", MeasureType.AML, period(D(2025, 6, 20), D(2026, 3, 19)),
                           decision_date=DECISION))
    assert messages(aml) == []
