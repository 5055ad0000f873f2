"""AML leases, FAL exits to ordinary housing, DSF outcomes and transmission."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.indicators.model import FalIndicators
from desktop_app.domain.indicators.specific import (
    FOLLOWED_IN_ASLL,
    NOT_MET,
    aml_indicators,
    dsf_indicators,
    fal_indicators,
    is_exit_to_housing,
)
from desktop_app.domain.model import (
    DsfOutcome,
    ExitReason,
    LongStayReason,
    MeasureType,
    Visit,
    VisitOutcome,
)
from tests.domain.indicators.builders import caseload, measure

D = date


def test_aml_agreements_leases_and_failures() -> None:
    transferred = measure("a", MeasureType.AML, "h1", (D(2024, 9, 1), D(2025, 5, 31)),
                          agreement_on=D(2024, 6, 1), lease_transferred_on=D(2025, 5, 31))
    failed = measure("b", MeasureType.AML, "h2", (D(2025, 2, 1), D(2025, 10, 31)),
                     agreement_on=D(2025, 1, 10))
    waiting = measure("c", MeasureType.AML, "h3", agreement_on=D(2025, 11, 2))
    result = aml_indicators([transferred, failed, waiting], 2025)
    assert (result.agreements, result.leases_transferred, result.exits_without_transfer) == \
        (2, 1, 1)


def test_exit_to_ordinary_housing_reads_the_reason() -> None:
    assert is_exit_to_housing("Sortie vers un logement ordinaire")
    assert is_exit_to_housing("RELOGEMENT dans le parc privé")
    assert is_exit_to_housing("Sortie vers un logement social")
    assert not is_exit_to_housing("Départ sans solution de logement")
    assert not is_exit_to_housing(None)


def test_fal_exits_long_stays_and_extensions() -> None:
    out = measure("a", MeasureType.FAL, "h1", (D(2025, 1, 1), D(2025, 12, 31)),
                  closed_on=D(2025, 8, 31), exit_reason=ExitReason.RELOGEMENT_PRIVE)
    left = measure("b", MeasureType.FAL, "h2", (D(2025, 1, 1), D(2025, 12, 31)),
                   closed_on=D(2025, 4, 30), exit_reason=ExitReason.AUTRE,
                   close_reason="Départ sans solution de logement")
    long_stay = measure("c", MeasureType.FAL, "h3", (D(2025, 6, 1), D(2026, 11, 30)),
                        long_stay_reason=LongStayReason.CADA, extension=True)
    # « autre » typed before the list, whose text says ordinary housing (migration 0003)
    typed = measure("d", MeasureType.FAL, "h4", (D(2025, 1, 1), D(2025, 12, 31)),
                    closed_on=D(2025, 5, 31), exit_reason=ExitReason.AUTRE,
                    close_reason="Sortie vers un logement ordinaire")
    fal = FalIndicators()
    fal_indicators([out, left, long_stay, typed], 2025, fal)
    assert (fal.exits_to_housing, fal.long_stays, fal.extensions) == (2, 1, 1)


def test_dsf_outcomes_and_transmission() -> None:
    # hearing 20/03/2025 → due 10/03/2025 (10 days before, rule dsf_transmission)
    done = measure("a", MeasureType.DSF, "h1", outcome=DsfOutcome.REALISE,
                   done_on=D(2025, 2, 10), hearing_on=D(2025, 3, 20),
                   transmitted_on=D(2025, 3, 10))  # on the due day: on time
    late = measure("b", MeasureType.DSF, "h2", outcome=DsfOutcome.REALISE,
                   done_on=D(2025, 2, 10), hearing_on=D(2025, 3, 20),
                   transmitted_on=D(2025, 3, 11))  # a day after: late
    doors = [Visit(D(2025, 4, 1), VisitOutcome.PORTE_CLOSE),
             Visit(D(2025, 4, 8), VisitOutcome.PORTE_CLOSE_JUSTIFIEE)]
    closed = measure("c", MeasureType.DSF, "h3", outcome=DsfOutcome.PORTE_CLOSE, visits=doors)
    one_door = measure("d", MeasureType.DSF, "h4", outcome=DsfOutcome.PORTE_CLOSE,
                       visits=doors[:1])  # 1 attempt: not paid yet, not counted
    not_met = measure("e", MeasureType.DSF, "h5", outcome=DsfOutcome.SANS_RENCONTRE,
                      done_on=D(2025, 5, 2))
    followed = measure("f", MeasureType.DSF, "h6", outcome=DsfOutcome.REALISE,
                       done_on=D(2025, 6, 2))
    asll = measure("g", MeasureType.ASLL, "h6", (D(2025, 1, 1), D(2025, 12, 31)))
    next_year = measure("h", MeasureType.DSF, "h7", outcome=DsfOutcome.REALISE,
                        done_on=D(2026, 1, 2))
    dsf = [done, late, closed, one_door, not_met, followed, next_year]
    result = dsf_indicators(dsf, caseload(*dsf, asll), 2025)
    assert (result.done, result.closed_doors, result.not_paid) == (2, 1, 2)
    assert result.not_paid_by_reason == {NOT_MET: 1, FOLLOWED_IN_ASLL: 1}
    # transmission of the 5 DSF of 2025: a on time, b late, c, e, f not transmitted
    assert (result.sent_on_time, result.sent_late, result.not_sent) == (1, 1, 3)


def test_dsf_followed_by_a_support_request_or_a_signal_logement_report() -> None:
    # Counted among the DSF of the year (payment day in 2025, P6), as recorded on their
    # content: a (request and report), b (request), c closed doors paid (report), d a single
    # closed door (not yet a DSF of the year: its report is not counted), e of 2026, f
    # without content.
    both = DsfContent(support_requested=True, housing_signal=True)
    a = measure("a", MeasureType.DSF, "h1", outcome=DsfOutcome.REALISE, done_on=D(2025, 2, 10))
    a.dsf_content = both
    b = measure("b", MeasureType.DSF, "h2", outcome=DsfOutcome.REALISE, done_on=D(2025, 5, 10))
    b.dsf_content = DsfContent(support_requested=True)
    doors = [Visit(D(2025, 4, 1), VisitOutcome.PORTE_CLOSE),
             Visit(D(2025, 4, 8), VisitOutcome.PORTE_CLOSE)]
    c = measure("c", MeasureType.DSF, "h3", outcome=DsfOutcome.PORTE_CLOSE, visits=doors)
    c.dsf_content = DsfContent(housing_signal=True)
    d = measure("d", MeasureType.DSF, "h4", outcome=DsfOutcome.PORTE_CLOSE, visits=doors[:1])
    d.dsf_content = both
    e = measure("e", MeasureType.DSF, "h5", outcome=DsfOutcome.REALISE, done_on=D(2026, 1, 5))
    e.dsf_content = both
    f = measure("f", MeasureType.DSF, "h6", outcome=DsfOutcome.REALISE, done_on=D(2025, 9, 1))
    dsf = [a, b, c, d, e, f]
    result = dsf_indicators(dsf, caseload(*dsf), 2025)
    assert (result.done, result.closed_doors) == (3, 1)
    assert (result.support_requested, result.housing_signal) == (2, 2)
