"""The window's modules import at their top: an import inside a function hides a cycle or a
dependency. The few left have a reason, listed here (and said beside them in the code); a new
one fails this test until it is moved to its module's top or given its reason here."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop_app.ui

UI = Path(desktop_app.ui.__file__).parent
#: Alembic (the migrations) comes with these store modules: loaded where used, not while the
#: window starts (the store itself opens off the GUI thread).
ALEMBIC = "start-up cost: Alembic"
#: (module of ui, module it imports inside a function) → why.
ALLOWED = {
    ("app.py", "desktop_app.ui.context"): "start-up cost: the splash shows first",
    ("app.py", "desktop_app.ui.main_window"): "start-up cost: the splash shows first",
    ("settings/backup_actions.py", "desktop_app.store.backup"): ALEMBIC,
    ("settings/backup_actions.py", "desktop_app.store.repository"): ALEMBIC,
    ("settings/backup_dialog.py", "desktop_app.store.backup"): ALEMBIC,
    ("settings/backup_dialog.py", "desktop_app.store.backup_check"): ALEMBIC,
    ("opening/backup_startup.py", "desktop_app.store.backup"): ALEMBIC,
    ("opening/backup_startup.py", "desktop_app.store.backup_check"): ALEMBIC,
    ("opening/backup_startup.py", "desktop_app.store.startup"): ALEMBIC,
    ("settings/passphrase_change.py", "desktop_app.store.repository"): ALEMBIC,
    ("opening/store_opening.py", "desktop_app.store.repository"): ALEMBIC,
    ("file_actions.py", "desktop_app.demo"): "start-up cost: the demo data, on demand only",
    ("opening/keyring_store.py", "keyring"): "optional: the OS keyring may be missing or broken",
    ("opening/keyring_store.py", "keyring.backends"): "optional: the OS keyring may be missing",
    ("opening/session_signals.py", "PySide6.QtDBus"): "optional: a Qt without its D-Bus module",
}


def function_local_imports() -> set[tuple[str, str]]:
    found = set()
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()

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
