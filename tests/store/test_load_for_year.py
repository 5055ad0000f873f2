"""`load_for_year`: exactly the measures the annual grid of a year counts, and the same
indicators as over the whole store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.demo import generate_caseload
from desktop_app.domain.indicators import compute_year_indicators
from desktop_app.domain.indicators.naming import scalars
from desktop_app.domain.model import Caseload, DsfOutcome, Household, MeasureType
from desktop_app.store.repository import SqlStore
from tests.store.builders import D
from tests.store.test_loaders import _home_visit, _m, small_caseload

AML, ASLL, DSF = MeasureType.AML, MeasureType.ASLL, MeasureType.DSF
TODAY = date(2025, 10, 15)


def year_caseload() -> Caseload:
    """The loaders' cases (around 15/10/2025) and three only a year's grid counts."""
    base = small_caseload()
    extras = [
        # Agreed in 2025, refused before any period: only `AML.agreements` counts it.
        _m("aml_refused", AML, "h13", agreement_on=D(2025, 3, 1), closed_on=D(2025, 4, 1)),
        # Closed 20/12/2024, its period ends 15/01/2025: a final report due in 2025.
        _m("closed_early", ASLL, "h14", D(2024, 7, 16), D(2025, 1, 15),
           closed_on=D(2024, 12, 20)),
        # A DSF carried out in 2026 after a visit of 20/12/2025 (a visit of 2025).
        _m("dsf_2026", DSF, "h15", outcome=DsfOutcome.REALISE, done_on=D(2026, 1, 10),
           visits=[_home_visit(D(2025, 12, 20))]),
    ]
    households = [Household(f"h{i}", f"MÉNAGE {i}") for i in range(13, 16)]
    return replace(base, measures=base.measures + extras,
                   households=base.households + households)


@pytest.fixture
def small(store: SqlStore) -> SqlStore:
    store.import_caseload(year_caseload())
    return store


def test_year_loads_what_its_grid_counts(small: SqlStore) -> None:
    loaded = small.load_for_year(2025)
    assert sorted(m.id for m in loaded.measures) == [
        "aml_pending",  # agreed 01/02/2025, no period (AML.agreements, accord_principe)
        "aml_refused",  # agreed 01/03/2025, closed 01/04 (AML.agreements)
        "asll",  # in force 01/07–31/12/2025
        "asll_decided",  # decided 01/10/2025: its CET is due (cet)
        "closed_early",  # its period ends 15/01/2025: final report due 15/12/2024 (bilan_final)
        "diag_2024a",  # one ASLL_DIAG of 2024 (grille_annuelle: 2024 was active)
        "dsf_2026",  # a visit on 20/12/2025 (visits of the year)
        "dsf_month",  # carried out 05/10/2025
        "dsf_pending",  # summoned 01/09/2025, never transmitted (dsf_transmission)
        "dsf_summons_later",  # summoned 01/11/2025: not transmitted at 30/11 and 31/12
        "fal_20",  # in force 01/05–10/09/2025
        "fal_later",  # u1's next entry after 31/12/2025 (01/03/2026: closes the vacancy gap)
        "fal_next",  # in force from 01/12/2025
        "fal_old",  # in force 01/01–01/08/2025
        "future",  # starts 01/02/2026, within 62 days of 31/12/2025 (bilan_final lead)
        "h2_old_fal",  # another support measure of h2, where asll is (cumul)
        "w2_asll",  # in force 01/10/2024–31/03/2025
    ]
    # Not loaded: closed (in force in 2024 only), diag_2024b (2024 already active through
    # diag_2024a).
    by_id = {m.id: m for m in loaded.measures}
    # ALL children, visits of every date: asll's 10/07 and 02/10/2025, dsf_2026's.
    assert len(by_id["asll"].visits) == 2 and len(by_id["dsf_2026"].visits) == 1
    # Spans of every measure with periods, loaded or not: the 10 of the loaders' cases
    # (closed, asll, fal_20, fal_old, fal_next, fal_later, h2_old_fal, w2_asll, asll_decided,
    # future) + closed_early = 11.
    assert len(loaded.spans) == 11
    assert [h.id for h in loaded.homes] == ["u1", "u2"]
    assert loaded.workers[1].absences and loaded.association.name == "Association test"


def test_previous_year_loads_its_own_measures(small: SqlStore) -> None:
    loaded = small.load_for_year(2024)
    assert sorted(m.id for m in loaded.measures) == [
        "closed",  # in force 01/01–31/12/2024
        "closed_early",  # in force 16/07–20/12/2024
        "diag_2024a", "diag_2024b",  # carried out in 2024
        "fal_20",  # u1's next entry after 31/12/2024 (01/05/2025)
        "fal_old",  # u2's next entry after 31/12/2024 (01/01/2025)
        "h2_old_fal",  # its u2 stay ended 31/12/2023, < 40 days before January 2024 (P5 gap)
        "w2_asll",  # in force from 01/10/2024
    ]
    # Not loaded: everything of 2025 only (asll, aml_pending agreed 01/02/2025, the DSF…).


@pytest.mark.parametrize("seed", [3, 11])
def test_year_indicators_match_the_whole_store(store: SqlStore, seed: int) -> None:
    store.import_caseload(generate_caseload(households=200, years=3, seed=seed, today=TODAY))
    whole = store.export_caseload()
    for year in (2024, 2025):
        loaded = store.load_for_year(year)
        assert len(loaded.measures) < len(whole.measures)  # a cut, not the whole store
        assert scalars(compute_year_indicators(loaded, year, today=TODAY)) == scalars(
            compute_year_indicators(whole, year, today=TODAY))
