"""A small caseload for the query tests, worked out by hand as of Wednesday 15/10/2025.

- m1: ASLL `renforce` of h1 « DURAND Marie », referent w1 « Claire Martin » (1.0 FTE),
  01/07–31/12/2025; home visits on 02/10 and 20/10 (the second after the day), none in
  September.
- m2: ASLL `simple` of h2 « LEFÈVRE Hélène », referent w2 « Karim Benali » (0.8 FTE),
  01/09/2025–28/02/2026; one home visit on 03/10, none in September.
- m3: FAL of h3 « MOREAU Paul », referent w1, 01/09/2025–31/08/2026, no visit; in u1 from
  01/09 to 30/09, in u2 from 01/10 (no end).
- u1 « 3 place d'Armes, Béthune »: a justified vacancy 05/10–20/10/2025;
  u2 « 8 rue Haute, Lens »; u3 « 1 rue Neuve, Arras »: never lived in.
- The 2025 convention: 40 ASLL points and 6 AML points a month; the 2024 grid sent on
  28/01/2025.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.model import (
    Association,
    Caseload,
    Convention,
    Diploma,
    GridSent,
    Home,
    Household,
    Level,
    Measure,
    MeasureType,
    Period,
    PeriodKind,
    Stay,
    Vacancy,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from tests.store.builders import tariff

D = date
TODAY = D(2025, 10, 15)


def home_visit(day: date) -> Visit:
    return Visit(day, VisitOutcome.REALISEE, VisitPlace.DOMICILE)


def small_caseload() -> Caseload:
    association = Association("Association Test", [Convention(2025, 40, 6, 10, 20, 5)],
                              [GridSent(2024, D(2025, 1, 28))])
    workers = [Worker("w1", "Claire Martin", Diploma.CESF, 1.0),
               Worker("w2", "Karim Benali", Diploma.CESF, 0.8)]
    households = [Household("h1", "DURAND Marie"), Household("h2", "LEFÈVRE Hélène"),
                  Household("h3", "MOREAU Paul")]
    homes = [Home("u1", "3 place d'Armes, Béthune", [Vacancy(D(2025, 10, 5), D(2025, 10, 20),
                                                            True)]),
             Home("u2", "8 rue Haute, Lens"), Home("u3", "1 rue Neuve, Arras")]
    m1 = Measure("m1", "h1", MeasureType.ASLL, "w1", periods=[
        Period(D(2025, 7, 1), D(2025, 12, 31), Level.RENFORCE, PeriodKind.INITIALE)],
        visits=[home_visit(D(2025, 10, 2)), home_visit(D(2025, 10, 20))])
    m2 = Measure("m2", "h2", MeasureType.ASLL, "w2", periods=[
        Period(D(2025, 9, 1), D(2026, 2, 28), Level.SIMPLE, PeriodKind.INITIALE)],
        visits=[home_visit(D(2025, 10, 3))])
    m3 = Measure("m3", "h3", MeasureType.FAL, "w1",
                 periods=[Period(D(2025, 9, 1), D(2026, 8, 31))],
                 stays=[Stay("u1", D(2025, 9, 1), D(2025, 9, 30)), Stay("u2", D(2025, 10, 1))])
    return Caseload(association, [tariff(D(2025, 7, 1), "85.95")], workers, households, homes,
                    [m1, m2, m3])

