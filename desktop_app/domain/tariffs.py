"""Tariffs with an effective date (P4–P6, Q1–Q2): data, never constants in code."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources

from desktop_app.domain.model import Tariff


def default_tariffs() -> list[Tariff]:
    """The built-in values in force from 2025-07-01 (docs/regles.md), read from
    `desktop_app/resources/default_tariffs.json`."""
    text = resources.files("desktop_app.resources").joinpath("default_tariffs.json").read_text(
        encoding="utf-8"
    )
    return [tariff_from_json(item) for item in json.loads(text)]


def tariff_from_json(item: dict[str, object]) -> Tariff:
    return Tariff(
        from_date=date.fromisoformat(str(item["from"])),
        point_value=Decimal(str(item["point_value"])),
        fal_support_per_year=Decimal(str(item["fal_support_per_year"])),
        fal_management_per_year=Decimal(str(item["fal_management_per_year"])),
        dsf_done=Decimal(str(item["dsf_done"])),
        dsf_closed_door=Decimal(str(item["dsf_closed_door"])),
        points_per_fte=int(str(item["points_per_fte"])),
        fal_per_fte=int(str(item["fal_per_fte"])),
    )


def tariff_on(tariffs: list[Tariff], day: date) -> Tariff:
    """The tariff in force on `day`: the latest one starting on or before it. Before the
    first one, the first one applies (the rules give no older figures)."""
    ordered = sorted(tariffs, key=lambda t: t.from_date) if tariffs else default_tariffs()
    chosen = ordered[0]
    for tariff in ordered:
        if tariff.from_date <= day:
            chosen = tariff
        else:
            break
    return chosen
