"""`grid --year YYYY --out FILE` (docs/echange.md): the annual grid of the worked example 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import EXAMPLES
from tests.reports.helpers import flat, pdf_text, row_of, workbook


@pytest.fixture
def db(store_url: str) -> str:
    """A SQLite file, then a PostgreSQL database, holding the worked example 2."""
    assert main(["--db", store_url, "import", str(EXAMPLES / "exemple-2.json")]) == 0
    return store_url


def test_grid_xlsx(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    capsys.readouterr()
    assert main(["--db", db, "grid", "--year", "2025", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Grille d'activité 2025" in captured.err and str(out) in captured.out
    sheets = workbook(out)
    # u1 (14 rue de la Gare) occupied from 01/02/2025 to 31/12/2025: 28 + 306 = 334 days
    # (2025 has 365 days, January's 31 are empty); 2024: none.
    assert row_of(sheets["FAL"], "Jours d'occupation des logements")[1:3] == [334, 0]
    assert row_of(sheets["FAL"], "14 rue de la Gare, 62500 Saint-Omer")[1] == 334


def test_grid_pdf(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "grid", "--year", "2025", "--out", str(out)]) == 0
    assert "Jours d'occupation des logements 334 0" in flat(pdf_text(out))


def test_grid_refuses_a_txt(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.txt"
    assert main(["--db", db, "grid", "--year", "2025", "--out", str(out)]) == 2
    assert "Format de fichier non pris en charge : « x.txt »" in capsys.readouterr().err
    assert not out.exists()


def test_grid_needs_its_year(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", db, "grid", "--out", "x.xlsx"])
    assert raised.value.code == 2 and "arguments obligatoires" in capsys.readouterr().err
