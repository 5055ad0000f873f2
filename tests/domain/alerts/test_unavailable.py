"""`indisponibilite`: a household unavailable (hospital, prison…) during an ASLL; the seed:
« en cas d'indisponibilité du ménage (hospitalisation, incarcération…) l'association devra
prévenir sans tarder le SLISL » — read as: within 5 working days of the suspension's start."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.alerts import Severity
from desktop_app.domain.model import (
    Caseload,
    MeasureType,
    Notice,
    NoticeKind,
    Suspension,
    SuspensionReason,
)
from tests.domain.alerts.builders import alerts, caseload, dues, measure, period

D = date
CODE = "indisponibilite"
PERIOD = period(D(2025, 7, 1), D(2025, 12, 31))
HOSPITAL = SuspensionReason.HOSPITALISATION


def asll(*suspensions: Suspension, notices: list[Notice] | None = None,
         mtype: MeasureType = MeasureType.ASLL) -> Caseload:
    return caseload(measure("m1", mtype, PERIOD, suspensions=list(suspensions),
                            notices=notices or []))


def test_due_on_the_5th_working_day_after_the_start() -> None:
    # Suspended from Friday 07/11/2025: 5 working days after: 10, (11 November off), 12, 13,
    # 14, 17 → Monday 17/11/2025. Raised from the start itself; on 10/11, 7 days left →
    # a_faire; on 18/11, a breach.
    load = asll(Suspension(D(2025, 11, 7), None, HOSPITAL))
    assert alerts(load, D(2025, 11, 6), CODE) == []
    found = alerts(load, D(2025, 11, 7), CODE)
    assert dues(found) == [D(2025, 11, 17)]
    assert (found[0].measure, found[0].household, found[0].worker) == ("m1", "h1", "w1")
    assert found[0].message == (
        "Mesure ASLL de MÉNAGE h1 suspendue depuis le 07/11/2025 (ménage indisponible) : "
        "prévenir le SLISL au plus tard le 17/11/2025, puis noter l'envoi de l'avis "
        "« Indisponibilité du ménage ».")
    assert alerts(load, D(2025, 11, 17), CODE)[0].severity is Severity.A_FAIRE
    assert alerts(load, D(2025, 11, 18), CODE)[0].severity is Severity.MANQUEMENT


def test_the_indisponibilite_notice_clears_it_from_its_date() -> None:
    notice = Notice(NoticeKind.INDISPONIBILITE, D(2025, 11, 12))
    load = asll(Suspension(D(2025, 11, 7), D(2025, 12, 5), HOSPITAL), notices=[notice])
    assert len(alerts(load, D(2025, 11, 11), CODE)) == 1  # not sent yet on 11/11
    assert alerts(load, D(2025, 11, 12), CODE) == []
    # A notice sent late (after the due date) clears it too: the breach is over.
    late = asll(Suspension(D(2025, 11, 7), None, HOSPITAL),
                notices=[Notice(NoticeKind.INDISPONIBILITE, D(2025, 11, 25))])
    assert alerts(late, D(2025, 11, 24), CODE)[0].severity is Severity.MANQUEMENT
    assert alerts(late, D(2025, 11, 25), CODE) == []


def test_other_notices_or_one_before_the_suspension_do_not_clear_it() -> None:
    # A « portes closes » notice is not about the unavailability; an « indisponibilité »
    # notice of an earlier suspension (01/09) does not tell the SLISL of this one (07/11).
    load = asll(Suspension(D(2025, 9, 1), D(2025, 9, 20), HOSPITAL),
                Suspension(D(2025, 11, 7), None, SuspensionReason.INCARCERATION),
                notices=[Notice(NoticeKind.INDISPONIBILITE, D(2025, 9, 2)),
                         Notice(NoticeKind.PORTES_CLOSES, D(2025, 11, 8))])
    assert dues(alerts(load, D(2025, 11, 10), CODE)) == [D(2025, 11, 17)]


def test_no_suspension_or_not_an_asll_is_no_alert() -> None:
    assert alerts(asll(), D(2025, 11, 10), CODE) == []
    aml = asll(Suspension(D(2025, 11, 7), None, HOSPITAL), mtype=MeasureType.AML)
    assert alerts(aml, D(2025, 11, 10), CODE) == []
