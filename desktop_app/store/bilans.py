"""What the worker writes in the bilan of one report of a measure, kept in
`bilan_texts`, and the report's `sent_on` / `signed` kept consistent with it.

The report itself (`reports`: kind, period_end, sent_on, signed) belongs to the measure and
to the interchange file; the text and the day it was signed live apart, so that saving the
measure (which replaces its reports) never loses them. Saving a bilan:

- writes the text and `signed_on` (one row per measure, kind and period end);
- sets the report's `sent_on` to the day given, and its `signed` to true when the bilan is
  signed; clearing « Signé le » of a bilan that was signed through it sets `signed` back to
  false, but a report marked signed elsewhere (import, « Noter un bilan ») without a day
  stays signed;
- adds the report when the measure has none for that period yet and the bilan was sent or
  signed (a draft alone adds nothing to the measure);
- records the change in the audit trail (record kind « bilan »), in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update

from desktop_app.domain.bilan_text import SECTIONS, BilanText
from desktop_app.domain.model import ReportKind
from desktop_app.store import audit
from desktop_app.store.errors import ConflictError, RefusedError
from desktop_app.store.records import SYSTEM_PROFILE, StoredBilan
from desktop_app.store.retention import refuse_if_archived
from desktop_app.store.tables import BILAN_TEXTS, MEASURES, REPORTS


class Unread(Enum):
    """`expected` not given: the bilan is saved without a look at what is stored."""

    UNREAD = "unread"


UNREAD = Unread.UNREAD

CHANGED_MEANWHILE = (
    "Ce bilan a été modifié ailleurs (autre fenêtre ou autre poste) depuis que vous l'avez "
    "ouvert : il n'a pas été enregistré et votre texte est toujours dans la fenêtre. Copiez-le, "
    "fermez puis rouvrez le bilan pour voir la version enregistrée, et reprenez-y vos ajouts.")


class UnknownMeasureError(RefusedError, LookupError):
    """The bilan's measure is not (or no longer) in the store (French message): refused like
    an unknown household (`RefusedError`, « Opération impossible » in the window)."""


def _key(measure_id: str, kind: ReportKind, period_end: date) -> Any:
    return and_(BILAN_TEXTS.c.measure_id == measure_id, BILAN_TEXTS.c.kind == kind.value,
                BILAN_TEXTS.c.period_end == period_end)


def _report_key(measure_id: str, kind: ReportKind, period_end: date) -> Any:
    return and_(REPORTS.c.measure_id == measure_id, REPORTS.c.kind == kind.value,
                REPORTS.c.period_end == period_end)


def bilan_text(connection: Connection, measure_id: str, kind: ReportKind,
               period_end: date) -> StoredBilan | None:
    """The bilan of the report (`kind`, `period_end`) of the measure, None if never saved."""

    row = connection.execute(
        select(BILAN_TEXTS).where(_key(measure_id, kind, period_end))).first()
    if row is None:
        return None
    values = row._mapping
    text = BilanText(**{name: values[name] or "" for name in SECTIONS})
    return StoredBilan(text, values["signed_on"], values["updated_at"])


def save_bilan_text(connection: Connection, measure_id: str, kind: ReportKind,
                    period_end: date, text: BilanText, signed_on: date | None,
                    sent_on: date | None, *, profile: str = SYSTEM_PROFILE,
                    at: datetime | None = None,
                    expected: StoredBilan | Unread | None = UNREAD) -> None:
    """Write the bilan and bring the measure's report in line (see the module's doc).

    `expected`: the bilan as the editor read it (None: there was none); if what is stored
    differs, `ConflictError` and nothing written (two writers). A text over the
    bounds of `BilanText.problems`: `RefusedError`, nothing written."""
    problems = text.problems()
    if problems:
        said = " ; ".join(problems)
        raise RefusedError(f"{said[0].upper()}{said[1:]}.")
    household = connection.execute(
        select(MEASURES.c.household_id).where(MEASURES.c.id == measure_id)).scalar()
    if household is None:
        raise UnknownMeasureError(
            f"La mesure « {measure_id} » n'existe plus dans la base : le bilan n'a pas été "
            "enregistré. Copiez votre texte, rouvrez le ménage et recommencez.")
    refuse_if_archived(connection, household)
    now = at or datetime.now().replace(microsecond=0)
    before = bilan_text(connection, measure_id, kind, period_end)
    if expected is not UNREAD and _content(before) != _content(expected):
        raise ConflictError(CHANGED_MEANWHILE)
    fields: dict[str, Any] = {name: getattr(text, name) for name in SECTIONS}
    fields.update(signed_on=signed_on, updated_at=now)
    if before is None:
        connection.execute(insert(BILAN_TEXTS).values(
            measure_id=measure_id, kind=kind.value, period_end=period_end, **fields))
    else:
        connection.execute(update(BILAN_TEXTS).where(_key(measure_id, kind, period_end))
                           .values(**fields))
    report_before = _update_report(connection, measure_id, kind, period_end, before,
                                   signed_on, sent_on)
    changes = _changes(before, text, signed_on, report_before, sent_on)
    if changes or before is None:
        audit.record(connection, profile=profile, record_kind="bilan",
                     record_id=f"{measure_id}/{kind.value}/{period_end.isoformat()}",
                     household_id=household, action="create" if before is None else "update",
                     changes=changes, at=now)


def _content(stored: StoredBilan | None) -> tuple[BilanText, date | None] | None:
    """What a worker wrote and signed (the time of the save aside)."""
    return None if stored is None else (stored.text, stored.signed_on)


def _update_report(connection: Connection, measure_id: str, kind: ReportKind,
                   period_end: date, before: StoredBilan | None, signed_on: date | None,
                   sent_on: date | None) -> tuple[date | None, bool] | None:
    """Set the report's sent_on / signed; (sent_on, signed) it had, None if it had none."""
    key = _report_key(measure_id, kind, period_end)
    rows = connection.execute(select(REPORTS.c.sent_on, REPORTS.c.signed).where(key)).all()
    if not rows:
        if sent_on is not None or signed_on is not None:
            connection.execute(insert(REPORTS).values(
                measure_id=measure_id, kind=kind.value, period_end=period_end, sent_on=sent_on,
                signed=signed_on is not None))
        return None
    was_sent, was_signed = rows[0].sent_on, bool(rows[0].signed)
    unsigned_here = signed_on is None and before is not None and before.signed_on is not None
    signed = True if signed_on is not None else (False if unsigned_here else was_signed)
    connection.execute(update(REPORTS).where(key).values(sent_on=sent_on, signed=signed))
    return was_sent, was_signed


def _changes(before: StoredBilan | None, text: BilanText, signed_on: date | None,
             report_before: tuple[date | None, bool] | None,
             sent_on: date | None) -> dict[str, tuple[Any, Any]]:
    """{field: (before, after)} of what changed (dates as « AAAA-MM-JJ » text)."""

    def iso(day: date | None) -> str | None:
        return day.isoformat() if day is not None else None

    old = before.text if before is not None else BilanText()
    changes: dict[str, tuple[Any, Any]] = {
        name: (getattr(old, name), getattr(text, name)) for name in SECTIONS
        if getattr(old, name) != getattr(text, name)}
    old_signed = before.signed_on if before is not None else None
    if old_signed != signed_on:
        changes["signed_on"] = (iso(old_signed), iso(signed_on))
    old_sent = report_before[0] if report_before is not None else None
    if old_sent != sent_on:
        changes["sent_on"] = (iso(old_sent), iso(sent_on))
    return changes
