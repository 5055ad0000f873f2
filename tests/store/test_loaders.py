"""`load_for_month` and `load_for_day`: exactly the measures a month's funding or a day's
alerts need, and the same answers as the whole store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from desktop_app.domain.alerts import compute_alerts
from desktop_app.domain.dates import Month
from desktop_app.domain.funding import compute_month_points, month_points_to_json
from desktop_app.domain.model import (
    Absence,
    Association,
    Caseload,
    Diploma,
    DsfOutcome,
    Home,
    Household,
    Measure,
    MeasureType,
    Period,
    Retroactive,
    Stay,
    Visit,
    VisitOutcome,
    VisitPlace,
    Worker,
)
from desktop_app.store.repository import SqlStore
from tests.conftest import BACKENDS
from tests.postgres import TestServer, url_text
from tests.store.builders import D

ASLL, AML, FAL, DSF, DIAG = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL,
                             MeasureType.DSF, MeasureType.ASLL_DIAG)


def _m(mid: str, mtype: MeasureType, household: str, start: date | None = None,
       end: date | None = None, referent: str = "w1", **fields: object) -> Measure:
    periods = [Period(start, end)] if start and end else []
    return Measure(mid, household, mtype, referent, periods=periods, **fields)  # type: ignore[arg-type]


def _home_visit(day: date) -> Visit:
    return Visit(day, VisitOutcome.REALISEE, VisitPlace.DOMICILE)


def small_caseload() -> Caseload:
    """The cases of the loaders, around 15/10/2025 (month 2025-10)."""
    measures = [
        _m("closed", ASLL, "h1", D(2024, 1, 1), D(2024, 12, 31), closed_on=D(2024, 12, 31)),
        _m("asll", ASLL, "h2", D(2025, 7, 1), D(2025, 12, 31),
           visits=[_home_visit(D(2025, 7, 10)), _home_visit(D(2025, 10, 2))]),
        _m("fal_20", FAL, "h3", D(2025, 5, 1), D(2025, 9, 10), closed_on=D(2025, 9, 10),
           stays=[Stay("u1", D(2025, 5, 1), D(2025, 9, 10))]),
        _m("fal_old", FAL, "h4", D(2025, 1, 1), D(2025, 8, 1), closed_on=D(2025, 8, 1),
           stays=[Stay("u2", D(2025, 1, 1), D(2025, 8, 1))]),
        _m("fal_next", FAL, "h5", D(2025, 12, 1), D(2026, 11, 30),
           stays=[Stay("u1", D(2025, 12, 1))]),
        _m("fal_later", FAL, "h6", D(2026, 3, 1), D(2027, 2, 28),
           stays=[Stay("u1", D(2026, 3, 1))]),
        _m("dsf_month", DSF, "h7", summoned_on=D(2025, 9, 1), hearing_on=D(2025, 11, 20),
           outcome=DsfOutcome.REALISE, done_on=D(2025, 10, 5), transmitted_on=D(2025, 10, 6),
           visits=[_home_visit(D(2025, 10, 5))]),
        _m("dsf_pending", DSF, "h8", summoned_on=D(2025, 9, 1), hearing_on=D(2025, 12, 1)),
        _m("dsf_summons_later", DSF, "h9", summoned_on=D(2025, 11, 1),
           hearing_on=D(2026, 1, 10)),
        _m("diag_2024a", DIAG, "h9", done_on=D(2024, 3, 10)),
        _m("diag_2024b", DIAG, "h10", done_on=D(2024, 6, 1)),
        _m("aml_pending", AML, "h10", agreement_on=D(2025, 2, 1)),
        _m("h2_old_fal", FAL, "h2", D(2023, 1, 1), D(2023, 12, 31), closed_on=D(2023, 12, 31),
           stays=[Stay("u2", D(2023, 1, 1), D(2023, 12, 31))]),
        _m("w2_asll", ASLL, "h4", D(2024, 10, 1), D(2025, 3, 31), referent="w2",
           closed_on=D(2025, 3, 31)),
        _m("asll_decided", ASLL, "h11", D(2026, 2, 1), D(2026, 7, 31),
           decision_date=D(2025, 10, 1)),
        _m("future", ASLL, "h12", D(2026, 2, 1), D(2026, 7, 31)),
    ]
    workers = [Worker("w1", "Claire Martin", Diploma.CESF, 1.0),
               Worker("w2", "Karim Benali", Diploma.ES, 1.0,
                      [Absence(D(2025, 1, 6), D(2025, 3, 31))])]  # 60 working days, untold
    households = [Household(f"h{i}", f"MÉNAGE {i}") for i in range(1, 13)]
    return Caseload(Association("Association test"), [], workers, households,
                    [Home("u1", "1 rue A"), Home("u2", "2 rue B")], measures)


@pytest.fixture
def small(store: SqlStore) -> SqlStore:
    store.import_caseload(small_caseload())
    return store


def test_month_loads_what_can_earn_in_it(small: SqlStore) -> None:
    loaded = small.load_for_month(Month(2025, 10))
    # asll: in force; dsf_month: carried out 05/10; fal_20: its stay ended 10/09, 21 days
    # before 01/10 (a vacancy gap of at most 31 days may be paid in October, P5); fal_next:
    # the next entry into u1 after October (it closes that gap). fal_old ended 01/08, 61 days
    # before: no gap reaches October; fal_later enters u1 after fal_next.
    assert sorted(m.id for m in loaded.measures) == ["asll", "dsf_month", "fal_20", "fal_next"]
    visits = {m.id: len(m.visits) for m in loaded.measures}
    assert visits == {"asll": 0, "dsf_month": 1, "fal_20": 0, "fal_next": 0}  # DSF only
    assert [w.id for w in loaded.workers] == ["w1", "w2"]
    assert [h.id for h in loaded.homes] == ["u1", "u2"]
    assert sorted(h.id for h in loaded.households) == ["h2", "h3", "h5", "h7"]
    assert loaded.tariffs and loaded.association.name == "Association test"


def test_day_loads_what_can_raise_an_alert(small: SqlStore) -> None:
    loaded = small.load_for_day(D(2025, 10, 15))
    assert sorted(m.id for m in loaded.measures) == [
        "aml_pending",  # agreement in principe, no period yet (accord_principe)
        "asll",  # in force
        "asll_decided",  # decided 01/10, starts in 2026: its CET is due (cet)
        "diag_2024a",  # one ASLL_DIAG of 2024 (grille_annuelle: 2024 was active)
        "dsf_month",  # carried out this year (convention) and this month (quotas)
        "dsf_pending",  # summoned, not transmitted (dsf_transmission)
        "fal_20",  # the month's FAL occupancy (quotas)
        "fal_next",  # starts within 62 days (bilan_final, duree…)
        "fal_old",  # u2's last departure, 01/08: empty 75 days (vacance_longue)
        "h2_old_fal",  # another support measure of h2, where asll is (cumul)
        "w2_asll",  # in force during w2's untold absence (absence_travailleur)
    ]
    # Not loaded: closed (closed in 2024), fal_later and future (start
    # in 2026, nothing due), dsf_summons_later (summoned after the day), diag_2024b (2024 is
    # already active through diag_2024a).
    assert {m.id: len(m.visits) for m in loaded.measures}["asll"] == 2
    # The spans the day's rules read of the whole history: every FAL started by the day
    # and in force this year (tableau_occupation, convention), those ended before merged per
    # month of start (h2_old_fal's, measure ""), and one span of another type per earlier
    # year in force (grille_annuelle: 2024, closed); 2023 is active through h2_old_fal.
    assert sorted((s.measure, s.start, s.end) for s in loaded.spans) == [
        ("", D(2023, 1, 1), D(2023, 12, 31)), ("closed", D(2024, 1, 1), D(2024, 12, 31)),
        ("fal_20", D(2025, 5, 1), D(2025, 9, 10)), ("fal_old", D(2025, 1, 1), D(2025, 8, 1))]
    assert loaded.workers[1].absences == [Absence(D(2025, 1, 6), D(2025, 3, 31))]


def test_a_measure_closed_last_year_is_not_loaded_for_today(small: SqlStore) -> None:
    assert "closed" not in {m.id for m in small.load_for_day(D(2025, 10, 15)).measures}
    # …but it is on a day it was in force.
    assert "closed" in {m.id for m in small.load_for_day(D(2024, 6, 3)).measures}


def test_a_told_absence_needs_no_measure(small: SqlStore) -> None:
    w2 = small.workers()[1]
    w2.absences[0].slisl_notified_on = D(2025, 1, 10)
    w2.absences[0].replacement = "w1"
    small.save_worker(w2)
    assert "w2_asll" not in {m.id for m in small.load_for_day(D(2025, 10, 15)).measures}


def test_an_absence_replaced_without_an_equivalent_diploma_needs_its_measure(
        small: SqlStore) -> None:
    # Told to the SLISL, but the replacement w3 has no CESF, ASS or ES diploma: the alert
    # stays (`absence_travailleur`), so the measure it needs is read.
    small.save_worker(Worker("w3", "Marc Roux", Diploma.AUTRE, 0.5))
    w2 = small.workers()[1]
    w2.absences[0].slisl_notified_on = D(2025, 1, 10)
    w2.absences[0].replacement = "w3"
    small.save_worker(w2)
    loaded = small.load_for_day(D(2025, 10, 15))
    assert "w2_asll" in {m.id for m in loaded.measures}
    assert [a.code for a in compute_alerts(loaded, D(2025, 10, 15), small.alert_settings())
            if a.worker == "w2"] == ["absence_travailleur"]


def test_an_asll_funded_after_a_dsf_loads_the_households_dsf(small: SqlStore) -> None:
    # h12's ASLL, decided on 15/01/2025, starts on 01/01/2025 after its DSF of 10/12/2024
    # (the month after the diagnosis: lawful, `date_effet`); the grid's « one DSF of 2024 »
    # is dsf_a (the smaller id), so dsf_z is read only because the ASLL points to a DSF.
    for mid, household in (("dsf_a", "h11"), ("dsf_z", "h12")):
        small.save_measure(_m(mid, DSF, household, outcome=DsfOutcome.REALISE,
                              done_on=D(2024, 12, 10)), new=True)
    small.save_measure(_m("asll_dsf", ASLL, "h12", D(2025, 1, 1), D(2025, 12, 31),
                          decision_date=D(2025, 1, 15), retroactive=Retroactive.DSF),
                       new=True)
    loaded = small.load_for_day(D(2025, 10, 15))
    assert {"asll_dsf", "dsf_z"} <= {m.id for m in loaded.measures}
    assert [a for a in compute_alerts(loaded, D(2025, 10, 15), small.alert_settings())
            if a.code == "date_effet" and a.measure == "asll_dsf"] == []


# --- the loaders give the engines the answers of the whole store -------------------------

TODAY = date(2026, 3, 10)
DAYS = [TODAY, date(2026, 3, 1), date(2026, 1, 1), date(2025, 12, 31), date(2025, 7, 31),
        date(2024, 2, 29), date(2023, 6, 15)]


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SqlStore, Caseload]]:
    """The demo caseload in a store on each engine (a file, then a PostgreSQL database)."""
    from desktop_app.demo.generator import build_demo
    from desktop_app.store.repository import open_store

    server: TestServer | None = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    else:
        server = request.getfixturevalue("pg_server")
        database = server.create()
        url = url_text(server.url_of(database))
    store = open_store(url)
    store.import_caseload(build_demo(households=250, years=4, seed=5, today=TODAY).caseload)
    yield store, store.export_caseload()
    store.close()
    if server is not None:
        server.drop(database)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_month_points_match_the_whole_store(demo: tuple[SqlStore, Caseload], day: date) -> None:
    store, whole = demo
    month = Month.of(day)
    assert month_points_to_json(compute_month_points(store.load_for_month(month), month)) == (
        month_points_to_json(compute_month_points(whole, month)))


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_alerts_match_the_whole_store(demo: tuple[SqlStore, Caseload], day: date) -> None:
    store, whole = demo
    settings = store.alert_settings()
    expected = compute_alerts(whole, day, settings)
    assert expected  # the demo plants breaches: the comparison is not between two empties
    assert compute_alerts(store.load_for_day(day), day, settings) == expected


def test_a_day_before_the_history_loads_nothing(small: SqlStore) -> None:
    loaded = small.load_for_day(D(1990, 1, 15))
    assert (loaded.measures, loaded.spans, loaded.households) == ([], [], [])
    assert compute_alerts(loaded, D(1990, 1, 15), small.alert_settings()) == []


def test_visits_after_the_day_are_not_read(small: SqlStore) -> None:
    # asll has home visits on 10/07 and 02/10/2025: as of 01/09 only the first can count.
    loaded = {m.id: m for m in small.load_for_day(D(2025, 9, 1)).measures}
    assert [v.date for v in loaded["asll"].visits] == [D(2025, 7, 10)]
