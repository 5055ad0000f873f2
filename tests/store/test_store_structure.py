"""The store's modules import one another without a circle: the exceptions (`errors`) and
the plain records (`records`) import no other store module, and the import graph of
`desktop_app.store` has no strongly connected component of more than one module (nor a
module importing itself). `lint-imports` checks the same (`acyclic_siblings` contract)."""

from __future__ import annotations

import grimp
import pytest

STORE = "desktop_app.store"


@pytest.fixture(scope="module")
def imports() -> dict[str, set[str]]:
    """Each store module → the store modules it imports (at any place, `TYPE_CHECKING`
    blocks and function bodies included)."""
    graph = grimp.build_graph("desktop_app")
    modules = {m for m in graph.find_descendants(STORE) if ".migrations" not in m}
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}


def circles(imports: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan), and the modules
    that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in imports[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == module:
                    break
            if len(component) > 1 or module in imports[module]:
                found.append(component)

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return found


def test_the_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_store_modules_form_no_circle(imports: dict[str, set[str]]) -> None:
    assert f"{STORE}.api" in imports and f"{STORE}.repository" in imports
    assert circles(imports) == []


def test_the_exceptions_and_records_import_no_store_module(
        imports: dict[str, set[str]]) -> None:
    assert imports[f"{STORE}.errors"] == set()
    assert imports[f"{STORE}.records"] == set()


def test_only_the_composition_imports_the_protocol(imports: dict[str, set[str]]) -> None:
    """`api` holds the `Store` protocol only: the store's modules work on connections and
    need it not; `repository` (which checks that `SqlStore` implements it) and `startup`."""
    importers = {m for m, imported in imports.items() if f"{STORE}.api" in imported}
    assert importers <= {f"{STORE}.repository", f"{STORE}.startup"}
