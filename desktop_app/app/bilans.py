"""The command saving a bilan's text: one write transaction of the store, with its audit
entry « bilan »; checked against the text the editor read (`expected`)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.bilan_text import BilanText
from desktop_app.domain.model import ReportKind
from desktop_app.store.api import Store
from desktop_app.store.records import StoredBilan


def save_bilan(store: Store, measure_id: str, kind: ReportKind, period_end: date,
               text: BilanText, signed_on: date | None, sent_on: date | None, profile: str,
               expected: StoredBilan | None) -> None:
    """Save the text of the bilan of that report (signed on `signed_on`, sent on `sent_on`)
    by `profile` if the store still holds `expected` (None: never saved when the editor
    opened it): changed elsewhere since, refused in French (`ConflictError`) and nothing
    written."""
    store.save_bilan_text(measure_id, kind, period_end, text, signed_on, sent_on,
                          profile=profile, expected=expected)
