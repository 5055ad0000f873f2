"""Commands on a measure: each one write transaction of the store (`Store.update_measure`)
that reads the measure once, refuses in French (`ConflictError`, `MEASURE_CHANGED`) if it is
not the version the caller read (`expected`), applies the change and records it in the audit
trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.domain.dsf_content import DsfContent, content_problems, is_blank
from desktop_app.domain.model import Measure, MeasureType, Notice, NoticeKind, Visit
from desktop_app.store.api import Store
from desktop_app.store.errors import ConflictError, RefusedError
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


NOT_A_DSF = "Le contenu du diagnostic ne se renseigne que pour un DSF."


def save_dsf_content(store: Store, measure_id: str, content: DsfContent | None,
                     expected: Measure) -> Measure:
    """Record what the DSF `measure_id` says (`content`; None or nothing filled in: no
    content) if the measure is still `expected`. Refused in French, nothing written: a
    measure that is not a DSF, or a content `content_problems` finds wrong against the
    diagnostic's date as stored (`RefusedError`, the messages one per line)."""

    def record(measure: Measure) -> None:
        if measure.type is not MeasureType.DSF:
            raise RefusedError(NOT_A_DSF)
        if content is None or is_blank(content):
            measure.dsf_content = None
            return
        problems = content_problems(content, measure.done_on)
        if problems:
            raise RefusedError("\n".join(problems.values()))
        measure.dsf_content = content

    return store.update_measure(measure_id, record, expected=expected)
