"""Round trip of any valid caseload: `to_json(parse(to_json(c))) == to_json(c)`."""

from __future__ import annotations

import json
import tempfile
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.dates import Month
from desktop_app.domain.model import (
    Absence,
    AgreementExtension,
    AsllContent,
    Association,
    Caseload,
    ClaimDecision,
    Contract,
    Convention,
    Diploma,
    DsfOutcome,
    ExitReason,
    FailureClaim,
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
from desktop_app.interchange import caseload_to_json, parse_caseload, read_file, write_file

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
#: Any character a text may hold: the NUL character is refused (`limits.text_problem`).
CHARACTERS = st.characters(codec="utf-8", blacklist_characters="\x00")
TEXT = st.text(CHARACTERS, max_size=8)
IDS = st.text(CHARACTERS, min_size=1, max_size=5).filter(str.strip)
DAYS = st.dates(date(1990, 1, 1), date(2040, 12, 31))
MONEY = st.decimals(0, Decimal("99999999.99"), places=2)
COUNT = st.integers(0, 10_000)
SPANS = st.tuples(DAYS, DAYS).map(lambda s: (min(s), max(s)))
OPEN_SPANS: st.SearchStrategy[tuple[date, date | None]] = st.tuples(DAYS, st.none() | DAYS).map(
    lambda s: (s[0], None) if s[1] is None else (min(s[0], s[1]), max(s[0], s[1])))


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def code(codes: type[E]) -> st.SearchStrategy[E]:
    return st.sampled_from(list(codes))


@st.composite
def caseloads(draw: st.DrawFn) -> Caseload:
    worker_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    household_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    home_ids = draw(st.lists(IDS, max_size=2, unique=True))
    workers = [Worker(w, draw(IDS), draw(code(Diploma)),
                      draw(st.floats(0, 1, exclude_min=True)), [
                          Absence(*draw(OPEN_SPANS), draw(maybe(TEXT)), draw(maybe(DAYS)),
                                  draw(maybe(st.sampled_from(worker_ids))))
                          for _ in range(draw(st.integers(0, 2)))]) for w in worker_ids]
    households = [Household(
        h, draw(TEXT), reference=draw(maybe(TEXT)), address=draw(maybe(TEXT)),
        postcode=draw(maybe(TEXT)), city=draw(maybe(TEXT)), territory=draw(maybe(code(Territory))),
        phone=draw(maybe(TEXT)), monthly_resources=draw(maybe(MONEY)),
        members=[Member(draw(TEXT), draw(code(MemberRole)), draw(maybe(DAYS)))
                 for _ in range(draw(st.integers(0, 2)))],
        territory_other=draw(maybe(TEXT))) for h in household_ids]
    homes = [Home(u, draw(IDS), [Vacancy(*draw(SPANS), draw(st.booleans()))
                                 for _ in range(draw(st.integers(0, 2)))]) for u in home_ids]
    measures = [draw(measures_of(m, worker_ids, household_ids, home_ids))
                for m in draw(st.lists(IDS, max_size=3, unique=True))]
    years = draw(st.lists(st.integers(2000, 2040), max_size=2, unique=True))
    association = Association(
        draw(IDS),
        [Convention(y, *draw(st.tuples(COUNT, COUNT, COUNT, COUNT, COUNT)), draw(maybe(
            st.dictionaries(code(MeasureType), MONEY)))) for y in years],
        [GridSent(y, draw(DAYS)) for y in years],
        [OccupancyTableSent(Month(2025, m), draw(DAYS))
         for m in draw(st.lists(st.integers(1, 12), max_size=3, unique=True))])
    tariffs = [Tariff(day, *draw(st.tuples(MONEY, MONEY, MONEY, MONEY, MONEY)), draw(COUNT),
                      draw(COUNT)) for day in draw(st.lists(DAYS, max_size=2, unique=True))]
    return Caseload(association, tariffs, workers, households, homes, measures)


@st.composite
def claims(draw: st.DrawFn) -> FailureClaim:
    """Amounts within the AML annex's caps (2 500 € rent and damage, 2 000 € eviction)."""
    cents = st.integers(0, 125_000).map(lambda n: Decimal(n).scaleb(-2))
    return FailureClaim(draw(DAYS), draw(cents), draw(cents), draw(cents).min(Decimal(2000)),
                        draw(st.lists(TEXT.filter(str.strip), max_size=2)), draw(maybe(DAYS)),
                        draw(maybe(code(ClaimDecision))), draw(maybe(DAYS)),
                        draw(maybe(MONEY)))


@st.composite
def measures_of(draw: st.DrawFn, measure_id: str, workers: list[str], households: list[str],
                homes: list[str]) -> Measure:
    people = st.sampled_from(workers)
    return Measure(
        id=measure_id, household=draw(st.sampled_from(households)), type=draw(code(MeasureType)),
        referent=draw(people), decision_date=draw(maybe(DAYS)),
        periods=[Period(*draw(SPANS), draw(maybe(code(Level))), draw(maybe(code(PeriodKind))))
                 for _ in range(draw(st.integers(0, 2)))],
        closed_on=draw(maybe(DAYS)), exit_reason=draw(maybe(code(ExitReason))),
        asll_content=draw(maybe(code(AsllContent))),
        agreement_extensions=[AgreementExtension(*draw(SPANS))
                              for _ in range(draw(st.integers(0, 2)))],
        failure_claim=draw(maybe(claims())),
        close_reason=draw(maybe(TEXT)),
        suspensions=[Suspension(*draw(OPEN_SPANS), draw(code(SuspensionReason)))
                     for _ in range(draw(st.integers(0, 2)))],
        visits=[Visit(draw(DAYS), draw(code(VisitOutcome)), draw(maybe(code(VisitPlace))),
                      draw(maybe(people))) for _ in range(draw(st.integers(0, 4)))],
        reports=[Report(draw(code(ReportKind)), draw(DAYS), draw(maybe(DAYS)),
                        draw(st.booleans())) for _ in range(draw(st.integers(0, 2)))],
        notices=[Notice(draw(code(NoticeKind)), draw(DAYS))
                 for _ in range(draw(st.integers(0, 2)))],
        contract=draw(maybe(st.builds(Contract, maybe(DAYS), maybe(DAYS), maybe(DAYS),
                                      maybe(code(NotSignedReason))))),
        retroactive=draw(maybe(code(Retroactive))), agreement_on=draw(maybe(DAYS)),
        lease_transferred_on=draw(maybe(DAYS)), relay_authorized=draw(st.booleans()),
        concertation_on=draw(maybe(DAYS)),
        stays=[Stay(draw(st.sampled_from(homes)), *draw(OPEN_SPANS))
               for _ in range(draw(st.integers(0, 2) if homes else st.just(0)))],
        long_stay_reason=draw(maybe(code(LongStayReason))), extension=draw(st.booleans()),
        summoned_on=draw(maybe(DAYS)), hearing_on=draw(maybe(DAYS)),
        outcome=draw(maybe(code(DsfOutcome))), transmitted_on=draw(maybe(DAYS)),
        done_on=draw(maybe(DAYS)))


def normal(value: object) -> object:
    """The value with every list taken as a multiset and money to the cent, to compare a
    caseload with the one read back (which comes in the canonical order)."""
    if is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, normal(getattr(value, f.name))) for f in fields(value))
    if isinstance(value, list):
        return tuple(sorted((normal(item) for item in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted(((normal(k), normal(v)) for k, v in value.items()), key=repr))
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    return value


@settings(max_examples=60, deadline=None)
@given(caseloads())
def test_round_trip(caseload: Caseload) -> None:
    document = caseload_to_json(caseload)
    again = parse_caseload(document)
    assert caseload_to_json(again) == document
    assert normal(again) == normal(caseload)  # nothing lost on the way
    # what is written is plain JSON: the same once through text
    assert caseload_to_json(parse_caseload(json.loads(json.dumps(document)))) == document


@settings(max_examples=15, deadline=None)
@given(caseloads())
def test_file_round_trip(caseload: Caseload) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "export.json"
        write_file(caseload, target)
        first = target.read_bytes()
        write_file(read_file(target), target)
        assert target.read_bytes() == first
