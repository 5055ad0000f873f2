"""The window's modules import at their top: an import inside a function hides a cycle or a
dependency. The few left have a reason, listed here (and said beside them in the code); a new
one fails this test until it is moved to its module's top or given its reason here. The use
cases the window imports while it starts (`app/opening.py`, `app/backups.py`) are held to the
same table: they bring the store modules that load Alembic inside their functions."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import desktop_app.ui

UI = Path(desktop_app.ui.__file__).parent
PACKAGE = UI.parent
#: The use cases the window imports at start-up (named, like every module here, by their path
#: from the package `desktop_app/`).
APP = [PACKAGE / "app" / "opening.py", PACKAGE / "app" / "backups.py"]
#: Alembic (the migrations) comes with these store modules: loaded where used, not while the
#: window starts (the store itself opens off the GUI thread).
ALEMBIC = "start-up cost: Alembic"
#: (module, module it imports inside a function) → why.
ALLOWED = {
    ("ui/app.py", "desktop_app.ui.context"): "start-up cost: the splash shows first",
    ("ui/app.py", "desktop_app.ui.main_window"): "start-up cost: the splash shows first",
    ("ui/app.py", "desktop_app.app.dashboard"): "start-up cost: the splash shows first",
    ("app/opening.py", "desktop_app.store.repository"): ALEMBIC,
    ("app/backups.py", "desktop_app.store.backup"): ALEMBIC,
    ("app/backups.py", "desktop_app.store.repository"): ALEMBIC,
    ("app/backups.py", "desktop_app.store.startup"): ALEMBIC,
    ("ui/app.py", "desktop_app.ui.window_chrome"): "start-up cost: the splash shows first",
    ("ui/window_chrome.py", "desktop_app.ui.household"):
        "start-up cost: the household file's module brings the reports (right of access)",
    ("ui/file_actions.py", "desktop_app.ui.reports.export"):
        "start-up cost: the reports package, when an export fails",
    ("ui/file_actions.py", "desktop_app.demo"): "start-up cost: the demo data, on demand only",
    ("ui/opening/keyring_store.py", "keyring"): "optional: the OS keyring may be missing or broken",
    ("ui/opening/keyring_store.py", "keyring.backends"): "optional: the OS keyring may be missing",
    ("ui/opening/session_signals.py", "PySide6.QtDBus"): "optional: a Qt without its D-Bus module",
}


def function_local_imports() -> set[tuple[str, str]]:
    found = set()
    for path in [*sorted(UI.rglob("*.py")), *APP]:
        name = path.relative_to(PACKAGE).as_posix()

        def walk(node: ast.AST, in_function: bool, name: str = name) -> None:
            for child in ast.iter_child_nodes(node):
                if in_function and isinstance(child, ast.ImportFrom):
                    found.add((name, child.module or ""))
                elif in_function and isinstance(child, ast.Import):
                    found.update((name, alias.name) for alias in child.names)
                walk(child, in_function or isinstance(
                    child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

        walk(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_no_function_local_import_without_its_reason() -> None:
    found = function_local_imports()
    assert sorted(found - ALLOWED.keys()) == [], "move these imports to the module's top"
    assert sorted(ALLOWED.keys() - found) == [], "no longer imported in a function: unlist"


def test_the_window_starts_without_alembic() -> None:
    """What the program imports before its splash shows (`ui/app.py`, with the opening and
    the backups at start-up) loads no migration code: the store opens off the GUI thread."""
    said = subprocess.run(
        [sys.executable, "-c", "import sys, desktop_app.ui.app; "
         "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'"
         " or m == 'desktop_app.store.repository'))"],
        capture_output=True, text=True, check=True)
    assert said.stdout.strip() == "[]"
