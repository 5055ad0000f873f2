"""The layout of the annual grid, read from a data file (the SPSLH changes its template
from year to year): sheets, blocks, rows, labels, order, each cell naming an indicator.

Default: `desktop_app/resources/grid/grille_spslh.json`. A block is either a `list` (rows
of one indicator or one breakdown, shown for N and N−1) or a `table` (rows × columns, each
cell an indicator, each column shown for N and N−1; `row_title` heads its row labels,
« Mois » by default). A list's rows also show the gap and the evolution from N−1 to N.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from desktop_app.domain.fr import os_reason
from desktop_app.domain.indicators import ProfileBrackets, indicator_names

DEFAULT_LAYOUT = "grille_spslh.json"


class LayoutError(ValueError):
    """The layout file is not usable: said in French, with where."""


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    indicator: str | None = None
    breakdown: str | None = None
    cells: tuple[str, ...] = ()
    total: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "list" | "table"
    title: str
    rows: tuple[Row, ...]
    columns: tuple[str, ...] = ()
    #: A table's heading over its row labels (« Mois » for the twelve months).
    row_title: str = "Mois"


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    title: str
    blocks: tuple[Block, ...]
    wide: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    title: str
    subtitle: str
    sheets: tuple[Sheet, ...]
    brackets: ProfileBrackets = field(default_factory=ProfileBrackets)
    notes: tuple[str, ...] = ()


def load_layout(path: Path | None = None) -> Layout:
    """Read and check a layout file (default: the built-in one); raises `LayoutError`."""
    if path is None:
        text = resources.files("desktop_app.resources.grid").joinpath(DEFAULT_LAYOUT)\
            .read_text(encoding="utf-8")
        where = DEFAULT_LAYOUT
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise LayoutError(f"Modèle de grille illisible : {path} ({os_reason(error)}).") \
                from error
        where = str(path)
    try:
        data = json.loads(text)
        layout = _layout(data)
    except json.JSONDecodeError as error:
        raise LayoutError(f"Modèle de grille {where} : JSON invalide ligne {error.lineno}, "
                          f"colonne {error.colno}.") from error
    except KeyError as error:
        raise LayoutError(f"Modèle de grille {where} invalide : la clé « {error.args[0]} » "
                          f"manque.") from error
    except (TypeError, ValueError, AttributeError) as error:
        raise LayoutError(f"Modèle de grille {where} invalide : {error}.") from error
    _check_names(layout, where)
    return layout


def _layout(data: Any) -> Layout:
    profile = data.get("profile") or {}
    brackets = ProfileBrackets(
        tuple(int(x) for x in profile.get("age_limits", ProfileBrackets().age_limits)),
        tuple(int(x) for x in profile.get("resources_limits",
                                          ProfileBrackets().resources_limits)),
    )
    sheets = tuple(_sheet(s) for s in _list(data["sheets"]))
    names = [s.name for s in sheets]
    if len(set(names)) != len(names):
        raise ValueError("deux feuilles portent le même nom")
    return Layout(str(data["title"]), str(data.get("subtitle", "")), sheets, brackets,
                  tuple(str(n) for n in _list(data.get("notes", []))))


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("une liste est attendue")
    return value


def _sheet(raw: Any) -> Sheet:
    name = str(raw["name"])
    if len(name) > 31:
        raise ValueError(f"nom de feuille trop long (31 caractères au plus) : « {name} »")
    blocks = tuple(_block(b) for b in _list(raw["blocks"]))
    return Sheet(name, str(raw.get("title", name)), blocks, bool(raw.get("wide", False)))


def _block(raw: Any) -> Block:
    kind = str(raw["kind"])
    if kind not in ("list", "table"):
        raise ValueError(f"bloc de type inconnu : « {kind} » (list ou table)")
    columns = tuple(str(c) for c in raw.get("columns", []))
    rows = tuple(
        Row(str(r["label"]), _opt(r.get("indicator")), _opt(r.get("breakdown")),
            tuple(str(c) for c in r.get("cells", [])),
            bool(r.get("total", False)))
        for r in _list(raw["rows"])
    )
    for row in rows:
        if kind == "table" and len(row.cells) != len(columns):
            raise ValueError(f"ligne « {row.label} » : {len(row.cells)} cellules pour "
                             f"{len(columns)} colonnes")
        if kind == "list" and (row.indicator is None) == (row.breakdown is None):
            raise ValueError(f"ligne « {row.label} » : un indicateur ou une répartition")
    return Block(kind, str(raw.get("title", "")), rows, columns,
                 str(raw.get("row_title", "Mois")))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _check_names(layout: Layout, where: str) -> None:
    scalar_names, breakdown_names = indicator_names()
    for sheet in layout.sheets:
        for block in sheet.blocks:
            for row in block.rows:
                for name in (row.indicator, *row.cells):
                    if name is not None and name not in scalar_names:
                        raise LayoutError(f"Modèle de grille {where}, feuille « {sheet.name} » : "
                                          f"indicateur inconnu « {name} ».")
                if row.breakdown is not None and row.breakdown not in breakdown_names:
                    raise LayoutError(f"Modèle de grille {where}, feuille « {sheet.name} » : "
                                      f"répartition inconnue « {row.breakdown} ».")
