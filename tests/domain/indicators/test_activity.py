"""Stocks, entries, exits, durations and levels of a year (worked out by hand)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.indicators import TypeIndicators
from desktop_app.domain.indicators.activity import NO_REASON, fill_activity
from desktop_app.domain.model import (
    AsllContent,
    Contract,
    ExitReason,
    Level,
    MeasureType,
    NotSignedReason,
)
from desktop_app.domain.reference_lists import recognise_exit
from tests.domain.indicators.builders import measure

D = date


def activity(mtype: MeasureType, *measures: object, year: int = 2025) -> TypeIndicators:
    ind = TypeIndicators(mtype)
    fill_activity(ind, list(measures), year)  # type: ignore[arg-type]
    return ind


def test_year_boundaries_make_the_stock_identity_hold() -> None:
    # a: 01/07/2024–31/03/2025 → in force on 1/1 (since 2024), exit in March.
    # b: 01/01/2025–30/06/2025 → starts on 1/1: new in 2025 (not carried over), exit.
    # c: 01/10/2025–31/12/2025 → new, its last day is 31/12: an exit of 2025.
    # d: 01/12/2024–31/05/2026 → in force on 1/1 and still after 31/12.
    # e: 01/12/2025–31/05/2026 → new, still after 31/12.
    # f: 01/01/2024–31/12/2024 → ended before 2025: not counted at all.
    ind = activity(
        MeasureType.ASLL,
        measure("a", MeasureType.ASLL, "h1", (D(2024, 7, 1), D(2025, 3, 31))),
        measure("b", MeasureType.ASLL, "h2", (D(2025, 1, 1), D(2025, 6, 30))),
        measure("c", MeasureType.ASLL, "h3", (D(2025, 10, 1), D(2025, 12, 31))),
        measure("d", MeasureType.ASLL, "h4", (D(2024, 12, 1), D(2026, 5, 31))),
        measure("e", MeasureType.ASLL, "h5", (D(2025, 12, 1), D(2026, 5, 31))),
        measure("f", MeasureType.ASLL, "h6", (D(2024, 1, 1), D(2024, 12, 31))),
    )
    # in force on 1/1: a, d = 2; new: b, c, e = 3; exits: a, b, c = 3; 2 + 3 − 3 = 2 (d, e)
    assert (ind.in_force_start, ind.new, ind.exits, ind.in_force_end) == (2, 3, 3, 2)
    assert ind.households == 5  # h1…h5, not h6


def test_closing_date_cuts_the_span_and_gives_the_reason() -> None:
    # Period 01/03/2025–28/02/2026 closed on 15/09/2025, social housing: an exit of 2025.
    closed = measure("a", MeasureType.AML, "h1", (D(2025, 3, 1), D(2026, 2, 28)),
                     closed_on=D(2025, 9, 15), exit_reason=ExitReason.RELOGEMENT_SOCIAL,
                     close_reason="T3 à Lens")
    running = measure("b", MeasureType.AML, "h2", (D(2025, 3, 1), D(2025, 11, 30)))
    ind = activity(MeasureType.AML, closed, running)
    assert ind.exits == 2 and ind.in_force_end == 0
    # every reason of the AML list, zeros included, in the list's order (the text « T3 à
    # Lens » is a detail: counted under its code); no reason recorded: « Motif non
    # renseigné », last
    assert ind.exits_by_reason == {
        "Bail glissé au ménage": 0, "Relogement dans le parc social": 1,
        "Relogement dans le parc privé": 0, "Arrêt après portes closes": 0,
        "Arrêt après une indisponibilité de plus d'un trimestre": 0,
        "Refus ou abandon du ménage": 0, "Départ hors du département": 0, "Décès": 0,
        "Orientation vers un autre dispositif": 0, "Expulsion": 0, "Autre motif": 0,
        NO_REASON: 1}


def test_glissement_typed_two_ways_is_one_row() -> None:
    # The example: « Glissement du bail » typed in a form, « Bail glissé au ménage »
    # in the grid. Recognised as one code (as the migration and an old file do), one row: 2.
    texts = ("Glissement du bail", "Bail glissé au ménage")
    measures = [measure(f"m{i}", MeasureType.AML, f"h{i}", (D(2025, 1, 1), D(2025, 9, 30)),
                        closed_on=D(2025, 9, 30), exit_reason=recognise_exit(text)[0])
                for i, text in enumerate(texts)]
    ind = activity(MeasureType.AML, *measures)
    assert ind.exits_by_reason["Bail glissé au ménage"] == 2
    assert ind.exits_by_reason["Autre motif"] == 0


def test_mean_duration_of_ended_measures_in_months() -> None:
    # 01/03/2025–15/09/2025: 31+30+31+30+31+31+15 = 199 days;
    # 01/06/2025–30/11/2025: 30+31+31+30+31+30 = 183 days; mean 191 / 30,4375 = 6,275… → 6,3
    ind = activity(
        MeasureType.ASLL,
        measure("a", MeasureType.ASLL, "h1", (D(2025, 3, 1), D(2025, 9, 15))),
        measure("b", MeasureType.ASLL, "h2", (D(2025, 6, 1), D(2025, 11, 30))),
        measure("c", MeasureType.ASLL, "h3", (D(2025, 6, 1), D(2026, 11, 30))),
    )
    assert ind.mean_duration_months == 6.3


def test_leap_year_duration() -> None:
    # 01/01/2024–31/12/2024 is 366 days: 366 / 30,4375 = 12,02… → 12,0
    ind = activity(MeasureType.FAL,
                   measure("a", MeasureType.FAL, "h1", (D(2024, 1, 1), D(2024, 12, 31))),
                   year=2024)
    assert ind.mean_duration_months == 12.0 and ind.exits == 1


def test_level_on_the_first_day_of_the_year_or_of_the_measure() -> None:
    # a: renforcé from 01/07/2024, renewed simple from 01/01/2025 → simple on 1/1/2025.
    a = measure("a", MeasureType.ASLL, "h1", (D(2024, 7, 1), D(2024, 12, 31)),
                level=Level.RENFORCE)
    a.periods.append(measure("x", MeasureType.ASLL, "h1", (D(2025, 1, 1), D(2025, 6, 30)))
                     .periods[0])
    b = measure("b", MeasureType.ASLL, "h2", (D(2025, 4, 1), D(2025, 9, 30)),
                level=Level.RENFORCE)
    ind = activity(MeasureType.ASLL, a, b)
    assert list(ind.by_level.values()) == [1, 1]  # GSL (simple): a; ASL (renforcé): b


def test_asll_cet_not_signed_counts_the_household_not_the_stock() -> None:
    # P2: no period, CET not signed on 12/03/2025 → supported (1 household), no stock.
    m = measure("a", MeasureType.ASLL, "h1",
                contract=Contract(not_signed_on=D(2025, 3, 12),
                                  not_signed_reason=NotSignedReason.REFUS))
    ind = activity(MeasureType.ASLL, m)
    assert ind.households == 1
    assert (ind.in_force_start, ind.new, ind.exits, ind.in_force_end) == (0, 0, 0, 0)


def test_one_off_types_count_what_was_carried_out_in_the_year() -> None:
    # Diagnostics done 10/12/2025 and 05/01/2026, and one not done yet: 1 in 2025.
    done = measure("a", MeasureType.ASLL_DIAG, "h1", done_on=D(2025, 12, 10))
    later = measure("b", MeasureType.ASLL_DIAG, "h2", done_on=D(2026, 1, 5))
    pending = measure("c", MeasureType.ASLL_DIAG, "h3")
    ind = activity(MeasureType.ASLL_DIAG, done, later, pending)
    assert (ind.households, ind.new) == (1, 1)
    assert ind.in_force_start is None and ind.exits is None and ind.in_force_end is None


def test_asll_by_content_access_or_keeping_the_home() -> None:
    # In force in 2025: a, b (accès), c (maintien), d (not recorded); e ended in 2024: not
    # counted. The ASLL annex splits « le contenu de la mesure » between accès and maintien.
    year = (D(2025, 1, 1), D(2025, 6, 30))
    ind = activity(
        MeasureType.ASLL,
        measure("a", MeasureType.ASLL, "h1", year, asll_content=AsllContent.ACCES),
        measure("b", MeasureType.ASLL, "h2", year, asll_content=AsllContent.ACCES),
        measure("c", MeasureType.ASLL, "h3", year, asll_content=AsllContent.MAINTIEN),
        measure("d", MeasureType.ASLL, "h4", year),
        measure("e", MeasureType.ASLL, "h5", (D(2024, 1, 1), D(2024, 6, 30)),
                asll_content=AsllContent.MAINTIEN),
    )
    assert ind.by_content == {"Accompagnement à l'accès au logement": 2,
                              "Accompagnement au maintien dans le logement": 1,
                              "Contenu non renseigné": 1}
    # only the ASLL has a content
    assert activity(MeasureType.AML, measure("f", MeasureType.AML, "h6", year)).by_content == {}
