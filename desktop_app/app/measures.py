"""Commands on a measure: each one write transaction of the store (`Store.update_measure`)
that reads the measure once, refuses in French (`ConflictError`, `MEASURE_CHANGED`) if it is
not the version the caller read (`expected`), applies the change and records it in the audit
trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.domain.model import Measure, Notice, NoticeKind, Visit
from desktop_app.store.api import Store
from desktop_app.store.errors import ConflictError
from desktop_app.store.tracked import MEASURE_CHANGED

#: A change of a measure: mutates the measure given, or returns its new version.
Change = Callable[[Measure], Measure | None]


def change_measure(store: Store, measure_id: str, change: Change,
                   expected: Measure) -> Measure:
    """Apply `change` to the stored measure `measure_id` if it is still `expected`; the
    measure saved."""
    return store.update_measure(measure_id, change, expected=expected)


def add_visit(store: Store, measure_id: str, visit: Visit, expected: Measure) -> Measure:
    """Add `visit` (last of the measure's visits) if the measure is still `expected`."""

    def append(measure: Measure) -> None:
        measure.visits.append(visit)

    return store.update_measure(measure_id, append, expected=expected)


def record_notice(store: Store, measure_id: str, kind: NoticeKind, sent_on: date) -> Measure:
    """Record that the SLISL was told (`kind`) on `sent_on`: the measure is read, then the
    notice added against what was read — a change made elsewhere in between is refused in
    French (`ConflictError`), never overwritten. A measure no longer stored: refused the same
    way."""
    read = store.measure(measure_id)
    if read is None:
        raise ConflictError(MEASURE_CHANGED)

    def append(measure: Measure) -> None:
        measure.notices.append(Notice(kind, sent_on))

    return store.update_measure(measure_id, append, expected=read)
