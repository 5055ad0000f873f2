"""Commands on a household and its new measures: one write transaction of the store each,
recorded in the audit trail. A change is checked against the version the caller read
(`expected`): changed elsewhere since, it is refused in French (`ConflictError`,
`HOUSEHOLD_CHANGED`) and nothing is written. A creation takes a fresh id (`Store.new_id`) and
is refused the same way if another window or process took that id meanwhile (`ID_TAKEN`)."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.domain.model import Household, Measure
from desktop_app.store.api import Store


def create_household(store: Store, household: Household) -> Household:
    """A creation: `household` (its id ignored) saved under a fresh id `h…`; the household
    saved."""
    created = replace(household, id=store.new_id("h"))
    store.save_household(created, new=True)
    return created


def change_household(store: Store, household: Household, expected: Household) -> Household:
    """Save `household` if the store still holds `expected` (the version shown)."""
    store.save_household(household, expected=expected)
    return household


def create_measure(store: Store, measure: Measure) -> Measure:
    """A creation: a new measure of its household (its id ignored) saved under a fresh id
    `m…`; the measure saved."""
    created = replace(measure, id=store.new_id("m"))
    store.save_measure(created, new=True)
    return created
