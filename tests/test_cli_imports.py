"""What a command loads: only what it needs. A store already at the current revision opens
without Alembic, a plain file without SQLCipher, a file without psycopg; `alerts` and `points`
load no report library and no Qt; `--version` and `--help` load no database library at all.
Each command runs in a fresh interpreter and lists, at its end, which of the heavy packages
it loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main

#: Packages a command may load only when it needs them (each costs 0,05–0,5 s to import).
HEAVY = ["alembic", "mako", "psycopg", "psycopg_binary", "sqlcipher3", "openpyxl",
         "reportlab", "PySide6", "holidays", "sqlalchemy", "sqlalchemy.orm",
         # Ours: the interchange format (imports, exports, the audit trail of a write) and
         # the grid's indicators (documents, anonymisation) are not needed to read.
         "desktop_app.interchange", "desktop_app.domain.indicators"]

_RUN = """
import json, sys
from desktop_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:  # --version, --help
    code = done.code
# SQLAlchemy's ORM is not used: the tables are Core tables.
names = {name if name.startswith(("sqlalchemy.orm", "desktop_app.")) else name.split(".")[0]
         for name in sys.modules}
loaded = sorted(names & set(json.loads(HEAVY)))
print(json.dumps([code, loaded]), file=sys.stderr)
"""


def loaded_by(*argv: str, passphrase: str | None = None) -> list[str]:
    """The heavy packages loaded by `suivi-fsl ARGV`, run to its end (exit code 0)."""
    env = dict(os.environ)
    env.pop("SUIVI_FSL_PASSPHRASE", None)
    if passphrase is not None:
        env["SUIVI_FSL_PASSPHRASE"] = passphrase
        env["SUIVI_FSL_PASSPHRASE_FAIBLE"] = "1"
    script = _RUN.replace("json.loads(HEAVY)", repr(HEAVY))
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                          text=True, env=env, check=False)
    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert code == 0, done.stderr
    return list(loaded)


@pytest.fixture(scope="module")
def plain_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imports") / "store.sqlite3"
    assert main(["--db", str(path), "demo", "--households", "3", "--years", "1"]) == 0
    return path


def test_the_version_and_the_help_load_no_database_library() -> None:
    assert loaded_by("--version") == []
    assert loaded_by("--help") == []


@pytest.mark.parametrize("command", [["alerts", "--on", "2025-10-15"],
                                     ["alerts", "--on", "1990-01-15", "--json"]])
def test_alerts_on_a_plain_file_load_only_sqlalchemy(plain_store: Path,
                                                     command: list[str]) -> None:
    assert loaded_by("--db", str(plain_store), *command) == ["sqlalchemy"]


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_points_on_a_plain_file_load_only_sqlalchemy(plain_store: Path, json: list[str]) -> None:
    # Not the grid's indicators either (domain.charts names their months for type checks only).
    assert loaded_by("--db", str(plain_store), "points", "--month", "2025-09",
                     *json) == ["sqlalchemy"]


def test_an_encrypted_file_loads_sqlcipher_and_no_more(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite3"
    passphrase = "cheval agrafe batterie correcte soir"
    assert loaded_by("--db", str(path), "demo", "--households", "2", "--years", "1",
                     passphrase=passphrase)  # created: migrated by Alembic
    assert loaded_by("--db", str(path), "alerts", "--on", "2025-10-15",
                     passphrase=passphrase) == ["sqlalchemy", "sqlcipher3"]


def test_a_store_on_a_server_loads_psycopg_but_not_alembic(store_url: str) -> None:
    """The same on both engines: a store at the current revision opens without Alembic."""
    assert main(["--db", store_url, "demo", "--households", "2", "--years", "1"]) == 0
    loaded = loaded_by("--db", store_url, "alerts", "--on", "2025-10-15")
    if store_url.startswith("sqlite"):
        assert loaded == ["sqlalchemy"]
    else:
        assert loaded == ["psycopg", "psycopg_binary", "sqlalchemy"]
