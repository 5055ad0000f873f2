"""The garbage collector in the program's own process (desktop_app/cli_collector.py): off
during the imports; what they made frozen before the command runs; back on except for the
questions that only read. `main` called by another program (these tests) leaves it alone."""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, main
from desktop_app.cli_collector import QUESTIONS

#: The command's handler replaced by one that reports the collector's state when it runs.
_RUN = """
import gc, json, sys
from desktop_app import cli, cli_commands
seen = {}
def handler(store, args):
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
    return 0
setattr(cli_commands, "run_" + sys.argv[1].replace("-", "_"), handler)
sys.argv = ["suivi-fsl", "--db", sys.argv[2], sys.argv[1], *sys.argv[3:]]
code = cli.program()
print(json.dumps([code, seen, gc.isenabled()]))
"""


def _program(command: str, database: Path, *arguments: str
             ) -> tuple[int, dict[str, object], bool]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUIVI_FSL_")}
    env["SUIVI_FSL_DATA_DIR"] = str(database.parent / "data")
    done = subprocess.run([sys.executable, "-c", _RUN, command, str(database), *arguments], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    code, seen, enabled_after = json.loads(done.stdout.strip().splitlines()[-1])
    return code, seen, enabled_after


@pytest.mark.parametrize("command", [["alerts"], ["points", "--month", "2025-09"]])
def test_a_question_runs_with_the_collector_off_and_the_imports_frozen(
        tmp_path: Path, command: list[str]) -> None:
    code, seen, _ = _program(command[0], tmp_path / "suivi.sqlite3", *command[1:])
    assert code == 0
    assert seen["enabled"] is False
    # SQLAlchemy and the rules' modules alone make tens of thousands of objects.
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000


def test_a_command_that_writes_runs_with_the_collector_on(tmp_path: Path) -> None:
    code, seen, _ = _program("demo", tmp_path / "suivi.sqlite3")
    assert code == 0
    assert seen["enabled"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 10_000


def test_every_question_is_a_command_of_the_line() -> None:
    # A command renamed would silently run with the collector on again.
    commands = next(action.choices for action in build_parser()._actions
                    if isinstance(action, argparse._SubParsersAction))
    assert set(QUESTIONS) <= set(commands)


def test_main_called_by_another_program_leaves_the_collector_alone(tmp_path: Path) -> None:
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    assert main(["--db", str(tmp_path / "suivi.sqlite3"), "alerts", "--on", "2025-01-15"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
