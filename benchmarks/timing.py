"""Timing helpers and the Markdown table of the benchmark."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def median_seconds(work: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median wall time of `runs` calls of `work` (at least one), and the last result."""
    started = time.perf_counter()
    result = work()
    times = [time.perf_counter() - started]
    for _ in range(runs - 1):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def interleaved_medians(works: Sequence[Callable[[], object]], runs: int
                        ) -> list[tuple[float, object]]:
    """Median wall time of each of `works`, run in turn `runs` times (a, b, c, a, b, c…), so
    that a busy machine weighs on all of them alike; with each one's last result."""
    times: list[list[float]] = [[] for _ in works]
    results: list[object] = [None] * len(works)
    for _ in range(max(1, runs)):
        for index, work in enumerate(works):
            started = time.perf_counter()
            results[index] = work()
            times[index].append(time.perf_counter() - started)
    return [(statistics.median(t), r) for t, r in zip(times, results, strict=True)]


def once(work: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the results: what was asked, on what, how long, against what."""

    question: str
    detail: str
    seconds: float
    baseline: float | None = None  # the raw SQL figure of the same run
    limit: float | None = None  # target in seconds
    max_ratio: float | None = None  # target: at most this many times the baseline

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.seconds / self.baseline

    @property
    def met(self) -> bool | None:
        if self.limit is None and self.max_ratio is None:
            return None
        ok = self.limit is None or self.seconds < self.limit
        ratio = self.ratio
        if self.max_ratio is not None and ratio is not None:
            ok = ok and ratio <= self.max_ratio
        return ok

    @property
    def target(self) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"< {_number(self.limit, 0 if self.limit >= 1 else 2)} s")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}× SQL")
        return ", ".join(parts)


def _number(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return _number(value, 3 if value < 10 else 1)


def markdown_table(rows: list[Row]) -> str:
    lines = ["| Question | Données | Médiane (s) | SQL brut (s) | Rapport | Cible | Atteinte |",
             "|---|---|---:|---:|---:|---|:---:|"]
    for row in rows:
        ratio = "—" if row.ratio is None else f"{_number(row.ratio, 1)}×"
        met = {True: "oui", False: "**non**", None: ""}[row.met]
        lines.append(f"| {row.question} | {row.detail} | {seconds(row.seconds)} | "
                     f"{seconds(row.baseline)} | {ratio} | {row.target} | {met} |")
    return "\n".join(lines)


def count(value: int) -> str:
    return f"{value:,}".replace(",", " ")
