"""No rule code in the words the program shows: every string of the package but its
docstrings (labels, tooltips, messages, command-line help, the grid layout's notes) is
free of « P6 », « Q1 », « règle Q3 » (docs/regles.md names the rules by code; users and the
funder read plain French)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import desktop_app

CODE = re.compile(r"\b[PQ]\d\b|règles? [A-Z]\d|section 2\b")
PACKAGE = Path(desktop_app.__file__).parent


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value,
                                                                      ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip]


def test_no_rule_code_in_any_string_of_the_program() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line} « {text} »"
             for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts
             for line, text in _strings(path) if CODE.search(text)]
    assert not found, "\n".join(found)


def test_no_rule_code_in_the_grid_layout() -> None:
    for path in (PACKAGE / "resources" / "grid").glob("*.json"):
        text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        assert not CODE.search(text), path.name
