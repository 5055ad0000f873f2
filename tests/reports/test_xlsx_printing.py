"""The other spreadsheets (convention follow-up, monthly statement, ALT occupancy table)
printed as their recipients print them, by LibreOffice: every word of every cell is on the
page, and no two words are drawn over each other (the convention's wrapped column headings
used to spill over its first rows: each sheet's rows are now fitted to their text when the
workbook is saved, `reports.xlsx.save`)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from desktop_app.demo import generate_caseload
from desktop_app.domain.dates import Month
from desktop_app.domain.model import Caseload
from desktop_app.reports import write_convention_followup, write_occupancy_table, write_statement
from tests.reports.helpers import texts, workbook
from tests.reports.printing import libreoffice_print, overlaps, words_of

#: The demo made on this day: its last full year is 2025, its last full month November.
TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def demo() -> Caseload:
    return generate_caseload(today=TODAY)


def _write(kind: str, caseload: Caseload, out: Path) -> None:
    if kind == "convention":
        write_convention_followup(caseload, 2025, out)
    elif kind == "releve":
        write_statement(caseload, Month(2026, 11), out)
    else:
        write_occupancy_table(caseload, Month(2026, 11), out)


@pytest.mark.parametrize("kind", ["convention", "releve", "occupation"])
def test_printed_by_libreoffice_whole_and_without_overlap(kind: str, demo: Caseload,
                                                          tmp_path: Path) -> None:
    xlsx = tmp_path / f"{kind}.xlsx"
    _write(kind, demo, xlsx)
    pages = words_of(libreoffice_print(xlsx, tmp_path / "libreoffice"))
    assert pages
    for number, (*_, words) in enumerate(pages, start=1):
        drawn_over = list(overlaps(words))
        assert not drawn_over, (kind, number, drawn_over[:5])
    printed = {w[4] for *_, words in pages for w in words}
    # A name wrapped at its hyphen (« Saint-Martin- » then « Boulogne ») is whole read on.
    joined = "".join(w[4] for *_, words in pages for w in words)
    for name, ws in workbook(xlsx).items():
        missing = {word for text in texts(ws) if not re.fullmatch(r"[\d\s.,€%−+-]+", text)
                   for word in text.split() if word not in printed and word not in joined}
        assert not missing, (kind, name, sorted(missing)[:10])
