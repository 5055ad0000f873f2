"""The « Modifications » table of the household file: its audit trail, newest
first — Date « 29/11/2026 14:05 », Profil (the worker's name), Fiche, Action, Changements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktop_app.store.records import SYSTEM_PROFILE, AuditEntry
from desktop_app.ui.history_text import Names, action_label, change_lines, record_label
from desktop_app.ui.models import Column, RowTableModel


@dataclass(frozen=True, slots=True)
class HistoryLine:
    entry: AuditEntry
    when: str
    profile: str
    record: str
    action: str
    changes: list[str]

    @property
    def changes_text(self) -> str:
        return " ; ".join(self.changes)


def history_line(entry: AuditEntry, names: Names, measure_types: Mapping[str, str]) -> HistoryLine:
    profile = "Système" if entry.profile == SYSTEM_PROFILE else names(entry.profile)
    return HistoryLine(entry, entry.at.strftime("%d/%m/%Y %H:%M"), profile,
                       record_label(entry, measure_types), action_label(entry.action),
                       change_lines(entry, names))


COLUMNS: list[Column[HistoryLine]] = [
    Column("Date", lambda h: h.when, lambda h: h.entry.at.isoformat(), fit=True),
    Column("Profil", lambda h: h.profile, fit=True),
    Column("Fiche", lambda h: h.record, fit=True),
    Column("Action", lambda h: h.action, fit=True),
    Column("Changements", lambda h: h.changes_text, tooltip=lambda h: "\n".join(h.changes)),
]


class HistoryModel(RowTableModel[HistoryLine]):
    """One row per entry of the trail, the newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_entries(self, entries: Sequence[AuditEntry], names: Names,
                    measure_types: Mapping[str, str]) -> None:
        self.set_rows([history_line(e, names, measure_types) for e in reversed(entries)])
