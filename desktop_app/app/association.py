"""Commands on the association's settings: its record (conventions, grids and occupancy
tables sent, name), its tariffs and its alert settings; one write transaction of the store
each, recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.domain.model import AlertSettings, Association, GridSent, Tariff
from desktop_app.store.api import Store

#: A change of the association: mutates the association given, or returns its new version.
Change = Callable[[Association], Association | None]


def change_association(store: Store, change: Change) -> Association:
    """Nothing to overwrite: `change` (a name typed, a convention, a date sent…) is applied
    to the stored association in the transaction that writes it, so a change saved
    elsewhere before is kept; the association saved."""
    return store.update_association(change)


def mark_grid_sent(store: Store, year: int, day: date) -> Association:
    """Nothing to overwrite (see `change_association`): the grid of `year` sent on `day`
    (one date per year: a new one replaces the old)."""

    def mark(association: Association) -> None:
        association.grids_sent = [g for g in association.grids_sent if g.year != year]
        association.grids_sent.append(GridSent(year, day))
        association.grids_sent.sort(key=lambda g: g.year)

    return store.update_association(mark)


def add_tariff(store: Store, tariff: Tariff, expected: list[Tariff]) -> list[Tariff]:
    """Add `tariff` to the tariffs (sorted by start) if the store still holds `expected`
    (the tariffs shown): changed elsewhere since, refused in French (`ConflictError`,
    `TARIFFS_CHANGED`) and nothing written."""
    tariffs = sorted([*expected, tariff], key=lambda t: t.from_date)
    store.save_tariffs(tariffs, expected=expected)
    return tariffs


def save_alert_settings(store: Store, settings: AlertSettings,
                        expected: AlertSettings) -> AlertSettings:
    """Save the alert settings if the store still holds `expected` (those shown): changed
    elsewhere since, refused in French (`ConflictError`, `SETTINGS_CHANGED`) and nothing
    written."""
    store.save_alert_settings(settings, expected=expected)
    return settings
