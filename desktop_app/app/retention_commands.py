"""Commands of the keeping rules (RGPD): archive, anonymise, delete households, and the
rules' settings; one write transaction of the store each, with the audit entries. The store
refuses in French (`StoreError`) a household not due on the day given, so a change made
elsewhere (a new measure…) is never overwritten."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.retention import RetentionSettings
from desktop_app.reports.layout import load_layout
from desktop_app.store.api import Store


def archive(store: Store, ids: list[str], on: date) -> None:
    """Nothing to overwrite: the households `ids` moved to the read-only archive on `on`
    (each one checked due in the transaction)."""
    store.archive_households(ids, on)


def anonymise(store: Store, ids: list[str], on: date) -> None:
    """Nothing to overwrite: the archived households `ids` anonymised on `on` (each one
    checked past its keeping date in the transaction), with the annual grids' profile
    brackets of the report layout."""
    store.anonymise_households(ids, on, brackets=load_layout().brackets)


def delete(store: Store, ids: list[str], on: date) -> None:
    """Nothing to overwrite: the archived households `ids` deleted on `on` (each one checked
    past its keeping date in the transaction)."""
    store.delete_households(ids, on)


def save_settings(store: Store, settings: RetentionSettings) -> None:
    """Nothing to overwrite: the keeping durations replaced whole by what was typed (the
    audit trail keeps the previous ones)."""
    store.save_retention_settings(settings)
