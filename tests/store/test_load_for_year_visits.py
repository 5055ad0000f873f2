"""`load_for_year`: the visits a year's grid reads — up to 31/12 of the year, a DSF's whatever
their date — and the same indicators as the whole store."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.indicators.naming import scalars
from desktop_app.domain.model import (
    Association,
    Caseload,
    Diploma,
    DsfOutcome,
    Household,
    Measure,
    MeasureType,
    Period,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from desktop_app.store.repository import SqlStore
from tests.store.builders import D

TODAY = date(2026, 3, 10)


def _visit(day: date, outcome: VisitOutcome = VisitOutcome.REALISEE) -> Visit:
    return Visit(day, outcome, VisitPlace.DOMICILE)


def caseload() -> Caseload:
    asll = Measure("asll", "h1", MeasureType.ASLL, "w1",
                   periods=[Period(D(2025, 6, 1), D(2026, 5, 31))],
                   visits=[_visit(D(2025, 6, 12)), _visit(D(2025, 12, 31)),
                           _visit(D(2026, 1, 1)), _visit(D(2026, 2, 3))])
    # Closed doors on 20/12/2025 and 12/01/2026: paid on the second one, in 2026 (P6).
    dsf = Measure("dsf", "h2", MeasureType.DSF, "w1", outcome=DsfOutcome.PORTE_CLOSE,
                  summoned_on=D(2025, 12, 1), hearing_on=D(2026, 2, 1),
                  visits=[_visit(D(2025, 12, 20), VisitOutcome.PORTE_CLOSE),
                          _visit(D(2026, 1, 12), VisitOutcome.PORTE_CLOSE)])
    return Caseload(Association("Association test"),
                    workers=[Worker("w1", "Claire Martin", Diploma.CESF, 1.0)],
                    households=[Household("h1", "MÉNAGE 1"), Household("h2", "MÉNAGE 2")],
                    measures=[asll, dsf])


def test_visits_up_to_the_end_of_the_year_but_a_dsf_keeps_all(store: SqlStore) -> None:
    store.import_caseload(caseload())
    loaded = {m.id: m for m in store.load_for_year(2025).measures}
    # asll: 12/06 and 31/12/2025 (the last day is kept); 01/01 and 03/02/2026 are not read.
    assert [v.date for v in loaded["asll"].visits] == [D(2025, 6, 12), D(2025, 12, 31)]
    # dsf: both doors, so that its payment day stays 12/01/2026 (not paid in 2025).
    assert [v.date for v in loaded["dsf"].visits] == [D(2025, 12, 20), D(2026, 1, 12)]
    # 2026 reads its own visits up to 31/12/2026: all four of asll.
    assert len({m.id: m for m in store.load_for_year(2026).measures}["asll"].visits) == 4


def test_the_grid_counts_the_same_as_over_the_whole_store(store: SqlStore) -> None:
    store.import_caseload(caseload())
    whole = store.export_caseload()
    for year in (2025, 2026):
        assert scalars(compute_year_indicators(store.load_for_year(year), year,
                                               today=TODAY)) == scalars(
            compute_year_indicators(whole, year, today=TODAY))
    # 2025: asll's 2 visits of 2025 + the DSF's closed door of 20/12/2025 are counted.
    counted = scalars(compute_year_indicators(store.load_for_year(2025), 2025, today=TODAY))
    assert counted["ASLL.visits_held"] == 2
