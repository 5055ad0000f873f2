"""The command line on a PostgreSQL server: the worked examples give exactly the
same `points --json` and `alerts --json` as on a SQLite file, whatever the form of the URL;
what only a file has is refused in French, the password never printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ALERTS_CASES, EXAMPLES, POINTS_CASES
from tests.postgres import TestServer, url_text
from tests.test_cli import run

SECRET = "motdepasse-Tr3s-secret"


def _outputs(capsys: pytest.CaptureFixture[str], db: str) -> list[str]:
    """What `points --json` and `alerts --json` print for every worked example."""
    printed = []
    for batch, (example, month) in enumerate(POINTS_CASES, start=1):
        assert run(capsys, "--db", db, "import", str(EXAMPLES / f"{example}.json"))[0] == 0
        code, out, err = run(capsys, "--db", db, "points", "--month", month, "--json")
        assert (code, err) == (0, "")
        printed.append(out)
        for other, day in ALERTS_CASES:
            if other == example:
                code, out, err = run(capsys, "--db", db, "alerts", "--on", day, "--json")
                assert (code, err) == (0, "")
                printed.append(out)
        # Undone, so that the next example is alone in the store.
        assert run(capsys, "--db", db, "undo-import", str(batch))[0] == 0
    return printed


@pytest.mark.parametrize("scheme", ["postgresql+psycopg", "postgresql"])
def test_the_worked_examples_print_the_same_on_postgresql_as_on_sqlite(
    capsys: pytest.CaptureFixture[str], pg_server: TestServer, tmp_path: Path, scheme: str
) -> None:
    on_file = _outputs(capsys, str(tmp_path / "store.sqlite3"))
    database = pg_server.create()
    try:
        url = url_text(pg_server.url_of(database).set(drivername=scheme))
        assert url.startswith(f"{scheme}://")
        assert _outputs(capsys, url) == on_file  # byte for byte
    finally:
        pg_server.drop(database)
    assert len(on_file) == len(POINTS_CASES) + len(ALERTS_CASES)


def test_backup_on_a_server_asks_for_a_passphrase_and_restore_is_refused_in_french(
    capsys: pytest.CaptureFixture[str], pg_server: TestServer, tmp_path: Path
) -> None:
    from desktop_app.store.server_backup import NO_PASSPHRASE

    url = pg_server.url_of(pg_server.template).set(password=SECRET)
    code, out, err = run(capsys, "--db", url_text(url), "backup", "--out", str(tmp_path / "s"))
    assert (code, out, err) == (1, "", f"Erreur : {NO_PASSPHRASE}\n")
    assert not (tmp_path / "s").exists()
    code, out, err = run(capsys, "--db", url_text(url), "restore", str(tmp_path / "x.bak"))
    assert (code, out) == (1, "")
    assert err.startswith(f"Erreur : La base {url.render_as_string()} est sur un serveur "
                          "PostgreSQL : la restauration d'une sauvegarde, la copie de fichier "
                          "et le chiffrement par mot de passe ne concernent qu'une base sur "
                          "fichier, rien n'a été fait.")
    assert SECRET not in err and "***" in err


def test_backup_on_a_server_writes_the_encrypted_export_and_rotates(
    capsys: pytest.CaptureFixture[str], pg_server: TestServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.store.server_backup import read_server_backup

    passphrase = "Soleil-2025-Arras"
    database = pg_server.create()
    try:
        db = url_text(pg_server.url_of(database))
        assert run(capsys, "--db", db, "import", str(EXAMPLES / "exemple-1.json"))[0] == 0
        assert run(capsys, "--db", db, "export", str(tmp_path / "export.json"))[0] == 0
        monkeypatch.setenv("SUIVI_FSL_PASSPHRASE", passphrase)
        old = tmp_path / "s" / "suivi-fsl-2020-01-01T000000.serveur.bak"
        old.parent.mkdir()
        old.write_bytes(b"x")
        code, out, err = run(capsys, "--db", db, "backup", "--out", str(tmp_path / "s"),
                             "--rotation")
    finally:
        pg_server.drop(database)
    made = Path(out.strip())
    assert (code, made.parent, made.name.endswith(".serveur.bak")) == (
        0, tmp_path / "s", True)
    assert err == f"Supprimée (rotation) : {old}\n"  # older than 12 months
    exported = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert read_server_backup(made, passphrase).caseload == exported
