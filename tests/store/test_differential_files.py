"""Random interchange files: small demo caseloads of random sizes and dates, spoiled by valid
mutations (visits removed, moved to month ends or made closed doors, households sharing a
home, measures reopened or closed at a month's end), written as interchange files and
imported; the alerts of several days and the points of several months through the store equal
those of the engines run on the whole caseload read from the file
(`benchmarks.differential.file_differences`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.differential import random_caseload, random_files

#: The seeds of the suite's files (the full run in `benchmarks/` takes others, larger).
SEEDS = range(1, 13)


@pytest.mark.parametrize("seed", SEEDS)
def test_store_answers_as_the_engines_on_the_whole_file(tmp_path: Path, seed: int) -> None:
    files, asked, differences = random_files([seed], tmp_path, (6, 60), (1, 4))
    assert (files, differences) == (1, [])
    assert asked >= 10


def test_random_caseloads_are_reproducible_and_mutated() -> None:
    first, today, kept = random_caseload(3)
    assert random_caseload(3) == (first, today, kept)
    assert kept
    every = {name for seed in SEEDS for name in random_caseload(seed)[2]}
    assert every == {"visites retirées", "fins de mois", "portes closes", "colocation",
                     "réouverture", "clôture en fin de mois"}
