"""The commands on a measure (`desktop_app.app.measures`), on a SQLite file and on
PostgreSQL: one transaction each, checked against the version the caller read, recorded in
the audit trail, the measure read once. Figures worked out by hand from `full_caseload`
(tests/store/builders.py): m1, ASLL of h1, 4 visits, 1 notice (portes closes, 10/10/2025)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.app import measures
from desktop_app.domain.model import (
    Household,
    Measure,
    MeasureType,
    NoticeKind,
    Period,
    Visit,
    VisitOutcome,
    VisitPlace,
)
from desktop_app.store.errors import ConflictError, RefusedError
from desktop_app.store.repository import SqlStore
from desktop_app.store.tracked import MEASURE_CHANGED
from tests.postgres import TestServer
from tests.server_team import Team
from tests.store.builders import D
from tests.store.raw import sql_rows

VISIT = Visit(D(2025, 9, 12), VisitOutcome.REALISEE, VisitPlace.DOMICILE)
#: A statement reading the `measures` table itself (not `periods`, `visits`… of a measure).
_REFUSED = f"^{re.escape(MEASURE_CHANGED)}$"
_READS_MEASURES = re.compile(r"^\s*SELECT\b.*\bFROM measures\b", re.IGNORECASE | re.DOTALL)


def _audit(store: SqlStore) -> list[tuple[Any, ...]]:
    return sql_rows(store, "SELECT profile, record_kind, record_id, household_id, action "
                    "FROM audit_log ORDER BY id")


def _m1(store: SqlStore) -> Measure:
    found = store.measure("m1")
    assert found is not None
    return found


@contextmanager
def _measure_reads(store: SqlStore) -> Iterator[list[str]]:
    """The SELECTs on the `measures` table run in the block, as the driver received them."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if _READS_MEASURES.match(statement):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)


def test_add_visit_appends_exactly_that_visit_with_one_audit_entry(store: SqlStore) -> None:
    before = _m1(store)
    entries = _audit(store)
    saved = measures.add_visit(store, "m1", VISIT, before)
    stored = _m1(store)
    # The 4 visits of the import in their list order, then the one added: nothing else moved.
    assert stored.visits == [*before.visits, VISIT]
    assert stored == replace(before, visits=[*before.visits, VISIT]) == saved
    # One entry more, by the current worker: the visit at canonical index 4 (03/07, 05/07,
    # 10/07 porte close, 10/07 réalisée, then 12/09).
    assert _audit(store) == [*entries, ("w1", "measure", "m1", "h1", "update")]
    assert store.history("h1")[-1].changes == {
        "visits[4]": (None, {"date": "2025-09-12", "outcome": "realisee", "place": "domicile",
                             "worker": None})}


def test_a_stale_version_is_refused_in_french_and_nothing_is_written(store: SqlStore) -> None:
    stale = _m1(store)
    elsewhere = replace(stale, referent="w2")
    store.save_measure(elsewhere, expected=stale)  # another window saved in between
    entries = _audit(store)
    with pytest.raises(ConflictError) as refused:
        measures.add_visit(store, "m1", VISIT, stale)
    assert str(refused.value) == (
        "Cette mesure a été modifiée ailleurs (autre fenêtre ou autre poste) depuis que vous "
        "l'avez ouverte : vos saisies sont conservées ; rechargez la mesure pour voir la "
        "nouvelle version, puis refaites vos modifications.") == MEASURE_CHANGED
    assert _m1(store) == elsewhere  # 4 visits, referent w2: the other save kept whole
    assert _audit(store) == entries
    with pytest.raises(ConflictError, match=_REFUSED):
        measures.change_measure(store, "m1", lambda m: replace(m, closed_on=D(2025, 12, 1)),
                                stale)
    assert _m1(store) == elsewhere and _audit(store) == entries


def test_a_measure_removed_meanwhile_is_refused_the_same_way(store: SqlStore) -> None:
    ghost = replace(_m1(store), id="m99")
    with pytest.raises(ConflictError, match=_REFUSED):
        measures.add_visit(store, "m99", VISIT, ghost)
    assert store.measure("m99") is None
    with pytest.raises(ConflictError, match=_REFUSED):
        measures.record_notice(store, "m99", NoticeKind.PORTES_CLOSES, D(2025, 9, 16))


