"""A marked section of `benchmarks/RESULTS.md`, replaced whole and atomically: what each
benchmark writes lies between `<!-- NAME: début -->` and `<!-- NAME: fin -->`, the rest of
the file is kept as it is (added at the end the first time)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.private_files import write_text

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}: début -->", f"<!-- {name}: fin -->"


def replaced(current: str, name: str, text: str) -> str:
    """`current` with the section `name` holding `text` (appended if it has none)."""
    begin, end = markers(name)
    section = f"{begin}\n{text.strip()}\n{end}"
    if begin in current and end in current.split(begin, 1)[1]:
        before, rest = current.split(begin, 1)
        return f"{before}{section}{rest.split(end, 1)[1]}"
    return f"{current.rstrip()}\n\n{section}\n" if current.strip() else f"{section}\n"


def write_section(name: str, text: str, path: Path = RESULTS) -> None:
    """The section `name` of `path` replaced by `text` (temporary file renamed over it)."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    write_text(path, replaced(current, name, text))
    path.chmod(0o644)  # a document of the repository, not a private file
