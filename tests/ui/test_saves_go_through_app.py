"""The window saves only through the application layer (`desktop_app.app`), read from the
source: no module of `desktop_app/ui` calls a write method of the store (the list is taken
from the `Store` class itself, so a new write method is covered), nor the account operations
of the server (`store.account_admin.AccountAdmin`); and each write of an `app` command is
checked against the version the caller read (`expected=`), or is a creation (`new=True`, or
said « A creation » in its docstring), or is documented as having nothing to overwrite (a
change applied in the writing transaction, a record replaced whole…)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from desktop_app.store.account_admin import AccountAdmin
from desktop_app.store.api import Store
from desktop_app.store.repository import SqlStore
from tests.conftest import ROOT

UI = ROOT / "desktop_app" / "ui"
APP = ROOT / "desktop_app" / "app"
#: The first word of a store method that changes what is stored.
WRITE_VERBS = frozenset({"save", "delete", "update", "record", "add", "set", "import", "undo",
                         "merge", "treat", "archive", "anonymise", "remove", "create", "change",
                         "mark", "forget", "restore"})
#: Methods whose first word is a verb above but which only read.
READS = frozenset({"import_batches"})
#: How an `app` command says why its write takes no `expected`.
DOCUMENTED = ("A creation", "Nothing to overwrite")


def _store_methods() -> list[str]:
    return sorted(name for name, value in vars(Store).items()
                  if callable(value) and not name.startswith("_"))


def _opens_a_write(name: str) -> bool:
    """Whether the store's implementation of `name` opens a write transaction."""
    return "_writing()" in inspect.getsource(getattr(SqlStore, name))


def write_methods() -> frozenset[str]:
    """The store's write methods: named by a writing verb, or opening a write transaction."""
    return frozenset(
        name for name in _store_methods()
        if (name.split("_")[0] in WRITE_VERBS and name not in READS) or _opens_a_write(name))


def account_operations() -> frozenset[str]:
    """The operations of `AccountAdmin` that change the server's accounts."""
    return frozenset(name for name, value in vars(AccountAdmin).items()
                     if callable(value) and not name.startswith("_") and name != "accounts")


def store_writes(tree: ast.AST, names: frozenset[str]) -> list[ast.Call]:
    """The calls `x.name(…)` of `names` in `tree`, `x` not being `self` (a screen's own
    method may share a name with the store's)."""
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in names
            and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")]


def _ui_offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{node.lineno}: {node.func.attr}"  # type: ignore[attr-defined]
             for node in store_writes(tree, write_methods())]
    found += [f"{node.lineno}: AccountAdmin" for node in ast.walk(tree)
              if (isinstance(node, ast.Name) and node.id == "AccountAdmin")
              or (isinstance(node, ast.alias) and node.name == "AccountAdmin")]
    return found


def _checked(call: ast.Call) -> bool:
    given = {k.arg: k.value for k in call.keywords}
    new = given.get("new")
    return "expected" in given or (isinstance(new, ast.Constant) and new.value is True)


def _unchecked_commands(source: str) -> list[str]:
    """The public functions of an `app` module writing without a check nor a reason."""
    # An account operation counts only called on `_admin(store)` (`helpers` below): its
    # names (`add`, `share`…) are also those of sets and lists.
    names = write_methods()
    unchecked = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
            continue
        doc = ast.get_docstring(node) or ""
        calls = store_writes(node, names)
        helpers = [c for c in ast.walk(node) if isinstance(c, ast.Call)
                   and isinstance(c.func, ast.Attribute)
                   and c.func.attr in account_operations()
                   and isinstance(c.func.value, ast.Call)
                   and isinstance(c.func.value.func, ast.Name)
                   and c.func.value.func.id == "_admin"]
        if not calls and not helpers:
            continue
        if any(not _checked(c) for c in [*calls, *helpers]) and not doc.startswith(DOCUMENTED):
            unchecked.append(node.name)
    return unchecked


def test_the_write_methods_come_from_the_store_class() -> None:
    found = write_methods()
    # Worked out by hand from `Store` (store/api.py) as it stands: the saves, the measure's
    # update, the imports, merge and undo, the treated alert, the keeping rules' actions.
    assert {"save_household", "save_measure", "update_measure", "save_worker", "save_home",
            "save_association", "update_association", "save_tariffs", "save_alert_settings",
            "save_bilan_text", "save_retention_settings", "treat_alert", "import_caseload",
            "import_parts", "merge_caseload", "undo_import", "archive_households",
            "anonymise_households", "delete_households"} <= found
    reads = set(_store_methods()) - found
    assert {"household", "measure", "workers", "homes", "association", "new_id",
            "import_batches", "history", "load_for_day"} <= reads
    assert {"add", "disable", "change_password", "share", "unshare"} == account_operations()


def test_the_scan_sees_a_store_write_and_not_a_screen_method() -> None:
    tree = ast.parse("store.save_worker(w, expected=e)\n"
                     "self.save_worker()\n"
                     "self.ctx.store.archive_households(ids, day)\n"
                     "store.household('h1')\n")
    assert [c.lineno for c in store_writes(tree, write_methods())] == [1, 3]
    assert _unchecked_commands(
        "def a(store, w, expected):\n    store.save_worker(w, expected=expected)\n"
        "def b(store, w):\n    store.save_worker(w, new=True)\n"
        "def c(store, w):\n    store.save_worker(w)\n"
        "def d(store, s):\n    'Nothing to overwrite: replaced whole.'\n"
        "    store.save_alert_settings(s)\n"
        "def e(store, login):\n    return _admin(store).disable(login)\n") == ["c", "e"]


def test_the_window_writes_only_through_app_commands() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 80  # the scan reads the window's code, not an empty folder
    offences = {str(p.relative_to(ROOT)): found for p in files if (found := _ui_offences(p))}
    assert offences == {}


def test_every_app_command_that_writes_checks_the_version_read_or_says_why_not() -> None:
    files = sorted(APP.glob("*.py"))
    assert len(files) >= 8
    unchecked = {p.name: names for p in files
                 if (names := _unchecked_commands(p.read_text(encoding="utf-8")))}
    assert unchecked == {}