def test_an_archived_file_is_refused_before_anything_is_written(store: SqlStore) -> None:
    # A household whose only measure ended on 30/11/2024: archived on 01/12/2026 (as in
    # tests/store/test_retention.py), its measure is read-only.
    store.save_household(Household("h9", "DURAND Marie"), new=True)
    ended = Measure("m9", "h9", MeasureType.ASLL, "w1",
                    periods=[Period(D(2024, 6, 1), D(2024, 11, 30))], closed_on=D(2024, 11, 30))
    store.save_measure(ended, new=True)
    store.archive_households(["h9"], D(2026, 12, 1))
    entries = _audit(store)
    with pytest.raises(RefusedError, match=r"^Ce dossier est archivé \(lecture seule\) depuis "
                                         r"le 01/12/2026"):
        measures.add_visit(store, "m9", VISIT, ended)
    assert store.measure("m9") == ended and _audit(store) == entries


def test_change_measure_takes_a_mutation_or_a_new_version(store: SqlStore) -> None:
    m1 = _m1(store)

    def close(measure: Measure) -> None:
        measure.closed_on = D(2025, 12, 15)

    closed = measures.change_measure(store, "m1", close, m1)
    assert _m1(store) == closed == replace(m1, closed_on=D(2025, 12, 15))
    moved = measures.change_measure(store, "m1", lambda m: replace(m, referent="w2"), closed)
    assert _m1(store) == moved == replace(m1, closed_on=D(2025, 12, 15), referent="w2")
    assert [e.changes for e in store.history("h1")[-2:]] == [
        {"closed_on": (None, "2025-12-15")}, {"referent": ("w1", "w2")}]


def test_record_notice_appends_the_notice(store: SqlStore) -> None:
    m1 = _m1(store)
    saved = measures.record_notice(store, "m1", NoticeKind.INDISPONIBILITE, D(2025, 9, 16))
    assert [(n.kind, n.sent_on) for n in _m1(store).notices] == [
        (NoticeKind.PORTES_CLOSES, D(2025, 10, 10)), (NoticeKind.INDISPONIBILITE, D(2025, 9, 16))]
    assert _m1(store) == saved and saved.visits == m1.visits
    assert _audit(store)[-1] == ("w1", "measure", "m1", "h1", "update")


def test_a_travailleur_of_the_server_adds_a_visit_under_its_account(
        pg_server: TestServer) -> None:
    """Row-level security (worked example 1, `tests.server_team`): w1 is referent of m1
    (4 visits); the row is updated without being looked for first, and the entry takes the
    account's name whatever profile the program chose."""
    team = Team(pg_server)
    try:
        store = team.open_as(team.add("w1", "travailleur", "w1"))
        try:
            store.profile = "w2"
            m1 = _m1(store)
            assert len(m1.visits) == 4
            saved = measures.add_visit(store, "m1", VISIT, m1)
            assert _m1(store) == saved and saved.visits == [*m1.visits, VISIT]
            assert [(e.profile, e.action) for e in store.history("h1")][-1] == (
                "w1", "update")
        finally:
            store.close()
    finally:
        team.close()


def _old_visit_save(store: SqlStore) -> None:
    """A visit as the measure screen saved it before the commands: the screen's job read the
    measure (`store.measure`), then `save_measure` read it again to check and diff it."""
    shown = _m1(store)
    with _measure_reads(store) as reads:
        measure = store.measure("m1")
        assert measure is not None
        measure.visits.append(VISIT)
        store.save_measure(measure, expected=shown)
    # store.measure: 1; the check in tracked.save_measure: 1; the upsert looking for the
    # row before updating it: 1.
    assert len(reads) == 3


def test_a_save_reads_the_measure_once(store: SqlStore) -> None:
    _old_visit_save(store)
    shown = _m1(store)
    with _measure_reads(store) as reads:
        saved = measures.add_visit(store, "m1", replace(VISIT, date=D(2025, 9, 19)), shown)
    assert len(reads) == 1, reads  # the read of the check; the write knows the row is there
    assert len(saved.visits) == 6 and _m1(store) == saved
    with _measure_reads(store) as reads:
        measures.change_measure(store, "m1", lambda m: replace(m, referent="w2"), saved)
    assert len(reads) == 1, reads
    # The dashboard's notice reads the measure to have a version to check against, then the
    # command reads it once (before: 3, the notice's read, the check's, the upsert's).
    with _measure_reads(store) as reads:
        measures.record_notice(store, "m1", NoticeKind.PORTES_CLOSES, D(2025, 9, 26))
    assert len(reads) == 2, reads

