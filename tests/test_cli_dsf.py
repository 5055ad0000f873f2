"""`dsf MESURE --out DOSSIER`: the DSF as sent to the SLISL, written in the folder; an
incomplete diagnostic or a measure that is not a DSF refused in French (exit 3)."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store.repository import open_store
from tests.reports.helpers import flat, pdf_text
from tests.reports.test_dsf_document import caseload


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'base.sqlite3'}"
    store = open_store(url)
    store.import_caseload(caseload())
    store.close()
    return url


def test_dsf_written_in_the_folder(db: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "envois"
    assert main(["--db", db, "dsf", "m1", "--out", str(folder)]) == 0
    out = folder / f"diagnostic-FSL-2025-0042-{date.today().isoformat()}.pdf"
    assert f"Diagnostic écrit : {out}" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = flat(pdf_text(out))
    assert "Montant de la dette locative 1 845,30 €" in text
    assert f"Établi le {date.today():%d/%m/%Y}" in text


def test_not_a_dsf_or_unknown(db: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "dsf", "m9", "--out", str(tmp_path)]) == 3
    assert ("Erreur : Aucun DSF ne correspond à « m9 » : donnez la référence FSL du ménage "
            "ou l'identifiant de la mesure.") in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == []


def test_by_the_households_fsl_reference(db: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "dsf", "fsl-2025/0042", "--out", str(tmp_path)]) == 0
    out = tmp_path / f"diagnostic-FSL-2025-0042-{date.today().isoformat()}.pdf"
    assert out.exists() and str(out) in capsys.readouterr().out
