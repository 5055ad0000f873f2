"""Test-wide settings: Qt offscreen, no user folder touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The repository's root: no test reads anything outside it (`tests/test_stands_alone.py`).
ROOT = Path(__file__).resolve().parent.parent
#: The worked examples of the contract (interchange files and the exact outputs expected from
#: them, `tests/data/examples/README.md`).
EXAMPLES = ROOT / "tests" / "data" / "examples"
#: (example, month) of each `NAME.points-YYYY-MM.json` in EXAMPLES: `points --month --json`.
POINTS_CASES = [("exemple-1", "2025-09"), ("exemple-2", "2025-12")]
#: (example, day) of each `NAME.alerts-YYYY-MM-DD.json` in EXAMPLES: `alerts --on --json`.
ALERTS_CASES = [("exemple-1", "2025-09-20"), ("exemple-2", "2026-01-05")]
#: The project's own documentation: the rule book and the interchange contract.
DOCS = ROOT / "docs"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder and no default store from the environment."""
    monkeypatch.setenv("SUIVI_FSL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SUIVI_FSL_DB", raising=False)
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)
