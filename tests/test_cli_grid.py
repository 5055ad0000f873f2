"""`grid --year YYYY --out FILE` (docs/echange.md): the annual grid of the worked example 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import EXAMPLES
from tests.reports.helpers import flat, pdf_pages, pdf_text, row_of, workbook


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


def test_a_year_under_way_is_provisional_on_every_page(db: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    capsys.readouterr()
    assert main(["--db", db, "grid", "--year", "2025", "--on", "2025-12-31", "--out",
                 str(out)]) == 0
    assert "Grille PROVISOIRE : l'année 2025 n'est pas terminée" in capsys.readouterr().err
    pages = pdf_pages(out)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "PROVISOIRE" in page, number
        assert f"Établi le 31/12/2025 — Page {number} sur {len(pages)}" in flat(page)
    # The signed document ends with its signature block.
    last = flat(pages[-1])
    assert "Lieu et date" in last and "Fait à :" in last and "Qualité :" in last


def test_the_next_morning_the_year_is_final(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "grid", "--year", "2025", "--on", "2026-01-01", "--out",
                 str(out)]) == 0
    pages = pdf_pages(out)
    assert not any("PROVISOIRE" in page for page in pages)
    assert all("Établi le 01/01/2026" in page for page in pages)


def test_a_provisional_xlsx(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    assert main(["--db", db, "grid", "--year", "2025", "--on", "2025-12-04", "--out",
                 str(out)]) == 0
    for name, sheet in workbook(out).items():
        assert sheet["A2"].value.endswith(" — Établi le 04/12/2025 — PROVISOIRE"), name
        assert sheet.oddHeader.right.text.startswith("PROVISOIRE — "), name
        assert sheet.oddFooter.right.text == "Établi le 04/12/2025 — Page &P sur &N", name
    checks = [str(v) for row in workbook(out)["Contrôles"].iter_rows(values_only=True)
              for v in row if v is not None]
    assert any(v.startswith("Qualité du signataire : ") for v in checks)


def test_a_future_year_is_refused(db: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    capsys.readouterr()
    assert main(["--db", db, "grid", "--year", "2026", "--on", "2025-12-31", "--out",
                 str(out)]) == 2
    err = capsys.readouterr().err
    assert "Erreur : l'année 2026 n'a pas commencé (nous sommes le 31/12/2025)" in err
    assert "Traceback" not in err
    assert not out.exists()
