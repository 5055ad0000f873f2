"""Commands on the ALT homes: one write transaction of the store each, recorded in the audit
trail. A change is checked against the version the caller read (`expected`): changed
elsewhere since, it is refused in French (`ConflictError`, `HOME_CHANGED`) and nothing is
written. A creation is refused the same way if its fresh id was taken meanwhile."""

from __future__ import annotations

from desktop_app.domain.model import Home
from desktop_app.store.api import Store


def create_home(store: Store, address: str) -> Home:
    """A creation: a new home at `address` under a fresh id `u…`; the home saved."""
    home = Home(store.new_id("u"), address)
    store.save_home(home, new=True)
    return home


def change_home(store: Store, home: Home, expected: Home) -> Home:
    """Save `home` (its address, a vacancy added…) if the store still holds `expected`."""
    store.save_home(home, expected=expected)
    return home
