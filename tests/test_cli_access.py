"""`suivi-fsl access MENAGE --out DOSSIER`: the right-of-access answer of one household, by
its FSL reference, in a private folder, never over an earlier answer; an unknown household
exits 3 in French, nothing written."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from desktop_app.store.repository import open_store
from tests.reports.test_access_rights import hostile_caseload
from tests.test_cli import run


@pytest.fixture
def db(store_url: str) -> str:
    """A store holding DURAND Marie (FSL-2025-0042) and BERNARD Paul, who share an ALT home:
    a SQLite file, then a PostgreSQL database."""
    store = open_store(store_url)
    store.import_caseload(hostile_caseload(), source="dossiers.json")
    store.close()
    return store_url


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_access_by_reference(capsys: pytest.CaptureFixture[str], db: str,
                             tmp_path: Path) -> None:
    out = tmp_path / "reponses" / "durand"  # missing: created, 0700
    old = os.umask(0)
    try:
        code, printed, err = run(capsys, "--db", db, "access", "fsl-2025-0042", "--out",
                                 str(out))
        again = run(capsys, "--db", db, "access", "FSL-2025-0042", "--out", str(out))
    finally:
        os.umask(old)
    stem = f"droit-acces-FSL-2025-0042-{date.today():%Y-%m-%d}"
    assert (code, err) == (0, "")
    assert printed.splitlines() == [str(out / f"{stem}.json"), str(out / f"{stem}.pdf")]
    assert again == (0, f"{out / stem}-2.json\n{out / stem}-2.pdf\n", "")
    assert sorted(os.listdir(out)) == sorted(f"{stem}{n}{suffix}" for n in ("", "-2")
                                             for suffix in (".json", ".pdf"))
    assert {stat.S_IMODE(os.stat(out / name).st_mode) for name in os.listdir(out)} == {0o600}
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700
    document = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert document["ménage"]["nom"] == "DURAND Marie"
    assert "BERNARD" not in json.dumps(document, ensure_ascii=False)


def test_unknown_household_exits_3(capsys: pytest.CaptureFixture[str], db: str,
                                   tmp_path: Path) -> None:
    code, printed, err = run(capsys, "--db", db, "access", "FSL-2099-0001", "--out",
                             str(tmp_path / "out"))
    assert (code, printed) == (3, "")
    assert err == ("Erreur : aucun ménage de la base n'a la référence « FSL-2099-0001 ». "
                   "Vérifiez la référence FSL (écran « Ménages »), puis recommencez.\n")
    assert not (tmp_path / "out").exists()
    code, printed, err = run(capsys, "--db", db, "access", " ", "--out", str(tmp_path))
    assert (code, err) == (3, "Erreur : la référence du ménage est vide : donnez sa référence "
                              "FSL.\n")


def test_access_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        run(capsys, "access", "--help")
    printed = capsys.readouterr().out
    assert done.value.code == 0
    assert "MENAGE" in printed and "--out DOSSIER" in printed and "référence FSL" in printed
