"""What every report shares and that needs neither openpyxl nor reportlab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

#: `progress(done, total)`: called as a long report advances.
Progress = Callable[[int, int], None]
#: One cell of a table, before it is written (None: « sans objet », shown « — »).
Cell = str | int | float | Decimal | date | None


class ReportFormatError(ValueError):
    """The output file's extension is not one the report can be written as (French)."""


def output_kind(out: Path, allowed: tuple[str, ...] = (".xlsx", ".pdf")) -> str:
    """The lower-case extension of `out` if the report can be written so, else raise."""
    suffix = Path(out).suffix.lower()
    if suffix not in allowed:
        raise ReportFormatError(
            f"Format de fichier non pris en charge : « {Path(out).name} ». Choisissez un nom "
            f"qui se termine par {' ou '.join(allowed)}.")
    return suffix
