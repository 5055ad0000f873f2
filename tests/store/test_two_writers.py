"""Two writers on one store: an edit made on a version changed meanwhile is refused
with a French message, and the store keeps the first writer's version."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.domain.model import Household, Measure, MeasureType, Vacancy, Visit, VisitOutcome
from desktop_app.store import writers
from desktop_app.store.engine import WRITER_LOCK
from desktop_app.store.errors import ConflictError
from desktop_app.store.repository import SqlStore, open_store
from tests.store.builders import D, full_caseload

HOUSEHOLD_MESSAGE = (
    "Ce ménage a été modifié ailleurs (autre fenêtre ou autre poste) depuis que vous l'avez "
    "ouvert : vos saisies sont conservées ; rechargez le dossier pour voir la nouvelle "
    "version, puis refaites vos modifications.")


@pytest.fixture
def two(store_url: str) -> Iterator[tuple[SqlStore, SqlStore]]:
    """Two stores on one file or database: two engines, two connection pools, as two
    processes."""
    first = open_store(store_url)
    first.import_caseload(full_caseload())
    second = open_store(store_url)
    yield first, second
    first.close()
    second.close()


def test_household_second_writer_refused(two: tuple[SqlStore, SqlStore]) -> None:
    first, second = two
    read_by_first, read_by_second = first.household("h1"), second.household("h1")
    assert read_by_first is not None and read_by_second is not None
    first.save_household(replace(read_by_first, phone="0700000001"), expected=read_by_first)
    with pytest.raises(ConflictError) as refused:
        second.save_household(replace(read_by_second, city="Lens"), expected=read_by_second)
    assert str(refused.value) == HOUSEHOLD_MESSAGE
    stored = second.household("h1")
    assert stored is not None and (stored.phone, stored.city) == ("0700000001", "Arras")
    # Reloaded, the second writer's edit goes through.
    second.save_household(replace(stored, city="Lens"), expected=stored)
    assert second.household("h1") == replace(stored, city="Lens")


def test_measure_second_writer_refused_and_no_entry(two: tuple[SqlStore, SqlStore]) -> None:
    first, second = two
    stale = second.measure("m5")
    fresh = first.measure("m5")
    assert stale is not None and fresh is not None
    fresh.visits.append(Visit(D(2025, 10, 8), VisitOutcome.REALISEE))
    first.save_measure(fresh, expected=first.measure("m5"))
    entries = len(first.history("h2"))
    with pytest.raises(ConflictError, match=r"^Cette mesure a été modifiée ailleurs"):
        second.save_measure(replace(stale, closed_on=D(2025, 12, 31)), expected=stale)
    assert second.measure("m5") == fresh  # the first writer's version, visit included
    assert len(first.history("h2")) == entries  # no entry for the refused save


def test_worker_and_home_second_writer_refused(two: tuple[SqlStore, SqlStore]) -> None:
    first, second = two
    w2, home = second.workers()[1], second.homes()[1]
    first.save_worker(replace(w2, fte=0.5), expected=w2)
    first.save_home(replace(home, vacancies=[Vacancy(D(2026, 1, 1), D(2026, 1, 9))]),
                    expected=home)
    with pytest.raises(ConflictError, match=r"^Cette fiche de l'équipe"):
        second.save_worker(replace(w2, name="Karim B."), expected=w2)
    with pytest.raises(ConflictError, match=r"^Ce logement a été modifié ailleurs"):
        second.save_home(replace(home, address="autre"), expected=home)
    assert (second.workers()[1].fte, second.homes()[1].address) == (0.5, "8 rue Haute, Lens")


def test_a_record_deleted_or_never_saved_is_a_conflict(two: tuple[SqlStore, SqlStore]) -> None:
    first, _second = two
    h1 = first.household("h1")
    assert h1 is not None
    with pytest.raises(ConflictError):  # the editor read an h9 the store does not hold
        first.save_household(replace(h1, id="h9"), expected=replace(h1, id="h9"))
    assert first.household("h9") is None


def test_check_and_write_in_one_immediate_transaction(
    two: tuple[SqlStore, SqlStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first writer holds its transaction open after its check; the second one, started
    meanwhile with the same `expected`, waits for the write lock (BEGIN IMMEDIATE on SQLite,
    the writers' advisory lock on PostgreSQL) and then sees the first one's version: refused.
    A deferred BEGIN (a plain transaction) would let both pass the check. The first writer
    commits only once the second one has asked for the write lock: no guess of how long a
    thread takes to get there."""
    first, second = two
    read = first.household("h2")
    assert read is not None
    checked, begun = threading.Event(), threading.Event()
    begins: list[str] = []
    real = writers.save_household

    def slow(connection: Any, household: Any) -> None:
        real(connection, household)
        if household.phone == "first":
            checked.set()
            assert begun.wait(timeout=30)  # a bound for a hang, not a timing

    def second_begins(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        takes_lock = statement.startswith("BEGIN") or "pg_advisory_xact_lock" in statement
        if takes_lock and threading.current_thread() is thread:
            begins.append(statement)
            begun.set()

    monkeypatch.setattr(writers, "save_household", slow)
    event.listen(second.engine, "before_cursor_execute", second_begins)
    outcome: dict[str, BaseException | None] = {}

    def second_writer() -> None:
        assert checked.wait(timeout=30)
        try:
            second.save_household(replace(read, phone="second"), expected=read)
            outcome["second"] = None
        except BaseException as error:
            outcome["second"] = error

    thread = threading.Thread(target=second_writer)
    thread.start()
    try:
        first.save_household(replace(read, phone="first"), expected=read)
    finally:
        begun.set()  # never leave a thread waiting if the first writer failed
        thread.join(timeout=30)
        event.remove(second.engine, "before_cursor_execute", second_begins)
    assert begins == (["BEGIN IMMEDIATE"] if second.engine.dialect.name == "sqlite"
                      else [f"SELECT pg_advisory_xact_lock({WRITER_LOCK})"])
    assert isinstance(outcome["second"], ConflictError)
    stored = first.household("h2")
    assert stored is not None and stored.phone == "first"


CHILD = """
import sys
from dataclasses import replace
from desktop_app.store.errors import ConflictError
from desktop_app.store.repository import open_store
store = open_store(sys.argv[1])
stale = store.household("h1")
print("read", flush=True)
sys.stdin.readline()  # the parent saves meanwhile
try:
    store.save_household(replace(stale, city="Lens"), expected=stale)
    print("saved")
except ConflictError as error:
    print("conflict:", error)
"""


def test_two_processes(two: tuple[SqlStore, SqlStore], store_url: str) -> None:
    first, _second = two
    child = subprocess.Popen([sys.executable, "-c", CHILD, store_url],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "read\n"
    h1 = first.household("h1")
    assert h1 is not None
    first.save_household(replace(h1, phone="0700000002"), expected=h1)
    output, _ = child.communicate("go\n", timeout=60)
    assert output == f"conflict: {HOUSEHOLD_MESSAGE}\n"
    stored = first.household("h1")
    assert stored is not None and (stored.phone, stored.city) == ("0700000002", "Arras")


def test_two_new_records_under_one_id_never_overwrite(two: tuple[SqlStore, SqlStore]) -> None:
    first, second = two
    # full_caseload holds h1, h2 and m1–m6: both windows are handed h3 and m7 by `new_id`.
    ids = [(store.new_id("h"), store.new_id("m")) for store in (first, second)]
    assert ids == [("h3", "m7"), ("h3", "m7")]
    first.save_household(Household("h3", "PREMIER Paul"), new=True)
    first.save_measure(Measure("m7", "h3", MeasureType.DSF, "w1"), new=True)
    with pytest.raises(ConflictError, match=r"^L'identifiant h3 vient d'être pris"):
        second.save_household(Household("h3", "SECOND Jean"), new=True)
    with pytest.raises(ConflictError, match=r"^L'identifiant m7 vient d'être pris"):
        second.save_measure(Measure("m7", "h1", MeasureType.ASLL, "w2"), new=True)
    household, measure = first.household("h3"), first.measure("m7")
    assert household is not None and household.name == "PREMIER Paul"
    assert measure is not None and (measure.household, measure.type) == ("h3", "DSF")
    assert [e.action for e in first.history("h3")] == ["create", "create"]  # no overwrite
    assert second.new_id("h") == "h4"  # saving again takes the next one
