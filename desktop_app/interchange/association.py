"""Parsing the association (conventions, grids and occupancy tables sent) and the tariffs."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from decimal import Decimal

from desktop_app.domain.limits import FIRST_YEAR, LAST_YEAR
from desktop_app.domain.model import (
    Association,
    Convention,
    GridSent,
    MeasureType,
    OccupancyTableSent,
    Tariff,
)
from desktop_app.interchange import shapes
from desktop_app.interchange.document import Duplicated
from desktop_app.interchange.fields import JsonObject, join
from desktop_app.interchange.quoting import printable, shown
from desktop_app.interchange.values import Reader

_TYPES = ", ".join(f"« {kind.value} »" for kind in MeasureType)


def parse_association(r: Reader, document: JsonObject) -> Association:
    path = "association"
    item = document.get(path)
    if item is None:  # a missing key was noted with the document's keys
        if path in document:
            r.add(path, "l'association ne peut pas être null : écrivez "
                  "\"association\": {\"name\": \"…\"}")
        return Association(name="")
    raw = r.obj(item, path, shapes.ASSOCIATION)
    if raw is None:
        return Association(name="")
    association = Association(name=r.text(raw, path, "name", blank=True))
    years: dict[Hashable, int] = {}
    for j, at, conv in r.each(raw, path, "conventions", shapes.CONVENTION):
        mark = len(r.problems)
        year = r.count(conv, at, "year", FIRST_YEAR, LAST_YEAR)
        if len(r.problems) == mark:
            once(r, years, year, f"{path}.conventions", j, "year",
                 "une seule convention par année")
        association.conventions.append(Convention(
            year=year, asll_points_per_month=r.count(conv, at, "asll_points_per_month"),
            aml_points_per_month=r.count(conv, at, "aml_points_per_month"),
            fal_count=r.count(conv, at, "fal_count"), dsf_count=r.count(conv, at, "dsf_count"),
            dsf_closed_door_count=r.count(conv, at, "dsf_closed_door_count"),
            max_subsidy=_max_subsidy(r, conv, at)))
    grid_years: dict[Hashable, int] = {}
    for j, at, grid in r.each(raw, path, "grids_sent", shapes.GRID_SENT):
        mark = len(r.problems)
        year = r.count(grid, at, "year", FIRST_YEAR, LAST_YEAR)
        if len(r.problems) == mark:
            once(r, grid_years, year, f"{path}.grids_sent", j, "year",
                 "un seul envoi par année")
        association.grids_sent.append(GridSent(year=year, sent_on=r.day(grid, at, "sent_on")))
    months: dict[Hashable, int] = {}
    for j, at, table in r.each(raw, path, "occupancy_tables_sent", shapes.OCCUPANCY_SENT):
        mark = len(r.problems)
        month = r.month(table, at, "month")
        if len(r.problems) == mark:
            once(r, months, month, f"{path}.occupancy_tables_sent", j, "month",
                 "un seul envoi par mois")
        association.occupancy_tables_sent.append(OccupancyTableSent(
            month=month, sent_on=r.day(table, at, "sent_on")))
    return association


def _max_subsidy(r: Reader, raw: JsonObject, path: str) -> dict[MeasureType, Decimal] | None:
    value = raw.get("max_subsidy")
    if value is None:
        return None
    at = join(path, "max_subsidy")
    if not isinstance(value, dict):
        r.add(at, f"un objet {{\"ASLL\": \"20628.00\", …}} est attendu, pas {shown(value)}")
        return None
    if isinstance(value, Duplicated):
        r.duplicates(value, at, "les plafonds de subvention")
    amounts: dict[MeasureType, Decimal] = {}
    for key in value:
        try:
            kind = MeasureType(key)
        except ValueError:
            shown_key = printable(key)
            r.add(join(at, shown_key), f"type de mesure inconnu « {shown_key} » : écrivez l'un "
                  f"des types {_TYPES}")
            continue
        amounts[kind] = r.money(value, at, key)
    return amounts


def parse_tariffs(r: Reader, items: Iterable[object]) -> list[Tariff]:
    tariffs: list[Tariff] = []
    starts: dict[Hashable, int] = {}
    for j, child in enumerate(items):
        at = f"tariffs[{j}]"
        raw = r.obj(child, at, shapes.TARIFF)
        if raw is None:
            continue
        mark = len(r.problems)
        start = r.day(raw, at, "from")
        if len(r.problems) == mark:
            once(r, starts, start, "tariffs", j, "from", "un seul tarif par date d'effet")
        tariffs.append(Tariff(
            from_date=start, point_value=r.money(raw, at, "point_value"),
            fal_support_per_year=r.money(raw, at, "fal_support_per_year"),
            fal_management_per_year=r.money(raw, at, "fal_management_per_year"),
            dsf_done=r.money(raw, at, "dsf_done"),
            dsf_closed_door=r.money(raw, at, "dsf_closed_door"),
            points_per_fte=r.count(raw, at, "points_per_fte"),
            fal_per_fte=r.count(raw, at, "fal_per_fte")))
    return tariffs


def once(r: Reader, seen: dict[Hashable, int], value: Hashable, section: str, index: int,
         key: str, rule: str) -> None:
    """Notes a natural key (a year, a month, a date) met twice in one list."""
    first = seen.setdefault(value, index)
    if first != index:
        r.add(f"{section}[{index}].{key}", f"« {value} » figure déjà dans {section}[{first}] : "
              f"{rule}, supprimez ou corrigez l'un des deux")
