"""Caseloads built by hand for the store tests: one that uses every field of the format, and
short helpers for the loader cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from desktop_app.domain.dates import Month
from desktop_app.domain.dsf_content import DsfContent
from desktop_app.domain.model import (
    Absence,
    Association,
    Caseload,
    Contract,
    Convention,
    Diploma,
    DsfOutcome,
    GridSent,
    Home,
    Household,
    Level,
    LongStayReason,
    Measure,
    MeasureType,
    Member,
    MemberRole,
    Notice,
    NoticeKind,
    NotSignedReason,
    OccupancyTableSent,
    Period,
    PeriodKind,
    Report,
    ReportKind,
    Retroactive,
    Stay,
    Suspension,
    SuspensionReason,
    Tariff,
    Territory,
    Vacancy,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)

D = date


def tariff(start: date, point: str) -> Tariff:
    return Tariff(start, Decimal(point), Decimal("1562.80"), Decimal("500.00"),
                  Decimal("162.38"), Decimal("39.12"), 50, 30)


def full_caseload() -> Caseload:
    """Every key of docs/echange.md with a value, and the null / empty variants beside it."""
    association = Association(
        "Association Exemple",
        [Convention(2025, 40, 6, 10, 20, 5, {MeasureType.ASLL: Decimal("20628.00"),
                                             MeasureType.DSF: Decimal("3443.20")}),
         Convention(2026, 41, 7, 11, 21, 6, None),
         Convention(2027, 42, 8, 12, 22, 7, {})],
        [GridSent(2024, D(2025, 1, 28))],
        [OccupancyTableSent(Month(2025, 9), D(2025, 10, 6))],
    )
    workers = [
        Worker("w1", "Claire Martin", Diploma.CESF, 1.0, [
            Absence(D(2025, 9, 1), D(2025, 10, 10), "congé", D(2025, 9, 3), "w2"),
            Absence(D(2025, 12, 1), None)]),
        Worker("w2", "Karim Benali", Diploma.AUTRE, 0.8),
    ]
    households = [
        Household("h1", "DURAND Marie", "FSL-2025-0042", "12 rue des Lilas", "62000", "Arras",
                  Territory.ARRAGEOIS, "0601020304", Decimal("1234.5"), [
                      Member("DURAND Marie", MemberRole.DEMANDEUR, D(1987, 3, 2)),
                      Member("DURAND Léo", MemberRole.ENFANT, D(2015, 6, 1)),
                      Member("ALBERT Jean", MemberRole.CONJOINT)]),
        Household("h2", "Hélène LEFÈVRE", territory=Territory.AUTRE,
                  territory_other="Ternois"),
    ]
    homes = [Home("u1", "3 place d'Armes, Béthune",
                  [Vacancy(D(2025, 11, 1), D(2025, 11, 20), True),
                   Vacancy(D(2025, 12, 1), D(2025, 12, 5))]),
             Home("u2", "8 rue Haute, Lens")]
    asll = Measure(
        "m1", "h1", MeasureType.ASLL, "w1", D(2025, 6, 12),
        [Period(D(2025, 7, 1), D(2025, 12, 31), Level.RENFORCE, PeriodKind.INITIALE),
         Period(D(2026, 1, 1), D(2026, 6, 30))],
        None, None,
        [Suspension(D(2025, 10, 1), D(2025, 10, 31), SuspensionReason.HOSPITALISATION),
         Suspension(D(2026, 2, 1), None, SuspensionReason.AUTRE)],
        # Same day twice, recorded out of date order: the store keeps the list order.
        [Visit(D(2025, 7, 3), VisitOutcome.REALISEE, VisitPlace.DOMICILE, "w1"),
         Visit(D(2025, 7, 10), VisitOutcome.PORTE_CLOSE, VisitPlace.DOMICILE),
         Visit(D(2025, 7, 10), VisitOutcome.REALISEE, VisitPlace.TELEPHONE),
         Visit(D(2025, 7, 5), VisitOutcome.ANNULEE)],
        [Report(ReportKind.FINAL, D(2025, 12, 31), D(2025, 11, 20), True),
         Report(ReportKind.INTERMEDIAIRE, D(2025, 9, 30), None)],
        [Notice(NoticeKind.PORTES_CLOSES, D(2025, 10, 10))],
        Contract(D(2025, 7, 4), D(2025, 7, 8)),
        Retroactive.SORTIE_CHRS,
    )
    not_signed = Measure("m2", "h2", MeasureType.ASLL, "w2", D(2025, 3, 1),
                         [Period(D(2025, 4, 1), D(2025, 9, 30))], D(2025, 5, 31), "refus",
                         contract=Contract(None, None, D(2025, 4, 20), NotSignedReason.REFUS))
    aml = Measure("m3", "h2", MeasureType.AML, "w1", agreement_on=D(2025, 10, 1),
                  lease_transferred_on=D(2026, 5, 1), relay_authorized=True,
                  concertation_on=D(2026, 1, 15), contract=Contract())
    fal = Measure("m4", "h1", MeasureType.FAL, "w1",
                  periods=[Period(D(2025, 9, 11), D(2026, 9, 10))],
                  stays=[Stay("u1", D(2025, 9, 11), D(2025, 10, 31)), Stay("u2", D(2025, 11, 1))],
                  long_stay_reason=LongStayReason.DALO, extension=True)
    dsf = Measure("m5", "h2", MeasureType.DSF, "w2", summoned_on=D(2025, 9, 1),
                  hearing_on=D(2025, 11, 4), outcome=DsfOutcome.PORTE_CLOSE,
                  transmitted_on=D(2025, 10, 20),
                  visits=[Visit(D(2025, 9, 10), VisitOutcome.PORTE_CLOSE),
                          Visit(D(2025, 9, 24), VisitOutcome.PORTE_CLOSE_JUSTIFIEE)],
                  # empty texts and a debt of 0,00 € stay what they are (not null)
                  dsf_content=DsfContent(writer="Paul Leroy, assistant social",
                                         rent_debt=Decimal("0.00"), housing_signal=True,
                                         recommendations="Orientation vers la CCAPEX."))
    diag = Measure("m6", "h1", MeasureType.ASLL_DIAG, "w1", done_on=D(2025, 2, 3))
    return Caseload(association, [tariff(D(2025, 7, 1), "85.95"), tariff(D(2026, 1, 1), "86.1")],
                    workers, households, homes, [asll, not_signed, aml, fal, dsf, diag])


def by_id(items: list[Any]) -> list[Any]:
    return sorted(items, key=lambda item: item.id)
