"""The annual grid as a document: the layout filled with the figures of N and N−1 and the
self-check results. No file format here: the XLSX and PDF writers (and the GUI preview)
render this same structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from desktop_app.domain.charts import BarChart
from desktop_app.domain.indicators import (
    CheckResult,
    Value,
    YearIndicators,
    breakdowns,
    scalars,
)
from desktop_app.domain.indicators.activity import NO_REASON
from desktop_app.domain.indicators.change import Change, change
from desktop_app.domain.indicators.profile import UNKNOWN_TERRITORY
from desktop_app.reports.layout import Block, Layout

#: Labels of data left empty, listed after the others.
UNKNOWN = frozenset({NO_REASON, UNKNOWN_TERRITORY})
#: The columns beside N and N−1 in the lists: N − (N−1) and its ratio to N−1.
CHANGE_COLUMNS = ("Écart", "Évolution")
#: The one row of an empty breakdown.
NOTHING = "Aucune donnée"


@dataclass(slots=True)
class GridRow:
    label: str
    #: list blocks: [N, N−1]; table blocks: [col1 N, col1 N−1, col2 N, …].
    values: list[Value]
    #: "row", "heading" (a breakdown's title, no figures), "item" (a breakdown entry),
    #: "total".
    kind: str = "row"
    #: list blocks: N against N−1 (« Écart », « Évolution »); None without N−1 or a figure.
    change: Change | None = None


@dataclass(slots=True)
class GridBlock:
    title: str
    #: Column titles above the pairs of years (tables); empty for lists.
    groups: list[str]
    rows: list[GridRow]
    #: Tables: the heading over the row labels.
    row_title: str = "Mois"


@dataclass(slots=True)
class GridSheet:
    name: str
    title: str
    blocks: list[GridBlock]
    wide: bool = False


@dataclass(slots=True)
class GridDocument:
    association: str
    year: int
    title: str
    subtitle: str
    notes: list[str]
    sheets: list[GridSheet]
    checks: list[CheckResult] = field(default_factory=list)
    #: The year's points per month against the ceiling and the convention (PDF, page 1).
    figure: BarChart | None = None

    @property
    def years(self) -> tuple[str, str]:
        return str(self.year), str(self.year - 1)

    @property
    def problems(self) -> list[str]:
        return [p for check in self.checks for p in check.problems]


def build_grid(layout: Layout, current: YearIndicators, previous: YearIndicators | None,
               checks: list[CheckResult]) -> GridDocument:
    now = (scalars(current), breakdowns(current))
    before = (scalars(previous), breakdowns(previous)) if previous is not None else ({}, {})
    sheets = [
        GridSheet(sheet.name, sheet.title, [_block(b, now, before) for b in sheet.blocks],
                  sheet.wide)
        for sheet in layout.sheets
    ]
    for sheet in sheets:
        for block in sheet.blocks:
            if not block.groups:  # lists; the months' tables keep their two years only
                for row in block.rows:
                    if len(row.values) == 2:
                        row.change = change(row.values[0], row.values[1])
    return GridDocument(current.association, current.year, layout.title, layout.subtitle,
                        list(layout.notes), sheets, checks)


Figures = tuple[dict[str, Value], dict[str, dict[str, Value]]]


def _block(block: Block, now: Figures, before: Figures) -> GridBlock:
    rows: list[GridRow] = []
    if block.kind == "table":
        for row in block.rows:
            values: list[Value] = []
            for name in row.cells:
                values += [now[0].get(name), before[0].get(name)]
            rows.append(GridRow(row.label, values, "total" if row.total else "row"))
        return GridBlock(block.title, list(block.columns), rows, block.row_title)
    for row in block.rows:
        if row.indicator is not None:
            rows.append(GridRow(row.label, [now[0].get(row.indicator),
                                            before[0].get(row.indicator)],
                                "total" if row.total else "row"))
            continue
        assert row.breakdown is not None
        this, last = now[1].get(row.breakdown, {}), before[1].get(row.breakdown, {})
        rows.append(GridRow(row.label, [], "heading"))
        labels = list(this) + [label for label in last if label not in this]
        if len(labels) > len(this):  # labels of N−1 only: sorted in, unknowns last
            labels.sort(key=lambda label: (label in UNKNOWN, label))
        money = any(isinstance(v, Decimal) for v in (*this.values(), *last.values()))
        zero: Value = Decimal("0.00") if money else 0
        if not labels:
            rows.append(GridRow(NOTHING, [zero, zero if before[1] else None], "item"))
        for label in labels:
            rows.append(GridRow(label, [this.get(label, zero),
                                        last.get(label, zero) if before[1] else None], "item"))
    return GridBlock(block.title, [], rows)
