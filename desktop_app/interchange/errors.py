"""What a rejected interchange file reports: every problem, with its JSON path, in French."""

from __future__ import annotations

from dataclasses import dataclass

#: The contract this package reads and writes (docs/echange.md).
FORMAT = "suivi-fsl/1"
#: Path shown for a problem of the whole document (not an object, not JSON at all).
ROOT = "(racine)"
#: Path shown for a problem of the file itself (encoding, JSON syntax).
FILE = "(fichier)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the file: where (`measures[3].periods[0].end`) and what, in French."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path} : {self.message}"


class InvalidFileError(Exception):
    """The file does not validate; `problems` lists all of them, in the order of the file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problème(s) dans le fichier")
        self.problems = problems

    def __str__(self) -> str:
        """One problem a line, « measures[3].periods[0].end : la fin … » (built on demand: a
        broken department-scale file may have a million)."""
        return "\n".join(str(problem) for problem in self.problems)

    def __reduce__(self) -> tuple[type[InvalidFileError], tuple[list[Problem]]]:
        return (InvalidFileError, (self.problems,))
