"""Test-wide settings: Qt offscreen, no user folder touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = SHARED / "examples"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder and no default store from the environment."""
    monkeypatch.setenv("SUIVI_FSL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SUIVI_FSL_DB", raising=False)
    monkeypatch.delenv("SUIVI_FSL_PASSPHRASE", raising=False)
