"""Commands bringing records in or taking an import back: an interchange file imported, a
household's file merged, the demonstration data, an import undone; one write transaction of
the store each, recorded as an import batch. They only add records (a merge reports what
differs and leaves it), or take back a batch the store checks unchanged since."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.model import Caseload
from desktop_app.store.api import Store
from desktop_app.store.records import MergeReport


def import_parts(store: Store, parts: Iterable[Caseload], source: str) -> dict[str, int]:
    """A creation: every record of the file read in pieces (`parts`), or none
    (`DuplicateIdsError` if an id exists); what was added."""
    return store.import_parts(parts, source=source)


def import_caseload(store: Store, caseload: Caseload, source: str = "", *,
                    only_if_empty: bool = False) -> None:
    """A creation: every record of `caseload`, or none; `only_if_empty`: refused
    (`NotEmptyError`) if the store holds records (the demonstration data)."""
    store.import_caseload(caseload, source, only_if_empty=only_if_empty)


def merge_household_file(store: Store, caseload: Caseload, source: str) -> MergeReport:
    """A creation: what is absent here added, what is identical skipped, what differs
    reported and left as it is (never overwritten)."""
    return store.merge_caseload(caseload, source)


def undo_import(store: Store, batch_id: int) -> None:
    """Nothing to overwrite: the batch's records deleted whole, refused in French
    (`StoreError`) naming what changed since the import."""
    store.undo_import(batch_id)
