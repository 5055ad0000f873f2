"""No internal code in what users and the funder read: every document of the demo (PDF
text page by page, XLSX cell text) is free of rule codes (« P6 », « Q1 », « règle Q3 ») and
of internal ids (« m342 », « h299 », « w3 »); each says « Établi le JJ/MM/AAAA »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.dates import Month
from desktop_app.domain.model import MeasureType, ReportKind
from desktop_app.reports import (
    BilanText,
    write_bilan,
    write_convention_followup,
    write_grid,
    write_occupancy_table,
    write_statement,
)
from desktop_app.reports.access_export import write_access_export
from desktop_app.store.repository import SqlStore, open_store
from tests.reports.helpers import pdf_pages, workbook

#: A rule code, an internal id, a rule named by its code.
CODES = re.compile(r"\b[PQ]\d\b|\b[mhw]\d+\b|règles? [A-Z]\d")
ESTABLISHED = re.compile(r"Établi le \d\d/\d\d/\d{4}")
TEXT = BilanText(situation="Situation.", objectives="Objectifs.", actions="Actions.",
                 results="Résultats.")


def offending(lines: list[str]) -> list[str]:
    return [line for line in lines if CODES.search(line)]


def test_the_pattern_catches_what_it_should() -> None:
    assert offending(["règles P1 à P7", "Plafond ETP (Q1)", "(règle Q3)", "mesure m342",
                      "Dossier du ménage h299", "releve-2026-11-w3.pdf"]) == [
        "règles P1 à P7", "Plafond ETP (Q1)", "(règle Q3)", "mesure m342",
        "Dossier du ménage h299", "releve-2026-11-w3.pdf"]
    assert offending(["Page 2 sur 11", "Quota de points par ETP", "62500 Saint-Omer",
                      "FSL-2025-0201", "h 30", "ASLL renforcé"]) == []


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--households", "30", "--years", "2"]) == 0
    opened = open_store(f"sqlite:///{path}")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def documents(store: SqlStore, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every kind of document the application writes, from the demo."""
    out = tmp_path_factory.mktemp("documents")
    today = date.today()
    year, month = today.year - 1, Month.of(today).previous()
    written: list[Path] = []
    current, previous = store.load_for_year(year), store.load_for_year(year - 1)
    for suffix in (".pdf", ".xlsx"):
        grid = out / f"grille{suffix}"
        write_grid(current, previous, year, grid, parallel=False)
        statement = out / f"releve{suffix}"
        write_statement(store.load_for_month(month), month, statement)
        convention = out / f"convention{suffix}"
        write_convention_followup(current, year, convention)
        written += [grid, statement, convention]
    caseload = store.load_for_month(month)
    worker = caseload.workers[0].id
    statement = out / "releve-travailleur.pdf"
    write_statement(caseload, month, statement, worker=worker)
    occupancy = out / "occupation.xlsx"
    write_occupancy_table(caseload, month, occupancy)
    written += [statement, occupancy]
    for kind in (MeasureType.ASLL, MeasureType.AML, MeasureType.FAL):
        measure = next(m for m in current.measures if m.type is kind and m.periods)
        bilan = out / f"bilan-{kind.name.lower()}.pdf"
        write_bilan(current, measure.id, TEXT, bilan, kind=ReportKind.INTERMEDIAIRE)
        written.append(bilan)
    household = next(m.household for m in current.measures if m.type is MeasureType.ASLL)
    _json, access = write_access_export(store, household, out)
    written.append(access)
    return written


def lines_of(path: Path) -> list[tuple[str, list[str]]]:
    """(where, lines) of each PDF page or XLSX sheet, the printed headers and footers of
    the sheets included."""
    if path.suffix == ".pdf":
        return [(f"page {n}", page.splitlines())
                for n, page in enumerate(pdf_pages(path), start=1)]
    parts = []
    for name, sheet in workbook(path).items():
        cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row
                 if v is not None]
        printed = [part.text or "" for part in (
            sheet.oddHeader.left, sheet.oddHeader.center, sheet.oddHeader.right,
            sheet.oddFooter.left, sheet.oddFooter.center, sheet.oddFooter.right)]
        parts.append((f"feuille « {name} »", cells + printed))
    return parts


def test_no_code_in_any_document(documents: list[Path]) -> None:
    found = [f"{path.name}, {where} : « {line} »" for path in documents
             for where, lines in lines_of(path) for line in offending(lines)]
    assert not found, "\n".join(found)


def test_every_page_says_when_it_was_established(documents: list[Path]) -> None:
    missing = [f"{path.name}, {where}" for path in documents
               for where, lines in lines_of(path)
               if not any(ESTABLISHED.search(line) for line in lines)]
    assert not missing, "\n".join(missing)
    assert len(documents) == 12
