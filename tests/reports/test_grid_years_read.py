"""The store's grid reads N and N−1 one at a time (`grid_compute.years_read`): never both
caseloads held together, and the same indicators as `both_years` over the two held."""

from __future__ import annotations

import os
import weakref
from dataclasses import fields
from datetime import date

import pytest

from desktop_app.domain.indicators import ProfileBrackets, YearIndicators
from desktop_app.domain.model import Caseload
from desktop_app.reports import grid_compute
from desktop_app.reports.grid_compute import both_years, years_read
from tests.domain.indicators.builders import example

TODAY = date(2026, 1, 20)
TOTAL = 51


class Tracked(Caseload):
    """A caseload one can hold a weak reference to (to see when it is freed)."""


def reader(source: Caseload) -> tuple[list[int], list[list[int]], object]:
    calls: list[int] = []
    alive: list[list[int]] = []
    refs: dict[int, weakref.ref[Tracked]] = {}

    def read(year: int) -> Caseload:
        alive.append(sorted(y for y, ref in refs.items() if ref() is not None))
        calls.append(year)
        caseload = Tracked(**{f.name: getattr(source, f.name) for f in fields(Caseload)})
        refs[year] = weakref.ref(caseload)
        return caseload

    return calls, alive, read


def expected(source: Caseload) -> tuple[YearIndicators, YearIndicators | None]:
    return both_years(source, source, 2025, ProfileBrackets(), None, TODAY, None, TOTAL,
                      parallel=False)


def test_one_core_reads_n_then_n_minus_1_never_both() -> None:
    source = example("exemple-2.json")
    calls, alive, read = reader(source)
    seen: list[int] = []
    result = years_read(read, 2025, ProfileBrackets(), None, TODAY, None, TOTAL,  # type: ignore[arg-type]
                        parallel=False, seen=lambda caseload, ind: seen.append(ind.year))
    assert calls == [2025, 2024]
    assert alive == [[], []]  # N freed before N−1 is read
    assert seen == [2025]
    assert result == expected(source)


def test_forked_n_minus_1_is_read_first_and_dropped_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system")
    # The test runner's threads make `can_fork` refuse; the child only computes here.
    monkeypatch.setattr(grid_compute, "can_fork", lambda: True)
    source = example("exemple-2.json")
    calls, alive, read = reader(source)
    result = years_read(read, 2025, ProfileBrackets(), None, TODAY, None, TOTAL,  # type: ignore[arg-type]
                        parallel=True)
    assert calls == [2024, 2025]
    assert alive == [[], []]  # N−1 handed to the child, no longer held here
    assert result == expected(source)
