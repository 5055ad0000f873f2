"""The generated caseload: deterministic, consistent, realistic (default size, a few seeds)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

from desktop_app.demo import Demo, build_demo, generate_caseload
from desktop_app.domain import funding
from desktop_app.domain.dates import Month, add_months
from desktop_app.domain.measure_facts import in_force_span
from desktop_app.domain.model import Caseload, MeasureType, Retroactive, VisitOutcome
from desktop_app.domain.workdays import is_working_day

TODAY = date(2026, 11, 29)
#: (seed, today): a Sunday, the first Monday of a year, a leap day, a holiday (1 May).
CASES = ((1, TODAY), (2, TODAY), (3, date(2025, 1, 6)), (4, date(2028, 2, 29)),
         (5, date(2027, 5, 1)))


@pytest.fixture(scope="module", params=CASES, ids=lambda case: f"{case[0]}-{case[1]}")
def demo(request: pytest.FixtureRequest) -> Demo:
    seed, today = request.param
    return build_demo(seed=seed, today=today)


def test_same_seed_same_caseload_other_seed_other_caseload() -> None:
    first = generate_caseload(seed=3, today=TODAY)
    assert generate_caseload(seed=3, today=TODAY) == first
    assert generate_caseload(seed=4, today=TODAY) != first


def test_real_today_by_default() -> None:
    caseload = generate_caseload(households=8)
    assert max(v.date for m in caseload.measures for v in m.visits) <= date.today()


def test_at_least_one_household_and_one_year() -> None:
    with pytest.raises(ValueError, match="au moins 1 ménage"):
        build_demo(households=0)


def test_ids_are_numbered_and_references_exist(demo: Demo) -> None:
    c = demo.caseload
    assert [h.id for h in c.households] == [f"h{i}" for i in range(1, 61)]
    workers = {w.id for w in c.workers}
    households = {h.id for h in c.households}
    homes = {h.id for h in c.homes}
    assert len({m.id for m in c.measures}) == len(c.measures)
    assert all(m.id[0] == "m" and m.id[1:].isdigit() for m in c.measures)
    assert all(w.id[0] == "w" for w in c.workers) and all(u.id[0] == "u" for u in c.homes)
    for m in c.measures:
        assert m.household in households and m.referent in workers
        assert all(v.worker in workers for v in m.visits if v.worker is not None)
        assert all(s.home in homes for s in m.stays)
    for w in c.workers:
        assert all(a.replacement in workers - {w.id} for a in w.absences if a.replacement)


def test_no_end_before_start(demo: Demo) -> None:
    c = demo.caseload
    for m in c.measures:
        spans = [(p.start, p.end) for p in m.periods] + [(s.start, s.end) for s in m.suspensions]
        spans += [(s.start, s.end) for s in m.stays]
        assert all(end is None or start <= end for start, end in spans), m.id
        assert all(a.end < b.start for a, b in pairwise(m.periods))
        if m.summoned_on is not None and m.hearing_on is not None:
            assert m.summoned_on < m.hearing_on
            assert m.done_on is None or m.summoned_on <= m.done_on <= m.hearing_on
        if m.agreement_on is not None and m.periods:
            assert m.agreement_on < m.periods[0].start
    for w in c.workers:
        assert all(a.end is None or a.start <= a.end for a in w.absences)
    for home in c.homes:
        assert all(v.start <= v.end for v in home.vacancies)


def test_nothing_recorded_after_today(demo: Demo) -> None:
    c = demo.caseload
    recorded: list[date | None] = []
    for m in c.measures:
        recorded += [v.date for v in m.visits] + [n.sent_on for n in m.notices]
        recorded += [r.sent_on for r in m.reports] + [s.start for s in m.suspensions]
        recorded += [m.closed_on, m.done_on, m.transmitted_on, m.summoned_on, m.decision_date]
        recorded += [m.agreement_on, m.lease_transferred_on] + [s.start for s in m.stays]
        if m.contract is not None:
            recorded += [m.contract.signed_on, m.contract.sent_on, m.contract.not_signed_on]
    recorded += [a.slisl_notified_on for w in c.workers for a in w.absences]
    recorded += [g.sent_on for g in c.association.grids_sent]
    recorded += [t.sent_on for t in c.association.occupancy_tables_sent]
    assert max(d for d in recorded if d is not None) <= demo.today


def test_every_type_and_outcome_on_the_default_size(demo: Demo) -> None:
    c = demo.caseload
    assert {m.type for m in c.measures} == set(MeasureType)
    assert {v.outcome for m in c.measures for v in m.visits} == set(VisitOutcome)


def test_asll_periods_and_start(demo: Demo) -> None:
    """`duree`: 3 to 12 months a period, 24 in all (a span s..e is longer than N months when
    e ≥ s + N months); an ASLL starts on the 1st of the month after the CL decision, unless
    funded retroactively. Only the planted `duree` breach breaks the first rule."""
    planted = set(demo.breaches.get("duree", []))
    for m in demo.caseload.measures:
        if m.type is not MeasureType.ASLL:
            continue
        first = m.periods[0].start
        assert first.day == 1
        if m.retroactive is None and m.decision_date is not None:
            assert first == Month.of(m.decision_date).next().first_day, m.id
        if m.id in planted:
            assert m.periods[-1].end >= add_months(m.periods[-1].start, 12)
            continue
        for p in m.periods:
            assert add_months(p.start, 3) - p.start.resolution <= p.end, m.id
            assert p.end < add_months(p.start, 12), m.id
        assert m.periods[-1].end < add_months(first, 24), m.id


def test_retroactive_asll_starts_the_month_after_the_dsf(demo: Demo) -> None:
    for m in demo.caseload.measures:
        if m.retroactive is Retroactive.DSF:
            dsf = next(x for x in demo.caseload.measures
                       if x.household == m.household and x.type is MeasureType.DSF)
            assert dsf.done_on is not None
            assert m.periods[0].start == Month.of(dsf.done_on).next().first_day


def test_visits_inside_the_measure_on_working_days_in_order(demo: Demo) -> None:
    for m in demo.caseload.measures:
        days = [v.date for v in m.visits]
        assert days == sorted(days), m.id
        assert all(is_working_day(d) for d in days), m.id
        span = in_force_span(m)
        if span is not None:
            assert all(span[0] <= d <= span[1] for d in days), m.id
            suspended = [(s.start, s.end or demo.today) for s in m.suspensions]
            assert not any(a <= d <= b for d in days for a, b in suspended), m.id
        elif m.summoned_on is not None:
            assert all(m.summoned_on <= d <= (m.hearing_on or demo.today) for d in days)


def test_fal_stays_follow_the_measure_and_homes_are_not_double_booked(demo: Demo) -> None:
    c = demo.caseload
    stays_of: dict[str, list[tuple[date, date]]] = {}
    for m in c.measures:
        if m.type is MeasureType.FAL:
            assert len(m.stays) == 1
            stay = m.stays[0]
            assert stay.start == m.periods[0].start and stay.end == m.closed_on
            stays_of.setdefault(stay.home, []).append((stay.start, stay.end or date.max))
    for home in c.homes:
        stays = sorted(stays_of[home.id])
        # one household at a time (no colocation in the demo): each leaves before the next
        # enters, and each vacancy lies between a departure and the next entry
        # (more in test_homes.py)
        assert all(a[1] < b[0] for a, b in pairwise(stays)), home.id
        for vacancy in home.vacancies:
            assert any(a[1] < vacancy.start and vacancy.end < b[0]
                       for a, b in pairwise(stays))


def _shares(caseload: Caseload) -> dict[MeasureType, float]:
    counts = Counter(m.type for m in caseload.measures)
    return {t: counts[t] / len(caseload.measures) for t in MeasureType}


@pytest.fixture(scope="module")
def large() -> Demo:
    return build_demo(households=3000, years=10, seed=11, today=TODAY)


def test_proportions_on_a_larger_caseload(large: Demo) -> None:
    """About 55 % ASLL, 10 % AML, 10 % FAL, 20 % DSF, 5 % diagnoses; about 8 % closed doors;
    about 20 visits per household over 10 years (a million for 50 000)."""
    caseload = large.caseload
    shares = _shares(caseload)
    expected = {MeasureType.ASLL: 0.55, MeasureType.AML: 0.10, MeasureType.FAL: 0.10,
                MeasureType.DSF: 0.20, MeasureType.ASLL_DIAG: 0.05}
    for kind, share in expected.items():
        assert abs(shares[kind] - share) < 0.04, kind
    outcomes = Counter(v.outcome for m in caseload.measures for v in m.visits)
    visits = sum(outcomes.values())
    closed = outcomes[VisitOutcome.PORTE_CLOSE] + outcomes[VisitOutcome.PORTE_CLOSE_JUSTIFIEE]
    assert 0.06 < closed / visits < 0.11
    assert 17 < visits / 3000 < 23


def test_staffed_for_the_load_of_a_larger_caseload(large: Demo) -> None:
    """About one worker per 25 households followed today; Q1 respected by every worker but
    the planted one, in a month of the middle of the history too."""
    c = large.caseload
    supports = (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL)
    followed = {m.household for m in c.measures if m.type in supports
                and (span := in_force_span(m)) is not None and span[0] <= TODAY <= span[1]}
    assert 15 <= len(followed) / len(c.workers) <= 30
    assert len({w.name for w in c.workers}) == len(c.workers)  # no two colleagues alike
    for month in (Month(2021, 6), Month.of(TODAY)):
        result = funding.compute_month_points(c, month)
        over = {w.worker for w in result.workers if w.figures.points > w.figures.limit}
        assert over <= set(large.breaches["quota_points"]), month
