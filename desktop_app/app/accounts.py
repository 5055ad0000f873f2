"""Commands on the personal accounts of the association's server (Équipe › Comptes and
`suivi-fsl account …`): one transaction each (`store.account_admin.AccountAdmin`), French
`StoreError`s, a French sentence saying what was done. Accounts are server roles, not
records with versions: each command checks the account's state in its own transaction (an
account that exists, is already disabled, a household already shared… is refused)."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.store.account_admin import NOT_A_SERVER, AccountAdmin
from desktop_app.store.api import Store
from desktop_app.store.errors import RefusedError
from desktop_app.store.records import AccountLine
from desktop_app.store.repository import SqlStore


def _admin(store: Store) -> AccountAdmin:
    """The account operations of `store`; refused in French if it is not a server's."""
    if not isinstance(store, SqlStore):
        raise RefusedError(NOT_A_SERVER)
    return AccountAdmin(store)


def accounts(store: Store) -> list[AccountLine]:
    """The personal accounts, with their worker, state and shared households."""
    return _admin(store).accounts()


def add_account(store: Store, login: str, group: str, worker_id: str | None,
                password: str, today: date) -> str:
    """A creation: a new account (refused if the login exists)."""
    return _admin(store).add(login, group, worker_id, password, today)


def disable_account(store: Store, login: str, today: date) -> str:
    """Nothing to overwrite: the account disabled on `today` (refused if it already is)."""
    return _admin(store).disable(login, today)


def change_password(store: Store, login: str, password: str) -> str:
    """Nothing to overwrite: the account's new password."""
    return _admin(store).change_password(login, password)


def share_household(store: Store, login: str, household_id: str, at: datetime) -> str:
    """A creation: the household shared with the account (refused if it already is)."""
    return _admin(store).share(login, household_id, at)


def unshare_household(store: Store, login: str, household_id: str) -> str:
    """Nothing to overwrite: the share removed (refused if there is none)."""
    return _admin(store).unshare(login, household_id)
